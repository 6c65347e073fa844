import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, type Indicator, splitValue } from '@/lib/domain';
import { alignCells, type Slot } from '@/lib/parse/declaration-align';
import { type BlockItem, buildValue, pairSets } from '@/lib/parse/declaration-indicators';
import { columnHeader, groupLabel, headerLabel, scopeCell, unitStatement } from '@/lib/parse/declaration-vocab';

describe('declaration vocabulary', () => {
  it.each([
    ['项目名称', { field: 'name' }],
    ['项目名称:', { field: 'name' }],
    ['项目名称:城市绿化', { field: 'name', inlineValue: '城市绿化' }],
    ['主管部门及代码', { field: 'ownerMain' }],
    ['实施单位', { field: 'ownerImpl' }],
    ['填报单位(盖章):某区政府', { field: 'ownerFiler', inlineValue: '某区政府' }],
    ['年度资金总额:', { field: 'total', scope: 'annual' }],
    ['中期资金总额:900', { field: 'total', scope: 'period', inlineValue: '900' }],
    ['资金总额(元)', { field: 'total', unit: '元' }],
    ['其中:财政拨款:80', { field: 'fiscal', inlineValue: '80' }],
    ['当年市级财政资金', { field: 'fiscal', scope: 'annual' }],
    ['其他资金', { field: 'other' }],
    ['财政专户拨款', { field: 'special' }],
    ['项目资金(万元)', { field: 'moneyGroup', unit: '万元' }],
    ['总体目标', { field: 'goal' }],
    ['实施期目标', { field: 'goal' }],
    ['年度目标', { field: 'annualGoal' }],
    ['年度总体目标', { field: 'annualGoal' }],
    ['项目属性', { field: 'ignore' }],
    ['项目期', { field: 'ignore' }],
  ])('header label %s', (text, expected) => {
    expect(headerLabel(text)).toEqual(expected);
  });

  it.each(['培训人次', '≥95%', '产出指标', '某项目名称很长的文字说明', ''])('%s is no header label', (text) => {
    expect(headerLabel(text)).toBeUndefined();
  });

  it.each([
    ['一级指标', { role: 'l1' }],
    ['二级指标', { role: 'l2' }],
    ['三级指标', { role: 'name' }],
    ['指标名称', { role: 'name' }],
    ['指标内容', { role: 'name' }],
    ['指标值', { role: 'value' }],
    ['年度指标值', { role: 'value', scope: 'annual' }],
    ['实施周期指标值', { role: 'value', scope: 'period' }],
    ['预期(当年)实现值', { role: 'value', scope: 'annual' }],
    ['长期', { role: 'value', scope: 'period' }],
    ['上年实际值', { role: 'previous' }],
    ['上年指标值', { role: 'previousTarget' }],
    ['实际完成值', { role: 'actual' }],
    ['得分', { role: 'score' }],
    ['指标性质', { role: 'symbol' }],
    ['计算符号', { role: 'symbol' }],
    ['度量单位', { role: 'unit' }],
    ['权重(%)', { role: 'weight' }],
    ['分值', { role: 'weight' }],
    ['指标方向性', { role: 'direction' }],
    ['指标标准或依据', { role: 'explanation' }],
    ['指标值说明', { role: 'explanation' }],
    ['备注', { role: 'remark' }],
    ['年度绩效指标', { role: 'frame', scope: 'annual' }],
    ['绩效指标', { role: 'frame' }],
    ['*三级指标', { role: 'name' }],
  ])('column header %s', (text, expected) => {
    expect(columnHeader(text)).toEqual(expected);
  });

  it.each([
    ['单位:万元', '万元'],
    ['金额单位:元', '元'],
    ['(单位:人民币万元)', '万元'],
    ['单位名称:某局', undefined],
  ])('unit statement %s', (text, unit) => {
    expect(unitStatement(text)).toBe(unit);
  });

  it.each([
    ['二、本年度绩效指标', 'annual'],
    ['长期绩效指标', 'period'],
    ['中长期绩效指标', 'period'],
    ['产出指标', null],
  ])('group label %s', (text, scope) => {
    const g = groupLabel(text);
    expect(g === undefined ? null : (g.scope ?? 'none')).toBe(scope);
  });

  it('scope cells', () => {
    expect(['长期', '年度', '中期指标值', '指标值'].map(scopeCell)).toEqual(['period', 'annual', 'period', undefined]);
  });
});

describe('buildValue', () => {
  it.each([
    ['glued value', ['≥95%'], '≥', '95', '%'],
    ['symbol column', ['95', '≥', '%'], '≥', '95', '%'],
    ['定性 column', ['良好', '定性'], '定性', null, ''],
    ['定量 does not override a typed symbol', ['≤2', '定量', '小时'], '≤', '2', '小时'],
    ['column symbol over an implicit ＝', ['20', '＞', '平方米'], '＞', '20', '平方米'],
    ['unit column ignored when the value has its own', ['5场次', '', '场'], '＝', '5', '场次'],
    ['正向 direction', ['90', '', '%', '正向'], '≥', '90', '%'],
    ['反向 direction', ['3', '', '小时', '反向'], '≤', '3', '小时'],
    ['direction does not override a typed symbol', ['=100', '', '%', '反向'], '＝', '100', '%'],
  ])('%s', (_name, [value, symbol, unit, direction], sym, num, u) => {
    const v = buildValue(value!, symbol, unit, direction)!;
    expect([v.symbol, v.value, v.unit]).toEqual([sym, num, u]);
  });

  it('is null for an empty cell', () => {
    expect(buildValue('  ', '≥', '%')).toBeNull();
  });
});

describe('alignCells', () => {
  const slots: Slot[] = (['l1', 'l2', 'name', 'value', 'remark'] as const).map((role) => ({ role, group: 0 }));
  const place = (texts: string[], newRows: boolean) =>
    alignCells(DEFAULT_PROFILE, texts.map((text) => ({ text, line: 1 })), slots, newRows).rows.map((r) =>
      [...r.slots.entries()].map(([k, v]) => `${slots[k]!.role}=${v.join('+')}`).join(' '),
    );

  it.each([
    ['a copied row without its merged cells', ['培训人次', '≥200人次'], ['name=培训人次 value=≥200人次']],
    ['a row starting at 二级', ['质量指标', '合格率', '100%'], ['l2=质量指标 name=合格率 value=100%']],
    ['a name split by spaces', ['培训', '人次', '5次'], ['name=培训+人次 value=5次']],
  ])('one row: %s', (_name, texts, expected) => {
    expect(place(texts, false)).toEqual(expected);
  });

  it('segments one cell per line into rows, qualitative values staying with their names', () => {
    expect(place(['产出指标', '数量指标', 'a', '5个', 'b', '6个', '效益指标', '社会效益', 'c', '明显提升', 'd', '≥90%'], true)).toEqual([
      'l1=产出指标 l2=数量指标 name=a value=5个',
      'name=b value=6个',
      'l1=效益指标 l2=社会效益 name=c value=明显提升',
      'name=d value=≥90%',
    ]);
  });

  it('keeps an empty 二级 as a row of its own', () => {
    expect(place(['产出指标', '数量指标', '质量指标', 'a', '100%'], true)).toEqual([
      'l1=产出指标 l2=数量指标',
      'l2=质量指标 name=a value=100%',
    ]);
  });
});

describe('pairSets', () => {
  const item = (name: string, period: string | null, annual: string | null, level2 = '数量指标'): BlockItem => {
    const indicator: Indicator = {
      level1: '产出指标',
      level2,
      name,
      period: period === null ? null : splitValue(period),
      annual: annual === null ? null : splitValue(annual),
    };
    return { indicator, hasPeriod: period !== null, hasAnnual: annual !== null };
  };
  const show = (items: BlockItem[]) =>
    pairSets(items).indicators.map((i) => `${i.name}:${i.period?.raw ?? '-'}|${i.annual?.raw ?? '-'}`);

  it('pairs a 长期 block with a 年度 block by category and name, in first-seen order', () => {
    expect(show([item('a', '1', null), item('b', '2', null), item('b', null, '20'), item('c', null, '30'), item('a', null, '10')])).toEqual([
      'a:1|10',
      'b:2|20',
      'c:-|30',
    ]);
  });

  it('pairs by name when the 二级 was relabelled, and pairs duplicates one to one', () => {
    expect(show([item('a', '1', null), item('a', '2', null), item('a', null, '10', '质量指标'), item('a', null, '20')])).toEqual([
      'a:1|10',
      'a:2|20',
    ]);
  });

  it('never merges items that already have both sets', () => {
    expect(show([item('a', '1', '1'), item('a', '2', '2')])).toEqual(['a:1|1', 'a:2|2']);
    expect(pairSets([item('a', '1', '1')])).toMatchObject({ period: true, annual: true });
    expect(pairSets([item('a', null, '1')])).toMatchObject({ period: false, annual: true });
  });
});
