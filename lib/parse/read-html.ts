/**
 * HTML → rows, for saved disclosure pages (.html/.htm), HTML pasted from a browser and Word files after
 * mammoth. Uses parse5 (pure JS, the WHATWG parsing algorithm) so the same code runs in the CLI and in
 * extension pages, and tag soup (unclosed `<td>`, missing `<tbody>`) reads as a browser would read it.
 *
 * Output, in document order, as one flat list (a declaration parser splits projects by their labels):
 * - each row of a data table, merged cells honoured: a cell with `rowspan`/`colspan` is repeated in every
 *   grid position it covers, the way the xlsx reader fills merges, so columns stay aligned;
 * - each block of text outside tables (a title, `单位:万元`) as a one-cell row.
 * A table whose cells hold other tables is a layout table: its contents are read as blocks, not as a grid.
 */
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import type { SourceRow } from './index';

/** How rows are numbered. */
export interface ReadHtmlOptions {
  /**
   * `source` (default): the 1-based line of the HTML source where the row starts (what a person opening the
   * saved page sees); `sequence`: 1, 2, 3… in output order (for generated HTML such as mammoth's, which has
   * no line breaks).
   */
  lineNumbers?: 'source' | 'sequence';
}

/** Spans beyond these are typing mistakes or hostile input; declaration tables have under 30 columns. */
const MAX_COLSPAN = 50;
const MAX_COLUMNS = 200;

const SKIPPED = new Set(['script', 'style', 'template', 'head', 'noscript', 'svg', 'math', 'iframe', 'object', 'select']);
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav',
  'ol', 'p', 'pre', 'section', 'summary', 'ul', 'br', 'html', 'center',
]);

type Node = T.Node;
type Element = T.Element;

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function childrenOf(node: Node): Node[] {
  if (isElement(node) && node.tagName === 'template') return [];
  return 'childNodes' in node ? (node.childNodes as Node[]) : [];
}

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

function collapse(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

function startLine(node: Node): number | undefined {
  return (node as { sourceCodeLocation?: { startLine?: number } | null }).sourceCodeLocation?.startLine;
}

/** Text of an element with block boundaries and `<br>` as spaces, collected without recursion. */
function textOf(root: Node): string {
  const parts: string[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeName === '#text') {
      parts.push((node as T.TextNode).value);
      continue;
    }
    if (!isElement(node) && node !== root) continue;
    if (isElement(node)) {
      if (SKIPPED.has(node.tagName)) continue;
      if (BLOCKS.has(node.tagName) || node.tagName === 'td' || node.tagName === 'th') parts.push(' ');
    }
    const kids = childrenOf(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return collapse(parts.join(''));
}

/** Whether a table has another table inside one of its cells (then it only lays out the page). */
function hasNestedTable(table: Element): boolean {
  const stack: Node[] = [...childrenOf(table)];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (node.tagName === 'table') return true;
    stack.push(...childrenOf(node));
  }
  return false;
}

/** The `<tr>` elements of a table in order, including those in thead/tbody/tfoot, not of nested tables. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of childrenOf(table)) {
    if (!isElement(child)) continue;
    if (child.tagName === 'tr') rows.push(child);
    else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') {
      for (const tr of childrenOf(child)) if (isElement(tr) && tr.tagName === 'tr') rows.push(tr);
    }
  }
  return rows;
}

function spanOf(el: Element, name: string, max: number): number {
  const n = Number.parseInt(attr(el, name) ?? '1', 10);
  if (!Number.isFinite(n) || n < 0) return 1;
  // rowspan="0" runs to the end of the table.
  if (n === 0) return name === 'rowspan' ? Number.MAX_SAFE_INTEGER : 1;
  return Math.min(n, max);
}

interface PendingSpan {
  text: string;
  colspan: number;
  rowsLeft: number;
}

/** A data table → rows of a grid, spanned cells repeated in every position they cover. */
function tableRows(table: Element): { cells: string[]; node: Element }[] {
  const out: { cells: string[]; node: Element }[] = [];
  // Start column → a rowspan from an earlier row still covering the rows below.
  const pending = new Map<number, PendingSpan>();
  for (const tr of rowsOf(table)) {
    const cells: string[] = [];
    const born: [number, PendingSpan][] = [];
    let col = 0;
    const put = (text: string, colspan: number): void => {
      for (let k = 0; k < colspan && col < MAX_COLUMNS; k++) cells[col++] = text;
    };
    const skipCovered = (): void => {
      for (let span = pending.get(col); span && col < MAX_COLUMNS; span = pending.get(col)) put(span.text, span.colspan);
    };
    for (const td of childrenOf(tr)) {
      if (!isElement(td) || (td.tagName !== 'td' && td.tagName !== 'th')) continue;
      skipCovered();
      if (col >= MAX_COLUMNS) break;
      const text = textOf(td);
      const colspan = spanOf(td, 'colspan', MAX_COLSPAN);
      const rowspan = spanOf(td, 'rowspan', Number.MAX_SAFE_INTEGER);
      if (rowspan > 1) born.push([col, { text, colspan, rowsLeft: rowspan - 1 }]);
      put(text, colspan);
    }
    // Spans from above that reach past the last cell of this row.
    for (const key of [...pending.keys()].sort((a, b) => a - b)) {
      if (key < col) continue;
      while (col < key && col < MAX_COLUMNS) cells[col++] = '';
      skipCovered();
    }
    for (const [key, span] of pending) {
      span.rowsLeft--;
      if (span.rowsLeft <= 0) pending.delete(key);
    }
    for (const [key, span] of born) pending.set(key, span);
    out.push({ cells: Array.from(cells, (c) => c ?? ''), node: tr });
  }
  return out;
}

/**
 * Reads an HTML document or fragment into rows: every data table's rows (merged cells repeated, see the
 * module note) and every block of text outside tables as a one-cell row, in document order. Never throws
 * on malformed HTML. Empty rows are left out.
 */
export function readHtmlRows(html: string, options: ReadHtmlOptions = {}): SourceRow[] {
  const sequence = options.lineNumbers === 'sequence';
  const doc = parse(html, { sourceCodeLocationInfo: !sequence });
  const rows: SourceRow[] = [];
  let buffer: string[] = [];
  let bufferLine: number | undefined;
  let lastLine = 1;
  const emit = (cells: string[], line: number | undefined): void => {
    if (!cells.some((c) => c !== '')) return;
    const at = sequence ? rows.length + 1 : (line ?? lastLine);
    lastLine = at;
    rows.push({ cells, line: at });
  };
  const flush = (): void => {
    const text = collapse(buffer.join(''));
    if (text !== '') emit([text], bufferLine);
    buffer = [];
    bufferLine = undefined;
  };
  // Explicit stack: deeply nested pages must not overflow the call stack. `null` marks a block's end.
  const stack: (Node | null)[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null) {
      flush();
      continue;
    }
    if (node === undefined) break;
    if (node.nodeName === '#text') {
      const value = (node as T.TextNode).value;
      if (bufferLine === undefined && value.trim() !== '') bufferLine = startLine(node);
      buffer.push(value);
      continue;
    }
    if (isElement(node)) {
      if (SKIPPED.has(node.tagName)) continue;
      if (node.tagName === 'table' && !hasNestedTable(node)) {
        flush();
        for (const row of tableRows(node)) emit(row.cells, startLine(row.node));
        continue;
      }
      const block = BLOCKS.has(node.tagName) || node.tagName === 'table' || node.tagName === 'tr' ||
        node.tagName === 'td' || node.tagName === 'th';
      if (block) {
        flush();
        stack.push(null);
      }
    } else if (node.nodeName !== '#document' && node.nodeName !== '#document-fragment') continue;
    const kids = childrenOf(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  flush();
  return rows;
}
