import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryError, type Progress, TemplateLibrary } from '@/lib/db/library';
import { backupJson, readBackup } from '@/lib/library/backup';
import type { ImportBatch, ImportItem } from '@/lib/library/import-batch';
import { STARTER_CONTENTS } from '@/lib/library/starter';
import { content, idCounter } from '../library/helpers';

const opened: TemplateLibrary[] = [];

async function openLibrary(deps = { indexedDB: new IDBFactory(), IDBKeyRange }, name = 'lib') {
  let clock = 1000;
  const library = await TemplateLibrary.open({ name, ...deps, now: () => ++clock, newId: idCounter(name) });
  opened.push(library);
  return library;
}

afterEach(() => {
  for (const l of opened.splice(0)) l.close();
});

function item(row: number, name: string, overrides: Partial<ImportItem> = {}): ImportItem {
  return { row, content: content({ name }), tags: [], source: 'f.csv', issues: [], ...overrides };
}

function sheet(items: ImportItem[], sets: ImportBatch['sets'] = []): ImportBatch {
  return { file: 'f.csv', kind: 'sheet', items, sets, notes: [] };
}

const badRow = (row: number) =>
  item(row, '', { issues: [{ severity: 'error', row, field: '三级指标', message: `f.csv 第 ${row} 行「三级指标」：指标名称为空` }] });

/** Everything stored, for before/after comparisons. */
async function dump(library: TemplateLibrary) {
  return {
    templates: await library.db.templates.orderBy(':id').toArray(),
    sets: await library.db.templateSets.orderBy(':id').toArray(),
    undo: await library.db.undo.count(),
  };
}

describe('TemplateLibrary import', () => {
  it('commits a batch, and a reopened library finds it (search and records)', async () => {
    const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
    const library = await openLibrary(deps);
    const result = await library.commitImport(
      sheet([item(2, '视频会议系统'), item(3, '服务对象满意度'), item(4, '视频会议系统')], [
        { key: 's', row: 2, name: '视频会议', projectName: '', goal: '', tags: [], source: 'f.csv', itemIndices: [0, 1], issues: [] },
      ]),
    );
    expect(result).toMatchObject({ added: 2, merged: 1, skipped: 0, setsAdded: 1 });
    library.close();
    const again = await openLibrary(deps);
    expect(again.counts).toEqual({ templates: 2, sets: 1 });
    expect(again.search({ text: 'spxt' }).hits.map((h) => h.item.name)).toEqual(['视频会议系统']);
  });

  it('refuses a batch with an error row and stores nothing', async () => {
    const library = await openLibrary();
    await library.commitImport(sheet([item(2, '已有指标')]));
    const before = await dump(library);
    const refused = library.commitImport(sheet([item(2, '新指标'), badRow(3)]));
    await expect(refused).rejects.toThrow(LibraryError);
    await expect(refused).rejects.toThrow(/f\.csv.*1 行出错.*未导入/);
    expect(await dump(library)).toEqual(before);
    expect(library.search({ text: '新指标' }).total).toBe(0);
  });

  it('stores the good rows when told to skip the bad ones', async () => {
    const library = await openLibrary();
    const result = await library.commitImport(sheet([item(2, '新指标'), badRow(3)]), { skipBadRows: true });
    expect(result).toMatchObject({ added: 1, skipped: 1 });
    expect(library.allTemplates().map((t) => t.name)).toEqual(['新指标']);
  });

  it('stores nothing when the transaction fails part-way (DB and indexes unchanged)', async () => {
    const library = await openLibrary();
    await library.commitImport(sheet([item(1, '已有指标')]));
    const before = await dump(library);
    const many = Array.from({ length: 1200 }, (_, i) => item(i + 2, `指标${i}`));
    const failing = library.commitImport(sheet(many), {
      onProgress: (p: Progress) => {
        if (p.phase === 'writing' && p.done >= 1000) throw new Error('disk full');
      },
    });
    await expect(failing).rejects.toThrow('disk full');
    expect(await dump(library)).toEqual(before);
    expect(library.counts.templates).toBe(1);
    expect(library.search({ text: '指标1' }).total).toBe(0);
  });

  it('stores nothing when IndexedDB refuses one record of a large import (no half-written import)', async () => {
    const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
    let n = 0;
    // The 700th id is no valid key: IndexedDB refuses that one put, in the middle of the second chunk.
    const library = await TemplateLibrary.open({ name: 'refuse', ...deps, newId: () => (++n === 700 ? (undefined as unknown as string) : `id-${n}`) });
    opened.push(library);
    const many = Array.from({ length: 1200 }, (_, i) => item(i + 1, `指标${i}`));
    await expect(library.commitImport(sheet(many))).rejects.toMatchObject({ name: 'DataError' });
    expect(await library.db.templates.count()).toBe(0);
    expect(await library.db.undo.count()).toBe(0);
    expect(library.counts.templates).toBe(0);
    // The library still works afterwards.
    await library.commitImport(sheet([item(1, '之后的指标')]));
    expect(await library.db.templates.count()).toBe(1);
  });

  it('reports writing and indexing progress up to the total', async () => {
    const library = await openLibrary();
    const progress: Progress[] = [];
    await library.commitImport(sheet(Array.from({ length: 1200 }, (_, i) => item(i + 1, `指标${i}`))), {
      onProgress: (p) => progress.push(p),
    });
    // 0 when the writes start (after the preview/plan), then as each chunk is stored.
    expect(progress.filter((p) => p.phase === 'writing').map((p) => p.done)).toEqual([0, 500, 1000, 1200]);
    expect(progress.filter((p) => p.phase === 'indexing').at(-1)).toEqual({ phase: 'indexing', done: 1200, total: 1200 });
  });

  it('commits with the preview’s fingerprint when the file repeats a row (new ids differ between plans)', async () => {
    const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
    const library = await TemplateLibrary.open({ name: 'random-ids', ...deps });
    opened.push(library);
    const batch = sheet([item(2, '培训场次'), item(3, '培训场次')]);
    const preview = library.previewImport(batch);
    const result = await library.commitImport(batch, { expectFingerprint: preview.fingerprint });
    expect(result).toMatchObject({ added: 1, merged: 1 });
  });

  it('refuses a commit whose outcome changed since the preview', async () => {
    const library = await openLibrary();
    const batch = sheet([item(2, '培训场次')]);
    const preview = library.previewImport(batch);
    expect(preview.rows[0]!.status).toBe('new');
    await library.commitImport(batch);
    const stale = library.commitImport(batch, { expectFingerprint: preview.fingerprint });
    await expect(stale).rejects.toMatchObject({ code: 'stale-preview' });
  });

  it('undoes an import: new templates removed, merged ones restored', async () => {
    const library = await openLibrary();
    await library.commitImport(sheet([item(1, '培训场次', { tags: ['旧'] })]));
    const before = await dump(library);
    const result = await library.commitImport(sheet([item(1, '培训场次', { tags: ['新'] }), item(2, '验收合格率')]));
    expect(library.allTemplates().find((t) => t.name === '培训场次')!.tags).toEqual(['旧', '新']);
    await library.undo(result.undoToken!);
    const after = await dump(library);
    expect(after.templates).toEqual(before.templates);
    expect(library.search({ text: '验收' }).total).toBe(0);
    expect(library.allTemplates().find((t) => t.name === '培训场次')!.tags).toEqual(['旧']);
  });
});

describe('TemplateLibrary edits', () => {
  async function seeded() {
    const library = await openLibrary();
    await library.commitImport(
      sheet([item(1, '培训场次'), item(2, '验收合格率', { tags: ['常用'] }), item(3, '服务对象满意度')], [
        { key: 's', row: 1, name: '培训项目', projectName: '', goal: '', tags: [], source: 'f.csv', itemIndices: [0, 1], issues: [] },
      ]),
    );
    return library;
  }

  it('bulk-deletes templates and sets; undo restores them exactly, once', async () => {
    const library = await seeded();
    const before = await dump(library);
    const ids = library.allTemplates().slice(0, 2).map((t) => t.id);
    const setIds = library.allSets().map((s) => s.id);
    const receipt = await library.delete({ templateIds: ids, setIds });
    expect(receipt.count).toBe(3);
    expect(library.counts).toEqual({ templates: 1, sets: 0 });
    expect(library.search({ text: '培训' }).total).toBe(0);
    await library.undo(receipt.undoToken);
    const after = await dump(library);
    expect(after.templates).toEqual(before.templates);
    expect(after.sets).toEqual(before.sets);
    expect(library.search({ text: 'pxcc' }).total).toBe(1);
    await expect(library.undo(receipt.undoToken)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('keeps at most 20 undo entries', async () => {
    const library = await seeded();
    const id = library.allTemplates()[0]!.id;
    for (let i = 0; i < 25; i++) await library.editTags({ templateIds: [id], add: [`t${i}`] }).then(() => library.delete({ templateIds: [] }));
    expect(await library.db.undo.count()).toBe(20);
  });

  it('merges templates: counts added, tags united, others deleted; undo brings them back', async () => {
    const library = await seeded();
    const [a, b] = library.allTemplates();
    await library.recordUse({ templateIds: [a!.id, b!.id] });
    await library.recordUse({ templateIds: [b!.id] });
    const merged = await library.mergeTemplates(a!.id, [b!.id]);
    expect(merged.template).toMatchObject({ id: a!.id, name: a!.name, useCount: 3, tags: ['常用'] });
    expect(library.getTemplate(b!.id)).toBeUndefined();
    await library.undo(merged.undoToken);
    expect(library.getTemplate(b!.id)).toMatchObject({ name: '验收合格率', useCount: 2 });
    expect(library.getTemplate(a!.id)!.useCount).toBe(1);
  });

  it('adds and removes tags in bulk, and filters by them', async () => {
    const library = await seeded();
    const ids = library.allTemplates().map((t) => t.id);
    const { changed } = await library.editTags({ templateIds: ids, add: ['2025'], remove: ['常用'] });
    expect(changed).toBe(3);
    expect(library.search({ text: '', tags: ['2025'] }).total).toBe(3);
    expect(library.search({ text: '', tags: ['常用'] }).total).toBe(0);
    expect(library.tags()).toEqual([{ tag: '2025', count: 3 }]);
  });

  it('counts uses without marking the record edited, and ranks by them', async () => {
    const library = await seeded();
    const sat = library.allTemplates().find((t) => t.name === '服务对象满意度')!;
    await library.recordUse({ templateIds: [sat.id] });
    const used = library.getTemplate(sat.id)!;
    expect(used).toMatchObject({ useCount: 1, updatedAt: sat.updatedAt });
    expect(used.lastUsedAt).not.toBeNull();
    expect(library.search({ text: '' }).hits[0]!.item.id).toBe(sat.id);
    expect((await library.db.templates.get(sat.id))!.useCount).toBe(1);
  });

  it('saves a new and an edited template, refusing markup', async () => {
    const library = await seeded();
    const created = await library.saveTemplate({ content: content({ name: '网站运维' }), tags: ['信息化'] });
    expect(library.search({ text: 'wzyw' }).hits.map((h) => h.item.id)).toEqual([created.id]);
    const edited = await library.saveTemplate({ id: created.id, content: content({ name: '网站运营维护' }) });
    expect(edited).toMatchObject({ id: created.id, createdAt: created.createdAt, tags: ['信息化'] });
    expect(edited.updatedAt).toBeGreaterThan(created.updatedAt);
    await expect(library.saveTemplate({ content: content({ name: '<b>粗体</b>' }) })).rejects.toMatchObject({ code: 'invalid' });
    await expect(library.saveTemplate({ id: 'nope', content: content() })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('reports identical and near-duplicate groups', async () => {
    const library = await openLibrary();
    await library.saveTemplate({ content: content({ name: '培训场次' }) });
    await library.saveTemplate({ content: content({ name: '培训场次' }) });
    await library.saveTemplate({ content: content({ name: '培训场次', annual: '≥12场' }) });
    expect(library.duplicateGroups().map((g) => [g.kind, g.ids.length])).toEqual([
      ['identical', 2],
      ['near', 2],
    ]);
  });
});

describe('backup round trip', () => {
  it('imports an export into an empty library and exports exactly the same records', async () => {
    const source = await openLibrary({ indexedDB: new IDBFactory(), IDBKeyRange }, 'source');
    await source.loadStarter();
    await source.commitImport(
      sheet([item(1, '视频会议系统', { tags: ['信息化'] }), item(2, '含<5%的值', { content: content({ name: '故障率', annual: '<5%', explanation: 'a\nb "引号"' }) })], [
        { key: 's', row: 1, name: '智慧白云', projectName: '智慧白云一期', goal: '视频会议', tags: ['2025'], source: 'f.csv', itemIndices: [0, 1], issues: [] },
      ]),
    );
    await source.recordUse({ templateIds: [source.allTemplates()[0]!.id], setIds: [source.allSets()[0]!.id] });
    const exported = source.exportBackup();
    const text = backupJson(exported);

    const target = await openLibrary({ indexedDB: new IDBFactory(), IDBKeyRange }, 'target');
    const result = await target.commitImport(readBackup(text, 'backup.json'));
    expect(result).toMatchObject({ added: exported.templates.length, setsAdded: 1, skipped: 0 });
    const back = target.exportBackup();
    expect({ ...back, exportedAt: 0 }).toEqual({ ...exported, exportedAt: 0 });
    expect(JSON.stringify({ ...back, exportedAt: 0 })).toBe(JSON.stringify({ ...exported, exportedAt: 0 }));
    expect(await target.db.templates.orderBy(':id').toArray()).toEqual(exported.templates);

    // Importing the same backup again changes nothing.
    const again = await target.commitImport(readBackup(text, 'backup.json'));
    expect(again).toMatchObject({ added: 0, unchanged: exported.templates.length, undoToken: null });
  });
});

describe('built-in libraries', () => {
  it('loads the starter library once; loading again changes nothing', async () => {
    const library = await openLibrary();
    const first = await library.loadStarter();
    expect(first.added).toBe(STARTER_CONTENTS.length);
    expect(await library.meta('starterLoadedAt')).toBeTypeOf('number');
    const second = await library.loadStarter();
    expect(second).toMatchObject({ added: 0, unchanged: STARTER_CONTENTS.length });
    expect(library.search({ text: 'fwdxmyd' }).hits[0]!.item.name).toBe('服务对象满意度');
  });

  it('removes untouched starter templates and keeps the ones the user edited or used', async () => {
    const library = await openLibrary();
    await library.saveTemplate({ content: content({ name: '我的指标' }) });
    await library.loadStarter();
    const [edited, used] = library.allTemplates().filter((t) => t.source === 'starter');
    await library.saveTemplate({ id: edited!.id, content: { ...edited!, annual: null } });
    await library.recordUse({ templateIds: [used!.id] });
    const receipt = await library.removeBuiltIn('starter');
    expect(receipt).toMatchObject({ count: STARTER_CONTENTS.length - 2, kept: 2 });
    expect(library.allTemplates().map((t) => t.id).sort()).toEqual([edited!.id, used!.id, 'lib-1'].sort());
    expect(await library.meta('starterLoadedAt')).toBeUndefined();
    await library.undo(receipt.undoToken);
    expect(library.counts.templates).toBe(STARTER_CONTENTS.length + 1);
  });
});
