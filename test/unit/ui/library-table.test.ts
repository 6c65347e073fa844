import { describe, expect, it } from 'vitest';
import type { Template, TemplateSet } from '../../../lib/domain/schemas';
import {
  filterSets,
  filterTemplates,
  levelsInUse,
  pruneSelection,
  selectionState,
  sortSets,
  sortTemplates,
  toggleAllShown,
} from '../../../lib/ui/library-table';

function template(id: string, name: string, over: Partial<Template> = {}): Template {
  return {
    id,
    name,
    level1: '产出指标',
    level2: '数量指标',
    period: null,
    annual: null,
    tags: [],
    source: '',
    createdAt: 0,
    updatedAt: 0,
    useCount: 0,
    lastUsedAt: null,
    ...over,
  };
}

const list = [
  template('1', '验收合格率', { level1: '产出指标', level2: '质量指标', updatedAt: 30, useCount: 2, tags: ['常用'] }),
  template('2', '安全事故', { level1: '效益指标', level2: '社会效益', updatedAt: 10, useCount: 9 }),
  template('3', '资金支出率', { level1: '产出指标', level2: '成本指标', updatedAt: 20, useCount: 2, lastUsedAt: 5, tags: ['常用', '2025'] }),
  template('4', '办件量', { level1: '产出指标', level2: '数量指标', updatedAt: 40 }),
];

describe('sortTemplates', () => {
  it.each([
    // Chinese names sort by pinyin: 安 (an) < 办 (ban) < 验 (yan) < 资 (zi).
    ['name', 'asc', ['2', '4', '1', '3']],
    ['name', 'desc', ['3', '1', '4', '2']],
    ['updated', 'desc', ['4', '1', '3', '2']],
    ['used', 'desc', ['2', '3', '1', '4']],
    ['level', 'asc', ['3', '4', '1', '2']],
    ['relevance', 'asc', ['1', '2', '3', '4']],
  ] as const)('%s %s', (key, direction, ids) => {
    expect(sortTemplates(list, key, direction).map((x) => x.id)).toEqual(ids);
  });

  it('does not change the list it is given', () => {
    const copy = [...list];
    sortTemplates(list, 'name', 'asc');
    expect(list).toEqual(copy);
  });
});

describe('filterTemplates', () => {
  it.each([
    [{ level1: '', level2: '', tag: '' }, ['1', '2', '3', '4']],
    [{ level1: '产出指标', level2: '', tag: '' }, ['1', '3', '4']],
    [{ level1: '产出指标', level2: '成本指标', tag: '' }, ['3']],
    [{ level1: '', level2: '', tag: '常用' }, ['1', '3']],
    [{ level1: '效益指标', level2: '', tag: '常用' }, []],
  ])('%o', (filters, ids) => {
    expect(filterTemplates(list, filters).map((x) => x.id)).toEqual(ids);
  });

  it('filters and sorts 10,000 templates', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      template(`t${i}`, `指标${i}`, { level1: i % 2 ? '产出指标' : '效益指标', updatedAt: i, tags: i % 10 === 0 ? ['常用'] : [] }),
    );
    const shown = sortTemplates(filterTemplates(many, { level1: '产出指标', level2: '', tag: '' }), 'updated', 'desc');
    expect(shown).toHaveLength(5000);
    expect(shown[0]!.id).toBe('t9999');
    expect(filterTemplates(many, { level1: '', level2: '', tag: '常用' })).toHaveLength(1000);
  });
});

describe('sets', () => {
  const sets: TemplateSet[] = [
    { id: 'a', name: '政务云经费', projectName: '', goal: '', items: [list[0]!, list[1]!], tags: [], source: '', createdAt: 0, updatedAt: 2, useCount: 0, lastUsedAt: null },
    { id: 'b', name: '配餐服务费', projectName: '', goal: '', items: [list[3]!], tags: ['示例'], source: '', createdAt: 0, updatedAt: 1, useCount: 3, lastUsedAt: null },
  ];
  it('filters by the categories of their items and by tag', () => {
    expect(filterSets(sets, { level1: '效益指标', level2: '', tag: '' }).map((s) => s.id)).toEqual(['a']);
    expect(filterSets(sets, { level1: '', level2: '数量指标', tag: '' }).map((s) => s.id)).toEqual(['b']);
    expect(filterSets(sets, { level1: '', level2: '', tag: '示例' }).map((s) => s.id)).toEqual(['b']);
  });
  it.each([
    ['name', 'asc', ['b', 'a']],
    ['level', 'desc', ['a', 'b']],
    ['used', 'desc', ['b', 'a']],
  ] as const)('sorts by %s %s', (key, direction, ids) => {
    expect(sortSets(sets, key, direction).map((s) => s.id)).toEqual(ids);
  });
});

describe('selection', () => {
  it.each([
    [[], ['a', 'b'], ['a', 'b']],
    [['a'], ['a', 'b'], ['a', 'b']],
    [['a', 'b', 'z'], ['a', 'b'], ['z']],
  ])('toggle all shown from %j over %j → %j', (start, shown, end) => {
    expect([...toggleAllShown(new Set(start), shown)].sort()).toEqual(end);
  });

  it.each([
    [[], ['a'], 'none'],
    [['a'], ['a', 'b'], 'some'],
    [['a', 'b'], ['a', 'b'], 'all'],
    [['x'], [], 'none'],
  ] as const)('state of %j over %j is %s', (selected, shown, state) => {
    expect(selectionState(new Set(selected), shown)).toBe(state);
  });

  it('drops ids that no longer exist', () => {
    expect([...pruneSelection(new Set(['a', 'gone']), ['a', 'b'])]).toEqual(['a']);
  });
});

it('lists the 一级 and 二级 in use', () => {
  expect([...levelsInUse(list)]).toEqual([
    ['产出指标', ['成本指标', '数量指标', '质量指标']],
    ['效益指标', ['社会效益']],
  ]);
});
