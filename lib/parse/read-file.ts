import type { SourceRow } from './index';
import { InputError } from './errors';
import { assertZipWithinLimits } from './zip-guard';

/**
 * Byte-level readers: text decoding (UTF-8 with or without BOM, UTF-16 with BOM, else GBK/GB18030 as
 * Chinese Windows tools save it), CSV and XLSX → rows. No DOM; runs in Node (CLI) and extension pages.
 */

/** Bytes looked at to tell UTF-16 without a BOM and binary files from text. */
const SNIFF_BYTES = 64 * 1024;

/**
 * UTF-16 without a BOM (some Windows tools save "Unicode" text that way): ASCII-heavy text has a NUL in
 * every other byte — the high byte of each code unit, odd positions for little-endian, even for big-endian.
 * Chinese-only text has no NULs; it is only recognised with its BOM.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul += 1;
    if (bytes[i + 1] === 0) oddNul += 1;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.02) return 'utf-16le';
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.02) return 'utf-16be';
  return undefined;
}

/**
 * Whether bytes are binary rather than text: after the BOM and UTF-16 checks, a text file in UTF-8 or
 * GB18030 has no NUL bytes and hardly any C0 control bytes (neither encoding uses 0x00–0x1F inside a
 * multi-byte character); an image, archive or executable has many.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || utf16WithoutBom(bytes)) return false;
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let nul = 0;
  let control = 0;
  for (let i = 0; i < n; i += 1) {
    const b = bytes[i]!;
    if (b === 0) nul += 1;
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) control += 1;
  }
  return nul > n * 0.001 + 1 || control > n * 0.05;
}

/** Throws InputError naming the file when its bytes are binary (see looksBinary), e.g. a photo renamed .txt. */
export function assertTextBytes(bytes: Uint8Array, fileName: string): void {
  if (!looksBinary(bytes)) return;
  throw new InputError(
    `${fileName}: 不是文本文件(含有大量二进制控制字节),请确认文件类型 / not a text file (it holds binary control bytes); check the file type`,
    { file: fileName },
  );
}

/**
 * Decodes a text file: UTF-8 with BOM, UTF-16 LE/BE with BOM, UTF-16 without BOM (see utf16WithoutBom),
 * UTF-8; invalid UTF-8 is taken as GB18030 (a superset of GBK), which is what Excel on Chinese Windows writes.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * Parses CSV (RFC 4180: quoted cells, doubled quotes, line breaks inside quotes). The delimiter is the
 * one of `,` `;` `\t` that occurs most in the first line. Each row keeps the line it starts on.
 */
export function parseCsv(text: string): SourceRow[] {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const delimiter = [',', ';', '\t'].reduce((best, d) => (count(firstLine, d) > count(firstLine, best) ? d : best), ',');
  const rows: SourceRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  for (let i = 0; i < src.length; i += 1) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (c === '\n') line += 1;
        cell += c;
      }
    } else if (c === '"' && cell === '') {
      quoted = true;
    } else if (c === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i += 1;
      cells.push(cell);
      rows.push({ cells, line: rowLine });
      cells = [];
      cell = '';
      line += 1;
      rowLine = line;
    } else {
      cell += c;
    }
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push({ cells, line: rowLine });
  }
  return rows;
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

/** One worksheet's rows, with merged ranges filled from their top-left cell (so merged 一级/二级 labels repeat). */
export interface SheetRows {
  sheet: string;
  rows: SourceRow[];
}

/** Reads every worksheet of an XLSX (or XLS) file. Throws InputError when the bytes are not a workbook. */
export async function readXlsxRows(bytes: Uint8Array, fileName = 'file.xlsx'): Promise<SheetRows[]> {
  // Refuse a zip bomb from its directory before SheetJS inflates anything.
  assertZipWithinLimits(bytes, fileName, 'Excel');
  const XLSX = await import('@e965/xlsx');
  let workbook;
  try {
    workbook = XLSX.read(bytes, { type: 'array', cellText: true, cellDates: false });
  } catch (error) {
    throw new InputError(`${fileName}: 不是有效的 Excel 文件(${error instanceof Error ? error.message : String(error)})`, {
      file: fileName,
    });
  }
  return workbook.SheetNames.map((sheet) => {
    const ws = workbook.Sheets[sheet]!;
    const ref = ws['!ref'];
    if (!ref) return { sheet, rows: [] };
    const range = XLSX.utils.decode_range(ref);
    const grid: string[][] = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1, raw: false, defval: '', blankrows: true });
    for (const merge of ws['!merges'] ?? []) {
      const top = grid[merge.s.r - range.s.r]?.[merge.s.c - range.s.c] ?? '';
      for (let r = merge.s.r; r <= merge.e.r; r += 1) {
        const row = (grid[r - range.s.r] ??= []);
        for (let c = merge.s.c; c <= merge.e.c; c += 1) row[c - range.s.c] = top;
      }
    }
    return { sheet, rows: grid.map((cells, i) => ({ cells: cells.map((c) => String(c ?? '')), line: range.s.r + i + 1 })) };
  });
}
