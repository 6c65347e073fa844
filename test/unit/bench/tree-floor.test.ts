import { describe, expect, it } from 'vitest';
import { splitValue, type TemplateContent } from '../../../lib/domain';
import { cellsForItem } from '../../../lib/fill/plan';
import { buildTree, toPortalRows } from '../../../test/portal/tree/tree-model';
import { CATEGORY_ITEMS } from '../../e2e/support/category-set';
import { addLeaves, coverage, floorLeaves, signCode, spreadItems } from '../../../bench/tree-floor';
import { derive, floorRatio, TREE_RATIO_ID } from '../../../bench/browser.bench';
import { verdict } from '../../../bench/run';

const item = (level1: string, level2: string, name: string, period: string): TemplateContent => ({ level1, level2, name, period: splitValue(period), annual: null });
const period = (i: TemplateContent) => cellsForItem(i, 'period');

describe('bench: the tree replica’s floor', () => {
  it('takes 15 of the 16 category indicators, period values only, still over every 一级 and at least four 二级', () => {
    const items = spreadItems(CATEGORY_ITEMS, 15);
    expect(items).toHaveLength(15);
    expect(items.every((i) => i.annual === null && i.period !== null)).toBe(true);
    expect(items.map((i) => i.name)).not.toContain('培训人次'); // the third of 数量指标, the first 二级 holding three
    const spread = coverage(items);
    expect(spread.level1).toBe(3);
    expect(spread.level2).toBeGreaterThanOrEqual(4);
    expect(coverage(CATEGORY_ITEMS)).toEqual(spread);
  });

  it('spells each sign as the replica’s dictionary code, half- or full-width', () => {
    expect(['≥', '>', '＞', '=', '＝', '<', '＜', '≤', '定性', '', '约'].map(signCode)).toEqual(['1', '2', '2', '3', '3', '4', '4', '5', '6', '', '']);
  });

  it('puts each row under its own 二级, after the rows already there, holding the values a save reads back', () => {
    const items = [
      item('产出指标', '数量指标', '巡检次数', '≥48次'),
      item('满意度指标', '服务对象满意度', '满意度', '≥90%'),
      item('产出指标', '时效指标', '按期完成率', '=100%'),
      item('产出指标', '数量指标', '维修台数', '≥120台'),
      item('效益指标', '社会效益', '无重大安全事故', '无重大安全事故'),
    ];
    const leaves = floorLeaves(items, period);
    const rows = buildTree([]);
    const categories = rows.length;
    addLeaves(rows, leaves);
    expect(rows).toHaveLength(categories + items.length);
    const added = rows.filter((r) => r.level === 3);
    expect(added.every((r) => r.rowstate === 'insert' && r.yjzb === '' && r.ejzb === '')).toBe(true);
    // Each new row's parent is its 二级 row.
    for (const r of added) expect(rows.find((p) => p.guid === r.pguid)?.level).toBe(2);
    const saved = toPortalRows(rows);
    expect(saved.map((r) => [r.level1, r.level2, r.name])).toEqual([
      ['产出指标', '数量指标', '巡检次数'],
      ['产出指标', '数量指标', '维修台数'],
      ['产出指标', '时效指标', '按期完成率'],
      ['效益指标', '社会效益', '无重大安全事故'],
      ['满意度指标', '服务对象满意度', '满意度'],
    ]);
    expect(saved[2]).toMatchObject({ symbol: '＝', value: '100', unit: '%' });
    expect(saved[3]).toMatchObject({ symbol: '定性', value: '无重大安全事故', unit: '' });
  });

  it('leaves out items without a value in the set and refuses a 二级 the tree does not have', () => {
    expect(floorLeaves([{ ...item('产出指标', '数量指标', 'x', '1次'), period: null }], period)).toEqual([]);
    const leaves = floorLeaves([item('效益指标', '质量指标', 'x', '≥1次')], period);
    expect(() => addLeaves(buildTree([]), leaves)).toThrow(/效益指标 \/ 质量指标/);
  });
});

describe('bench: the tree fill against the page’s floor', () => {
  const lat = (id: string, p50: number, p95: number) => ({ id, label: id, unit: 'ms' as const, p50, p95, value: p95 });

  it('is Tianbao’s median over the floor’s, held to 3×, with both figures in the note', () => {
    const r = floorRatio(lat('a', 12, 20), lat('b', 4, 5));
    expect(r).toMatchObject({ id: TREE_RATIO_ID, label: 'Fill 15 indicators into one set, tree replica (FASP2-style)', unit: 'x', value: 3, target: { op: '<=', value: 3 } });
    expect(r.note).toContain('Tianbao p50 12 ms, p95 20 ms');
    expect(r.note).toContain('floor p50 4 ms, p95 5 ms');
    expect(r.note).toContain('ratio of the p95s 4×');
    expect(verdict(r)).toBe('met');
    expect(verdict(floorRatio(lat('a', 1000, 1200), lat('b', 4, 5)))).toBe('missed');
    expect(floorRatio(lat('a', 10, 10), lat('b', 0, 0)).value).toBeNaN();
    // Merged medians (means of two passes) are shown rounded.
    expect(floorRatio(lat('a', 792.85, 910.95), lat('b', 4.35, 16.55)).note).toContain('Tianbao p50 793 ms, p95 911 ms; the page\'s floor p50 4.35 ms, p95 16.6 ms');
  });

  it('is made again from merged medians, after the floor, and alone when only the tree part ran', () => {
    const stale = { id: TREE_RATIO_ID, label: 'old', unit: 'x' as const, value: 99 };
    const only = derive([lat('browser.tianbao-fill-15-tree', 900, 1100), lat('browser.page-floor-15-tree', 3, 4), stale]);
    expect(only.map((f) => f.id)).toEqual(['browser.tianbao-fill-15-tree', 'browser.page-floor-15-tree', TREE_RATIO_ID]);
    expect(only[2]!.value).toBe(300);
    const full = derive([
      lat('browser.tianbao-fill-15-element', 2000, 2000),
      lat('browser.paced-fill-15-element', 12000, 12000),
      lat('browser.rpa-fill-15-element', 40000, 40000),
      lat('browser.tianbao-fill-15-tree', 900, 1100),
      lat('browser.page-floor-15-tree', 3, 4),
      { id: 'browser.typing-estimate', label: 't', unit: 'ms', value: 300000 },
    ]);
    expect(full.map((f) => f.id)).toEqual([
      'browser.tianbao-fill-15-element',
      'browser.paced-fill-15-element',
      'browser.rpa-fill-15-element',
      'browser.tianbao-fill-15-tree',
      'browser.page-floor-15-tree',
      TREE_RATIO_ID,
      'browser.ratio-paced',
      'browser.ratio-rpa',
      'browser.typing-estimate',
      'browser.ratio-typing',
    ]);
  });
});
