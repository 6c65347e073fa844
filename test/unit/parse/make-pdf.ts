/**
 * Test and bench helper: prints rows of a table as a PDF the way a unit publishes one — an HTML `<table>`
 * (one `<tr>` per row, one `<td>` per cell, long cells wrapping inside their column) printed to A4 landscape
 * by Debian's Chromium (playwright-core, fonts-noto-cjk). PDFs are cached under os.tmpdir() by a hash of
 * their HTML, so a test run launches Chromium only the first time.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = '/usr/bin/chromium';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface TableHtmlOptions {
  /** Lines printed above the table (title, 金额单位). */
  before?: string[];
  /** Lines printed below it (notes, signatures). */
  after?: string[];
  /** Relative column widths (default: equal). */
  widths?: number[];
  /** Index of the row the printed table repeats on every page (`<thead>`), default none. */
  headerRows?: number;
}

/** The rows as a printable HTML page: lines before, then one table whose first `headerRows` rows repeat per page. */
export function tableHtml(rows: readonly string[][], options: TableHtmlOptions = {}): string {
  const columns = Math.max(...rows.map((r) => r.length));
  const widths = options.widths ?? Array.from({ length: columns }, () => 1);
  const sum = widths.reduce((a, b) => a + b, 0);
  const cols = widths.map((w) => `<col style="width:${((w / sum) * 100).toFixed(2)}%">`).join('');
  const tr = (cells: readonly string[], tag: string) =>
    `<tr>${Array.from({ length: columns }, (_, i) => `<${tag}>${escapeHtml(cells[i] ?? '')}</${tag}>`).join('')}</tr>`;
  const head = rows.slice(0, options.headerRows ?? 0);
  const body = rows.slice(options.headerRows ?? 0);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
    @page { size: A4 landscape; margin: 12mm; }
    body { font-family: 'Noto Sans CJK SC', 'Noto Serif CJK SC', sans-serif; font-size: 9pt; }
    table { border-collapse: collapse; width: 100%; table-layout: fixed; }
    td, th { border: 0.5pt solid #000; padding: 2pt 3pt; vertical-align: top; word-break: break-all; font-weight: normal; }
    tr { break-inside: avoid; }
    p { margin: 0 0 4pt; }
  </style></head><body>
  ${(options.before ?? []).map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}
  <table><colgroup>${cols}</colgroup>${head.length > 0 ? `<thead>${head.map((r) => tr(r, 'th')).join('')}</thead>` : ''}
  <tbody>${body.map((r) => tr(r, 'td')).join('\n')}</tbody></table>
  ${(options.after ?? []).map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}</body></html>`;
}

/** Prints HTML to PDF with Chromium, cached under os.tmpdir()/tianbao-pdf-cache by the HTML's hash. */
export async function htmlToPdf(html: string): Promise<Uint8Array> {
  const dir = join(tmpdir(), 'tianbao-pdf-cache');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${createHash('sha256').update(html).digest('hex').slice(0, 24)}.pdf`);
  if (existsSync(file)) return new Uint8Array(readFileSync(file));
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: false, preferCSSPageSize: true });
    // Write then rename: a parallel run never reads half a file.
    const partial = `${file}.${process.pid}.part`;
    writeFileSync(partial, pdf);
    renameSync(partial, file);
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}

/**
 * A table text (tab-separated lines) as the page a unit would print: one-cell lines at the top (titles,
 * 单位:万元) above the table, one-cell lines at the end (signatures) below it, the rest as table rows.
 */
export function textTableHtml(text: string, options: Omit<TableHtmlOptions, 'before' | 'after'> = {}): string {
  const rows = tabbedRows(text);
  let first = 0;
  while (first < rows.length && rows[first]!.length === 1) first += 1;
  let last = rows.length;
  while (last > first && rows[last - 1]!.length === 1) last -= 1;
  return tableHtml(rows.slice(first, last), {
    ...options,
    before: rows.slice(0, first).map((r) => r[0]!),
    after: rows.slice(last).map((r) => r[0]!),
  });
}

/** Tab-separated text → rows of cells (empty lines dropped). */
export function tabbedRows(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split('\t'));
}
