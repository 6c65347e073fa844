/**
 * Every zod schema of the library with its inferred type: import batches (what a file holds),
 * previews (what an import would do) and the JSON backup. Logic modules import types from here and
 * validate only where input arrives (message listener, backup reader), so the content script, which
 * needs the message protocol, does not carry the import logic.
 */
import { z } from 'zod';
import { templateContentSchema, templateSchema, templateSetSchema } from '../domain/schemas';

/** One problem found while reading: an error keeps the row out (unless skipped), a warning is shown only. */
export const importIssueSchema = z.object({
  severity: z.enum(['error', 'warning']),
  /** 1-based row or line of the file; 0 for the file as a whole. */
  row: z.number().int().nonnegative(),
  /** The column or field as the user sees it (三级指标, 年度指标值, templates[3].name). */
  field: z.string().optional(),
  /** One line naming file, row and field: Chinese first, English after ` / `. */
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

/** One candidate template (a row of a sheet, an indicator of a project, a record of a backup). */
export const importItemSchema = z.object({
  row: z.number().int().nonnegative(),
  /** 1-based position within its project when one line holds several indicators. */
  index: z.number().int().positive().optional(),
  /** null when the row could not be read at all. */
  content: templateContentSchema.nullable(),
  tags: z.array(z.string()),
  /** Where it came from (file name, `starter`). */
  source: z.string(),
  /** A backup's or the starter library's full record: id, timestamps and counts are kept. */
  record: templateSchema.optional(),
  /** ImportSetDraft.key of the set it belongs to. */
  setKey: z.string().optional(),
  issues: z.array(importIssueSchema),
});
export type ImportItem = z.infer<typeof importItemSchema>;

/** One candidate template set (a project, a 所属指标集 group, a backup record). */
export const importSetDraftSchema = z.object({
  key: z.string(),
  row: z.number().int().nonnegative(),
  name: z.string(),
  projectName: z.string(),
  goal: z.string(),
  tags: z.array(z.string()),
  source: z.string(),
  /** Indices into ImportBatch.items, in order (empty for backup records, which carry their items). */
  itemIndices: z.array(z.number().int().nonnegative()),
  record: templateSetSchema.optional(),
  issues: z.array(importIssueSchema),
});
export type ImportSetDraft = z.infer<typeof importSetDraftSchema>;

/** The kinds of file an import can come from. */
export const importKindSchema = z.enum(['backup', 'sheet', 'snapshot', 'starter', 'example']);
export type ImportKind = z.infer<typeof importKindSchema>;

/** Everything read from one file. */
export const importBatchSchema = z.object({
  file: z.string(),
  kind: importKindSchema,
  items: z.array(importItemSchema),
  sets: z.array(importSetDraftSchema),
  /** File-level notes: ignored columns, projects without indicators. */
  notes: z.array(importIssueSchema),
});
export type ImportBatch = z.infer<typeof importBatchSchema>;

/** What happens to one row. */
export const itemStatusSchema = z.enum(['new', 'near-duplicate', 'duplicate', 'update', 'unchanged', 'error']);
export type ItemStatus = z.infer<typeof itemStatusSchema>;

/** What happens to one set. */
export const setStatusSchema = z.enum(['new', 'duplicate', 'update', 'unchanged', 'empty', 'error']);
export type SetStatus = z.infer<typeof setStatusSchema>;

/** One row of the preview. */
export const previewRowSchema = z.object({
  row: z.number().int().nonnegative(),
  index: z.number().int().positive().optional(),
  name: z.string(),
  level1: z.string(),
  level2: z.string(),
  status: itemStatusSchema,
  /** The template it merges into (duplicate) or replaces (update). */
  duplicateOf: z.string().optional(),
  /** Library templates it resembles (near-duplicate), closest first. */
  similarTo: z.array(z.string()).optional(),
  issues: z.array(importIssueSchema),
});
export type PreviewRow = z.infer<typeof previewRowSchema>;

/** One set of the preview. */
export const previewSetSchema = z.object({
  key: z.string(),
  row: z.number().int().nonnegative(),
  name: z.string(),
  itemCount: z.number().int().nonnegative(),
  status: setStatusSchema,
  duplicateOf: z.string().optional(),
  issues: z.array(importIssueSchema),
});
export type PreviewSet = z.infer<typeof previewSetSchema>;

/** Counts per status, for the preview's summary line. */
export const importCountsSchema = z.object({
  rows: z.number().int(),
  new: z.number().int(),
  nearDuplicate: z.number().int(),
  duplicate: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  error: z.number().int(),
  warning: z.number().int(),
  sets: z.object({
    total: z.number().int(),
    new: z.number().int(),
    duplicate: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
    empty: z.number().int(),
    error: z.number().int(),
  }),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;

/** What the user sees before committing. */
export const importPreviewSchema = z.object({
  file: z.string(),
  kind: importKindSchema,
  counts: importCountsSchema,
  rows: z.array(previewRowSchema),
  sets: z.array(previewSetSchema),
  notes: z.array(importIssueSchema),
  /** Changes when the outcome would change (the library changed since the preview). */
  fingerprint: z.string(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

/** Marks a file as a Tianbao library backup. */
export const BACKUP_FORMAT = 'tianbao-library';
/** The backup layout written by this version; older layouts are upgraded on import. */
export const BACKUP_VERSION = 1;

/** A backup file's envelope; records are validated one by one so a bad record names its own place. */
export const backupEnvelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().positive(),
  exportedAt: z.number(),
  app: z.string().optional(),
  templates: z.array(z.unknown()),
  templateSets: z.array(z.unknown()),
});

/** A whole backup as written. */
export const libraryBackupSchema = backupEnvelopeSchema.extend({
  version: z.literal(BACKUP_VERSION),
  templates: z.array(templateSchema),
  templateSets: z.array(templateSetSchema),
});
export type LibraryBackup = z.infer<typeof libraryBackupSchema>;

