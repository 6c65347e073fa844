/**
 * Import benchmark: parsing the seed fixture (the portal's 29-column export as text) and a generated
 * ~5 MB export of the same shape (the seed's project rows repeated under new names), with parseText.
 * No issue set a target for these; they are reported for comparison between runs.
 */
import { readFileSync } from 'node:fs';
import { parseText } from '../lib/parse/index';
import { latencyFigure, sample } from './sampling';
import { type BenchSuite, runIfMain } from './types';

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

const suite: BenchSuite = async () => {
  const seed = readFileSync(SEED, 'utf8');
  const seedProjects = parseText(seed).projects.length;
  // The seed first, before the 5 MB text and its parse fill the heap (its GC pauses would land in the seed's calls).
  const seedSamples = await sample(() => parseText(seed), { time: 6000, warmupTime: 1000 });
  const big = bigExport(seed);
  const bigProjects = parseText(big).projects.length;
  const bigSamples = await sample(() => parseText(big), { time: 0, iterations: 16, warmupTime: 0, warmupIterations: 2 });
  return [
    latencyFigure('import.seed-fixture', 'import (parseText) of the seed fixture baiyun-perf-targets.txt', seedSamples, {
      note: `${Buffer.byteLength(seed)} bytes, ${seedProjects} projects`,
    }),
    latencyFigure('import.export-5mb', 'import (parseText) of a generated 5 MB export (seed rows repeated)', bigSamples, {
      note: `${(Buffer.byteLength(big) / 2 ** 20).toFixed(1)} MB, ${bigProjects} projects`,
    }),
  ];
};

export default suite;

// `npx tsx bench/import.bench.ts` runs this suite alone.
runIfMain(import.meta.url, suite);
