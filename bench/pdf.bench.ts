/**
 * PDF import benchmark (issue 17, part 3): `parseFileBytes` of a ~20-page PDF table — the seed export's
 * rows printed by Chromium as a unit prints its table (test/unit/parse/make-pdf.ts; cached under
 * os.tmpdir(), so Chromium runs only the first time) — p50/p95 of whole imports (pdf.js text extraction,
 * table rebuilding, parseRows), and the resident memory the imports add at their peak (Linux VmHWM, reset
 * before the measured runs).
 *
 * `npm run bench -- pdf` or `BENCH_ONLY=pdf npm run bench` runs it alone. No issue set a target.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseFileBytes } from '../lib/parse/index';
import { readPdf } from '../lib/parse/read-pdf';
import { htmlToPdf, tableHtml } from '../test/unit/parse/make-pdf';
import { loadNote, round } from './sampling';
import { percentile } from './stats';
import { type BenchFigure, type BenchSuite, runIfMain } from './types';

const SEED = new URL('../test/fixtures/baiyun-perf-targets.txt', import.meta.url);

/** The seed's table, its project rows repeated (names numbered) to `rows` rows, as a PDF. */
async function tablePdf(rows: number): Promise<Uint8Array> {
  const lines = readFileSync(SEED, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '').map((l) => l.split('\t'));
  const [title, header, ...body] = lines;
  const projects = body.slice(3); // After 合计 and the unit row.
  const out = body.slice(0, 3);
  for (let copy = 1; out.length < rows; copy += 1) {
    for (const row of projects) if (out.length < rows) out.push([`${row[0]}(${copy})`, ...row.slice(1)]);
  }
  return htmlToPdf(tableHtml([header!, ...out], { before: [title!.join(' ')], widths: [2.5, 1, 1, 1, 1, 4, 9], headerRows: 1 }));
}

const peakKb = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN);

const suite: BenchSuite = async () => {
  // 15 rows of the seed's long indicator cells print on about 20 A4 landscape pages.
  const pdf = await tablePdf(15);
  const content = await readPdf(pdf, 'bench.pdf');
  const projects = (await parseFileBytes(pdf, 'bench.pdf')).projects.length;
  // Warm-up (pdf.js modules, JIT), then measured imports one after another.
  for (let i = 0; i < 2; i += 1) await parseFileBytes(pdf, 'bench.pdf');
  (globalThis as { gc?: () => void }).gc?.();
  const rssBefore = process.memoryUsage().rss;
  // Linux: reset the peak-RSS mark, so VmHWM afterwards is the peak while importing.
  writeFileSync('/proc/self/clear_refs', '5');
  const wall: number[] = [];
  const cpu: number[] = [];
  const started = performance.now();
  while (wall.length < 10 || (wall.length < 40 && performance.now() - started < 20_000)) {
    const cpuStart = process.cpuUsage();
    const t = performance.now();
    await parseFileBytes(pdf, 'bench.pdf');
    wall.push(performance.now() - t);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  const peakMb = peakKb() / 1024;
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const p95 = round(percentile(wall, 95));
  const cpuP50 = round(percentile(cpu, 50));
  const size = `${(pdf.length / 1024).toFixed(0)} KB, ${content.pages} pages, ${projects} projects`;
  const figures: BenchFigure[] = [
    {
      id: 'pdf.import-20-pages',
      label: `import (parseFileBytes) of a ${content.pages}-page PDF table (the seed export printed by Chromium)`,
      unit: 'ms',
      p50: round(percentile(wall, 50)),
      p95,
      value: p95,
      cpuP50,
      note: `${wall.length} runs after 2 warm-up; ${size}; CPU p50 ${cpuP50} ms per call (process, all threads); ${loadNote()}`,
    },
    {
      id: 'pdf.import-peak-rss-added',
      label: 'peak resident memory the imports of that PDF added above the process with its modules loaded',
      unit: 'MB',
      value: round(peakMb - rssBefore / 2 ** 20),
      note: `process RSS ${(rssBefore / 2 ** 20).toFixed(0)} MB before the measured imports (modules loaded: under tsx pdf.js's 3 MB of code weighs ~300 MB more than under plain node), peak ${peakMb.toFixed(0)} MB while importing`,
    },
  ];
  return figures;
};

export default suite;

// `npx tsx bench/pdf.bench.ts` runs this suite alone.
runIfMain(import.meta.url, suite);
