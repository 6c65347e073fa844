import { describe, expect, it } from 'vitest';
import { splitValue, type TemplateContent } from '../../../lib/domain';
import { cellsForItem, planFill } from '../../../lib/fill/plan';
import type { GridState } from '../../../lib/fill/types';
import { blankLeaf, buildTree, insertionIndex, toPortalRows, type TreeRow } from '../../../test/portal/tree/tree-model';
import { CATEGORY_ITEMS } from '../../e2e/support/category-set';
import { addLeaves, coverage, floorLeaves, signCode, spreadItems, UI_COLUMNS, UI_FIELDS, uiFloorPlan, type UiPlan } from '../../../bench/tree-floor';
import { derive, floorRatio, TREE_RATIO_ID, TREE_UI_RATIO_ID } from '../../../bench/browser.bench';
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

/** What the replica does with the UI floor's actions: 新增 on each 二级 row, then each edit committed into its row. */
function replay(rows: TreeRow[], plan: UiPlan): void {
  for (const at of plan.adds) {
    expect(rows[at]!.level).toBe(2);
    rows.splice(insertionIndex(rows, at), 0, blankLeaf(rows[at]!.guid));
  }
  for (const edit of plan.edits) {
    const field = UI_FIELDS.find((f) => UI_COLUMNS[f].col === edit.col)!;
    expect(rows[edit.row]!.level).toBe(3);
    expect(edit.pick).toBe(field === 'jsfh');
    rows[edit.row]![field] = edit.value;
  }
}

/** The tree as lib/fill reads it: category rows and 三级 rows, each under its 一级 / 二级, cells as shown. */
function gridOf(rows: readonly TreeRow[]): GridState {
  let level1 = '';
  let level2 = '';
  const categories = rows.map((r) => {
    if (r.level === 1) [level1, level2] = [r.yjzb, ''];
    else if (r.level === 2) level2 = r.ejzb;
    return { level1, level2 };
  });
  return {
    set: 'period',
    fields: ['level1', 'level2', 'name', 'symbol', 'value', 'unit', 'explanation'],
    layout: 'tree',
    roles: rows.map((r) => (r.level === 1 ? 'level1' : r.level === 2 ? 'level2' : 'indicator')),
    categories,
    rows: rows.map((r) => (r.level === 3 ? { name: r.sjzb, symbol: r.jsfh, value: r.zbz, unit: r.jldw, explanation: r.zbzsm } : {})),
  };
}

describe('bench: the tree replica’s UI floor', () => {
  const items = spreadItems(CATEGORY_ITEMS, 15);
  const leaves = floorLeaves(items, period);

  it('clicks 新增 on each leaf’s 二级 row where it stands at that moment (rows below move down as rows go in)', () => {
    const rows = buildTree([]);
    const before = structuredClone(rows);
    const plan = uiFloorPlan(rows, leaves.slice(0, 5));
    const at = (level2: string) => rows.findIndex((r) => r.level === 2 && r.ejzb === level2);
    // Two under 数量指标, then two under 质量指标 (now two rows further down), then one under 时效指标 (four).
    expect(plan.adds).toEqual([at('数量指标'), at('数量指标'), at('质量指标') + 2, at('质量指标') + 2, at('时效指标') + 4]);
    expect(rows).toEqual(before); // not mutated
  });

  it('leaves the same rows a save reads as the model floor, edits top to bottom', () => {
    const replayed = buildTree([]);
    replay(replayed, uiFloorPlan(replayed, leaves));
    const model = buildTree([]);
    addLeaves(model, leaves);
    expect(toPortalRows(replayed)).toEqual(toPortalRows(model));
    const rowsEdited = uiFloorPlan(buildTree([]), leaves).edits.map((e) => e.row);
    expect(rowsEdited).toEqual([...rowsEdited].sort((a, b) => a - b));
  });

  it('edits exactly the cells lib/fill plans for the new blank rows, with the same values (计算符号 as its code)', () => {
    const rows = buildTree([]);
    const plan = uiFloorPlan(rows, leaves);
    replay(rows, { adds: plan.adds, edits: [] });
    const ops = planFill([gridOf(rows)], items).ops.flatMap((op) => (op.kind === 'set-cell' ? [op] : []));
    const field = { name: 'sjzb', symbol: 'jsfh', value: 'zbz', unit: 'jldw', explanation: 'zbzsm' } as const;
    const planned = ops.map((op) => [op.row, UI_COLUMNS[field[op.field as keyof typeof field]].col, op.field === 'symbol' ? signCode(op.value) : op.value]);
    expect(plan.edits.map((e) => [e.row, e.col, e.value])).toEqual(planned);
    // 15 names, 15 signs, 15 values, 13 units (the two 定性 indicators have none), no explanations.
    expect(plan.edits).toHaveLength(58);
    expect(plan.edits.filter((e) => e.pick)).toHaveLength(15);
  });

  it('refuses a 二级 the tree does not have', () => {
    expect(() => uiFloorPlan(buildTree([]), floorLeaves([item('效益指标', '质量指标', 'x', '≥1次')], period))).toThrow(/效益指标 \/ 质量指标/);
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

  it('against the UI floor: its own row, no target, both figures in the note', () => {
    const r = floorRatio(lat('a', 900, 1100), lat('b', 300, 400), 'ui');
    expect(r).toMatchObject({ id: TREE_UI_RATIO_ID, unit: 'x', value: 3 });
    expect(r.target).toBeUndefined();
    expect(r.label).toContain('Tianbao ÷ UI floor');
    expect(r.note).toContain("Tianbao p50 900 ms, p95 1100 ms; the page's UI floor p50 300 ms, p95 400 ms");
    expect(r.note).toContain('ratio of the p95s 2.8×');
    expect(verdict(r)).toBe('n/a');
  });

  it('puts each tree ratio after its two figures, both when both floors ran', () => {
    const tree = derive([lat('browser.tianbao-fill-15-tree', 900, 1100), lat('browser.page-floor-15-tree', 3, 4), lat('browser.page-ui-floor-15-tree', 300, 350), { id: TREE_UI_RATIO_ID, label: 'old', unit: 'x', value: 1 }]);
    expect(tree.map((f) => f.id)).toEqual(['browser.tianbao-fill-15-tree', 'browser.page-floor-15-tree', TREE_RATIO_ID, 'browser.page-ui-floor-15-tree', TREE_UI_RATIO_ID]);
    expect(tree.map((f) => f.value)).toEqual([1100, 4, 300, 350, 3]);
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
