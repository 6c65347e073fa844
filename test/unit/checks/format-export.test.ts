import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FormSnapshot } from '@/lib/domain';
import { parseText } from '@/lib/parse';
import { formatExportTable, formatIndicator } from '@/lib/parse/format-export';
import { makeIndicator, makeProject, makeSnapshot } from '../../fixtures/make-snapshot';

/** What the writer must keep: everything except where items came from and import notes. */
function content(snapshot: FormSnapshot) {
  return JSON.parse(JSON.stringify(snapshot, (k, v) => (k === 'source' || k === 'warnings' || k === 'origin' ? undefined : v)));
}

describe('formatExportTable', () => {
  it('writes the seed so that the importer reads back the same projects, amounts and indicators', () => {
    const seed = parseText(readFileSync(resolve(__dirname, '../../fixtures/baiyun-perf-targets.txt'), 'utf8'), { file: 'seed.txt' });
    expect(content(parseText(formatExportTable(seed), { file: 'copy.txt' }))).toEqual(content(seed));
  });

  it('round-trips a factory snapshot with several units and all money columns', () => {
    const snapshot = makeSnapshot({
      projects: [
        makeProject({ name: '甲项目', owner: '第一局(本级)', amounts: { total: '150.30', fiscal: '100.10', specialAccount: '50.20' } }),
        makeProject({ name: '乙项目', owner: '第二局(本级)', amounts: { total: '20.00', fiscal: '10.00', other: '10.00' }, goal: '目标一。' }),
      ],
    });
    const back = parseText(formatExportTable(snapshot), { file: 'x.txt' });
    expect(back.total).toBe('170.30');
    expect(back.units.map((u) => [u.name, u.amounts])).toEqual(snapshot.units.map((u) => [u.name, u.amounts]));
    expect(back.projects.map((p) => [p.name, p.owner, p.amounts, p.indicators.length])).toEqual(
      snapshot.projects.map((p) => [p.name, p.owner, p.amounts, p.indicators.length]),
    );
  });

  it.each([
    [makeIndicator(), '1-产出指标; 11-数量指标; 培训场次; 实施周期指标值:≥10场; 年度指标值:≥10场'],
    [makeIndicator({ annual: null }), '1-产出指标; 11-数量指标; 培训场次; 实施周期指标值:≥10场'],
    [makeIndicator({ level1: '自定义', level2: '' }), '自定义; 培训场次; 实施周期指标值:≥10场; 年度指标值:≥10场'],
    [makeIndicator({ name: '名称\t带制表符' }), '1-产出指标; 11-数量指标; 名称 带制表符; 实施周期指标值:≥10场; 年度指标值:≥10场'],
  ])('prints an indicator as the export does: %#', (indicator, expected) => {
    expect(formatIndicator(indicator)).toBe(expected);
  });
});
