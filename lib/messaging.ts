/**
 * The one typed protocol for every message between contexts (content scripts, extension pages,
 * background). Each message type names its zod request and response schemas and who may send it;
 * requests are validated when they arrive in the background, responses when they arrive back.
 * Events flow the other way (background → extension pages) and are validated the same way.
 *
 * Transport is passed in (`Send`), so this file runs in Node tests; `browserSend` / the background's
 * listener use WXT's `browser`.
 */
import { z } from 'zod';
import { templateContentSchema, templateSchema, templateSetSchema } from './domain/schemas';
import { libraryBackupSchema } from './library/backup';
import { importBatchSchema } from './library/import-batch';
import { importPreviewSchema } from './library/plan';

/** Marks our messages among anything else on the runtime channel. */
export const CHANNEL = 'tianbao';

/** Who may send a message: any context of the extension, or only its own pages (not content scripts). */
export type Audience = 'any' | 'extension-page';

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
 * Every request/response message. The in-page issue adds its own (fill, collect, check) here.
 * `from: 'any'` messages are the read-only ones a content script needs on a portal page.
 */
export const protocol = {
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
export const events = {
  'library.importProgress': z.object({
    jobId: z.string(),
    phase: z.enum(['writing', 'indexing']),
    done: z.number().int(),
    total: z.number().int(),
  }),
  /** The library changed (pages refresh their lists). */
  'library.changed': z.object({ templates: z.number().int(), sets: z.number().int() }),
} as const;

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type EventType = keyof typeof events;
/** What a sender passes (defaults may be left out). */
export type RequestOf<K extends MessageType> = z.input<Protocol[K]['request']>;
/** What a handler receives, after validation and defaults. */
export type ParsedRequestOf<K extends MessageType> = z.output<Protocol[K]['request']>;
/** What a handler returns and a sender receives. */
export type ResponseOf<K extends MessageType> = z.output<Protocol[K]['response']>;
export type EventOf<K extends EventType> = z.output<(typeof events)[K]>;

/** The wire form of a failure: a code to branch on and a one-line message for people. */
export const wireErrorSchema = z.object({ code: z.string(), message: z.string() });
export type WireError = z.infer<typeof wireErrorSchema>;

const envelopeSchema = z.object({ channel: z.literal(CHANNEL), type: z.string(), payload: z.unknown() });
const replySchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: wireErrorSchema }),
]);
const eventEnvelopeSchema = z.object({ channel: z.literal(CHANNEL), event: z.string(), payload: z.unknown() });

/** A failure reported by the other side (or by validation on arrival). */
export class MessageError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

/** Sends a message and resolves to the reply (browser.runtime.sendMessage in the extension). */
export type Send = (message: unknown) => Promise<unknown>;

/** Sends a typed request and validates the reply on arrival. Throws MessageError on failure. */
export async function request<K extends MessageType>(send: Send, type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const raw = await send({ channel: CHANNEL, type, payload });
  const reply = replySchema.safeParse(raw);
  if (!reply.success) {
    throw new MessageError('no-reply', `后台没有应答「${type}」 / no valid reply to "${type}"`);
  }
  if (!reply.data.ok) throw new MessageError(reply.data.error.code, reply.data.error.message);
  const data = protocol[type].response.safeParse(reply.data.data);
  if (!data.success) {
    throw new MessageError('invalid-reply', `「${type}」的应答格式不符 / reply to "${type}" is malformed: ${data.error.issues[0]?.message}`);
  }
  return data.data as ResponseOf<K>;
}

/** A client bound to one transport: `client.request('library.search', { text: 'spxt' })`. */
export function createClient(send: Send) {
  return {
    request: <K extends MessageType>(type: K, payload: RequestOf<K>) => request(send, type, payload),
  };
}

/** Who sent a message, as the runtime reports it. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: unknown;
}

/** A handler per message type. */
export type Handlers = { [K in MessageType]: (payload: ParsedRequestOf<K>, sender: Sender) => Promise<ResponseOf<K>> | ResponseOf<K> };

export interface ListenerOptions {
  /** Whether the sender is one of the extension's own pages (side panel, options), not a content script. */
  isExtensionPage: (sender: Sender) => boolean;
  /** Turns a thrown error into its wire form (default: code 'error', the error's message). */
  toWireError?: (error: unknown) => WireError;
}

function defaultWireError(error: unknown): WireError {
  if (error instanceof MessageError) return { code: error.code, message: error.message };
  const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : 'error';
  return { code, message: error instanceof Error ? error.message : String(error) };
}

/**
 * A runtime.onMessage listener for the given handlers: validates each request on arrival, checks its
 * audience, answers through sendResponse (returning true keeps the channel open in Chrome and
 * Firefox alike). Messages that are not ours are left to other listeners.
 */
export function createMessageListener(handlers: Partial<Handlers>, options: ListenerOptions) {
  const toWire = options.toWireError ?? defaultWireError;
  return (message: unknown, sender: Sender, sendResponse: (reply: unknown) => void): boolean => {
    const envelope = envelopeSchema.safeParse(message);
    if (!envelope.success) return false;
    const type = envelope.data.type as MessageType;
    const handler = handlers[type] as ((payload: unknown, sender: Sender) => unknown) | undefined;
    if (!Object.hasOwn(protocol, type) || !handler) return false;
    const spec = protocol[type];
    const fail = (code: string, text: string) => {
      sendResponse({ ok: false, error: { code, message: text } });
      return false;
    };
    if (spec.from === 'extension-page' && !options.isExtensionPage(sender)) {
      return fail('forbidden', `「${type}」只能由扩展页面发送 / "${type}" is for extension pages only`);
    }
    const payload = spec.request.safeParse(envelope.data.payload);
    if (!payload.success) {
      const issue = payload.error.issues[0];
      const path = issue?.path.join('.') || '(root)';
      return fail('invalid-request', `「${type}」的请求格式不符：${path} / malformed "${type}" request at ${path}: ${issue?.message}`);
    }
    Promise.resolve()
      .then(() => handler(payload.data, sender))
      .then(
        (data) => sendResponse({ ok: true, data }),
        (error: unknown) => sendResponse({ ok: false, error: toWire(error) }),
      );
    return true;
  };
}

/** The wire form of an event. */
export function eventMessage<K extends EventType>(event: K, payload: EventOf<K>): unknown {
  return { channel: CHANNEL, event, payload };
}

/**
 * Reads an incoming runtime message as one of our events; undefined when it is not that event or
 * does not validate.
 */
export function readEvent<K extends EventType>(event: K, message: unknown): EventOf<K> | undefined {
  const envelope = eventEnvelopeSchema.safeParse(message);
  if (!envelope.success || envelope.data.event !== event) return undefined;
  const payload = events[event].safeParse(envelope.data.payload);
  return payload.success ? (payload.data as EventOf<K>) : undefined;
}
