/**
 * The library database (Dexie over IndexedDB) in the extension origin: opened by the background
 * service worker and extension pages only, never by a content script (that would be the portal's
 * origin). Every schema version stays declared here, each with its upgrade, so any older database
 * opens with every record intact.
 */
import Dexie, { type EntityTable } from 'dexie';
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
 * Version 2 (current): primary keys only for the records — the library is searched in memory
 * (lib/library/search-index.ts), and every IndexedDB index would only slow a 10,000-row import —
 * plus the meta and undo tables.
 */
export const SCHEMA_V2 = {
  templates: 'id',
  templateSets: 'id',
  meta: 'key',
  undo: 'id, createdAt',
} as const;

/** The current schema version (what `db.verno` reads after opening). */
export const DB_VERSION = 2;

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
  templates!: EntityTable<Template, 'id'>;
  templateSets!: EntityTable<TemplateSet, 'id'>;
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
  }
}
