/**
 * Latency sampling for the Node suites (tinybench underneath): each call's wall time and the process's
 * CPU time for it, percentiles, and the figure built from them.
 *
 * The figure is the wall clock (what a person waits). The CPU median of the same calls is kept beside it:
 * a wall time well above it means the calls waited for a core. Neither is steady on a shared VM whose speed
 * for the same code swings between two levels (bench/README.md, "Repeatability"); longer windows and
 * several processes are what make the medians agree between runs.
 */
import { loadavg } from 'node:os';
import { Bench } from 'tinybench';
import { percentile } from './stats';
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

/** A latency figure: p50/p95 of the wall times, the CPU median beside them, judged on p95 against `target`. */
export function latencyFigure(id: string, label: string, sampled: Sampled, options: { target?: number; note: string }): BenchFigure {
  const wall = [...sampled.wall].sort((a, b) => a - b);
  const cpu = [...sampled.cpu].sort((a, b) => a - b);
  const p95 = round(percentile(wall, 95));
  const cpuP50 = round(percentile(cpu, 50));
  return {
    id,
    label,
    unit: 'ms',
    p50: round(percentile(wall, 50)),
    p95,
    value: p95,
    ...(Number.isFinite(cpuP50) ? { cpuP50 } : {}),
    ...(options.target === undefined ? {} : { target: { op: '<=' as const, value: options.target } }),
    note: `${wall.length} runs after warm-up; ${options.note}; CPU p50 ${cpuP50} ms per call (process, all threads); ${loadNote()}`,
  };
}
