import { describe, expect, it } from 'vitest';
import { mergeSummaries } from '@/lib/background/page-handlers';
import { PageHub } from '@/lib/background/page-hub';
import type { PagePart } from '@/lib/page/controller';

const grid = (period: boolean, annual: boolean): PagePart => ({ url: 'http://portal/grid', indicators: [], sets: { period, annual } });

describe('PageHub grid frames', () => {
  it('lists the frames that hold a grid, and waits for a second one while the sets are not both in', () => {
    const hub = new PageHub();
    hub.report(1, 0, { url: 'http://portal/', project: { name: 'p', owner: '', goal: '' } }, 1000);
    hub.report(1, 7, grid(true, false), 1000);
    expect(hub.gridFrames(1)).toEqual([7]);
    // One set's frame in, the other's tab frame still loading.
    expect(hub.gridFramesSettled(1, 2000)).toBe(false);
    hub.report(1, 5, grid(false, true), 2100);
    expect(hub.gridFrames(1)).toEqual([5, 7]);
    expect(hub.gridFramesSettled(1, 2200)).toBe(true);
  });

  it('does not wait for ever on a page that only has one set', () => {
    const hub = new PageHub();
    hub.report(2, 0, grid(false, true), 1000);
    expect(hub.gridFramesSettled(2, 1500)).toBe(false);
    expect(hub.gridFramesSettled(2, 6000)).toBe(true);
    expect(new PageHub().gridFramesSettled(3)).toBe(false);
  });
});

describe('mergeSummaries', () => {
  it('adds the frames’ fills up and keeps the first failure with its outcome', () => {
    const failure = { step: 'add-rows', message: '新增失败', messageEn: 'adding failed' };
    const merged = mergeSummaries([
      { ok: true, written: 62, mismatches: [], skipped: 1, durationMs: 800 },
      { ok: false, written: 3, mismatches: [{ set: 'annual', row: 2, field: 'unit', expected: '次', actual: '' }], skipped: 0, durationMs: 9000, failure, rolledBack: true },
    ]);
    expect(merged).toEqual({
      ok: false,
      written: 65,
      mismatches: [{ set: 'annual', row: 2, field: 'unit', expected: '次', actual: '' }],
      skipped: 1,
      durationMs: 9800,
      failure,
      rolledBack: true,
    });
  });
});

describe('mergeParts', () => {
  it('joins a set’s frame to the other set’s indicators of the same name (each set in a tab frame of its own)', async () => {
    const { mergeParts } = await import('@/lib/background/page-hub');
    const { splitValue } = await import('@/lib/domain');
    const ind = (name: string, period: string | null, annual: string | null) => ({
      level1: '产出指标',
      level2: '数量指标',
      name,
      period: period === null ? null : splitValue(period),
      annual: annual === null ? null : splitValue(annual),
    });
    const { snapshot, indices, offsets } = mergeParts([
      [3, { url: 'p', sets: { period: true, annual: false }, indicators: [ind('巡检次数', '≥48次', null), ind('培训人次', '≥200人次', null)] }],
      [4, { url: 'a', sets: { period: false, annual: true }, indicators: [ind('培训人次', null, '≥50人次'), ind('年度新增', null, '≥1个')] }],
    ]);
    const merged = snapshot.projects[0]!.indicators;
    expect(merged.map((i) => [i.name, i.period?.raw ?? null, i.annual?.raw ?? null])).toEqual([
      ['巡检次数', '≥48次', null],
      ['培训人次', '≥200人次', '≥50人次'],
      ['年度新增', null, '≥1个'],
    ]);
    expect(indices.get(3)).toEqual([0, 1]);
    expect(indices.get(4)).toEqual([1, 2]);
    expect(offsets.get(4)).toBe(2);
  });
});
