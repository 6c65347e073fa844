/**
 * Importers: any table a user has → FormSnapshot. One entry for text (pasted or .txt), one for rows
 * (CSV, sheets), one for file bytes; each recognises the layout itself, so no configuration is needed.
 */
import type { FormSnapshot } from '../domain';
import type { TaxonomyProfile } from '../domain/taxonomy';
import { InputError } from './errors';
import { parseDeclarationRows } from './declaration';
import { looksLikeExportTable, parseExportRows, splitTabbedRows } from './export-table';
import { IMPORT_FORMATS_EN, IMPORT_FORMATS_ZH } from './formats';
import { assertTextBytes, decodeText, parseCsv, readXlsxRows } from './read-file';
import { assertZipWithinLimits } from './zip-guard';
import { readHtmlRows } from './read-html';
import { textToRows } from './text-grid';
import { flatTextToRows, looksFlattened } from './flat-text';
import { DEFAULT_PROFILE } from '../domain';
import type { ReadingTrace } from './trace';
import { parseDepartmentRows } from './department-export';

export { InputError } from './errors';
export type { InputLocation } from './errors';
export { ReadingTrace } from './trace';
export type { LineKind, LineMark } from './trace';

/** Options shared by every importer. */
export interface ParseOptions {
  /** File name, used in warnings and error messages. */
  file?: string;
  /** Taxonomy to resolve categories against (default profile otherwise). */
  profile?: TaxonomyProfile;
  /** Collects how each source line was read (`tianbao import --explain`, the import preview). */
  trace?: ReadingTrace;
}

/** A row of cells as read from text, CSV or a sheet, with its 1-based source line/row. */
export interface SourceRow {
  cells: string[];
  line: number;
}

/** Files larger than this are refused before reading (a target table is kilobytes; 20 MB is not one). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** The formats named in messages (lib/parse/formats.ts lists them once for every message and picker). */
export const SUPPORTED = IMPORT_FORMATS_ZH;

function label(options: ParseOptions): string {
  return options.file ?? '输入';
}

/** Parses rows of any supported layout. Throws InputError when the rows are not a recognisable target table. */
export function parseRows(rows: readonly SourceRow[], options: ParseOptions = {}): FormSnapshot {
  const nonEmpty = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (nonEmpty.length === 0) throw new InputError(`${label(options)}: 文件是空的`, { file: options.file });
  options.trace?.setRows(rows);
  const department = parseDepartmentRows(rows, options);
  if (department) return department;
  if (looksLikeExportTable(nonEmpty)) return parseExportRows(rows, options);
  const declaration = parseDeclarationRows(rows, options);
  if (declaration) return declaration;
  throw new InputError(
    `${label(options)}: 无法识别的表格 — 未找到「项目名称 / 总计 / 绩效指标」表头或「一级指标 / 二级指标 / 三级指标」指标表`,
    { file: options.file },
  );
}

/** Parses pasted or saved text of any supported layout. Throws InputError when nothing is recognisable. */
export function parseText(text: string, options: ParseOptions = {}): FormSnapshot {
  // Text flattened out of a Word or PDF preview: cells run together, cut by the taxonomy's vocabulary.
  const profile = options.profile ?? DEFAULT_PROFILE;
  if (looksFlattened(text, profile)) {
    const flat = flatTextToRows(text, profile);
    const marked = options.trace?.checkpoint() ?? 0;
    options.trace?.setRows(flat.rows);
    const snapshot = flat.rows.length > 0 ? parseDeclarationRows(flat.rows, options) : null;
    if (snapshot && snapshot.projects.some((p) => p.indicators.length > 0)) {
      return { ...snapshot, warnings: [...flat.warnings, ...snapshot.warnings].sort((a, b) => a.line - b.line), layout: 'flattened' };
    }
    // Not read as flattened text: its marks go; the reading below sets its own rows.
    options.trace?.rollback(marked);
  }
  const tabbed = splitTabbedRows(text);
  const nonEmpty = tabbed.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (nonEmpty.length > 0 && looksLikeExportTable(nonEmpty) && !parseDepartmentRows.recognises(tabbed)) {
    options.trace?.setRows(tabbed);
    return parseExportRows(tabbed, options);
  }
  // Single-project tables pasted from web pages, Word or Markdown: pipes, tabs, one cell per line, spaces.
  return parseRows(textToRows(text), options);
}

/** Decodes a text file's bytes, keeping the text on the trace for the lines its row reader skips. */
function sourceText(bytes: Uint8Array, options: ParseOptions): string {
  const text = decodeText(bytes);
  if (options.trace) options.trace.sourceText = text;
  return text;
}

function extensionOf(fileName: string): string {
  const m = /\.([^./\\]+)$/.exec(fileName);
  return m ? m[1]!.toLowerCase() : '';
}

/**
 * Parses a file's bytes by its extension (txt, csv UTF-8/GBK/UTF-16, xlsx/xls, docx, doc, pdf, html). Throws
 * InputError naming the file and reason, also for binary bytes under a text name and for zip bombs.
 */
export async function parseFileBytes(bytes: Uint8Array, fileName: string, options: ParseOptions = {}): Promise<FormSnapshot> {
  const opts = { ...options, file: options.file ?? fileName };
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new InputError(
      `${fileName}: 文件过大(${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB),上限 ${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
      { file: fileName },
    );
  }
  if (bytes.byteLength === 0) throw new InputError(`${fileName}: 文件是空的`, { file: fileName });
  const ext = extensionOf(fileName);
  switch (ext) {
    case 'txt':
    case 'tsv':
    case 'text':
    case '':
      assertTextBytes(bytes, fileName);
      return parseText(sourceText(bytes, opts), opts);
    case 'csv':
      assertTextBytes(bytes, fileName);
      return parseRows(parseCsv(sourceText(bytes, opts)), opts);
    case 'xlsx':
    case 'xlsm':
    case 'xls': {
      const sheets = await readXlsxRows(bytes, fileName);
      const errors: string[] = [];
      for (const { sheet, rows } of sheets) {
        const marked = opts.trace?.checkpoint() ?? 0;
        try {
          return parseRows(rows, { ...opts, file: `${fileName}#${sheet}` });
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          // A sheet that is no target table leaves no marks; the next sheet's rows replace its rows.
          opts.trace?.rollback(marked);
          errors.push(sheet);
        }
      }
      throw new InputError(`${fileName}: 工作表(${errors.join('、') || '无'})中没有可识别的绩效目标表`, { file: fileName });
    }
    case 'docx': {
      // Refuse a zip bomb before mammoth inflates it; mammoth is large: loaded only when a .docx arrives.
      assertZipWithinLimits(bytes, fileName, 'Word');
      const { readDocxRows } = await import('./read-docx');
      return parseRows(await readDocxRows(bytes, fileName), opts);
    }
    case 'doc': {
      // Word 97–2003: word-extractor, Node only (read-doc.ts says what to do in a browser page).
      const { readDocRows } = await import('./read-doc');
      return parseRows(await readDocRows(bytes, fileName), opts);
    }
    case 'pdf': {
      // pdf.js is large: loaded only when a PDF arrives. A table → rows; no table header → text importers.
      const { readPdf } = await import('./read-pdf');
      const pdf = await readPdf(bytes, fileName);
      return pdf.kind === 'rows' ? parseRows(pdf.rows, opts) : parseText(pdf.text, opts);
    }
    case 'html':
    case 'htm':
      assertTextBytes(bytes, fileName);
      return parseRows(readHtmlRows(decodeText(bytes)), opts);
    default:
      throw new InputError(`${fileName}: 不支持的文件类型 .${ext}(支持 ${SUPPORTED}) / unsupported file type .${ext} (use ${IMPORT_FORMATS_EN})`, {
        file: fileName,
      });
  }
}
