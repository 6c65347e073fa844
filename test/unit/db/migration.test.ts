import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { TemplateLibrary } from '@/lib/db/library';
import { DB_VERSION, SCHEMA_V1, SCHEMA_V2, TianbaoDb } from '@/lib/db/schema';
import { splitValue } from '@/lib/domain';

/** Records as version 1 stored them: no tags, source, use count or last use. */
const V1_TEMPLATES = [
  {
    id: 'v1-a',
    level1: '产出指标',
    level2: '数量指标',
    name: '视频会议系统',
    period: splitValue('＝24个'),
    annual: splitValue('＝24个'),
    explanation: '覆盖镇街数量',
    createdAt: 100,
    updatedAt: 200,
  },
  {
    id: 'v1-b',
    level1: '满意度指标',
    level2: '服务对象满意度',
    name: '服务对象满意度',
    period: splitValue('≥90%'),
    annual: null,
    createdAt: 300,
    updatedAt: 300,
  },
];
const V1_SETS = [
  {
    id: 'v1-set',
    name: '智慧白云一期项目经费',
    projectName: '智慧白云一期项目经费',
    goal: '为区提供正常可用的视频会议、地理信息平台等服务。',
    items: [V1_TEMPLATES[0]!].map(({ id: _id, createdAt: _c, updatedAt: _u, ...c }) => c),
    createdAt: 100,
    updatedAt: 100,
  },
];

async function writeV1(deps: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }, name: string) {
  const old = new Dexie(name, deps);
  old.version(1).stores(SCHEMA_V1);
  await old.open();
  await old.table('templates').bulkAdd(V1_TEMPLATES);
  await old.table('templateSets').bulkAdd(V1_SETS);
  old.close();
}

describe('schema migration', () => {
  it('opens a version 1 database with the current code and finds every record intact', async () => {
    const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
    await writeV1(deps, 'old-library');

    const db = new TianbaoDb('old-library', deps);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    const templates = await db.templates.orderBy(':id').toArray();
    expect(templates).toEqual(V1_TEMPLATES.map((t) => ({ ...t, tags: [], source: '', useCount: 0, lastUsedAt: null })));
    expect(await db.templateSets.toArray()).toEqual(V1_SETS.map((s) => ({ ...s, tags: [], source: '', useCount: 0, lastUsedAt: null })));
    // The v1 indexes are gone (the library searches in memory); the new tables are there.
    expect(db.templates.schema.indexes).toEqual([]);
    expect(await db.meta.count()).toBe(0);
    db.close();
  });

  it('makes upgraded records searchable and suggestible', async () => {
    const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
    await writeV1(deps, 'old-library');
    const library = await TemplateLibrary.open({ name: 'old-library', ...deps });
    expect(library.counts).toEqual({ templates: 2, sets: 1 });
    expect(library.search({ text: 'spxt' }).hits.map((h) => h.item.id)).toEqual(['v1-a']);
    expect(library.suggest({ projectName: '视频会议保障', goal: '' }).sets.map((s) => s.item.id)).toEqual(['v1-set']);
    library.close();
  });

  it('keeps the data when the current version is opened again (extension update, browser restart)', async () => {
    const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
    await writeV1(deps, 'lib');
    const first = await TemplateLibrary.open({ name: 'lib', ...deps });
    await first.recordUse({ templateIds: ['v1-a'] });
    first.close();
    const second = await TemplateLibrary.open({ name: 'lib', ...deps });
    expect(second.getTemplate('v1-a')!.useCount).toBe(1);
    expect(second.getTemplate('v1-b')!.name).toBe('服务对象满意度');
    second.close();
  });

  it('moves a version 2 database (records keyed by their id field) to out-of-line keys, every record and undo entry intact', async () => {
    const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
    const v2Templates = V1_TEMPLATES.map((t) => ({ ...t, tags: ['常用'], source: 'a.xlsx', useCount: 2, lastUsedAt: 500 }));
    const v2Sets = V1_SETS.map((s) => ({ ...s, tags: [], source: 'a.xlsx', useCount: 0, lastUsedAt: null }));
    const undo = { id: 'u1', createdAt: 600, label: '删除 1 个指标', restoreTemplates: [v2Templates[1]!], restoreSets: [], removeTemplateIds: [], removeSetIds: [] };
    const old = new Dexie('v2-library', deps);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    await old.open();
    await old.table('templates').bulkAdd(v2Templates);
    await old.table('templateSets').bulkAdd(v2Sets);
    await old.table('undo').add(undo);
    await old.table('meta').put({ key: 'starterLoadedAt', value: 1 });
    old.close();

    const db = new TianbaoDb('v2-library', deps);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    const stores = db.backendDB().transaction(['templates', 'templateSets'], 'readonly');
    expect(stores.objectStore('templates').keyPath).toBeNull();
    expect(stores.objectStore('templateSets').keyPath).toBeNull();
    expect([...db.backendDB().objectStoreNames].sort()).toEqual(['meta', 'templateSets', 'templates', 'undo']);
    expect(await db.templates.orderBy(':id').toArray()).toEqual(v2Templates);
    expect(await db.templates.get('v1-a')).toEqual(v2Templates[0]);
    expect(await db.templateSets.toArray()).toEqual(v2Sets);
    expect(await db.undo.toArray()).toEqual([undo]);
    expect(await db.meta.get('starterLoadedAt')).toEqual({ key: 'starterLoadedAt', value: 1 });
    db.close();

    // The library works on the moved records: an undo written by version 2 still restores.
    const library = await TemplateLibrary.open({ name: 'v2-library', ...deps });
    await library.delete({ templateIds: ['v1-a'] });
    expect(library.counts.templates).toBe(1);
    await library.undo('u1');
    expect(library.getTemplate('v1-b')).toEqual(v2Templates[1]);
    library.close();
    const reopened = await TemplateLibrary.open({ name: 'v2-library', ...deps });
    expect(reopened.allTemplates().map((t) => t.id)).toEqual(['v1-b']);
    reopened.close();
  });
});
