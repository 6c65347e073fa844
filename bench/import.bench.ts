/**
 * Import benchmark: parsing the seed fixture (the portal's 29-column export as text) and a generated
 * ~5 MB export of the same shape (the seed's project rows repeated under new names), with parseText.
 * No issue set a target for these; they are reported for comparison between runs.
 */
import { readFileSync } from 'node:fs';
import { Bench } from 'tinybench';
import { parseText } from '../lib/parse/index';
import type { BenchFigure, BenchSuite } from './types';

const SEED = new URL('../test/fixtures/baiyun-perf-targets.txt', import.meta.url);
const TARGET_BYTES = 5 * 1024 * 1024;

/** The seed's header lines, then its project lines repeated (names numbered) until the text is ~5 MB. */
export function bigExport(seed: string, bytes = TARGET_BYTES): string {
  const lines = seed.split(/\r?\n/);
  const header = lines.slice(0, 4);
  const projects = lines.slice(4).filter((l) => l.trim() !== '');
  const out = [...header];
  let size = Buffer.byteLength(header.join('\n'));
  for (let copy = 1; size < bytes; copy += 1) {
    for (const line of projects) {
      const tab = line.indexOf('\t');
      const renamed = tab > 0 ? `${line.slice(0, tab)}（${copy}）${line.slice(tab)}` : line;
      out.push(renamed);
      size += Buffer.byteLength(renamed) + 1;
    }
  }
  return out.join('\n');
}

function figure(id: string, label: string, samples: readonly number[], note: string): BenchFigure {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  const round = (n: number) => Number(n.toFixed(2));
  return { id, label, unit: 'ms', p50: round(at(50)), p95: round(at(95)), value: round(at(95)), note: `${samples.length} runs after warm-up; ${note}` };
}

const suite: BenchSuite = async () => {
  const seed = readFileSync(SEED, 'utf8');
  const big = bigExport(seed);
  const bigProjects = parseText(big).projects.length;
  const seedProjects = parseText(seed).projects.length;
  const bench = new Bench({ warmupIterations: 50, iterations: 300, time: 0, warmupTime: 0, retainSamples: true });
  bench.add('seed', () => {
    parseText(seed);
  });
  await bench.run();
  const seedSamples = [...((bench.getTask('seed')?.result as { latency?: { samples?: number[] } })?.latency?.samples ?? [])];
  const bigBench = new Bench({ warmupIterations: 1, iterations: 5, time: 0, warmupTime: 0, retainSamples: true });
  bigBench.add('big', () => {
    parseText(big);
  });
  await bigBench.run();
  const bigSamples = [...((bigBench.getTask('big')?.result as { latency?: { samples?: number[] } })?.latency?.samples ?? [])];
  return [
    figure('import.seed-fixture', 'import (parseText) of the seed fixture baiyun-perf-targets.txt', seedSamples, `${Buffer.byteLength(seed)} bytes, ${seedProjects} projects`),
    figure(
      'import.export-5mb',
      'import (parseText) of a generated 5 MB export (seed rows repeated)',
      bigSamples,
      `${(Buffer.byteLength(big) / 2 ** 20).toFixed(1)} MB, ${bigProjects} projects`,
    ),
  ];
};

export default suite;
