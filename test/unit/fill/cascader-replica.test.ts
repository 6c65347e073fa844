/** The replica's `?cascader=` variant: its option tree and how a picked path lands in the portal's row model. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE } from '@/lib/domain/taxonomy';
import { cascaderMode, cascaderOptions, rowPath, setRowPath } from '../../portal/element/cascader';
import type { PortalRow } from '../../portal/shared/model';

function row(level1: string, level2: string): PortalRow {
  return { level1, level2, name: '培训人次', symbol: '≥', value: '100', unit: '人次', explanation: '' };
}

describe('cascaderMode', () => {
  it.each([
    ['?cascader=1', 'plain'],
    ['?state=blank&cascader=true', 'plain'],
    ['?cascader=filterable', 'filterable'],
    ['?state=blank', 'off'],
    ['?cascader=0', 'off'],
    ['?cascader=maybe', 'off'],
  ] as const)('%s → %s', (search, mode) => {
    expect(cascaderMode(search)).toBe(mode);
  });
});

describe('cascaderOptions', () => {
  it('is the taxonomy tree, one shared array for every fitting row', () => {
    const tree = cascaderOptions('产出指标', '数量指标');
    expect(tree.map((o) => o.label)).toEqual(DEFAULT_PROFILE.level1.map((c) => c.name));
    expect(tree[0]!.children!.map((o) => o.label)).toEqual(DEFAULT_PROFILE.level1[0]!.level2.map((c) => c.name));
    expect(cascaderOptions('效益指标', '社会效益')).toBe(tree);
    expect(cascaderOptions('', '')).toBe(tree);
  });
  it('adds a pair that does not fit under its 一级 for that row only, so the page shows what the model holds', () => {
    const tree = cascaderOptions('', '');
    const off = cascaderOptions('效益指标', '质量指标');
    expect(off).not.toBe(tree);
    expect(off.find((o) => o.value === '效益指标')!.children!.map((o) => o.value)).toContain('质量指标');
    expect(tree.find((o) => o.value === '效益指标')!.children!.map((o) => o.value)).not.toContain('质量指标');
    expect(cascaderOptions('效益指标', '质量指标')).toBe(off);
    const unknown = cascaderOptions('其他指标', '杂项');
    expect(unknown.at(-1)).toEqual({ value: '其他指标', label: '其他指标', children: [{ value: '杂项', label: '杂项' }] });
  });
});

describe('rowPath / setRowPath', () => {
  it('reads the row as a path, empty while 二级 is empty', () => {
    expect(rowPath(row('产出指标', '数量指标'))).toEqual(['产出指标', '数量指标']);
    expect(rowPath(row('产出指标', ''))).toEqual([]);
  });
  it('a picked path sets both names; a cleared one empties 二级 and keeps 一级', () => {
    const r = row('产出指标', '数量指标');
    setRowPath(r, ['效益指标', '社会效益']);
    expect([r.level1, r.level2]).toEqual(['效益指标', '社会效益']);
    setRowPath(r, null);
    expect([r.level1, r.level2]).toEqual(['效益指标', '']);
  });
});
