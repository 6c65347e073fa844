/**
 * Hostile files end in an InputError that says what and where — a truncated PDF, a password-protected
 * PDF, a zip-bomb .xlsx, 50 MB of text, binary bytes named .txt — each read in its own Node process
 * through the CLI's reader (hostile-child.ts), within the 10 s the issue sets as a hang guard and under
 * 500 MB of resident memory; the CLI exits 2 with the message; and importing any of them into the
 * library (fake IndexedDB) leaves every stored record as it was.
 *
 * The measured times and memory are printed; only the bounds are asserted (a hang or a blow-up
 * fails, a slow machine does not).
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '@/lib/cli/run';
import { TemplateLibrary } from '@/lib/db/library';
import { runImportJob } from '@/lib/ui/import-jobs';
import { assertZipWithinLimits, MAX_UNZIPPED_BYTES, zipEntries } from '@/lib/parse/zip-guard';
import { idCounter } from '../library/helpers';
import { encryptedPdf, zipBombXlsx } from './hostile-build';
import { htmlToPdf, tableHtml } from './make-pdf';

const dir = join(tmpdir(), `tianbao-hostile-${process.pid}`);
const files = new Map<string, Uint8Array>();

/** Each hostile file and what its message must say: the file (the CLI names it by its path), what is wrong. */
const CASES = [
  ['truncated.pdf', /(?:^|\/)truncated\.pdf: PDF 文件已损坏或不完整,无法读取.*the PDF is damaged or truncated/],
  ['encrypted.pdf', /(?:^|\/)encrypted\.pdf: PDF 已加密\(需要密码\).*the PDF is encrypted \(password protected\)/],
  ['bomb.xlsx', /(?:^|\/)bomb\.xlsx: Excel 文件解压后过大\(条目 xl\/worksheets\/sheet1\.xml 解压为 1100 MB.*疑似压缩炸弹.*zip bomb/],
  ['big.txt', /(?:^|\/)big\.txt: 文件过大\(50\.0 MB\),上限 20 MB/],
  ['binary.txt', /(?:^|\/)binary\.txt: 不是文本文件.*not a text file/],
] as const;

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  const table = await htmlToPdf(
    tableHtml(
      [
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '培训场次', '≥10场'],
        ['满意度指标', '服务对象满意度指标', '学员满意度', '≥90%'],
      ],
      { before: ['2024年项目支出绩效目标表'], headerRows: 1 },
    ),
  );
  files.set('truncated.pdf', table.subarray(0, Math.floor(table.length * 0.4)));
  files.set('encrypted.pdf', encryptedPdf());
  files.set('bomb.xlsx', zipBombXlsx(1100));
  // 50 MB of a plausible table line, repeated.
  const line = new TextEncoder().encode('产出指标\t数量指标\t培训场次\t≥10场\n');
  const big = new Uint8Array(50 * 1024 * 1024);
  for (let at = 0; at + line.length <= big.length; at += line.length) big.set(line, at);
  files.set('big.txt', big);
  // A PNG header and pseudo-random bytes with NULs: a picture renamed .txt.
  const binary = new Uint8Array(200_000);
  binary.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  for (let i = 8, x = 12345; i < binary.length; i += 1) {
    x = (x * 1103515245 + 12345) >>> 0;
    binary[i] = i % 7 === 0 ? 0 : x >>> 24;
  }
  files.set('binary.txt', binary);
  for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);
}, 120_000);

afterAll(() => {
  spawnSync('rm', ['-rf', dir]);
});

describe('hostile files', () => {
  const measured: string[] = [];
  afterAll(() => console.log(`hostile files (time of the read; resident memory before it → peak while reading):\n${measured.join('\n')}`));

  it.each(CASES)('%s ends in an InputError saying what and where, in under 10 s and 500 MB', (name, message) => {
    // pdf.js preloaded before tsx registers: run through tsx's loader its 3 MB would cost ~300 MB (not the file's).
    const args = ['--expose-gc', '--import', './lib/parse/pdfjs-preload.mjs', '--import', 'tsx', 'test/unit/parse/hostile-child.ts'];
    const run = spawnSync(process.execPath, [...args, join(dir, name)], {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout.trim().split('\n').pop()!) as {
      kind: string;
      message: string;
      ms: number;
      rssBeforeMB: number;
      peakRssMB: number;
    };
    measured.push(`  ${name}: ${result.ms.toFixed(0)} ms, ${result.rssBeforeMB.toFixed(0)} → ${result.peakRssMB.toFixed(0)} MB`);
    expect(result.kind).toBe('input-error');
    expect(result.message).toMatch(message);
    expect(result.ms).toBeLessThan(10_000);
    expect(result.peakRssMB).toBeLessThan(500);
  }, 130_000);

  it.each(CASES)('tianbao import %s exits 2 with the message on stderr', async (name, message) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['import', join(dir, name)], { stdout: { write: (t) => out.push(t) }, stderr: { write: (t) => err.push(t) } });
    expect(code).toBe(2);
    expect(out.join('')).toBe('');
    expect(err.join('')).toMatch(new RegExp(`^tianbao import: \\S*${message.source.slice('(?:^|\\/)'.length)}`));
  }, 60_000);

  it('the zip guard reads the bomb\'s stated size from the central directory, before anything is inflated', () => {
    const bomb = files.get('bomb.xlsx')!;
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    expect(zipEntries(bomb)).toEqual([{ name: 'xl/worksheets/sheet1.xml', compressed: expect.any(Number), uncompressed: 1100 * 1024 * 1024 }]);
    expect(() => assertZipWithinLimits(bomb, 'bomb.xlsx', 'Excel')).toThrow(/bomb\.xlsx/);
    // A small honest archive of the same shape passes.
    expect(() => assertZipWithinLimits(zipBombXlsx(2), 'small.xlsx', 'Excel')).not.toThrow();
    expect(MAX_UNZIPPED_BYTES).toBeLessThan(1100 * 1024 * 1024);
  });

  it('the encrypted PDF is a real one: pdf.js opens it with its password and reads its text', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    const doc = await pdfjs.getDocument({ data: files.get('encrypted.pdf')!.slice(), password: 'secret', isEvalSupported: false, verbosity: 0 }).promise;
    const text = (await (await doc.getPage(1)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('');
    await doc.destroy();
    expect(text).toBe('Secret table');
  }, 30_000);

  it('importing any of them into the library leaves every stored record as it was', async () => {
    const indexedDB = new IDBFactory();
    const library = await TemplateLibrary.open({ indexedDB, IDBKeyRange, newId: idCounter() });
    await library.loadStarter();
    const before = library.exportBackup();
    const committed: string[] = [];
    for (const [name] of CASES) {
      // What the options page does: read in its worker job, commit only a batch that was read.
      const result = await runImportJob({ kind: 'read', bytes: files.get(name)!, fileName: name, tags: [] });
      expect(result.ok).toBe(false);
      if (result.ok && result.kind === 'read') committed.push(name);
      if (!result.ok) expect(result.message).toContain(name);
    }
    expect(committed).toEqual([]);
    library.close();
    // Read back from the database itself.
    const reopened = await TemplateLibrary.open({ indexedDB, IDBKeyRange, newId: idCounter() });
    const after = reopened.exportBackup();
    reopened.close();
    expect(after.templates.length).toBeGreaterThan(0);
    expect({ ...after, exportedAt: 0 }).toEqual({ ...before, exportedAt: 0 });
  }, 120_000);
});
