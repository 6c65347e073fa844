/**
 * Importers: any table a user has → FormSnapshot. (Being implemented: the export-list importer for the
 * seed layout lands in export-table.ts; single-project 申报表/批复表 in declaration.ts.)
 */
import type { FormSnapshot } from '../domain';
import type { TaxonomyProfile } from '../domain/taxonomy';
import { InputError } from './errors';

export { InputError } from './errors';

/** Options shared by every importer. */
export interface ParseOptions {
  /** File name, used in warnings and error messages. */
  file?: string;
  /** Taxonomy to resolve categories against (default profile otherwise). */
  profile?: TaxonomyProfile;
}

/** A row of cells as read from text, CSV or a sheet, with its 1-based source line/row. */
export interface SourceRow {
  cells: string[];
  line: number;
}

/** Parses pasted or saved text of any supported layout. Throws InputError when nothing is recognisable. */
export function parseText(_text: string, options: ParseOptions = {}): FormSnapshot {
  throw new InputError(`${options.file ?? 'input'}: importer not available yet`, { file: options.file });
}

/** Parses a file's bytes by its extension (txt, csv UTF-8/GBK, xlsx, docx, html). */
export async function parseFileBytes(
  _bytes: Uint8Array,
  fileName: string,
  _options: ParseOptions = {},
): Promise<FormSnapshot> {
  throw new InputError(`${fileName}: importer not available yet`, { file: fileName });
}
