import { describe, expect, it } from 'vitest';
import type { TemplateContent, TemplateSet } from '../../../lib/domain/schemas';
import { splitValue } from '../../../lib/domain/values';
import { hasFilters, mergeSetLists, NO_FILTERS, previewLines, setCategories, setMatches } from '../../../lib/ui/set-list';

function item(level1: string, level2: string, name: string, period: string | null, annual: string | null): TemplateContent {
  return { level1, level2, name, period: period === null ? null : splitValue(period), annual: annual === null ? null : splitValue(annual) };
}

function set(id: string, items: TemplateContent[], tags: string[] = []): TemplateSet {
  return { id, name: `set ${id}`, projectName: '', goal: '', items, tags, source: '', createdAt: 0, updatedAt: 0, useCount: 0, lastUsedAt: null };
}

const output = item('产出指标', '数量指标', '培训人次', '≥400人次', '≥100人次');
const benefit = item('效益指标', '社会效益', '群众办事便利度', '明显提升', null);
const satisfaction = item('满意度指标', '服务对象满意度', '服务对象满意度', '≥90%', '≥90%');

describe('setMatches', () => {
  const s = set('a', [output, benefit], ['2025']);
  it.each([
    [NO_FILTERS, true],
    [{ level1: '产出指标', level2: '', tag: '' }, true],
    [{ level1: '产出指标', level2: '数量指标', tag: '' }, true],
    [{ level1: '产出指标', level2: '社会效益', tag: '' }, false],
    [{ level1: '', level2: '社会效益', tag: '' }, true],
    [{ level1: '满意度指标', level2: '', tag: '' }, false],
    [{ level1: '', level2: '', tag: '2025' }, true],
    [{ level1: '', level2: '', tag: '2024' }, false],
  ])('%o → %s', (filters, expected) => {
    expect(setMatches(s, filters)).toBe(expected);
    expect(hasFilters(filters)).toBe(filters !== NO_FILTERS);
  });
});

describe('mergeSetLists', () => {
  const a = set('a', [output]);
  const b = set('b', [benefit]);
  const c = set('c', [satisfaction]);

  it('lists suggested sets first, then search hits, each once', () => {
    const items = mergeSetLists([b], [a, b, c], '', NO_FILTERS);
    expect(items.map((i) => [i.set.id, i.suggested])).toEqual([
      ['b', true],
      ['a', false],
      ['c', false],
    ]);
  });

  it('shows only the query’s results once the person types', () => {
    expect(mergeSetLists([b], [c], 'myd', NO_FILTERS).map((i) => i.set.id)).toEqual(['c']);
  });

  it('applies the filters to suggestions and hits alike', () => {
    const items = mergeSetLists([b], [a, c], '', { level1: '产出指标', level2: '', tag: '' });
    expect(items.map((i) => i.set.id)).toEqual(['a']);
  });
});

describe('previewLines', () => {
  it('renders both values and flags a missing one', () => {
    expect(previewLines([output, benefit])).toEqual([
      { level1: '产出指标', level2: '数量指标', name: '培训人次', period: '≥400人次', annual: '≥100人次', incomplete: false },
      { level1: '效益指标', level2: '社会效益', name: '群众办事便利度', period: '明显提升', annual: '—', incomplete: true },
    ]);
  });

  it('names the 一级 a set covers, once each, in order', () => {
    expect(setCategories([output, benefit, output, satisfaction])).toEqual(['产出指标', '效益指标', '满意度指标']);
  });
});
