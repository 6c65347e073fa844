import { describe, expect, it } from 'vitest';
import { makeIndicator, type IndicatorOverrides } from '../../../fixtures/make-snapshot';
import { checkProjectWith, where } from '../support';

const one = (overrides: IndicatorOverrides) => ({ indicators: [makeIndicator(overrides)] });

describe('value.annual-missing', () => {
  it.each([
    ['both values', {}, undefined, []],
    ['no annual value', { annual: null }, undefined, ['error:0:annual']],
    ['an empty annual cell', { annual: '' }, undefined, ['error:0:annual']],
    ['a cell of punctuation only', { annual: '；' }, undefined, ['error:0:annual']],
    ['no period value where the form has the period set', { period: null }, { period: true, annual: true }, ['error:0:period']],
    ['no period value where the form has no period set', { period: null }, { period: false, annual: true }, []],
    ['no annual value where the form has no annual set', { annual: null }, { period: true, annual: false }, []],
  ])('%s', (_label, overrides, sets, expected) => {
    expect(where(checkProjectWith('value.annual-missing', { ...one(overrides), sets }))).toEqual(expected);
  });

  it('infers the period set from the other indicators when the snapshot does not say', () => {
    const indicators = [makeIndicator({ name: '甲' }), makeIndicator({ name: '乙', period: null })];
    expect(where(checkProjectWith('value.annual-missing', { indicators, sets: undefined }))).toEqual(['error:1:period']);
    const none = [makeIndicator({ name: '甲', period: null }), makeIndicator({ name: '乙', period: null })];
    expect(checkProjectWith('value.annual-missing', { indicators: none, sets: undefined })).toEqual([]);
  });
});

describe('value.malformed', () => {
  it.each<[string, IndicatorOverrides, string[], string | undefined]>([
    ['readable values', { period: '≥90%', annual: '≥90%' }, [], undefined],
    ['a bare number reads as ＝ (exports print no symbol)', { period: '98%', annual: '98%' }, [], undefined],
    ['参90% (meant ≥90%), fixed from the annual value', { period: '参90%', annual: '≥90%' }, ['error:0:period.symbol'], '≥90%'],
    ['令90% (meant ≥90%), fixed from the period value', { period: '≥90%', annual: '令90%' }, ['error:0:annual.symbol'], '≥90%'],
    ['参90% with a different sibling number gets no fix', { period: '参90%', annual: '≥95%' }, ['error:0:period.symbol'], undefined],
    ['a symbol without a number', { period: '≥**', annual: '≥90%' }, ['error:0:period.value'], undefined],
    [
      'a 定量 symbol with words in the value cell (page)',
      { period: { symbol: '≥', value: null, unit: '', text: '较好', raw: '较好' }, annual: '≥90%' },
      ['error:0:period.value'],
      undefined,
    ],
    ['several numbers in one value', { period: '不少于800万人次、10万人次', annual: '不少于800万人次' }, ['warning:0:period'], undefined],
    ['a list of counts', { period: '网站2个、政务新媒体1个', annual: '网站2个' }, ['warning:0:period'], undefined],
    ['a symbol followed by words', { period: '≥合理', annual: '合理' }, ['warning:0:period'], undefined],
    ['a date is not a list', { period: '2024年12月31日前完成', annual: '2024年12月31日前完成' }, [], undefined],
    ['qualitative text', { period: '无重大故障', annual: '无重大故障' }, [], undefined],
  ])('%s', (_label, overrides, expected, fixTo) => {
    const findings = checkProjectWith('value.malformed', one(overrides));
    expect(where(findings)).toEqual(expected);
    expect(findings[0]?.fix?.to).toBe(fixTo);
  });

  it('says what the symbol should be', () => {
    const [finding] = checkProjectWith('value.malformed', one({ period: '参90%', annual: '≥90%' }));
    expect(finding?.message).toBe('实施周期指标值「参90%」的计算符号无法识别；应为 ≥ ＞ ＝ ＜ ≤ 之一，如「≥90%」');
    expect(finding?.fix).toEqual({ field: 'period', from: '参90%', to: '≥90%' });
  });
});

describe('value.unit-mismatch', () => {
  it.each([
    ['same unit', { period: '≥20个', annual: '≥3个' }, []],
    ['both qualitative', { period: '合法合规', annual: '程序合法合规' }, []],
    ['≥90% vs ≥1项', { period: '≥90%', annual: '≥1项' }, ['error:0:annual']],
    ['unit vs no unit', { period: '≥6', annual: '≥6个' }, ['error:0:annual']],
    ['quantitative vs qualitative', { period: '≥95%', annual: '达到预期' }, ['error:0:annual']],
    ['full-width ％ equals %', { period: '≥90％', annual: '≥90%' }, []],
    ['a missing value is not compared', { period: '≥90%', annual: null }, []],
    ['an unreadable value is not compared', { period: '参90%', annual: '≥1项' }, []],
  ])('%s', (_label, overrides, expected) => {
    expect(where(checkProjectWith('value.unit-mismatch', one(overrides)))).toEqual(expected);
  });

  it('treats configured units as the same', () => {
    const config = { rules: { 'value.unit-mismatch': { equivalentUnits: [['场', '场次']] } } };
    expect(checkProjectWith('value.unit-mismatch', one({ period: '≥30场', annual: '≥30场次' }), config)).toEqual([]);
    expect(checkProjectWith('value.unit-mismatch', one({ period: '≥30场', annual: '≥30场次' }))).toHaveLength(1);
  });

  it('names both units', () => {
    const [finding] = checkProjectWith('value.unit-mismatch', one({ period: '≥90%', annual: '≥1项' }));
    expect(finding?.message).toBe('实施周期指标值「≥90%」与年度指标值「≥1项」的单位不同（% / 项）；两者应使用同一计量单位');
  });
});

describe('value.percent-range', () => {
  it.each([
    ['100%', '验收合格率', '＝100%', []],
    ['0%', '投诉率', '＝0%', []],
    ['above 100', '服务对象满意度', '≥120%', ['error:0:period.value', 'error:0:annual.value']],
    ['negative', '完成率', '-5%', ['error:0:period.value', 'error:0:annual.value']],
    ['a growth rate may exceed 100', '业务量增长率', '≥150%', []],
    ['a decrease may be negative', '能耗同比下降', '-5%', []],
    ['not a percentage', '培训人次', '≥150人次', []],
  ])('%s', (_label, name, value, expected) => {
    expect(where(checkProjectWith('value.percent-range', one({ name, period: value, annual: value })))).toEqual(expected);
  });
});

describe('value.name-conflict', () => {
  it.each([
    ['a count in %', '重大事故发生数', '98%以上', ['error:0:period.unit']],
    ['a count as a count', '重大事故发生数', '0宗', []],
    ['返修次数 in %', '公共设施与设备返修次数', '≤5%', ['error:0:period.unit']],
    ['a rate in %', '停车场设备完好率', '98%', []],
    ['a rate as a count', '维修回访率', '≥20次', ['error:0:period.unit']],
    ['a rate in hours', '故障处理及时率', '≤3小时', ['error:0:period.unit']],
    ['a rate with a bare number', '服务及时率', '95', []],
    ['a rate in square metres (a value pasted into the wrong row)', '维修回访率', '服务面积约7530平方米', ['error:0:period.unit']],
    ['a rate as a score', '满意率', '≥4.5分', []],
    ['neither a count nor a rate', '合同尾款', '≥90%', []],
    ['qualitative values are not compared', '重大事故发生数', '无重大事故', []],
  ])('%s: %s = %s', (_label, name, period, expected) => {
    expect(where(checkProjectWith('value.name-conflict', one({ name, period, annual: null })))).toEqual(expected);
  });

  it('explains the contradiction', () => {
    const [finding] = checkProjectWith('value.name-conflict', one({ name: '重大事故发生数', period: '98%以上', annual: null }));
    expect(finding?.message).toBe(
      '指标「重大事故发生数」是计数（含「发生数」），但实施周期指标值「98%以上」是百分比；应填写计数值（如「0宗」），或把指标名称改为比率',
    );
  });
});

describe('value.annual-exceeds-period', () => {
  it.each([
    ['annual below period', '培训场次', '≥20场', '≥3场', []],
    ['annual equal to period', '培训场次', '≥20场', '≥20场', []],
    ['annual above period', '培训场次', '≥20场', '≥30场', ['warning:0:annual']],
    ['a rate is not cumulative', '资金支出率', '≥85%', '≥90%', []],
    ['an average is not cumulative', '服务人次', '日均约100人次', '日均约150人次', []],
    ['a limit (lower is better) is not a target to add up', '故障处理时间', '≤2小时', '≤3小时', []],
    ['different units are value.unit-mismatch’s', '培训', '≥2场', '≥30人', []],
  ])('%s', (_label, name, period, annual, expected) => {
    expect(where(checkProjectWith('value.annual-exceeds-period', one({ name, period, annual })))).toEqual(expected);
  });
});
