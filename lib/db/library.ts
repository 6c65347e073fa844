/**
 * The template library: the Dexie database plus in-memory search and suggestion indexes over it.
 * One owner per browser profile — the background service worker — so the indexes never go stale:
 * extension pages and content scripts reach it through lib/messaging.ts. Writes are serialised;
 * every import commits in one transaction, and bulk delete, merge and import can be undone.
 */
import type { Template, TemplateContent, TemplateSet } from '../domain/schemas';
import { templateContentSchema } from '../domain/schemas';
import { makeBackup, type LibraryBackup } from '../library/backup';
import { type DuplicateGroup, findDuplicateGroups, mergeTemplate, NearDuplicateFinder } from '../library/dedupe';
import { EXAMPLE_SOURCE } from '../library/example';
import { checkContent, type ImportBatch, stripUndefined } from '../library/import-batch';
import { uniqueTags } from '../library/keys';
import { type ImportPreview, type ImportWrites, planImport } from '../library/plan';
import { type PreparedDoc, type SearchDoc, SearchIndex, type SearchQuery } from '../library/search-index';
import { STARTER_SOURCE, starterBatch } from '../library/starter';
import { type SuggestQuery, SuggestionIndex } from '../library/suggest-index';
import { type DbDependencies, putRecords, TianbaoDb, type UndoRecord } from './schema';

/** A failure the UI shows as it is: a code to branch on and a one-line bilingual message. */
export class LibraryError extends Error {
  constructor(
    readonly code: 'not-found' | 'invalid' | 'refused' | 'stale-preview',
    message: string,
  ) {
    super(message);
    this.name = 'LibraryError';
  }
}

/** Progress of a long operation (import commit, index rebuild). */
export interface Progress {
  phase: 'writing' | 'indexing';
  done: number;
  total: number;
}

export interface CommitOptions {
  /** Store the good rows and leave the bad ones out; without it any error row refuses the commit. */
  skipBadRows?: boolean;
  /** The preview's fingerprint: the commit is refused if the outcome would differ from what was shown. */
  expectFingerprint?: string;
  onProgress?: (p: Progress) => void;
}

/** What a commit did. */
export interface ImportResult {
  added: number;
  merged: number;
  updated: number;
  unchanged: number;
  skipped: number;
  setsAdded: number;
  setsMerged: number;
  setsUpdated: number;
  /** Undoes the whole import (null when nothing was written). */
  undoToken: string | null;
}

/** Handle for undoing a bulk delete, merge or import. */
export interface UndoReceipt {
  undoToken: string;
  label: string;
  count: number;
}

/** A template or set found by search/suggestion, with how well it matched. */
export interface Ranked<T> {
  item: T;
  score: number;
}

/** A new or edited template (id absent → new). */
export interface TemplateDraft {
  id?: string;
  content: TemplateContent;
  tags?: string[];
  source?: string;
}

/** A new or edited template set (id absent → new). */
export interface SetDraft {
  id?: string;
  name: string;
  projectName?: string;
  goal?: string;
  items: TemplateContent[];
  tags?: string[];
  source?: string;
}

export interface LibraryOptions extends DbDependencies {
  /** Database name (tests use a fresh one each). */
  name?: string;
  /** An already constructed database. */
  db?: TianbaoDb;
  now?: () => number;
  newId?: () => string;
}

/** Writes per bulkPut inside the import transaction (progress is reported between them). */
const WRITE_CHUNK = 500;
/** Templates indexed between yields, so messages are answered during a big import. */
const INDEX_CHUNK = 1000;
/** Undo entries kept; older ones are dropped. */
const MAX_UNDO = 20;

const META_STARTER = 'starterLoadedAt';
const META_EXAMPLE = 'exampleLoadedAt';

function toDoc(t: Template): SearchDoc {
  return {
    id: t.id,
    name: t.name,
    level1: t.level1,
    level2: t.level2,
    tags: t.tags,
    text: t.explanation ?? '',
    useCount: t.useCount,
    lastUsedAt: t.lastUsedAt,
  };
}

function setDoc(s: TemplateSet): SearchDoc {
  return {
    id: s.id,
    name: s.name,
    level1: '',
    level2: '',
    tags: s.tags,
    text: [s.projectName, s.goal, ...s.items.map((i) => i.name)].join('\n'),
    useCount: s.useCount,
    lastUsedAt: s.lastUsedAt,
  };
}

/**
 * Puts records into a store of the running transaction with IndexedDB's own API, each under its
 * `id`; resolves when the last is stored. Dexie's bulkPut costs the page more per record (an error
 * listener on every request, and every result read back), which counts over 10,000 records. A failed
 * put still fails the whole transaction: its error reaches the transaction, which Dexie aborts, and
 * the last request then fails too, rejecting this promise.
 */
function putAll(tx: IDBTransaction, store: 'templates' | 'templateSets', records: ReadonlyArray<{ id: string }>): Promise<void> {
  return new Promise((resolve, reject) => {
    const objectStore = tx.objectStore(store);
    let request: IDBRequest | undefined;
    for (const r of records) request = objectStore.put(r, r.id);
    if (!request) return resolve();
    const last = request;
    last.onsuccess = () => resolve();
    last.onerror = () => reject(last.error);
  });
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class TemplateLibrary {
  private readonly templates = new Map<string, Template>();
  private readonly sets = new Map<string, TemplateSet>();
  private readonly templateIndex = new SearchIndex();
  private readonly setIndex = new SearchIndex();
  private readonly suggestions = new SuggestionIndex();
  /** Built on demand (preview, duplicates) and dropped by large writes, which would pay for it otherwise. */
  private finderCache: NearDuplicateFinder | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly now: () => number;
  private readonly newId: () => string;

  private constructor(
    readonly db: TianbaoDb,
    options: LibraryOptions,
  ) {
    this.now = options.now ?? (() => Date.now());
    this.newId = options.newId ?? (() => crypto.randomUUID());
  }

  /** Opens (creating or upgrading) the database and loads every record into the indexes. */
  static async open(options: LibraryOptions = {}): Promise<TemplateLibrary> {
    const db = options.db ?? new TianbaoDb(options.name, options);
    await db.open();
    const library = new TemplateLibrary(db, options);
    const [templates, sets] = await Promise.all([db.templates.toArray(), db.templateSets.toArray()]);
    await library.indexAll(templates, sets);
    return library;
  }

  /** Closes the database and drops queued background work (nothing may run after close). */
  close(): void {
    this.suggestions.clear();
    this.db.close();
  }

  /** Runs writes one after another, so two imports never plan against the same state. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async indexAll(templates: Template[], sets: TemplateSet[], onProgress?: (p: Progress) => void): Promise<void> {
    for (let i = 0; i < templates.length; i += INDEX_CHUNK) {
      for (const t of templates.slice(i, i + INDEX_CHUNK)) this.indexTemplate(t);
      onProgress?.({ phase: 'indexing', done: Math.min(i + INDEX_CHUNK, templates.length), total: templates.length });
      if (i + INDEX_CHUNK < templates.length) await yieldToEventLoop();
    }
    for (const s of sets) this.indexSet(s);
  }

  private indexTemplate(t: Template, prepared?: PreparedDoc): void {
    this.templates.set(t.id, t);
    if (prepared) this.templateIndex.putPrepared([prepared]);
    else this.templateIndex.put(toDoc(t));
    this.suggestions.putTemplate(t);
    this.finderCache?.add(t);
  }

  private unindexTemplate(id: string): void {
    this.templates.delete(id);
    this.templateIndex.remove(id);
    this.suggestions.removeTemplate(id);
    this.finderCache?.remove(id);
  }

  private finder(): NearDuplicateFinder {
    this.finderCache ??= new NearDuplicateFinder(this.templates.values());
    return this.finderCache;
  }

  private indexSet(s: TemplateSet, prepared?: PreparedDoc): void {
    this.sets.set(s.id, s);
    if (prepared) this.setIndex.putPrepared([prepared]);
    else this.setIndex.put(setDoc(s));
    this.suggestions.putSet(s);
  }

  private unindexSet(id: string): void {
    this.sets.delete(id);
    this.setIndex.remove(id);
    this.suggestions.removeSet(id);
  }

  // ── reads ────────────────────────────────────────────────────────────────────────────────────

  get counts(): { templates: number; sets: number } {
    return { templates: this.templates.size, sets: this.sets.size };
  }

  getTemplate(id: string): Template | undefined {
    return this.templates.get(id);
  }

  getSet(id: string): TemplateSet | undefined {
    return this.sets.get(id);
  }

  allTemplates(): Template[] {
    return [...this.templates.values()];
  }

  allSets(): TemplateSet[] {
    return [...this.sets.values()];
  }

  /** Templates by Chinese substring, words, pinyin or initials; filtered by 一级/二级/tags; best first. */
  search(query: SearchQuery): { total: number; hits: Array<Ranked<Template>> } {
    const result = this.templateIndex.search(query);
    return { total: result.total, hits: result.hits.map((h) => ({ item: this.templates.get(h.id)!, score: h.score })) };
  }

  /** Template sets by name, project name, goal or item names (same matching as search). */
  searchSets(query: SearchQuery): { total: number; hits: Array<Ranked<TemplateSet>> } {
    const result = this.setIndex.search(query);
    return { total: result.total, hits: result.hits.map((h) => ({ item: this.sets.get(h.id)!, score: h.score })) };
  }

  /** Sets and single templates most similar to a project's name and goal. */
  suggest(query: SuggestQuery): { sets: Array<Ranked<TemplateSet>>; templates: Array<Ranked<Template>> } {
    const s = this.suggestions.suggest(query);
    return {
      sets: s.sets.map((h) => ({ item: this.sets.get(h.id)!, score: h.score })),
      templates: s.templates.map((h) => ({ item: this.templates.get(h.id)!, score: h.score })),
    };
  }

  /**
   * Applies the suggestion-index updates still queued (they run in the background after an import;
   * suggest() applies them itself). Returns how many there were.
   */
  flushSuggestions(): number {
    const pending = this.suggestions.pendingCount;
    this.suggestions.flush();
    return pending;
  }

  /** Every tag with how many templates and sets carry it, most used first. */
  tags(): Array<{ tag: string; count: number }> {
    const counts = new Map<string, number>();
    for (const r of [...this.templates.values(), ...this.sets.values()]) {
      for (const t of r.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || (a.tag < b.tag ? -1 : 1));
  }

  /** Identical templates (merge without loss) and near-duplicate clusters (a person chooses). */
  duplicateGroups(): DuplicateGroup[] {
    return findDuplicateGroups(this.allTemplates());
  }

  async meta(key: string): Promise<unknown> {
    return (await this.db.meta.get(key))?.value;
  }

  // ── import / export ──────────────────────────────────────────────────────────────────────────

  /** What importing the batch would do, row by row. Writes nothing. */
  previewImport(batch: ImportBatch): ImportPreview {
    return this.plan(batch).preview;
  }

  private plan(batch: ImportBatch) {
    return planImport(batch, { templates: this.templates, sets: this.sets }, { now: this.now(), newId: this.newId, finder: this.finder() });
  }

  /**
   * Commits a batch in one transaction: all of it, or — when rows have errors — nothing unless
   * `skipBadRows`. If anything fails mid-way the transaction aborts and nothing is stored.
   */
  commitImport(batch: ImportBatch, options: CommitOptions = {}): Promise<ImportResult> {
    return this.exclusive(async () => {
      const { preview, writes } = this.plan(batch);
      if (options.expectFingerprint !== undefined && options.expectFingerprint !== preview.fingerprint) {
        throw new LibraryError(
          'stale-preview',
          '指标库在预览后已变化，请重新预览后再导入 / the library changed since the preview; preview again',
        );
      }
      const errors = preview.counts.error + preview.counts.sets.error;
      if (errors > 0 && !options.skipBadRows) {
        throw new LibraryError(
          'refused',
          `${batch.file}：有 ${errors} 行出错，未导入任何内容；可修正后重试，或选择跳过错误行 / ` +
            `${batch.file}: ${errors} row(s) have errors; nothing was imported. Fix them or choose to skip bad rows`,
        );
      }
      const label = `导入 ${batch.file}`;
      const undoToken = await this.write(writes, label, options.onProgress);
      if (batch.kind === 'starter' || batch.kind === 'example') {
        await this.db.meta.put({ key: batch.kind === 'starter' ? META_STARTER : META_EXAMPLE, value: this.now() });
      }
      const c = preview.counts;
      return {
        added: c.new + c.nearDuplicate,
        merged: c.duplicate,
        updated: c.update,
        unchanged: c.unchanged,
        skipped: c.error,
        setsAdded: c.sets.new,
        setsMerged: c.sets.duplicate,
        setsUpdated: c.sets.update,
        undoToken,
      };
    });
  }

  /** Stores planned writes and their undo entry in one transaction, then updates the indexes. */
  private async write(writes: ImportWrites, label: string, onProgress?: (p: Progress) => void): Promise<string | null> {
    const total = writes.templates.length + writes.sets.length;
    if (total === 0) return null;
    const undo: UndoRecord = {
      id: this.newId(),
      createdAt: this.now(),
      label,
      restoreTemplates: writes.replacedTemplates,
      restoreSets: writes.replacedSets,
      removeTemplateIds: writes.createdTemplateIds,
      removeSetIds: writes.createdSetIds,
    };
    // Suggestion updates wait until this write is done; they then run in the background.
    const release = this.suggestions.hold();
    try {
      await this.writeAndIndex(writes, undo, total, onProgress);
    } finally {
      release();
    }
    return undo.id;
  }

  private async writeAndIndex(
    writes: ImportWrites,
    undo: UndoRecord,
    total: number,
    onProgress?: (p: Progress) => void,
  ): Promise<void> {
    let prepared: PreparedDoc[] = [];
    let preparedSets: PreparedDoc[] = [];
    await this.db.transaction('rw', [this.db.templates, this.db.templateSets, this.db.undo], async (tx) => {
      onProgress?.({ phase: 'writing', done: 0, total });
      let done = 0;
      const written = (n: number) => () => {
        done += n;
        onProgress?.({ phase: 'writing', done, total });
      };
      // Every chunk goes to IndexedDB at once, without waiting for the one before: the database
      // (another process in Chromium) stores them while this thread goes on, instead of each side
      // idling while the other works. Progress is reported as each chunk is stored.
      const writing: Array<Promise<unknown>> = [];
      for (let i = 0; i < writes.templates.length; i += WRITE_CHUNK) {
        const chunk = writes.templates.slice(i, i + WRITE_CHUNK);
        writing.push(putAll(tx.idbtrans, 'templates', chunk).then(written(chunk.length)));
      }
      for (let i = 0; i < writes.sets.length; i += WRITE_CHUNK) {
        const chunk = writes.sets.slice(i, i + WRITE_CHUNK);
        writing.push(putAll(tx.idbtrans, 'templateSets', chunk).then(written(chunk.length)));
      }
      writing.push(this.pushUndo(undo));
      // Meanwhile, the search keys of the records (the costly part of indexing) are computed here;
      // they are put into the index only after the commit.
      prepared = this.templateIndex.prepare(writes.templates.map(toDoc));
      preparedSets = this.setIndex.prepare(writes.sets.map(setDoc));
      await Promise.all(writing);
    });
    // Only after the commit: the indexes must never show what the DB does not hold.
    if (writes.templates.length > INDEX_CHUNK) this.finderCache = null;
    for (let i = 0; i < writes.templates.length; i += INDEX_CHUNK) {
      const end = Math.min(i + INDEX_CHUNK, writes.templates.length);
      for (let k = i; k < end; k++) this.indexTemplate(writes.templates[k]!, prepared[k]);
      onProgress?.({ phase: 'indexing', done: Math.min(i + INDEX_CHUNK, writes.templates.length), total: writes.templates.length });
      if (i + INDEX_CHUNK < writes.templates.length) await yieldToEventLoop();
    }
    writes.sets.forEach((s, k) => this.indexSet(s, preparedSets[k]));
  }

  /** Adds an undo entry and drops the oldest beyond MAX_UNDO (inside the caller's transaction). */
  private async pushUndo(entry: UndoRecord): Promise<void> {
    await this.db.undo.put(entry);
    const count = await this.db.undo.count();
    if (count > MAX_UNDO) {
      const old = await this.db.undo.orderBy('createdAt').limit(count - MAX_UNDO).primaryKeys();
      await this.db.undo.bulkDelete(old);
    }
  }

  /** The whole library as a versioned JSON backup (records sorted by id). */
  exportBackup(): LibraryBackup {
    return makeBackup(this.allTemplates(), this.allSets(), this.now());
  }

  // ── edits ────────────────────────────────────────────────────────────────────────────────────

  private checkDraft(content: TemplateContent, where: string): TemplateContent {
    const parsed = templateContentSchema.safeParse(content);
    if (!parsed.success) {
      throw new LibraryError('invalid', `${where}：内容不符合格式 / ${where}: invalid content (${parsed.error.issues[0]?.message})`);
    }
    const labels = { name: '三级指标', level1: '一级指标', level2: '二级指标', period: '实施周期指标值', annual: '年度指标值', explanation: '指标值说明' };
    const error = checkContent(parsed.data, where, 0, labels).find((i) => i.severity === 'error');
    if (error) throw new LibraryError('invalid', error.message);
    return stripUndefined(parsed.data);
  }

  /** Creates or edits one template. */
  saveTemplate(draft: TemplateDraft): Promise<Template> {
    return this.exclusive(async () => {
      const content = this.checkDraft(draft.content, '指标 / template');
      const now = this.now();
      const existing = draft.id ? this.templates.get(draft.id) : undefined;
      if (draft.id && !existing) throw this.notFound(draft.id);
      const record: Template = stripUndefined({
        ...content,
        id: existing?.id ?? this.newId(),
        tags: uniqueTags(draft.tags ?? existing?.tags ?? []),
        source: draft.source ?? existing?.source ?? '',
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
        useCount: existing?.useCount ?? 0,
        lastUsedAt: existing?.lastUsedAt ?? null,
      });
      await this.db.templates.put(record, record.id);
      this.indexTemplate(record);
      return record;
    });
  }

  /** Creates or edits one template set. */
  saveSet(draft: SetDraft): Promise<TemplateSet> {
    return this.exclusive(async () => {
      if (draft.name.trim() === '') throw new LibraryError('invalid', '指标集名称为空 / set name is empty');
      const items = draft.items.map((item, i) => this.checkDraft(item, `指标集第 ${i + 1} 个指标 / set item ${i + 1}`));
      const now = this.now();
      const existing = draft.id ? this.sets.get(draft.id) : undefined;
      if (draft.id && !existing) throw this.notFound(draft.id);
      const record: TemplateSet = {
        id: existing?.id ?? this.newId(),
        name: draft.name.trim(),
        projectName: draft.projectName ?? existing?.projectName ?? '',
        goal: draft.goal ?? existing?.goal ?? '',
        items,
        tags: uniqueTags(draft.tags ?? existing?.tags ?? []),
        source: draft.source ?? existing?.source ?? '',
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
        useCount: existing?.useCount ?? 0,
        lastUsedAt: existing?.lastUsedAt ?? null,
      };
      await this.db.templateSets.put(record, record.id);
      this.indexSet(record);
      return record;
    });
  }

  private notFound(id: string): LibraryError {
    return new LibraryError('not-found', `找不到「${id}」，可能已被删除 / "${id}" not found; it may have been deleted`);
  }

  /** Deletes templates and sets; the receipt's token undoes it. */
  delete(ids: { templateIds?: readonly string[]; setIds?: readonly string[] }, label?: string): Promise<UndoReceipt> {
    return this.exclusive(async () => {
      const templates = (ids.templateIds ?? []).map((id) => this.templates.get(id)).filter((t): t is Template => !!t);
      const sets = (ids.setIds ?? []).map((id) => this.sets.get(id)).filter((s): s is TemplateSet => !!s);
      const text = label ?? `删除 ${templates.length} 个指标、${sets.length} 个指标集`;
      const undo: UndoRecord = {
        id: this.newId(),
        createdAt: this.now(),
        label: text,
        restoreTemplates: templates,
        restoreSets: sets,
        removeTemplateIds: [],
        removeSetIds: [],
      };
      await this.db.transaction('rw', [this.db.templates, this.db.templateSets, this.db.undo], async () => {
        await this.db.templates.bulkDelete(templates.map((t) => t.id));
        await this.db.templateSets.bulkDelete(sets.map((s) => s.id));
        await this.pushUndo(undo);
      });
      for (const t of templates) this.unindexTemplate(t.id);
      for (const s of sets) this.unindexSet(s.id);
      return { undoToken: undo.id, label: text, count: templates.length + sets.length };
    });
  }

  /** Reverts a bulk delete, merge or import. Each token works once. */
  undo(token: string): Promise<{ restored: number; removed: number }> {
    return this.exclusive(async () => {
      const entry = await this.db.undo.get(token);
      if (!entry) {
        throw new LibraryError('not-found', '无法撤销：记录已过期或已撤销 / cannot undo: expired or already undone');
      }
      await this.db.transaction('rw', [this.db.templates, this.db.templateSets, this.db.undo], async () => {
        await this.db.templates.bulkDelete(entry.removeTemplateIds);
        await this.db.templateSets.bulkDelete(entry.removeSetIds);
        await putRecords(this.db.templates, entry.restoreTemplates);
        await putRecords(this.db.templateSets, entry.restoreSets);
        await this.db.undo.delete(token);
      });
      for (const id of entry.removeTemplateIds) this.unindexTemplate(id);
      for (const id of entry.removeSetIds) this.unindexSet(id);
      for (const t of entry.restoreTemplates) this.indexTemplate(t);
      for (const s of entry.restoreSets) this.indexSet(s);
      return {
        restored: entry.restoreTemplates.length + entry.restoreSets.length,
        removed: entry.removeTemplateIds.length + entry.removeSetIds.length,
      };
    });
  }

  /** Adds and removes tags on many templates and sets at once. */
  editTags(input: {
    templateIds?: readonly string[];
    setIds?: readonly string[];
    add?: readonly string[];
    remove?: readonly string[];
  }): Promise<{ changed: number }> {
    return this.exclusive(async () => {
      const add = uniqueTags(input.add ?? []);
      const remove = new Set(uniqueTags(input.remove ?? []));
      const retag = (tags: readonly string[]) => uniqueTags([...tags.filter((t) => !remove.has(t)), ...add]);
      const now = this.now();
      const templates = (input.templateIds ?? [])
        .map((id) => this.templates.get(id))
        .filter((t): t is Template => !!t)
        .map((t) => ({ before: t, after: { ...t, tags: retag(t.tags), updatedAt: now } }))
        .filter(({ before, after }) => before.tags.join('\u0000') !== after.tags.join('\u0000'))
        .map(({ after }) => after);
      const sets = (input.setIds ?? [])
        .map((id) => this.sets.get(id))
        .filter((s): s is TemplateSet => !!s)
        .map((s) => ({ before: s, after: { ...s, tags: retag(s.tags), updatedAt: now } }))
        .filter(({ before, after }) => before.tags.join('\u0000') !== after.tags.join('\u0000'))
        .map(({ after }) => after);
      await this.db.transaction('rw', [this.db.templates, this.db.templateSets], async () => {
        await putRecords(this.db.templates, templates);
        await putRecords(this.db.templateSets, sets);
      });
      for (const t of templates) this.indexTemplate(t);
      for (const s of sets) this.indexSet(s);
      return { changed: templates.length + sets.length };
    });
  }

  /** Counts a use (a fill) of templates and sets: use count +1, last used now. Not an edit. */
  recordUse(input: { templateIds?: readonly string[]; setIds?: readonly string[] }): Promise<void> {
    return this.exclusive(async () => {
      const now = this.now();
      const templates = [...new Set(input.templateIds ?? [])]
        .map((id) => this.templates.get(id))
        .filter((t): t is Template => !!t)
        .map((t) => ({ ...t, useCount: t.useCount + 1, lastUsedAt: now }));
      const sets = [...new Set(input.setIds ?? [])]
        .map((id) => this.sets.get(id))
        .filter((s): s is TemplateSet => !!s)
        .map((s) => ({ ...s, useCount: s.useCount + 1, lastUsedAt: now }));
      await this.db.transaction('rw', [this.db.templates, this.db.templateSets], async () => {
        await putRecords(this.db.templates, templates);
        await putRecords(this.db.templateSets, sets);
      });
      for (const t of templates) {
        this.templates.set(t.id, t);
        this.templateIndex.put(toDoc(t));
        this.suggestions.setUseCount(t.id, t.useCount);
      }
      for (const s of sets) {
        this.sets.set(s.id, s);
        this.setIndex.put(setDoc(s));
        this.suggestions.setUseCount(s.id, s.useCount);
      }
    });
  }

  /**
   * Merges templates into one: `keepId` keeps its content; the others' tags are added, use counts
   * summed, earliest creation and latest use kept; then the others are deleted. Undoable.
   */
  mergeTemplates(keepId: string, otherIds: readonly string[]): Promise<UndoReceipt & { template: Template }> {
    return this.exclusive(async () => {
      const keep = this.templates.get(keepId);
      if (!keep) throw this.notFound(keepId);
      const others = [...new Set(otherIds)]
        .filter((id) => id !== keepId)
        .map((id) => {
          const t = this.templates.get(id);
          if (!t) throw this.notFound(id);
          return t;
        });
      const now = this.now();
      let merged = keep;
      for (const o of others) merged = mergeTemplate(merged, o, now);
      if (merged === keep && others.length > 0) merged = { ...keep, updatedAt: now };
      const label = `合并 ${others.length + 1} 个指标`;
      const undo: UndoRecord = {
        id: this.newId(),
        createdAt: now,
        label,
        restoreTemplates: [keep, ...others],
        restoreSets: [],
        removeTemplateIds: [],
        removeSetIds: [],
      };
      await this.db.transaction('rw', [this.db.templates, this.db.undo], async () => {
        await this.db.templates.put(merged, merged.id);
        await this.db.templates.bulkDelete(others.map((o) => o.id));
        await this.pushUndo(undo);
      });
      for (const o of others) this.unindexTemplate(o.id);
      this.indexTemplate(merged);
      return { undoToken: undo.id, label, count: others.length, template: merged };
    });
  }

  // ── built-in libraries ───────────────────────────────────────────────────────────────────────

  /** Loads the starter library (again: changes nothing). */
  loadStarter(): Promise<ImportResult> {
    return this.commitImport(starterBatch(this.now()));
  }

  /**
   * Removes built-in records (`starter` or `example`) the user has not edited, merged or used;
   * those stay, being the user's now. Undoable.
   */
  async removeBuiltIn(which: 'starter' | 'example'): Promise<UndoReceipt & { kept: number }> {
    const source = which === 'starter' ? STARTER_SOURCE : EXAMPLE_SOURCE;
    const untouched = (r: Template | TemplateSet) => r.source === source && r.updatedAt === r.createdAt && r.useCount === 0;
    const templates = this.allTemplates().filter((t) => t.source === source);
    const sets = this.allSets().filter((s) => s.source === source);
    const receipt = await this.delete(
      { templateIds: templates.filter(untouched).map((t) => t.id), setIds: sets.filter(untouched).map((s) => s.id) },
      which === 'starter' ? '移除内置常用指标' : '移除示例指标库',
    );
    await this.db.meta.delete(which === 'starter' ? META_STARTER : META_EXAMPLE);
    return { ...receipt, kept: templates.length + sets.length - receipt.count };
  }
}
