/**
 * PDF → rows, for the target tables units publish as PDF (printed from Word, WPS or Excel, or from a portal).
 * pdf.js (pdfjs-dist, legacy build: Node 20 for the CLI, extension pages and workers in the browser) gives
 * each page's text as positioned runs; the table is rebuilt from their positions:
 *
 * - runs are grouped into lines by baseline (tolerance: a third of the font height), lines into table rows
 *   by their vertical gaps — inside a cell wrapped text steps down by one line pitch, between rows the cell
 *   padding and border add to it; a row cut by a page break continues when its first column is empty;
 * - a table starts at a header line: two or more column captions from the declaration vocabulary
 *   (`一级指标 / 二级指标 / 三级指标 / 指标值 / 计量单位`, or the export's `项目名称 / 总计 / 财政拨款 / 绩效目标 /
 *   绩效指标`); a two-level header (`指标值` over `长期 | 年度`) fills the upper caption into each column under it,
 *   the way the sheet reader fills merged cells;
 * - column x-ranges come from the vertical strips no text of the table crosses (the gutters of cell padding
 *   and border), split further between captions where a strip holds several (always-empty columns);
 * - every run goes into the cell whose x-range holds its start; wrapped lines of a cell are joined;
 * - the header repeated at the top of later pages is dropped, and so are page numbers (`第 1 页`, `- 2 -`);
 * - lines outside any table (title, `金额单位:万元`, a declaration's label/value block) become rows whose cells
 *   are split at wide gaps.
 *
 * When no page has a table header the text is returned as tab-separated lines for the text importers.
 * Fonts in CJK PDFs often map a glyph shared by an ideograph and a Kangxi radical to the radical's code
 * point (`⽇` U+2F47 for `日`); those are mapped back to the ideographs.
 *
 * pdf.js runs without eval (`isEvalSupported: false`), without font loading or fetching, and in the calling
 * thread (its worker module is loaded as `globalThis.pdfjsWorker`): the CLI has no workers, and the options
 * page already calls this from its own Web Worker (components/workers/import-worker.ts). Loaded into a Web
 * Worker, pdf.js's worker module also attaches itself to that worker's `self` and posts a `ready` message
 * to the page; the page's job client ignores messages that are not a job's result.
 */
import { InputError } from './errors';
import { columnHeader, headerLabel, scopeCell } from './declaration-vocab';
import type { SourceRow } from './index';

/** A positioned text run from pdf.js. */
interface Run {
  str: string;
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  /** Font height. */
  size: number;
}

interface Line {
  runs: Run[];
  y: number;
  size: number;
  page: number;
}

/** A phrase: adjacent runs of one line that belong together (one caption, one cell's line of text). */
interface Phrase {
  text: string;
  x0: number;
  x1: number;
  y: number;
}

/** What the PDF reads as: table rows, or (no table header anywhere) plain text for the text importers. */
export type PdfContent = { kind: 'rows'; rows: SourceRow[]; pages: number } | { kind: 'text'; text: string; pages: number };

/** Pages beyond this are not read: a target table is a few pages; hundreds are another document. */
export const MAX_PDF_PAGES = 500;

// ---------------------------------------------------------------------------------------------------------
// Text normalisation

/** CJK Radicals Supplement code points without a compatibility mapping → the ideograph the glyph is. */
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '\u2e84': '乙', '\u2e85': '亻', '\u2e86': '冂', '\u2e87': '几', '\u2e88': '刀', '\u2e89': '刂', '\u2e8a': '卜',
  '\u2e8c': '小', '\u2e8d': '小', '\u2e8e': '兀', '\u2e8f': '尢', '\u2e90': '尢', '\u2e92': '巳', '\u2e93': '幺',
  '\u2e94': '彐', '\u2e95': '彐', '\u2e96': '忄', '\u2e97': '心', '\u2e98': '扌', '\u2e99': '攵', '\u2e9b': '旡',
  '\u2e9c': '日', '\u2e9d': '月', '\u2e9e': '歹', '\u2e9f': '母', '\u2ea0': '民', '\u2ea1': '氵', '\u2ea2': '氺',
  '\u2ea3': '灬', '\u2ea4': '爫', '\u2ea5': '爫', '\u2ea6': '丬', '\u2ea7': '牛', '\u2ea8': '犭', '\u2ea9': '王',
  '\u2eaa': '疋', '\u2eab': '目', '\u2eac': '示', '\u2ead': '礻', '\u2eae': '竹', '\u2eaf': '糹', '\u2eb0': '纟',
  '\u2eb1': '罒', '\u2eb2': '罒', '\u2eb3': '罒', '\u2eb4': '罒', '\u2eb5': '罒', '\u2eb6': '羊', '\u2eb7': '羊',
  '\u2eb8': '羊', '\u2eb9': '老', '\u2eba': '聿', '\u2ebb': '聿', '\u2ebc': '月', '\u2ebd': '臼', '\u2ebe': '艹',
  '\u2ebf': '艹', '\u2ec0': '艹', '\u2ec1': '虎', '\u2ec2': '衤', '\u2ec3': '西', '\u2ec4': '西', '\u2ec5': '见',
  '\u2ec6': '角', '\u2ec7': '角', '\u2ec8': '讠', '\u2ec9': '贝', '\u2eca': '足', '\u2ecb': '车', '\u2ecc': '辶',
  '\u2ecd': '辶', '\u2ece': '辶', '\u2ecf': '阝', '\u2ed0': '钅', '\u2ed1': '长', '\u2ed2': '长', '\u2ed3': '长',
  '\u2ed4': '门', '\u2ed5': '阜', '\u2ed6': '阝', '\u2ed7': '雨', '\u2ed8': '青', '\u2ed9': '韦', '\u2eda': '页',
  '\u2edb': '风', '\u2edc': '飞', '\u2edd': '食', '\u2ede': '饣', '\u2edf': '食', '\u2ee0': '饣', '\u2ee1': '首',
  '\u2ee2': '马', '\u2ee3': '骨', '\u2ee4': '鬼', '\u2ee5': '鱼', '\u2ee6': '鸟', '\u2ee7': '卤', '\u2ee8': '麦',
  '\u2ee9': '黄', '\u2eea': '黾', '\u2eeb': '齐', '\u2eec': '齐', '\u2eed': '齿', '\u2eee': '齿', '\u2eef': '龙',
  '\u2ef0': '龙', '\u2ef1': '龟', '\u2ef2': '龟', '\u2ef3': '龟',
};

/**
 * Kangxi radicals whose compatibility mapping is the traditional form, for simplified-Chinese documents
 * (the glyph printed was the simplified character: `⼾` in `门户` is 户, not 戶).
 */
const KANGXI_SIMPLIFIED: Record<string, string> = {
  '\u2f3e': '户', '\u2f92': '见', '\u2f99': '贝', '\u2f9e': '车', '\u2fa7': '长', '\u2fa8': '门', '\u2fad': '青',
  '\u2fb1': '韦', '\u2fb4': '页', '\u2fb5': '风', '\u2fb6': '飞', '\u2fba': '马', '\u2fc2': '鱼', '\u2fc3': '鸟',
  '\u2fc4': '卤', '\u2fc6': '麦', '\u2fc8': '黄', '\u2fcc': '黾', '\u2fd1': '齐', '\u2fd2': '齿', '\u2fd3': '龙',
  '\u2fd4': '龟',
};

/**
 * Maps radical code points back to ideographs: Kangxi Radicals (U+2F00–U+2FD5) by their compatibility
 * mapping (simplified where the table above says), the CJK Radicals Supplement by the table above. Nothing else changes (full-width punctuation
 * stays as printed).
 */
export function unRadical(text: string): string {
  if (!/[\u2e80-\u2fdf]/.test(text)) return text;
  return text.replace(/[\u2e80-\u2fdf]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (code >= 0x2f00) return KANGXI_SIMPLIFIED[ch] ?? ch.normalize('NFKC');
    return RADICAL_SUPPLEMENT[ch] ?? ch.normalize('NFKC');
  });
}

// ---------------------------------------------------------------------------------------------------------
// Loading

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsPromise: Promise<PdfJs> | undefined;

/** pdf.js with its worker code loaded into this thread (no nested worker, no workerSrc to serve). */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= (async () => {
    const [pdfjs, worker] = await Promise.all([
      import('pdfjs-dist/legacy/build/pdf.mjs'),
      import('pdfjs-dist/legacy/build/pdf.worker.mjs'),
    ]);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
    return pdfjs;
  })();
  return pdfjsPromise;
}

function looksLikePdf(bytes: Uint8Array): boolean {
  // `%PDF-` within the first KB (some writers put junk before it; readers accept that).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

/** Reads every page's text runs. Throws InputError for encrypted, damaged or text-less (scanned) PDFs. */
async function readRuns(bytes: Uint8Array, fileName: string): Promise<{ pages: Run[][]; count: number }> {
  if (!looksLikePdf(bytes)) {
    throw new InputError(`${fileName}: 不是 PDF 文件(开头没有 %PDF- 标记) / not a PDF file (no %PDF- header)`, { file: fileName });
  }
  const pdfjs = await loadPdfJs();
  // pdf.js takes ownership of (transfers) the buffer it is given and refuses a Node Buffer (what the CLI
  // reads): hand it a plain copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const name = (error as { name?: string } | null)?.name ?? '';
    if (name === 'PasswordException') {
      throw new InputError(
        `${fileName}: PDF 已加密(需要密码),请先在 PDF 阅读器中去除密码,或导入原始 Word/Excel 文件 / ` +
          `the PDF is encrypted (password protected); remove the password or import the original Word/Excel file`,
        { file: fileName },
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`${fileName}: PDF 文件已损坏或不完整,无法读取(${reason}) / the PDF is damaged or truncated (${reason})`, {
      file: fileName,
    });
  }
  try {
    const count = doc.numPages;
    const pages: Run[][] = [];
    for (let p = 1; p <= Math.min(count, MAX_PDF_PAGES); p += 1) {
      let items: unknown[];
      try {
        const page = await doc.getPage(p);
        items = (await page.getTextContent()).items;
        page.cleanup();
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new InputError(`${fileName}: 第 ${p} 页无法读取(${reason}) / page ${p} cannot be read (${reason})`, { file: fileName, line: p });
      }
      const runs: Run[] = [];
      for (const item of items as { str?: string; transform?: number[]; width?: number; height?: number }[]) {
        if (typeof item.str !== 'string' || !item.transform) continue;
        const [a = 1, b = 0, , , x = 0, y = 0] = item.transform;
        // Font size from the text matrix (rotation-independent); pdf.js's height is 0 for space runs.
        const size = Math.hypot(a, b) || item.height || 0;
        runs.push({ str: unRadical(item.str), x, y, width: item.width ?? 0, size });
      }
      pages.push(runs);
    }
    if (!pages.some((runs) => runs.some((r) => r.str.trim() !== ''))) {
      throw new InputError(
        `${fileName}: 这是扫描图片 PDF,没有文字层,无法读取;请先做文字识别(OCR),或导入原始 Word/Excel 文件 / ` +
          `this is a scanned image PDF with no text layer; run OCR on it or import the original Word/Excel file`,
        { file: fileName },
      );
    }
    return { pages, count };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Lines and phrases

/** Groups a page's runs into lines, top to bottom, runs left to right. */
function linesOf(runs: readonly Run[], page: number): Line[] {
  const sized = runs.filter((r) => r.str !== '');
  const sorted = [...sized].sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: Line[] = [];
  for (const run of sorted) {
    const last = lines[lines.length - 1];
    const size = run.size || last?.size || 10;
    if (last && Math.abs(last.y - run.y) <= Math.max(size, last.size) / 3) {
      last.runs.push(run);
      if (run.str.trim() !== '') last.size = Math.max(last.size, size);
    } else {
      lines.push({ runs: [run], y: run.y, size: run.str.trim() === '' ? 0 : size, page });
    }
  }
  for (const line of lines) {
    line.runs.sort((p, q) => p.x - q.x);
    if (line.size === 0) line.size = Math.max(...line.runs.map((r) => r.size), 1);
  }
  return lines.filter((l) => l.runs.some((r) => r.str.trim() !== ''));
}

/** Joins a line's runs into phrases: a gap wider than `gap` × font size (or a blank run as wide) splits them. */
function phrasesOf(line: Line, gap = 0.9): Phrase[] {
  const out: Phrase[] = [];
  let current: Phrase | undefined;
  for (const run of line.runs) {
    const blank = run.str.trim() === '';
    const start = run.x;
    const end = run.x + run.width;
    if (blank) {
      if (current && run.width >= gap * line.size) current = undefined;
      else if (current) current.text += ' ';
      continue;
    }
    if (current && start - current.x1 <= gap * line.size) {
      current.text += run.str;
      current.x1 = Math.max(current.x1, end);
    } else {
      current = { text: run.str, x0: start, x1: end, y: line.y };
      out.push(current);
    }
  }
  for (const p of out) p.text = p.text.replace(/\s+/g, ' ').trim();
  return out.filter((p) => p.text !== '');
}

/** Page numbers printed in footers or headers. */
const PAGE_NUMBER_RE = /^(第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?|-\s*\d+\s*-|\d+\s*\/\s*\d+|page\s*\d+(\s*of\s*\d+)?)$/i;

/** Export-table captions (项目支出绩效目标表 published by a unit). */
const EXPORT_CAPTION_RE = /^(项目名称.{0,12}|总计|合计|资金总额|财政拨款|财政专户(拨款)?|其他资金|绩效目标|绩效指标)$/;

type CaptionKind = 'indicator' | 'export' | 'other';

/** Whether a phrase is a column caption, and of which table. */
function captionKind(text: string): CaptionKind | undefined {
  const t = text.replace(/\s+/g, '');
  if (t === '' || t.length > 24) return undefined;
  if (EXPORT_CAPTION_RE.test(t)) return /^项目名称/.test(t) || /^(总计|资金总额)$/.test(t) ? 'export' : 'other';
  const column = columnHeader(t);
  if (column) {
    return ['l1', 'l2', 'name', 'value', 'unit', 'symbol', 'weight'].includes(column.role) ? 'indicator' : 'other';
  }
  if (scopeCell(t)) return 'other';
  const label = headerLabel(t);
  if (label && label.inlineValue === undefined) return 'other';
  return undefined;
}

/**
 * Whether a line is a table header: two or more captions making up most of its phrases, one of them an
 * indicator column (一级/二级/三级/指标值/计量单位…) or the export's 项目名称 with a money column. A
 * declaration's label/value line (`项目名称 | 某项目 | 主管部门 | 某局`) is half values and is not one.
 */
function isHeaderLine(phrases: readonly Phrase[]): boolean {
  const kinds = phrases.map((p) => captionKind(p.text));
  const captions = kinds.filter((k) => k !== undefined).length;
  if (captions < 2 || captions < phrases.length * 0.6) return false;
  if (kinds.filter((k) => k === 'indicator').length >= 2) return true;
  return kinds.filter((k) => k === 'export').length >= 2;
}

/**
 * Whether a line is the second row of a two-level header: two or more phrases, each an indicator column
 * caption or a scope word (`长期 | 年度` under `指标值`).
 */
function isCaptionLine(phrases: readonly Phrase[]): boolean {
  return (
    phrases.length >= 2 &&
    phrases.every((p) => {
      const t = p.text.replace(/\s+/g, '');
      return t.length <= 12 && (columnHeader(t) !== undefined || scopeCell(t) !== undefined);
    })
  );
}

// ---------------------------------------------------------------------------------------------------------
// Tables

interface Column {
  x0: number;
  x1: number;
}

interface Table {
  /** Header rows' phrases per line block (top to bottom). */
  header: Phrase[][];
  /** Column x-ranges, left to right; the first starts at -∞, the last ends at +∞. */
  columns: Column[];
  /** The header's caption texts, to recognise it repeated on a later page. */
  signature: string;
  /** Columns under an indicator-name caption (三级指标) and under value captions (指标值), when there are. */
  nameColumns: number[];
  valueColumns: number[];
}

/**
 * The step between wrapped lines of one cell: the smallest baseline gap of at least 1.05 font heights that
 * recurs (line spacing is 1.15–1.5 em), provided clearly larger gaps also recur — those are row
 * boundaries (line spacing plus cell padding and border). Without two such clusters the lines cannot be
 * told apart by spacing and 0 is returned: every line is then a row of its own, which is right for tables
 * of one-line rows (the common case without wrapped cells).
 */
function linePitch(lines: readonly Line[]): number {
  const counts = new Map<number, number>();
  let size = 0;
  for (let i = 1; i < lines.length; i += 1) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    if (a.page !== b.page) continue;
    const gap = a.y - b.y;
    const em = Math.max(a.size, b.size);
    if (gap < 1.05 * em || gap > 3 * em) continue;
    const key = Math.round(gap * 4) / 4;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    size = Math.max(size, em);
  }
  const recurring = [...counts].filter(([, n]) => n >= 2).map(([gap]) => gap).sort((a, b) => a - b);
  if (recurring.length === 0) return 0;
  const pitch = recurring[0]!;
  const rowGap = recurring.find((g) => g >= pitch + 0.15 * size);
  return rowGap === undefined ? 0 : pitch;
}

/** Splits lines into blocks: a block is the lines of one table row (or one paragraph) — no gap wider than the pitch. */
function blocksOf(lines: readonly Line[], pitch: number): Line[][] {
  const blocks: Line[][] = [];
  for (const line of lines) {
    const block = blocks[blocks.length - 1];
    const prev = block?.[block.length - 1];
    if (block && prev && prev.page === line.page && pitch > 0 && prev.y - line.y <= pitch + Math.max(0.5, 0.1 * line.size)) block.push(line);
    else blocks.push([line]);
  }
  return blocks;
}

/** Merges a block's lines' phrases that stack in one column (a caption wrapped onto two lines). */
function blockPhrases(block: readonly Line[]): Phrase[] {
  const all = block.flatMap((line) => phrasesOf(line));
  const out: Phrase[] = [];
  for (const p of all) {
    const same = out.find((q) => q.y > p.y && p.x0 < q.x1 && p.x1 > q.x0);
    if (same) {
      same.text += p.text;
      same.x0 = Math.min(same.x0, p.x0);
      same.x1 = Math.max(same.x1, p.x1);
    } else out.push({ ...p });
  }
  return out.sort((a, b) => a.x0 - b.x0);
}

/** Boundaries (x) in the middle of each strip no span covers, between the first and the last span. */
function gutters(spans: readonly (readonly [number, number])[]): number[] {
  const sorted = [...spans].sort((p, q) => p[0] - q[0]);
  const out: number[] = [];
  let end = Number.NEGATIVE_INFINITY;
  for (const [a, b] of sorted) {
    if (end !== Number.NEGATIVE_INFINITY && a - end > 1) out.push((end + a) / 2);
    end = Math.max(end, b);
  }
  return out;
}

function bandsOf(bounds: readonly number[]): Column[] {
  const edges = [Number.NEGATIVE_INFINITY, ...bounds, Number.POSITIVE_INFINITY];
  return edges.slice(1).map((x1, i) => ({ x0: edges[i]!, x1 }));
}

/** Columns a phrase overlaps by more than a point. */
function overlapped(columns: readonly Column[], p: Phrase): number[] {
  return columns.flatMap((c, i) => (Math.min(c.x1, p.x1) - Math.max(c.x0, p.x0) > 1 ? [i] : []));
}

/** The widest strip inside (left, right) that no span covers: its middle, or undefined. */
function widestGap(spans: readonly (readonly [number, number])[], left: number, right: number): number | undefined {
  let best = 0;
  let at: number | undefined;
  let cursor = left;
  for (const [a, b] of spans) {
    if (b <= cursor) continue;
    if (a >= right) break;
    if (a > cursor && a - cursor > best) [best, at] = [a - cursor, (cursor + a) / 2];
    cursor = Math.max(cursor, b);
  }
  if (cursor < right && right - cursor > best) at = (cursor + right) / 2;
  return at;
}

/**
 * Column x-ranges of a table. The table's rows divide it first, at the vertical strips none of their text
 * crosses (the gutters of cell padding and border). Captions then divide a strip holding two or more
 * columns (an always-empty column still has its caption): between two captions at the widest strip no text
 * or caption covers, else half-way. In each strip only the captions of the lowest header row that has any
 * there count: `指标值` over `长期 | 年度` is a group caption, 一级指标 spanning both rows counts where it is.
 * A strip under no caption is joined to the column on its left.
 */
function columnsFrom(header: readonly Phrase[][], body: readonly Line[]): Column[] {
  const spans: [number, number][] = [];
  for (const line of body) {
    for (const run of line.runs) if (run.str.trim() !== '') spans.push([run.x, run.x + run.width]);
  }
  const dataColumns = bandsOf(gutters(spans));
  const all = header.flatMap((row, r) => row.map((p) => ({ p, r })));
  for (const { p } of all) spans.push([p.x0, p.x1]);
  spans.sort((a, b) => a[0] - b[0]);
  const bounds: number[] = [];
  const captioned: boolean[] = [];
  dataColumns.forEach((band, k) => {
    const inside = all.filter(({ p }) => (p.x0 + p.x1) / 2 >= band.x0 && (p.x0 + p.x1) / 2 < band.x1);
    const lowest = Math.max(-1, ...inside.map(({ r }) => r));
    const caps = inside.filter(({ r }) => r === lowest).map(({ p }) => p).sort((a, b) => a.x0 - b.x0);
    captioned.push(caps.length > 0);
    for (let i = 0; i + 1 < caps.length; i += 1) {
      const left = caps[i]!;
      const right = caps[i + 1]!;
      if (right.x0 <= left.x1) continue;
      bounds.push(widestGap(spans, left.x1, right.x0) ?? (left.x1 + right.x0) / 2);
      captioned.push(true);
    }
    if (k + 1 < dataColumns.length) bounds.push(band.x1);
  });
  const columns = bandsOf(bounds);
  const joined: Column[] = [];
  columns.forEach((column, i) => {
    const last = joined[joined.length - 1];
    if (last && (!captioned[i] || (joined.length === 1 && !captioned[0]))) last.x1 = column.x1;
    else joined.push({ ...column });
  });
  joined[0]!.x0 = Number.NEGATIVE_INFINITY;
  joined[joined.length - 1]!.x1 = Number.POSITIVE_INFINITY;
  return joined;
}

function columnOf(columns: readonly Column[], x: number): number {
  for (let i = 0; i < columns.length; i += 1) if (x < columns[i]!.x1) return i;
  return columns.length - 1;
}

/**
 * Joins two pieces of one cell's text split by a line wrap. CJK text runs on; a space comes back only
 * between Latin letters (a word wrapped at its space). Other spaces a writer dropped at a wrap are lost.
 */
function joinWrapped(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  return /[A-Za-z]$/.test(a) && /^[A-Za-z]/.test(b) ? `${a} ${b}` : `${a}${b}`;
}

/** A line's runs put into the table's columns (runs straddling a boundary split at their spaces). */
function cellsOf(line: Line, columns: readonly Column[]): string[] {
  const cells = columns.map(() => '');
  for (const run of line.runs) {
    if (run.str.trim() === '') {
      const col = columnOf(columns, run.x + 0.01);
      if (cells[col] !== '') cells[col] += ' ';
      continue;
    }
    const first = columnOf(columns, run.x + 0.01);
    const last = columnOf(columns, run.x + run.width - 0.01);
    if (first === last || !/\s/.test(run.str.trim())) {
      cells[first] += run.str;
      continue;
    }
    // A run over two cells (a writer that joined them with spaces): split at spaces by estimated position.
    const perChar = run.width / Math.max(run.str.length, 1);
    let offset = 0;
    for (const piece of run.str.split(/(\s+)/)) {
      const col = columnOf(columns, run.x + offset * perChar + 0.01);
      cells[col] += piece;
      offset += piece.length;
    }
  }
  return cells.map((c) => c.replace(/\s+/g, ' ').trim());
}

/** A line outside any table: cells split at gaps wider than 0.6 em (cell padding and border; spaces in text are narrower). */
function looseCells(line: Line): string[] {
  return phrasesOf(line, 0.6).map((p) => p.text);
}

/**
 * A block of lines outside any table (one row of a label/value grid, a title): its first line's cells,
 * each later line's pieces joined to the cell they start under or overlap (a wrapped value), or added in
 * x order (a vertically centred cell printed on a later line).
 */
function looseBlockCells(block: readonly Line[]): string[] {
  const cells: Phrase[] = [];
  for (const line of block) {
    for (const p of phrasesOf(line, 0.6)) {
      const under = cells.find((c) => Math.abs(c.x0 - p.x0) < line.size || (p.x0 < c.x1 && p.x1 > c.x0));
      if (under) {
        under.text = joinWrapped(under.text, p.text);
        under.x1 = Math.max(under.x1, p.x1);
      } else {
        cells.push({ ...p });
        cells.sort((a, b) => a.x0 - b.x0);
      }
    }
  }
  return cells.map((c) => c.text);
}

/**
 * Rows of a header's blocks: each caption in the column of its middle; a caption of an upper header row
 * over two or more columns (a group caption) in each of them, the way merged cells are filled.
 */
function headerRows(header: readonly Phrase[][], columns: readonly Column[]): string[][] {
  return header.map((phrases, r) => {
    const cells = columns.map(() => '');
    for (const p of phrases) {
      const over = overlapped(columns, p);
      const targets = over.length >= 2 && r < header.length - 1 ? over : [columnOf(columns, (p.x0 + p.x1) / 2)];
      for (const col of targets) cells[col] = joinWrapped(cells[col]!, p.text.replace(/\s+/g, ''));
    }
    return cells;
  });
}

/** Whether each phrase of a line lies under a caption of the header row above (a caption wrapped onto two lines). */
function wrapsUnder(line: Line, above: readonly Line[]): boolean {
  const upper = above.flatMap((l) => phrasesOf(l));
  return phrasesOf(line).every((p) => upper.some((u) => p.x0 < u.x1 && p.x1 > u.x0));
}

type Segment = { kind: 'header'; rows: Line[][] } | { kind: 'line'; line: Line };

/** Marks header lines: a header line, lines of its captions wrapped below it, then rows made only of captions. */
function segmentsOf(lines: readonly Line[], pitch: number): Segment[] {
  const out: Segment[] = [];
  const close = (a: Line, b: Line) => a.page === b.page && pitch > 0 && a.y - b.y <= pitch + Math.max(0.5, 0.1 * b.size);
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    if (!isHeaderLine(phrasesOf(line))) {
      out.push({ kind: 'line', line });
      i += 1;
      continue;
    }
    const rows: Line[][] = [[line]];
    // A group caption printed above the header line (`指标值` over the row where 一级/二级/三级, spanning
    // both header rows, are centred): caption-only lines just above belong to the header.
    for (let prev = out[out.length - 1]; prev?.kind === 'line'; prev = out[out.length - 1]) {
      const above = prev.line;
      const first = rows[0]![0]!;
      const phrases = phrasesOf(above);
      const near = above.page === first.page && above.y - first.y <= 2.5 * Math.max(above.size, first.size);
      if (!near || phrases.length === 0 || !phrases.every((p) => captionKind(p.text) !== undefined)) break;
      out.pop();
      rows.unshift([above]);
    }
    let j = i + 1;
    for (;;) {
      const row = rows[rows.length - 1]!;
      while (j < lines.length && close(lines[j - 1]!, lines[j]!) && wrapsUnder(lines[j]!, row)) row.push(lines[j++]!);
      if (j < lines.length && lines[j]!.page === line.page && isCaptionLine(phrasesOf(lines[j]!))) rows.push([lines[j++]!]);
      else break;
    }
    out.push({ kind: 'header', rows });
    i = j;
  }
  return out;
}

/** Rebuilds rows from all pages' lines (see the module note). Returns undefined when no table header is found. */
export function rowsFromLines(lines: readonly Line[]): SourceRow[] | undefined {
  const content = lines.filter((l) => !PAGE_NUMBER_RE.test(l.runs.map((r) => r.str).join('').trim()));
  const pitch = linePitch(content);
  const segments = segmentsOf(content, pitch);
  if (!segments.some((s) => s.kind === 'header')) return undefined;
  const rows: string[][] = [];
  let table: Table | undefined;
  /** The current table row: its cells and the page it was last on. */
  let open: { cells: string[]; page: number } | undefined;
  const firstPageLoose = new Set<string>();
  const signatureOf = (header: Phrase[][]) => header.map((h) => h.map((p) => p.text.replace(/\s+/g, '')).join('|')).join('/');
  for (let s = 0; s < segments.length; ) {
    const segment = segments[s]!;
    if (segment.kind === 'header') {
      s += 1;
      const header = segment.rows.map((row) => blockPhrases(row));
      const signature = signatureOf(header);
      if (table && signature === table.signature) continue; // The header repeated at the top of a page.
      // The table's text: lines up to the next different header.
      const body: Line[] = [];
      for (let k = s; k < segments.length; k += 1) {
        const next = segments[k]!;
        if (next.kind === 'line') body.push(next.line);
        else if (signatureOf(next.rows.map((row) => blockPhrases(row))) !== signature) break;
      }
      const columns = columnsFrom(header, body);
      const captions = headerRows(header, columns);
      // A column's role: the lowest caption over it that the vocabulary knows (长期指标值 under 指标值).
      const roles = columns.map((_, i) =>
        captions.map((row) => columnHeader(row[i]!)?.role).filter((r) => r !== undefined).pop(),
      );
      const roleColumns = (role: string) => roles.flatMap((r, i) => (r === role ? [i] : []));
      table = { header, columns, signature, nameColumns: roleColumns('name'), valueColumns: roleColumns('value') };
      rows.push(...captions);
      open = undefined;
      continue;
    }
    // A run of lines up to the next header, split into row blocks.
    const run: Line[] = [];
    while (s < segments.length && segments[s]!.kind === 'line') run.push((segments[s++] as { line: Line }).line);
    for (const block of blocksOf(run, pitch)) {
      const page = block[0]!.page;
      if (!table) {
        // Before any table: title, unit line, a declaration's label/value block (its wrapped lines joined).
        const cells = looseBlockCells(block);
        const key = cells.join('\t');
        if (page > 1 && firstPageLoose.has(key)) continue; // A page header repeated.
        if (page === 1) firstPageLoose.add(key);
        rows.push(cells);
        continue;
      }
      const lineCells = block.map((line) => cellsOf(line, table!.columns));
      // A row cut by a page break: the first block of the new page continues it when it leaves empty the
      // row's leading cell (its first non-empty column: the project name, the 一级 label…).
      const lead = open ? open.cells.findIndex((c) => c !== '') : -1;
      // In an indicator table a block with both an indicator name and a value is a whole indicator row
      // (under merged 一级/二级 labels the row's leading cell is empty anyway).
      const first = lineCells[0]!;
      const wholeIndicator =
        table.nameColumns.some((c) => first[c] !== '') && table.valueColumns.some((c) => first[c] !== '');
      const continues = open !== undefined && open.page !== page && lead >= 0 && first[lead] === '' && !wholeIndicator;
      const cells = continues ? open!.cells : table.columns.map(() => '');
      for (const lc of lineCells) lc.forEach((text, i) => (cells[i] = joinWrapped(cells[i]!, text)));
      if (!continues) rows.push(cells);
      open = { cells, page };
    }
  }
  return rows.filter((cells) => cells.some((c) => c !== '')).map((cells, i) => ({ cells, line: i + 1 }));
}

/** Lines as text: runs joined, a tab where the gap is wider than two characters (for the text importers). */
function linesToText(lines: readonly Line[]): string {
  return lines
    .filter((l) => !PAGE_NUMBER_RE.test(l.runs.map((r) => r.str).join('').trim()))
    .map((l) => looseCells(l).join('\t'))
    .join('\n');
}

/**
 * Reads a PDF's text into table rows, or into tab-separated text when no page has a table header.
 * Throws InputError naming the file for a file that is not a PDF, an encrypted, damaged or truncated
 * PDF, and a scanned PDF without a text layer.
 */
export async function readPdf(bytes: Uint8Array, fileName = 'input.pdf'): Promise<PdfContent> {
  const { pages, count } = await readRuns(bytes, fileName);
  const lines = pages.flatMap((runs, i) => linesOf(runs, i + 1));
  const rows = rowsFromLines(lines);
  if (rows) return { kind: 'rows', rows, pages: count };
  return { kind: 'text', text: linesToText(lines), pages: count };
}
