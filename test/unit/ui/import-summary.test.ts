import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Template, TemplateSet } from '../../../lib/domain/schemas';
import { batchFromSnapshot } from '../../../lib/library/import-batch';
import { planImport } from '../../../lib/library/plan';
import type { ImportPreview, PreviewRow } from '../../../lib/library/schemas';
import { parseText } from '../../../lib/parse/index';
import { importProgressShare, summariseImport } from '../../../lib/ui/import-summary';

const FIXTURE = join(__dirname, '../../fixtures/baiyun-perf-targets.txt');

function seedPreview(library: { templates: Map<string, Template>; sets: Map<string, TemplateSet> } = { templates: new Map(), sets: new Map() }) {
  const batch = batchFromSnapshot(parseText(readFileSync(FIXTURE, 'utf8'), { file: 'baiyun.txt' }), 'baiyun.txt');
  let id = 0;
  return planImport(batch, library, { now: 1, newId: () => `id${++id}` });
}

describe('summariseImport over the seed fixture', () => {
  const { preview, writes } = seedPreview();
  const summary = summariseImport(preview);

  it('counts what an empty library would receive', () => {
    expect(summary.file).toBe('baiyun.txt');
    expect(summary.counts.rows).toBe(preview.rows.length);
    expect(summary.counts.add).toBe(preview.counts.new + preview.counts.nearDuplicate);
    expect(summary.counts.add).toBeGreaterThan(90);
    expect(summary.counts.merge + summary.counts.update + summary.counts.unchanged).toBe(preview.counts.duplicate + preview.counts.update + preview.counts.unchanged);
    expect(summary.hasChanges).toBe(true);
  });

  it('lists rejected rows with their row numbers and reasons (the unnamed indicators of the fixture)', () => {
    expect(summary.rejected.length).toBe(preview.counts.error);
    expect(summary.rejected.length).toBeGreaterThan(0);
    for (const r of summary.rejected) {
      expect(r.row).toBeGreaterThan(0);
      expect(r.reasons.length).toBeGreaterThan(0);
      expect(r.reasons.join('')).toContain(`第 ${r.row} 行`);
    }
    expect(summary.needsSkip).toBe(true);
  });

  it('lists rows in file order', () => {
    const rows = summary.added.map((r) => r.row * 100 + (r.index ?? 0));
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
  });

  it('gives the same fingerprint when the same file is previewed twice (the commit checks it)', () => {
    const batch = batchFromSnapshot(parseText(readFileSync(FIXTURE, 'utf8'), { file: 'baiyun.txt' }), 'baiyun.txt');
    const empty = { templates: new Map(), sets: new Map() };
    // Real ids are random; a fingerprint that depended on them would refuse every commit.
    const plan = () => planImport(batch, empty, { now: 1, newId: () => crypto.randomUUID() }).preview.fingerprint;
    expect(plan()).toBe(plan());
  });

  it('shows merges when the same file is imported again', () => {
    const templates = new Map(writes.templates.map((t) => [t.id, t]));
    const sets = new Map(writes.sets.map((s) => [s.id, s]));
    const again = summariseImport(seedPreview({ templates, sets }).preview);
    expect(again.counts.add).toBe(0);
    // Rows repeated inside the file already merged the first time.
    expect(again.counts.merge).toBe(summary.counts.add + summary.counts.merge);
    expect(again.merged.every((r) => r.target && templates.has(r.target))).toBe(true);
  });
});

describe('summariseImport by status', () => {
  const row = (status: PreviewRow['status'], extra: Partial<PreviewRow> = {}): PreviewRow => ({
    row: 3,
    name: status,
    level1: '产出指标',
    level2: '数量指标',
    status,
    issues: [],
    ...extra,
  });
  const preview: ImportPreview = {
    file: 'f.csv',
    kind: 'sheet',
    counts: {
      rows: 6,
      new: 1,
      nearDuplicate: 1,
      duplicate: 1,
      update: 1,
      unchanged: 1,
      error: 1,
      warning: 1,
      sets: { total: 1, new: 0, duplicate: 0, update: 0, unchanged: 0, empty: 0, error: 1 },
    },
    rows: [
      row('new', { issues: [{ severity: 'warning', row: 3, message: 'w / w' }] }),
      row('near-duplicate', { similarTo: ['t9', 't8'] }),
      row('duplicate', { duplicateOf: 't1' }),
      row('update', { duplicateOf: 't2' }),
      row('unchanged'),
      row('error', { row: 2, issues: [{ severity: 'error', row: 2, field: '指标值', message: 'bad / bad' }] }),
    ],
    sets: [{ key: 's', row: 1, name: '坏的指标集', itemCount: 0, status: 'error', issues: [{ severity: 'error', row: 1, message: 'set bad' }] }],
    notes: [{ severity: 'warning', row: 0, message: '忽略了列「备注2」' }],
    fingerprint: 'x',
  };
  const s = summariseImport(preview);

  it.each([
    ['added', s.added, ['new']],
    ['nearDuplicates', s.nearDuplicates, ['near-duplicate']],
    ['merged', s.merged, ['duplicate']],
    ['updated', s.updated, ['update']],
    ['rejected', s.rejected, ['坏的指标集', 'error']],
  ])('%s', (_label, rows, names) => {
    expect(rows.map((r) => r.name)).toEqual(names);
  });

  it('keeps targets, reasons and warnings', () => {
    expect(s.nearDuplicates[0]!.target).toBe('t9');
    expect(s.merged[0]!.target).toBe('t1');
    expect(s.rejected.find((r) => r.name === 'error')!.reasons).toEqual(['bad / bad']);
    expect(s.warnings).toEqual([
      { row: 0, message: '忽略了列「备注2」' },
      { row: 3, message: 'w / w' },
    ]);
    expect(s.counts).toMatchObject({ add: 2, merge: 1, update: 1, unchanged: 1, reject: 1, setsReject: 1, warnings: 2 });
  });

  it('has nothing to write when every row is unchanged', () => {
    const none = summariseImport({ ...preview, counts: { ...preview.counts, new: 0, nearDuplicate: 0, duplicate: 0, update: 0, error: 0, sets: { ...preview.counts.sets, error: 0 } } });
    expect(none.hasChanges).toBe(false);
    expect(none.needsSkip).toBe(false);
  });
});

describe('importProgressShare', () => {
  it.each([
    [null, 0],
    [{ phase: 'writing', done: 0, total: 0 }, 0],
    [{ phase: 'writing', done: 50, total: 100 }, 0.4],
    [{ phase: 'writing', done: 100, total: 100 }, 0.8],
    [{ phase: 'indexing', done: 50, total: 100 }, 0.9],
    [{ phase: 'indexing', done: 200, total: 100 }, 1],
  ] as const)('%o → %d', (progress, share) => {
    expect(importProgressShare(progress)).toBeCloseTo(share);
  });
});
