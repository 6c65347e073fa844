/**
 * Latency sampling for the Node suites (tinybench underneath): each call's wall time and the process's
 * CPU time for it, percentiles, and the figure built from them.
 *
 * The figure is the wall clock (what a person waits), over the calls made in the machine's quiet phases
 * (bench/stats.ts), with every call's percentiles beside it. The CPU median of the same calls is kept too:
 * a wall time well above it means the call waited for a core.
 */
import { loadavg } from 'node:os';
import { Bench } from 'tinybench';
import { quietNote, quietStats } from './stats';
import type { BenchFigure } from './types';

/** Rounds to 3 significant decimals for ms-sized figures. */
export function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Wall and CPU milliseconds of each measured call (warm-up calls left out), in call order. */
export interface Sampled {
  wall: number[];
  cpu: number[];
}

export interface SampleOptions {
  /** Measure for at least this long (ms), and at least `iterations` calls. */
  time?: number;
  iterations?: number;
  warmupTime?: number;
  warmupIterations?: number;
}

/** Runs `fn` under tinybench and keeps each measured call's wall time and the process CPU time it used. */
export async function sample(fn: () => unknown, options: SampleOptions = {}): Promise<Sampled> {
  const cpu: number[] = [];
  const bench = new Bench({
    time: options.time ?? 3000,
    iterations: options.iterations ?? 10,
    warmupTime: options.warmupTime ?? 500,
    warmupIterations: options.warmupIterations ?? 5,
    retainSamples: true,
  });
  bench.add('task', () => {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    cpu.push((used.user + used.system) / 1000);
  });
  await bench.run();
  const result = bench.getTask('task')?.result as { error?: unknown; latency?: { samples?: number[] } } | undefined;
  if (result?.error) throw result.error;
  const wall = [...(result?.latency?.samples ?? [])];
  // The warm-up calls went through the same wrapper first: the last `wall.length` entries are the measured ones.
  return { wall, cpu: cpu.slice(Math.max(0, cpu.length - wall.length)) };
}

/** The machine's load while measuring. */
export function loadNote(): string {
  return `load average ${loadavg()[0]!.toFixed(1)}`;
}

/**
 * A latency figure: p50/p95 of the wall times in the machine's quiet phases (bench/stats.ts) with the CPU
 * median of the same calls beside them, every call's p50/p95 kept in `every`; judged on p95 against `target`.
 */
export function latencyFigure(id: string, label: string, sampled: Sampled, options: { target?: number; note: string }): BenchFigure {
  const s = quietStats(sampled.wall, sampled.cpu);
  const p95 = round(s.p95);
  const cpuP50 = s.cpuP50 === undefined ? undefined : round(s.cpuP50);
  return {
    id,
    label,
    unit: 'ms',
    p50: round(s.p50),
    p95,
    value: p95,
    every: { p50: round(s.every.p50), p95: round(s.every.p95) },
    ...(cpuP50 !== undefined && Number.isFinite(cpuP50) ? { cpuP50 } : {}),
    ...(options.target === undefined ? {} : { target: { op: '<=' as const, value: options.target } }),
    note: `${sampled.wall.length} runs after warm-up; ${quietNote(s)}; ${options.note}; CPU p50 ${cpuP50 ?? '—'} ms per call (quiet runs, process, all threads); ${loadNote()}`,
  };
}
