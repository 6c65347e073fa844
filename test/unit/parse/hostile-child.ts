/**
 * Child process of hostile-files.test.ts: imports one file through the CLI's reader (loadSnapshotFile, what
 * `tianbao import FILE` runs) and prints one JSON line: the InputError message (or what happened instead),
 * the milliseconds the read took, the resident memory before it and its peak during the read.
 *
 * The reader's modules for the file's kind are loaded first (pdf.js for a .pdf), so the time is the file's
 * reading, not module start-up; then garbage is collected and Linux's peak-RSS mark is reset
 * (`/proc/self/clear_refs` ← 5), so VmHWM afterwards is the peak while the file was read.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadSnapshotFile } from '@/lib/cli/load';
import { InputError } from '@/lib/parse';

const file = process.argv[2]!;
if (file.endsWith('.pdf')) {
  await import('pdfjs-dist/legacy/build/pdf.mjs');
  await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  await import('@/lib/parse/read-pdf');
}
if (file.endsWith('.xlsx')) await import('@e965/xlsx');
(globalThis as { gc?: () => void }).gc?.();
const megabytes = (kb: number) => kb / 1024;
const peakKb = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN);
const rssBefore = process.memoryUsage().rss;
writeFileSync('/proc/self/clear_refs', '5');
const started = performance.now();
let outcome: { kind: 'input-error' | 'other-error' | 'parsed'; message: string };
try {
  const snapshot = await loadSnapshotFile(file);
  outcome = { kind: 'parsed', message: `${snapshot.projects.length} projects` };
} catch (error) {
  outcome = { kind: error instanceof InputError ? 'input-error' : 'other-error', message: error instanceof Error ? error.message : String(error) };
}
const ms = performance.now() - started;
console.log(JSON.stringify({ ...outcome, ms, rssBeforeMB: rssBefore / 2 ** 20, peakRssMB: megabytes(peakKb()) }));
