import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Template, TemplateSet } from '../../../lib/domain/schemas';
import { batchFromSnapshot } from '../../../lib/library/import-batch';
import { planImport } from '../../../lib/library/plan';
import type { ImportPreview, PreviewRow } from '../../../lib/library/schemas';
import { parseText } from '../../../lib/parse/index';
import { importProgressShare, summariseImport, warningBesideRow } from '../../../lib/ui/import-summary';

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

describe('summariseImport puts each warning beside the row it concerns', () => {
  const snapshot = parseText(readFileSync(FIXTURE, 'utf8'), { file: 'baiyun.txt' });
  const summary = summariseImport(seedPreview().preview);
  const listed = [...summary.added, ...summary.nearDuplicates, ...summary.merged, ...summary.updated, ...summary.rejected];

  it('an importer warning naming an indicator of its line goes beside that indicator', () => {
    const w = snapshot.warnings.find((x) => x.message.startsWith('指标「造价审核」'))!;
    const row = listed.find((r) => r.name === '造价审核' && r.row === w.line)!;
    expect(row.warnings).toEqual([`baiyun.txt 第 ${w.line} 行：${w.message}`]);
    expect(summary.lineWarnings.some((l) => l.message.includes('造价审核'))).toBe(false);
  });

  it('a warning about an unnamed indicator goes beside the unnamed row of its line (the importers write it 「(无名称)」)', () => {
    const w = snapshot.warnings.find((x) => x.message.startsWith('指标「(无名称)」'))!;
    const row = summary.rejected.find((r) => r.name === '' && r.row === w.line)!;
    expect(row.warnings).toContain(`baiyun.txt 第 ${w.line} 行：${w.message}`);
  });

  it('a warning of a project line that names no indicator is listed by line with the project', () => {
    const stray = snapshot.warnings.find((x) => x.message.includes('不少数量指标'))!;
    const project = snapshot.projects.find((p) => p.source?.line === stray.line)!;
    expect(summary.lineWarnings).toContainEqual({ row: stray.line, message: `baiyun.txt 第 ${stray.line} 行：${stray.message}`, project: project.name });
  });

  it('loses no warning: the ones beside rows and the ones by line add up to all', () => {
    const beside = listed.reduce((n, r) => n + r.warnings.length, 0);
    expect(beside).toBeGreaterThan(5);
    expect(beside + summary.lineWarnings.length).toBe(summary.warnings.length);
    for (const r of listed) for (const w of r.warnings) expect(w).toContain(`第 ${r.row} 行`);
  });

  it('the only row of a declaration line takes the warnings of its line', () => {
    const text = ['项目名称\t社区养老服务补助', '一级指标\t二级指标\t三级指标\t指标值', '产出指标\t效益指标\t培训人次\t≥280人次'].join('\n');
    const batch = batchFromSnapshot(parseText(text, { file: 'd.txt' }), 'd.txt');
    batch.notes.push({ severity: 'warning', row: 3, message: 'd.txt 第 3 行：二级指标与一级指标不相符' });
    const s = summariseImport(planImport(batch, { templates: new Map(), sets: new Map() }, { now: 1, newId: () => 'x' }).preview);
    const row = s.added.find((r) => r.name === '培训人次')!;
    expect(row.warnings).toContain('d.txt 第 3 行：二级指标与一级指标不相符');
    // Its own check (效益指标 is no 二级 of 产出指标) sits beside it too.
    expect(row.warnings.some((w) => w.includes('二级指标'))).toBe(true);
    expect(s.lineWarnings).toEqual([]);
  });
});

describe('warningBesideRow', () => {
  it.each([
    ['f.txt 第 5 行：指标「A」重复', '指标「A」重复'],
    ['f.txt 第 5 行（项目 第 2 个指标）「二级指标」：类别未识别', '「二级指标」：类别未识别'],
    ['f.txt row 5 (indicator 2 of 项目), 二级指标: category not recognised', '二级指标: category not recognised'],
    ['f.txt 第 7 行：别的行', 'f.txt 第 7 行：别的行'],
    ['没有位置的提示', '没有位置的提示'],
  ])('%s → %s', (half, shown) => {
    expect(warningBesideRow(half, 'f.txt', 5)).toBe(shown);
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
    // The row's own warning sits beside it; the whole-file note is listed by line.
    expect(s.added[0]!.warnings).toEqual(['w / w']);
    expect(s.lineWarnings).toEqual([{ row: 0, message: '忽略了列「备注2」' }]);
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
