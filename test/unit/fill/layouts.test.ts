// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { splitValue, type TemplateContent } from '@/lib/domain';
import { collectGrid, mergeSets } from '@/lib/fill/collect';
import { findGrids } from '@/lib/fill/detect';
import { planFill } from '@/lib/fill/plan';

/**
 * Layouts told apart from structure: a category tree of <div>/<span> rows (the FASP2 data table: fixed
 * 一级/二级 rows, 新增 on each 二级 row) and a flat table whose category cells are merged (rowspan).
 */

const HEADERS = ['一级指标', '二级指标', '三级指标', '计算符号', '指标值', '计量单位', '指标值说明', '备注', '操作'];

function treeRow(index: number, level: 1 | 2 | 3, cells: string[]): string {
  const spans = HEADERS.map((_, c) => `<span id="datatable3_l${index}_c${c}_d" class="c c${c}">${cells[c] ?? ''}</span>`).join('');
  return `<div class="dt-row lv${level}" id="datatable3_l${index}">${spans}</div>`;
}

function mountTree(rows: Array<[1 | 2 | 3, string[]]>): void {
  document.title = '总体绩效指标';
  document.body.innerHTML = `<div id="datatable3"><div class="dt-head">${HEADERS.map((h, c) => `<span class="h h${c}">${h}</span>`).join('')}</div>
    <div class="dt-view"><div id="datatable3_body">${rows.map(([level, cells], i) => treeRow(i, level, cells)).join('')}</div></div></div>`;
}

const item = (level1: string, level2: string, name: string, value: string): TemplateContent => ({ level1, level2, name, period: splitValue(value), annual: splitValue(value) });

describe('a category tree', () => {
  beforeEach(() => {
    mountTree([
      [1, ['产出指标']],
      [2, ['', '数量指标', '', '', '', '', '', '', '新增']],
      [3, ['', '', '培训人次', '≥', '100', '人次', '', '', '删除']],
      [2, ['', '质量指标', '', '', '', '', '', '', '新增']],
      [1, ['效益指标']],
      [2, ['', '社会效益', '', '', '', '', '', '', '新增']],
      [2, ['', '可持续影响', '', '', '', '', '', '', '新增']],
      [1, ['满意度指标']],
      [2, ['', '服务对象满意度', '', '', '', '', '', '', '新增']],
      // More rows than the grid has columns: the body holding them is not itself a row.
      [3, ['', '', '使用单位满意度', '≥', '90', '%', '', '', '删除']],
    ]);
  });

  it('is found by its header captions and read with category rows apart from indicators', () => {
    const grids = findGrids(document);
    expect(grids).toHaveLength(1);
    expect(grids[0]!.fixedSet).toBe('period');
    const grid = collectGrid(grids[0]!);
    expect(grid.layout).toBe('tree');
    expect(grid.roles).toEqual(['level1', 'level2', 'indicator', 'level2', 'level1', 'level2', 'level2', 'level1', 'level2', 'indicator']);
    expect(grid.categories![2]).toEqual({ level1: '产出指标', level2: '数量指标' });
    const { indicators } = mergeSets([grid]);
    expect(indicators).toHaveLength(2);
    expect(indicators[0]).toMatchObject({ level1: '产出指标', level2: '数量指标', name: '培训人次' });
    expect(indicators[1]).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度', name: '使用单位满意度' });
  });

  it('plans rows under each item’s own 二级 and leaves other categories alone', () => {
    const grid = collectGrid(findGrids(document)[0]!);
    const plan = planFill([grid], [item('产出指标', '数量指标', '培训人次', '≥120人次'), item('产出指标', '质量指标', '验收合格率', '≥95%'), item('效益指标', '社会效益', '无重大安全事故', '无重大安全事故')], { overwrite: true });
    expect(plan.unplaced).toEqual([]);
    expect(plan.ops.filter((o) => o.kind === 'add-rows')).toEqual([
      { kind: 'add-rows', set: 'period', count: 1, under: { level1: '产出指标', level2: '质量指标' } },
      { kind: 'add-rows', set: 'period', count: 1, under: { level1: '效益指标', level2: '社会效益' } },
    ]);
  });
});

describe('a site profile’s word on categories', () => {
  it('takes category rows by the level attribute it names, where the text alone says nothing', () => {
    document.title = '年度绩效指标';
    const rows: Array<[string, string[]]> = [
      ['1', ['绩效产出']],
      ['2', ['', '工作量']],
      ['3', ['', '', '办件量', '≥', '5000', '件']],
      ['2', ['', '服务质量']],
      ['1', ['社会影响']],
      ['2', ['', '群众评价']],
      ['3', ['', '', '好评率', '≥', '95', '%']],
      ['2', ['', '其他']],
      ['2', ['', '附加']],
      ['3', ['', '', '回访率', '≥', '80', '%']],
    ];
    document.body.innerHTML = `<div id="g"><div class="hd">${HEADERS.map((h) => `<span>${h}</span>`).join('')}</div><div class="bd">${rows
      .map(([lvl, cells]) => `<div data-lvl="${lvl}">${HEADERS.map((_, c) => `<span>${cells[c] ?? ''}</span>`).join('')}</div>`)
      .join('')}</div></div>`;
    const plain = collectGrid(findGrids(document)[0]!);
    // Unknown category names and no markers: nothing tells the heuristics these are category rows.
    expect(plain.layout).toBe('flat');
    const grid = findGrids(document, { categories: { kind: 'tree', level: 'data-lvl' } })[0]!;
    const read = collectGrid(grid);
    expect(read.layout).toBe('tree');
    expect(read.roles).toEqual(['level1', 'level2', 'indicator', 'level2', 'level1', 'level2', 'indicator', 'level2', 'level2', 'indicator']);
    expect(mergeSets([read]).indicators.map((i) => [i.level1, i.level2, i.name])).toEqual([
      ['绩效产出', '工作量', '办件量'],
      ['社会影响', '群众评价', '好评率'],
      ['社会影响', '附加', '回访率'],
    ]);
  });
});
