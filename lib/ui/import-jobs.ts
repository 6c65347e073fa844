/**
 * Heavy work of the import/export page, run in a Web Worker so the page stays responsive: reading a
 * dropped file into an ImportBatch (lib/library/import-file.ts) and writing the library as an XLSX
 * template sheet (lib/library/template-sheet.ts). Pure of the DOM; the worker file only wires messages
 * to runImportJob, and the page falls back to calling it directly where workers are unavailable.
 */
import type { Template, TemplateSet } from '../domain/schemas';
import { readImportFile } from '../library/import-file';
import type { ImportBatch } from '../library/schemas';
import { writeLibraryXlsx } from '../library/template-sheet';
import { InputError } from '../parse/errors';

/** A job for the worker. */
export type ImportJob =
  | { kind: 'read'; bytes: Uint8Array; fileName: string; tags: string[] }
  | { kind: 'xlsx'; templates: Template[]; sets: TemplateSet[] };

/** Its outcome. `message` is bilingual (Chinese / English), naming the file and where it failed. */
export type ImportJobResult =
  | { ok: true; kind: 'read'; batch: ImportBatch }
  | { ok: true; kind: 'xlsx'; bytes: Uint8Array }
  | { ok: false; message: string };

export async function runImportJob(job: ImportJob): Promise<ImportJobResult> {
  try {
    if (job.kind === 'read') {
      return { ok: true, kind: 'read', batch: await readImportFile(job.bytes, job.fileName, { tags: job.tags }) };
    }
    return { ok: true, kind: 'xlsx', bytes: await writeLibraryXlsx(job.templates, job.sets) };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, message: error.message };
    const detail = error instanceof Error ? error.message : String(error);
    const what = job.kind === 'read' ? job.fileName : 'XLSX';
    return { ok: false, message: `${what}：处理失败（${detail}） / ${what}: could not be processed (${detail})` };
  }
}
