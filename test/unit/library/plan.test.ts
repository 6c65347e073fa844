import { describe, expect, it } from 'vitest';
import type { Template, TemplateSet } from '@/lib/domain';
import { batchFromSnapshot, type ImportBatch, type ImportItem } from '@/lib/library/import-batch';
import { type LibraryContents, planImport } from '@/lib/library/plan';
import { makeIndicator, makeProject, makeSnapshot } from '../../fixtures/make-snapshot';
import { content, idCounter, makeSet, makeTemplate } from './helpers';

function library(templates: Template[] = [], sets: TemplateSet[] = []): LibraryContents {
  return { templates: new Map(templates.map((t) => [t.id, t])), sets: new Map(sets.map((s) => [s.id, s])) };
}

function item(row: number, overrides: Partial<ImportItem> = {}): ImportItem {
  return { row, content: content(), tags: [], source: 'f.csv', issues: [], ...overrides };
}

function batch(items: ImportItem[], overrides: Partial<ImportBatch> = {}): ImportBatch {
  return { file: 'f.csv', kind: 'sheet', items, sets: [], notes: [], ...overrides };
}

const plan = (b: ImportBatch, lib = library()) => planImport(b, lib, { now: 5000, newId: idCounter() });

describe('planImport', () => {
  const existing = makeTemplate('old', { tags: ['常用'], useCount: 3 }, content({ name: '培训场次' }));
  const lib = library([existing]);

  it.each([
    ['a new indicator', content({ name: '验收合格率', level2: '质量指标' }), 'new', undefined],
    ['an identical one (other spelling of ≥)', content({ name: '培训场次', period: '>=10场', annual: '不少于10场' }), 'duplicate', 'old'],
    ['the same name with another value', content({ name: '培训场次', annual: '≥12场' }), 'near-duplicate', undefined],
  ])('marks %s as %s', (_label, c, status, duplicateOf) => {
    const row = plan(batch([item(2, { content: c })]), lib).preview.rows[0]!;
    expect(row.status).toBe(status);
    expect(row.duplicateOf).toBe(duplicateOf);
    if (status === 'near-duplicate') expect(row.similarTo).toEqual(['old']);
  });

  it('merges a duplicate into the existing template, keeping its counts and adding tags', () => {
    const { writes } = plan(batch([item(2, { content: content({ name: '培训场次' }), tags: ['2025'] })]), lib);
    expect(writes.templates).toEqual([{ ...existing, tags: ['常用', '2025'], updatedAt: 5000 }]);
    expect(writes.replacedTemplates).toEqual([existing]);
    expect(writes.createdTemplateIds).toEqual([]);
  });

  it('writes nothing for a duplicate that adds nothing', () => {
    const { writes, preview } = plan(batch([item(2, { content: content({ name: '培训场次' }), tags: ['常用'] })]), lib);
    expect(preview.rows[0]!.status).toBe('duplicate');
    expect(writes.templates).toEqual([]);
  });

  it('creates new templates with fresh ids, now as created/updated and zero use', () => {
    const { writes } = plan(batch([item(2, { content: content({ name: '验收合格率' }), tags: ['x'] })]));
    expect(writes.templates).toEqual([
      { ...content({ name: '验收合格率' }), id: 'id-1', tags: ['x'], source: 'f.csv', createdAt: 5000, updatedAt: 5000, useCount: 0, lastUsedAt: null },
    ]);
    expect(writes.createdTemplateIds).toEqual(['id-1']);
  });

  it('keeps every optional content field of a new template and stores no undefined field', () => {
    const full = content({ name: '验收合格率', explanation: '依据验收报告', weight: '5', previousActual: '98%', remark: '备注' });
    const sparse = { ...content({ name: '培训人次' }), explanation: undefined, remark: undefined };
    const { writes } = plan(batch([item(2, { content: full }), item(3, { content: sparse })]));
    expect(writes.templates[0]).toEqual({ ...full, id: 'id-1', tags: [], source: 'f.csv', createdAt: 5000, updatedAt: 5000, useCount: 0, lastUsedAt: null });
    expect(Object.keys(writes.templates[0]!).sort()).toEqual(
      [...Object.keys(full), 'id', 'tags', 'source', 'createdAt', 'updatedAt', 'useCount', 'lastUsedAt'].sort(),
    );
    expect(Object.keys(writes.templates[1]!)).not.toContain('explanation');
    expect(Object.values(writes.templates[1]!)).not.toContain(undefined);
  });

  it('merges identical rows within one file into one template', () => {
    const { preview, writes } = plan(batch([item(2, { tags: ['a'] }), item(3, { tags: ['b'] })]));
    expect(preview.rows.map((r) => [r.status, r.duplicateOf])).toEqual([
      ['new', undefined],
      ['duplicate', 'id-1'],
    ]);
    expect(writes.templates).toHaveLength(1);
    expect(writes.templates[0]!.tags).toEqual(['a', 'b']);
  });

  it('counts each status and keeps error rows out of the writes', () => {
    const error = { severity: 'error' as const, row: 4, field: '三级指标', message: 'f.csv 第 4 行「三级指标」：指标名称为空' };
    const { preview, writes } = plan(
      batch([
        item(2, { content: content({ name: '验收合格率' }) }),
        item(3, { content: content({ name: '培训场次' }) }),
        item(4, { content: content({ name: '' }), issues: [error] }),
        item(5, { content: null, issues: [error] }),
      ]),
      lib,
    );
    expect(preview.counts).toMatchObject({ rows: 4, new: 1, duplicate: 1, error: 2 });
    expect(preview.rows.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    expect(writes.templates.map((t) => t.name)).toEqual(['验收合格率']);
  });

  it('gives the same fingerprint for a file repeating a row, whatever ids the new templates get', () => {
    const b = batch([item(2, { content: content({ name: '验收合格率' }) }), item(3, { content: content({ name: '验收合格率' }) })]);
    const first = planImport(b, lib, { now: 1, newId: idCounter('a') }).preview;
    const second = planImport(b, lib, { now: 2, newId: idCounter('b') }).preview;
    expect(first.rows[1]!.duplicateOf).toBe('a-1');
    expect(second.fingerprint).toBe(first.fingerprint);
  });

  it('gives the same fingerprint for the same outcome and another when the library changed', () => {
    const b = batch([item(2, { content: content({ name: '培训场次' }) })]);
    const first = plan(b, lib).preview.fingerprint;
    expect(plan(b, lib).preview.fingerprint).toBe(first);
    expect(plan(b, library()).preview.fingerprint).not.toBe(first);
  });

  describe('backup records', () => {
    const record = makeTemplate('r1', { useCount: 2, lastUsedAt: 900, createdAt: 10 }, content({ name: '验收合格率' }));
    const backupItem = (r: Template, row = 1) => {
      const { id: _i, tags, source, createdAt: _c, updatedAt: _u, useCount: _n, lastUsedAt: _l, ...c } = r;
      return item(row, { content: c, tags, source, record: r });
    };

    it('restores a record unchanged into an empty library', () => {
      const { preview, writes } = plan(batch([backupItem(record)], { kind: 'backup' }));
      expect(preview.rows[0]!.status).toBe('new');
      expect(writes.templates).toEqual([record]);
    });

    it.each([
      ['the same record', record, 'unchanged', 0],
      ['a record edited later', { ...record, tags: ['x'], updatedAt: 2000 }, 'update', 0],
      ['an older version of the record', { ...record, tags: ['x'], updatedAt: 20 }, 'unchanged', 1],
    ])('finds %s by id → %s', (_label, r, status, warnings) => {
      const { preview, writes } = plan(batch([backupItem(r)], { kind: 'backup' }), library([record]));
      expect(preview.rows[0]!.status).toBe(status);
      expect(preview.rows[0]!.issues.filter((i) => i.severity === 'warning')).toHaveLength(warnings);
      expect(writes.templates).toEqual(status === 'update' ? [r] : []);
    });

    it('never overwrites a starter template the user already has', () => {
      const edited = { ...record, name: '我改过的', updatedAt: 1 };
      const { preview, writes } = plan(batch([backupItem({ ...record, updatedAt: 9999 })], { kind: 'starter' }), library([edited]));
      expect(preview.rows[0]!.status).toBe('unchanged');
      expect(writes.templates).toEqual([]);
    });

    it('merges a record identical in content but with another id, adding its use count', () => {
      const mine = makeTemplate('mine', { useCount: 5, lastUsedAt: 100, createdAt: 50 }, content({ name: '验收合格率' }));
      const { preview, writes } = plan(batch([backupItem(record)], { kind: 'backup' }), library([mine]));
      expect(preview.rows[0]).toMatchObject({ status: 'duplicate', duplicateOf: 'mine' });
      expect(writes.templates).toEqual([{ ...mine, useCount: 7, lastUsedAt: 900, createdAt: 10, updatedAt: 5000 }]);
    });

    it('refuses the same id twice in one backup', () => {
      const { preview } = plan(batch([backupItem(record, 1), backupItem({ ...record, name: 'x' }, 2)], { kind: 'backup' }));
      expect(preview.rows.map((r) => r.status)).toEqual(['new', 'error']);
      expect(preview.rows[1]!.issues[0]!.message).toContain('r1');
    });
  });

  describe('sets from a snapshot', () => {
    const snapshot = makeSnapshot({
      projects: [
        makeProject({ name: '培训项目', goal: '开展培训', indicators: [makeIndicator({ name: '培训场次' }), makeIndicator({ name: '' })] }),
        makeProject({ name: '空项目', indicators: [] }),
        makeProject({ name: '坏项目', indicators: [makeIndicator({ name: '' })] }),
      ],
    });
    const b = batchFromSnapshot(snapshot, 'table.txt');

    it('makes one set per project with indicators; a project without indicators is a note', () => {
      expect(b.sets.map((s) => s.name)).toEqual(['培训项目', '坏项目']);
      expect(b.notes.map((n) => n.message)).toEqual([expect.stringContaining('空项目')]);
      expect(b.items).toHaveLength(3);
    });

    it('builds a set from the good indicators and says what it left out', () => {
      const { preview, writes } = plan(b);
      expect(preview.sets.map((s) => [s.name, s.status, s.itemCount])).toEqual([
        ['培训项目', 'new', 1],
        ['坏项目', 'empty', 0],
      ]);
      expect(preview.sets[0]!.issues[0]!.message).toContain('1 个指标出错');
      expect(writes.sets).toEqual([expect.objectContaining({ name: '培训项目', projectName: '培训项目', goal: '开展培训', items: [expect.objectContaining({ name: '培训场次' })] })]);
    });

    it('says which indicator of a project a problem belongs to', () => {
      const issue = b.items[1]!.issues[0]!;
      expect(issue.message).toContain('培训项目 第 2 个指标');
    });

    it('recognises a set already in the library as a duplicate', () => {
      const first = plan(b).writes.sets[0]!;
      const again = plan(b, library([], [first]));
      expect(again.preview.sets[0]).toMatchObject({ status: 'duplicate', duplicateOf: first.id });
      expect(again.writes.sets).toEqual([]);
    });

    it('keeps a same-named set with other indicators as a new set', () => {
      const other = makeSet('s-old', '培训项目', [content({ name: '验收合格率' })]);
      expect(plan(b, library([], [other])).preview.sets[0]!.status).toBe('new');
    });
  });
});
