/**
 * The library's messages: zod schemas of each request and response, and who may send it. The
 * background validates every request with these on arrival (lib/messaging.ts createMessageListener);
 * extension pages validate events with them. Content scripts import only the types.
 */
import { z } from 'zod';
import { templateContentSchema, templateSchema, templateSetSchema } from '../domain/schemas';
import type { Audience } from '../messaging';
import { importBatchSchema, importPreviewSchema, libraryBackupSchema } from './schemas';

const idList = z.array(z.string().min(1).max(200)).max(50_000);
const tagList = z.array(z.string().min(1).max(50)).max(50);

/** Search input (a user's query and filters). */
export const searchRequestSchema = z.object({
  text: z.string().max(200),
  level1: z.string().max(50).optional(),
  level2: z.string().max(50).optional(),
  tags: tagList.optional(),
  limit: z.number().int().min(1).max(500).optional(),
});

const rankedTemplate = z.object({ item: templateSchema, score: z.number() });
const rankedSet = z.object({ item: templateSetSchema, score: z.number() });

const undoReceiptSchema = z.object({ undoToken: z.string(), label: z.string(), count: z.number().int() });

const importResultSchema = z.object({
  added: z.number().int(),
  merged: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  setsAdded: z.number().int(),
  setsMerged: z.number().int(),
  setsUpdated: z.number().int(),
  undoToken: z.string().nullable(),
});

const idsRequest = z.object({ templateIds: idList.optional(), setIds: idList.optional() });

function message<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res, from: Audience) {
  return { request, response, from };
}

/**
 * Every library request/response message.
 * `from: 'any'` messages are the read-only ones a content script needs on a portal page.
 */
export const libraryMessages = {
  /** Templates matching a query (substring, words, pinyin, initials; 一级/二级/tag filters). */
  'library.search': message(searchRequestSchema, z.object({ total: z.number().int(), hits: z.array(rankedTemplate) }), 'any'),
  /** Template sets matching a query. */
  'library.searchSets': message(searchRequestSchema, z.object({ total: z.number().int(), hits: z.array(rankedSet) }), 'any'),
  /** Sets and templates similar to a project's name and goal. */
  'library.suggest': message(
    z.object({
      projectName: z.string().max(500),
      goal: z.string().max(10_000),
      limitSets: z.number().int().min(1).max(100).optional(),
      limitTemplates: z.number().int().min(1).max(200).optional(),
    }),
    z.object({ sets: z.array(rankedSet), templates: z.array(rankedTemplate) }),
    'any',
  ),
  /** Records by id (missing ids are left out). */
  'library.get': message(idsRequest, z.object({ templates: z.array(templateSchema), sets: z.array(templateSetSchema) }), 'any'),
  /** Counts, tags and which built-in libraries are loaded. */
  'library.stats': message(
    z.object({}),
    z.object({
      templates: z.number().int(),
      sets: z.number().int(),
      tags: z.array(z.object({ tag: z.string(), count: z.number().int() })),
      starterLoaded: z.boolean(),
      exampleLoaded: z.boolean(),
      /** navigator.storage.persist() result; null where the browser has no such API. */
      persisted: z.boolean().nullable(),
    }),
    'any',
  ),
  /** Counts one use (a fill) of templates/sets. */
  'library.recordUse': message(idsRequest, z.object({}), 'any'),
  /** Creates (no id) or edits a template. */
  'library.saveTemplate': message(
    z.object({ id: z.string().optional(), content: templateContentSchema, tags: tagList.optional(), source: z.string().max(500).optional() }),
    templateSchema,
    'extension-page',
  ),
  /** Creates (no id) or edits a template set. */
  'library.saveSet': message(
    z.object({
      id: z.string().optional(),
      name: z.string().min(1).max(200),
      projectName: z.string().max(500).optional(),
      goal: z.string().max(10_000).optional(),
      items: z.array(templateContentSchema).max(500),
      tags: tagList.optional(),
      source: z.string().max(500).optional(),
    }),
    templateSetSchema,
    'extension-page',
  ),
  /** Bulk delete; the receipt's token undoes it. */
  'library.delete': message(idsRequest, undoReceiptSchema, 'extension-page'),
  /** Reverts a delete, merge or import. */
  'library.undo': message(z.object({ token: z.string().min(1) }), z.object({ restored: z.number().int(), removed: z.number().int() }), 'extension-page'),
  /** Adds/removes tags on many records. */
  'library.editTags': message(
    idsRequest.extend({ add: tagList.optional(), remove: tagList.optional() }),
    z.object({ changed: z.number().int() }),
    'extension-page',
  ),
  /** Identical and near-duplicate groups of templates. */
  'library.duplicates': message(
    z.object({}),
    z.object({ groups: z.array(z.object({ kind: z.enum(['identical', 'near']), ids: z.array(z.string()) })) }),
    'extension-page',
  ),
  /** Merges templates into `keepId`. */
  'library.merge': message(
    z.object({ keepId: z.string().min(1), otherIds: idList.min(1) }),
    undoReceiptSchema.extend({ template: templateSchema }),
    'extension-page',
  ),
  /** What importing a batch (read from a file in the page) would do. Writes nothing. */
  'library.previewImport': message(z.object({ batch: importBatchSchema }), importPreviewSchema, 'extension-page'),
  /**
   * Commits a batch in one transaction. `expectFingerprint` is the preview's: refused when the outcome
   * changed. Progress arrives as `library.importProgress` events carrying `jobId`.
   */
  'library.commitImport': message(
    z.object({
      batch: importBatchSchema,
      skipBadRows: z.boolean().default(false),
      expectFingerprint: z.string().optional(),
      jobId: z.string().max(100).optional(),
    }),
    importResultSchema,
    'extension-page',
  ),
  /** The whole library as a JSON backup (pages turn it into a .json or, via the sheet writer, .xlsx). */
  'library.exportBackup': message(z.object({}), libraryBackupSchema, 'extension-page'),
  /** Loads the built-in starter library or the seed example library. */
  'library.loadBuiltIn': message(z.object({ which: z.enum(['starter', 'example']) }), importResultSchema, 'extension-page'),
  /** Removes the built-in records the user has not edited or used. */
  'library.removeBuiltIn': message(
    z.object({ which: z.enum(['starter', 'example']) }),
    undoReceiptSchema.extend({ kept: z.number().int() }),
    'extension-page',
  ),
} as const;

/** Events the background broadcasts to extension pages. */
export const libraryEvents = {
  'library.importProgress': z.object({
    jobId: z.string(),
    phase: z.enum(['writing', 'indexing']),
    done: z.number().int(),
    total: z.number().int(),
  }),
  /** The library changed (pages refresh their lists). */
  'library.changed': z.object({ templates: z.number().int(), sets: z.number().int() }),
} as const;

