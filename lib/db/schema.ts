/**
 * The library database (Dexie over IndexedDB) in the extension origin: opened by the background
 * service worker and extension pages only, never by a content script (that would be the portal's
 * origin). Every schema version stays declared here, each with its upgrade, so any older database
 * opens with every record intact.
 */
import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { Template, TemplateSet } from '../domain/schemas';

/** IndexedDB database name. */
export const DB_NAME = 'tianbao-library';

/** A key/value setting of the library (starter loaded, example loaded, last backup…). */
export interface MetaRecord {
  key: string;
  value: unknown;
}

/**
 * What an undo restores: records to put back as they were and records to remove. Written by bulk
 * delete, merge and import; kept in the DB so an undo still works after the service worker restarts.
 */
export interface UndoRecord {
  id: string;
  createdAt: number;
  /** What was done, for the UI (`删除 3 个指标`). */
  label: string;
  restoreTemplates: Template[];
  restoreSets: TemplateSet[];
  removeTemplateIds: string[];
  removeSetIds: string[];
}

/**
 * Version 1, the first layout: templates and sets by id and name only; records had no tags, source,
 * use count or last-used time. Kept so the upgrade below can be tested against a real v1 database.
 */
export const SCHEMA_V1 = {
  templates: 'id, name, updatedAt',
  templateSets: 'id, name, updatedAt',
} as const;

/**
 * Version 2: primary keys only for the records — the library is searched in memory
 * (lib/library/search-index.ts), and every IndexedDB index would only slow a 10,000-row import —
 * plus the meta and undo tables. Records were keyed by their `id` field (an inline key path).
 */
export const SCHEMA_V2 = {
  templates: 'id',
  templateSets: 'id',
  meta: 'key',
  undo: 'id, createdAt',
} as const;

/**
 * Versions 3 and 4 (current): templates and sets keyed out of line — the key is given with each put
 * (`put(record, record.id)`) and is always the record's own `id`. With an inline key path, Chromium
 * deserialises a copy of every record it is given just to read the key from it: a third of the
 * page's cost of a 10,000-row import. Records are stored exactly as before.
 *
 * IndexedDB (and Dexie) cannot change a store's key in place, so version 3 moves the records into
 * stand-in stores and drops the old ones, and version 4 creates the stores again and moves the
 * records back. Both steps run in the one upgrade transaction: an upgrade that fails stores nothing.
 */
export const SCHEMA_V3 = {
  templates: null,
  templateSets: null,
  templatesMoving: '',
  templateSetsMoving: '',
} as const;

export const SCHEMA_V4 = {
  templates: '',
  templateSets: '',
  templatesMoving: null,
  templateSetsMoving: null,
} as const;

/** The current schema version (what `db.verno` reads after opening). */
export const DB_VERSION = 4;

/** Copies every record of one store into another, keyed by the record's `id`. */
async function moveRecords(tx: Transaction, from: string, to: string): Promise<void> {
  const records = (await tx.table(from).toArray()) as Array<{ id: string }>;
  await tx.table(to).bulkAdd(records, records.map((r) => r.id));
}

/** Fills the fields version 1 records lacked, leaving every other field as it was. */
export function upgradeV1Record<T extends Record<string, unknown>>(record: T): void {
  const r = record as Record<string, unknown>;
  if (!Array.isArray(r.tags)) r.tags = [];
  if (typeof r.source !== 'string') r.source = '';
  if (typeof r.useCount !== 'number') r.useCount = 0;
  if (r.lastUsedAt === undefined) r.lastUsedAt = null;
  if (typeof r.createdAt !== 'number') r.createdAt = typeof r.updatedAt === 'number' ? r.updatedAt : 0;
  if (typeof r.updatedAt !== 'number') r.updatedAt = r.createdAt;
}

/** Where IndexedDB comes from: the global one in browsers, fake-indexeddb in Node tests and benches. */
export interface DbDependencies {
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export class TianbaoDb extends Dexie {
  /** Keyed out of line by each record's `id`: write with `put(record, record.id)` (see putRecords). */
  templates!: Table<Template, string>;
  templateSets!: Table<TemplateSet, string>;
  meta!: EntityTable<MetaRecord, 'key'>;
  undo!: EntityTable<UndoRecord, 'id'>;

  constructor(name: string = DB_NAME, deps: DbDependencies = {}) {
    super(name, deps.indexedDB ? { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange } : undefined);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        await tx.table('templates').toCollection().modify(upgradeV1Record);
        await tx.table('templateSets').toCollection().modify(upgradeV1Record);
      });
    this.version(3)
      .stores(SCHEMA_V3)
      .upgrade(async (tx) => {
        await moveRecords(tx, 'templates', 'templatesMoving');
        await moveRecords(tx, 'templateSets', 'templateSetsMoving');
      });
    this.version(4)
      .stores(SCHEMA_V4)
      .upgrade(async (tx) => {
        await moveRecords(tx, 'templatesMoving', 'templates');
        await moveRecords(tx, 'templateSetsMoving', 'templateSets');
      });
  }
}

/** Stores templates or sets (new or replacing), each under its own `id`. */
export function putRecords<T extends { id: string }>(table: Table<T, string>, records: readonly T[]): Promise<unknown> {
  return table.bulkPut(records as T[], records.map((r) => r.id));
}
