/**
 * The file formats Tianbao imports, in one place: error messages, the CLI usage, the options page's file
 * picker (`accept`) and its help text all list them from here. Dependency-free, so any page can import it.
 */

/** Table formats the importers read (the library page also takes its own .json backup). */
export const IMPORT_FORMATS = ['txt', 'csv', 'xlsx', 'xls', 'docx', 'doc', 'pdf', 'html'] as const;

export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** `txt、csv、xlsx、xls、docx、doc、pdf、html` for Chinese messages. */
export const IMPORT_FORMATS_ZH = IMPORT_FORMATS.join('、');

/** `txt, csv, xlsx, xls, docx, doc, pdf, html` for English messages. */
export const IMPORT_FORMATS_EN = IMPORT_FORMATS.join(', ');

/** Extensions read as each format besides its own name (`.htm` as html, `.tsv` as text…). */
export const FORMAT_ALIASES: Readonly<Record<string, ImportFormat>> = { htm: 'html', tsv: 'txt', text: 'txt', xlsm: 'xlsx' };

/** The file picker's `accept` list: every format and alias, plus `extra` (e.g. `.json` on the library page). */
export function acceptList(extra: readonly string[] = []): string {
  return [...IMPORT_FORMATS, ...Object.keys(FORMAT_ALIASES), ...extra].map((e) => `.${e.replace(/^\./, '')}`).join(',');
}
