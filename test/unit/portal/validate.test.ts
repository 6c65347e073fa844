import { describe, expect, it } from 'vitest';
import type { PortalProject, PortalRow } from '../../portal/shared/model';
import { validateProject } from '../../portal/shared/validate';

const row = (over: Partial<PortalRow> = {}): PortalRow => ({
  level1: '产出指标',
  level2: '数量指标',
  name: '培训人次',
  symbol: '≥',
  value: '300',
  unit: '人次',
  explanation: '',
  ...over,
});

const project = (over: Partial<PortalProject> = {}): PortalProject => ({
  key: 'project:0',
  index: 0,
  name: '测试项目',
  owner: '测试单位',
  amounts: { total: '10.00', fiscal: '10.00', specialAccount: '0.00', other: '0.00' },
  goal: '总体目标',
  annualGoal: '年度目标',
  indicators: { period: [row()], annual: [row()] },
  ...over,
});

describe('validateProject (the replica portal’s save check)', () => {
  it('accepts a complete project, an empty set and a 定性 row without unit', () => {
    expect(validateProject(project())).toEqual([]);
    expect(validateProject(project({ indicators: { period: [], annual: [] } }))).toEqual([]);
    const qualitative = row({ name: '无重大安全事故', symbol: '定性', value: '无重大安全事故', unit: '' });
    expect(validateProject(project({ indicators: { period: [qualitative], annual: [] } }))).toEqual([]);
  });

  it.each<[string, Partial<PortalProject>, string]>([
    ['missing 总体目标', { goal: ' ' }, '总体目标不能为空'],
    ['missing 年度目标', { annualGoal: '' }, '年度目标不能为空'],
    ['missing 项目名称', { name: '' }, '项目名称不能为空'],
    ['an unreadable amount', { amounts: { total: '12.3.4', fiscal: '1', specialAccount: '', other: '' } }, '总计金额格式不正确'],
    ['a row without unit', { indicators: { period: [row({ unit: '' })], annual: [] } }, '中长期(总体)绩效指标第1行：计量单位不能为空'],
    ['a row without value', { indicators: { period: [], annual: [row({ value: '' })] } }, '年度绩效指标第1行：指标值不能为空'],
    ['a row without symbol', { indicators: { period: [row({ symbol: '' })], annual: [] } }, '计算符号不能为空'],
    ['a row without 一级', { indicators: { period: [row({ level1: '' })], annual: [] } }, '一级指标不能为空'],
    ['a non-numeric 定量 value', { indicators: { period: [row({ value: '约300' })], annual: [] } }, '定量指标的指标值必须为数字'],
    ['a name over 100 characters', { indicators: { period: [row({ name: '名'.repeat(101) })], annual: [] } }, '三级指标长度不能超过100个字符'],
    ['an explanation over 2000 characters', { indicators: { period: [row({ explanation: '说'.repeat(2001) })], annual: [] } }, '指标值说明长度不能超过2000个字符'],
    [
      'a duplicate name in one set',
      { indicators: { period: [row(), row({ value: '1' })], annual: [] } },
      '中长期(总体)绩效指标第2行：指标名称“培训人次”与第1行重复',
    ],
  ])('refuses %s', (_case, over, message) => {
    const messages = validateProject(project(over)).map((i) => i.message);
    expect(messages.some((m) => m.includes(message))).toBe(true);
  });

  it('accepts a 100-character name, full-width digits and the same name in both sets', () => {
    const p = project({ indicators: { period: [row({ name: '名'.repeat(100), value: '９０' })], annual: [row({ name: '名'.repeat(100) })] } });
    expect(validateProject(p)).toEqual([]);
  });

  it('says where each problem is (set, 1-based row, field) so the page can mark the cell', () => {
    const issues = validateProject(project({ indicators: { period: [row(), row({ name: '其他', unit: '' })], annual: [] } }));
    expect(issues).toEqual([{ set: 'period', row: 2, field: 'unit', message: '中长期(总体)绩效指标第2行：计量单位不能为空' }]);
  });
});
