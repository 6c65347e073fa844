import { describe, expect, it } from 'vitest';
import { parseDecimal, sumDecimals, compareDecimal } from '../../../lib/domain/decimal';
import { DEFAULT_PROFILE, level2BelongsTo } from '../../../lib/domain/taxonomy';
import type { PortalProject, PortalSeed } from '../../portal/shared/model';
import { resolveRoute } from '../../portal/shared/states';
import { validateProject } from '../../portal/shared/validate';

const seedProject = (index: number, name: string): PortalProject => ({
  key: `project:${index}`,
  index,
  name,
  owner: '单位',
  amounts: { total: '1.00', fiscal: '1.00', specialAccount: '0.00', other: '0.00' },
  goal: 'g',
  annualGoal: 'a',
  indicators: { period: [], annual: [] },
});

const seed: PortalSeed = {
  source: 'test',
  unit: '单位',
  total: '2.00',
  projects: [seedProject(0, '信息化项目管理经费'), seedProject(1, '12345热线运作经费')],
};

function project(search: string): PortalProject {
  const route = resolveRoute(search, seed);
  if (route.kind !== 'project') throw new Error(`expected a project for ${search}`);
  return route.project;
}

const amount = (text: string) => parseDecimal(text)!;

describe('resolveRoute', () => {
  it.each([
    ['', { kind: 'list' }],
    ['?project=1', { kind: 'project', key: 'project:1', name: '12345热线运作经费', fromSeed: true, rerender: false, persistentDropdowns: true }],
    ['?project=12345%E7%83%AD%E7%BA%BF%E8%BF%90%E4%BD%9C%E7%BB%8F%E8%B4%B9', { kind: 'project', key: 'project:1', name: '12345热线运作经费' }],
    ['?project=0&rerender=1', { kind: 'project', key: 'project:0', rerender: true }],
    ['?state=blank', { kind: 'project', key: 'state:blank', fromSeed: false }],
    ['?state=errors&rerender=true', { kind: 'project', key: 'state:errors', rerender: true }],
    ['?rows=3', { kind: 'project', key: 'rows:3', persistentDropdowns: false }],
    ['?rows=3&persistent=1', { kind: 'project', key: 'rows:3', persistentDropdowns: true }],
    ['?state=blank&persistent=0', { kind: 'project', key: 'state:blank', persistentDropdowns: false }],
    ['?project=7', { kind: 'list', notice: '未找到项目：7' }],
    ['?state=nope', { kind: 'list' }],
    ['?rows=-1', { kind: 'list' }],
    ['?rows=abc', { kind: 'list' }],
  ])('%s', (search, expected) => {
    const route = resolveRoute(search, seed);
    const { key, name, ...rest } = expected as { key?: string; name?: string };
    expect(route).toMatchObject(rest);
    if (key) expect(route.kind === 'project' && route.project.key).toBe(key);
    if (name) expect(route.kind === 'project' && route.project.name).toBe(name);
  });

  it('hands out copies: editing a page’s project never changes the seed', () => {
    project('?project=0').indicators.period.push({ level1: '', level2: '', name: 'x', symbol: '', value: '', unit: '', explanation: '' });
    project('?project=0').amounts.total = '9.99';
    expect(seed.projects[0]!.indicators.period).toEqual([]);
    expect(seed.projects[0]!.amounts.total).toBe('1.00');
  });

  it('?state=blank has name and money but no goals and empty grids', () => {
    const p = project('?state=blank');
    expect(p.name).not.toBe('');
    expect([p.goal, p.annualGoal]).toEqual(['', '']);
    expect(p.indicators).toEqual({ period: [], annual: [] });
  });

  it('?state=errors has exactly a wrong total, a 二级 under the wrong 一级 and a missing annual value', () => {
    const p = project('?state=errors');
    const parts = sumDecimals([amount(p.amounts.fiscal), amount(p.amounts.specialAccount), amount(p.amounts.other)]);
    expect(compareDecimal(parts, amount(p.amounts.total))).not.toBe(0);

    const misplaced = (rows: PortalProject['indicators']['period']) =>
      rows.filter((r) => !level2BelongsTo(DEFAULT_PROFILE, r.level1, r.level2)).map((r) => [r.level1, r.level2, r.name]);
    expect(misplaced(p.indicators.period)).toEqual([['效益指标', '质量指标', '数据共享服务响应及时率']]);
    expect(misplaced(p.indicators.annual)).toEqual([['效益指标', '质量指标', '数据共享服务响应及时率']]);

    expect(p.indicators.annual.filter((r) => r.value === '').map((r) => r.name)).toEqual(['跨部门数据共享应用场景']);
    expect(p.indicators.period.every((r) => r.value !== '')).toBe(true);
    // The save check itself only sees the empty annual value (categories and totals are the checker's job).
    expect(validateProject(p).map((i) => i.message)).toEqual(['年度绩效指标第4行：指标值不能为空']);
  });

  it.each([1, 12, 500])('?rows=%i makes a valid project with that many uniquely named rows per set', (n) => {
    const p = project(`?rows=${n}`);
    for (const rows of [p.indicators.period, p.indicators.annual]) {
      expect(rows).toHaveLength(n);
      expect(new Set(rows.map((r) => r.name)).size).toBe(n);
    }
    expect(validateProject(p)).toEqual([]);
  });
});
