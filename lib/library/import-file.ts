/**
 * Reads any file a user drops on the library into an ImportBatch: Tianbao's JSON backup, the flat
 * template sheet (CSV / XLSX), or any table the importers read (lib/parse/formats.ts: txt … pdf, html →
 * FormSnapshot → one set per project). Runs where the file is (an extension page); only the batch
 * crosses to the background.
 */
import type { FormSnapshot } from '../domain/schemas';
import { InputError } from '../parse/errors';
import { IMPORT_FORMATS_EN, IMPORT_FORMATS_ZH } from '../parse/formats';
import { MAX_IMPORT_BYTES, parseFileBytes, type SourceRow } from '../parse/index';
import { decodeText, parseCsv, readXlsxRows } from '../parse/read-file';
import { readBackup } from './backup';
import { batchFromSnapshot, type ImportBatch } from './import-batch';
import { uniqueTags } from './keys';
import { findSheetHeader, readTemplateSheet, SHEET_NAME } from './template-sheet';

export { MAX_IMPORT_BYTES };

/** File kinds by extension. */
const SNAPSHOT_ONLY = new Set(['txt', 'text', 'tsv', 'docx', 'doc', 'pdf', 'html', 'htm']);

export interface ReadImportOptions {
  /** Tags given to every imported template (e.g. the year). */
  tags?: string[];
  /** The table importer (parseFileBytes by default; tests pass their own). */
  parseSnapshot?: (bytes: Uint8Array, fileName: string) => Promise<FormSnapshot>;
}

/** `20.0 MB`. */
function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The rows of the sheet named 指标模板, else of the first sheet with a template header, else of the first sheet. */
async function templateSheetRows(bytes: Uint8Array, fileName: string): Promise<SourceRow[]> {
  const sheets = await readXlsxRows(bytes, fileName);
  const chosen =
    sheets.find((s) => s.sheet === SHEET_NAME) ?? sheets.find((s) => findSheetHeader(s.rows)) ?? sheets[0];
  return chosen?.rows ?? [];
}

function extensionOf(fileName: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(fileName);
  return m ? m[1]!.toLowerCase() : '';
}

/**
 * Reads a file's bytes into a batch. Throws InputError (one line naming the file, and the row/field
 * when known) for files too large, of an unknown type, or not readable at all.
 */
export async function readImportFile(
  bytes: Uint8Array,
  fileName: string,
  options: ReadImportOptions = {},
): Promise<ImportBatch> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new InputError(
      `${fileName}：文件大小 ${megabytes(bytes.byteLength)}，超过 ${megabytes(MAX_IMPORT_BYTES)} 上限，请拆分后再导入 / ` +
        `${fileName}: file is ${megabytes(bytes.byteLength)}, over the ${megabytes(MAX_IMPORT_BYTES)} limit; split it first`,
      { file: fileName },
    );
  }
  if (bytes.byteLength === 0) {
    throw new InputError(`${fileName}：文件为空 / ${fileName}: file is empty`, { file: fileName });
  }
  const ext = extensionOf(fileName);
  const tags = uniqueTags(options.tags ?? []);
  const withTags = (batch: ImportBatch): ImportBatch =>
    tags.length === 0 ? batch : { ...batch, items: batch.items.map((i) => ({ ...i, tags: uniqueTags([...i.tags, ...tags]) })) };
  const parseSnapshot = options.parseSnapshot ?? ((b: Uint8Array, f: string) => parseFileBytes(b, f));

  if (ext === 'json') return withTags(readBackup(decodeText(bytes), fileName));
  if (ext === 'csv' || ext === 'xlsx' || ext === 'xls') {
    const rows = ext === 'csv' ? parseCsv(decodeText(bytes)) : await templateSheetRows(bytes, fileName);
    if (findSheetHeader(rows)) return withTags(readTemplateSheet(rows, fileName));
    // Not Tianbao's template sheet: a portal table (申报表 / 批复表 / multi-project export)?
    try {
      return batchFromSnapshot(await parseSnapshot(bytes, fileName), fileName, { tags });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      // Say both what a template sheet needs and what the table importer said.
      const sheetError = (() => {
        try {
          readTemplateSheet(rows, fileName);
          return '';
        } catch (s) {
          return s instanceof Error ? s.message : '';
        }
      })();
      throw new InputError(`${sheetError}；${e.message}`, { ...e.where, file: fileName });
    }
  }
  if (SNAPSHOT_ONLY.has(ext)) return batchFromSnapshot(await parseSnapshot(bytes, fileName), fileName, { tags });
  throw new InputError(
    `${fileName}：不支持的文件类型「.${ext || '?'}」，可导入 ${IMPORT_FORMATS_ZH} 或 json(指标库备份) / ` +
      `${fileName}: unsupported file type ".${ext || '?'}"; use ${IMPORT_FORMATS_EN} or json (library backup)`,
    { file: fileName },
  );
}
