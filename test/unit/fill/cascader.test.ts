import { describe, expect, it } from 'vitest';
import { branchOrder, cascaderLeaf, cascaderPath, offeredList, shownMatches } from '@/lib/fill/cascader';

describe('cascaderPath', () => {
  it.each([
    ['产出指标 / 数量指标', ['产出指标', '数量指标']],
    ['产出指标/数量指标', ['产出指标', '数量指标']],
    ['产出指标 ／ 数量指标', ['产出指标', '数量指标']],
    ['  数量指标 ', ['数量指标']],
    ['满意度指标 / 服务对象满意度（社会公众）', ['满意度指标', '服务对象满意度(社会公众)']],
    ['产出指标 / / 数量指标', ['产出指标', '数量指标']],
    ['', []],
    [' / ', []],
  ])('%j → %j', (value, expected) => {
    expect(cascaderPath(value)).toEqual(expected);
  });
});

describe('cascaderLeaf', () => {
  it('reads the leaf of a whole shown path, as shown', () => {
    expect(cascaderLeaf('产出指标 / 数量指标')).toBe('数量指标');
    expect(cascaderLeaf('效益指标 / 可持续 影响')).toBe('可持续 影响');
  });
  it('reads a leaf-only display as itself and an empty input as empty', () => {
    expect(cascaderLeaf('数量指标')).toBe('数量指标');
    expect(cascaderLeaf('')).toBe('');
    expect(cascaderLeaf('  ')).toBe('');
  });
});

describe('shownMatches', () => {
  const path = (v: string) => cascaderPath(v);
  it('matches a whole shown path against a single label by its leaf', () => {
    expect(shownMatches('产出指标 / 数量指标', path('数量指标'))).toBe(true);
    expect(shownMatches('产出指标 / 质量指标', path('数量指标'))).toBe(false);
  });
  it('matches a wanted path against the end of the shown path, every level', () => {
    expect(shownMatches('产出指标 / 数量指标', path('产出指标/数量指标'))).toBe(true);
    expect(shownMatches('效益指标 / 数量指标', path('产出指标/数量指标'))).toBe(false);
    expect(shownMatches('部门 / 产出指标 / 数量指标', path('产出指标 / 数量指标'))).toBe(true);
  });
  it('matches a leaf-only display against the wanted leaf', () => {
    expect(shownMatches('数量指标', path('产出指标 / 数量指标'))).toBe(true);
    expect(shownMatches('质量指标', path('产出指标 / 数量指标'))).toBe(false);
  });
  it('does not take a shorter shown path for a longer wanted one', () => {
    expect(shownMatches('产出指标 / 数量指标', path('部门/产出指标/数量指标'))).toBe(false);
  });
  it('an empty display matches only an empty want', () => {
    expect(shownMatches('', path('数量指标'))).toBe(false);
    expect(shownMatches('', [])).toBe(true);
    expect(shownMatches('产出指标 / 数量指标', [])).toBe(false);
  });
});

describe('branchOrder', () => {
  it('looks into the expanded branch first, then the others top to bottom', () => {
    expect(branchOrder(3, 1)).toEqual([1, 0, 2]);
    expect(branchOrder(4, 3)).toEqual([3, 0, 1, 2]);
  });
  it('keeps the order when nothing (or the first) is expanded', () => {
    expect(branchOrder(3, -1)).toEqual([0, 1, 2]);
    expect(branchOrder(3, 0)).toEqual([0, 1, 2]);
    expect(branchOrder(0, -1)).toEqual([]);
  });
});

describe('offeredList', () => {
  it('lists what a menu offered, shortened past the limit', () => {
    expect(offeredList(['经济效益', '社会效益'])).toBe('经济效益、社会效益');
    expect(offeredList(['a', 'b', 'c', 'd'], 2)).toBe('a、b等4项');
    expect(offeredList([])).toBe('（无选项）');
  });
});
