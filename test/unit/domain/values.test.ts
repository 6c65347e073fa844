import { describe, expect, it } from 'vitest';
import { formatValue, normaliseSymbol, splitValue } from '@/lib/domain';

describe('splitValue', () => {
  it.each([
    // raw, symbol, value, unit, text
    ['≥90%', '≥', '90', '%', ''],
    ['不少于400场次', '≥', '400', '场次', ''],
    ['日均约150人次', '＝', '150', '人次', '日均约'],
    ['地理信息平台服务资源数量≥350条', '≥', '350', '条', '地理信息平台服务资源数量'],
    ['90%以上', '≥', '90', '%', ''],
    ['3小时内', '≤', '3', '小时', ''],
    ['每季度少于10宗', '＜', '10', '宗', '每季度'],
    ['不超过5天', '≤', '5', '天', ''],
    ['不低于95%', '≥', '95', '%', ''],
    ['至少3次', '≥', '3', '次', ''],
    ['>=20平方米', '≥', '20', '平方米', ''],
    ['<=475元/亩', '≤', '475', '元/亩', ''],
    ['＞＝95％', '≥', '95', '%', ''],
    ['≤2 小时', '≤', '2', '小时', ''],
    ['=24个', '＝', '24', '个', ''],
    ['为100%', '＝', '100', '%', ''],
    ['10辆', '＝', '10', '辆', ''],
    ['≥30,000', '≥', '30000', '', ''],
    ['90.0%', '＝', '90', '%', ''],
    ['5以下', '≤', '5', '', ''],
    ['每月15日前', '≤', '15', '日', '每月'],
  ])('%s → %s %s %s (%s)', (raw, symbol, value, unit, text) => {
    const v = splitValue(raw);
    expect(v).toMatchObject({ symbol, value, unit, text, raw });
    expect(v.problem).toBeUndefined();
  });

  it.each([['无重大故障'], ['优良'], ['通畅'], ['不少于800万人次、10万人次'], ['满足三至五年的工作需要'], ['2021年全年'], ['2023年度']])('%s is qualitative', (raw) => {
    expect(splitValue(raw)).toMatchObject({ symbol: '定性', value: null, unit: '' });
  });

  it.each([
    ['参90%', 'symbol-unreadable', '90'],
    ['令90%', 'symbol-unreadable', '90'],
    ['≥**', 'number-unreadable', null],
    ['不少于', 'number-unreadable', null],
  ])('%s is kept with problem %s', (raw, problem, value) => {
    const v = splitValue(raw);
    expect(v.problem).toBe(problem);
    expect(v.value).toBe(value);
    expect(v.raw).toBe(raw);
  });

  it('keeps an empty value empty', () => {
    expect(splitValue('  ')).toMatchObject({ symbol: null, value: null, unit: '', text: '' });
  });

  it.each([['≥90%'], ['不少于400场次'], ['无重大故障'], ['地理信息平台服务资源数量≥350条']])('formats %s back to text', (raw) => {
    expect(formatValue(splitValue(raw))).toBe(raw.replace('不少于', '≥'));
  });
});

describe('normaliseSymbol', () => {
  it.each([
    ['>=', '≥'],
    ['≥', '≥'],
    ['不少于', '≥'],
    ['不低于', '≥'],
    ['至少', '≥'],
    ['以上', '≥'],
    ['<=', '≤'],
    ['不超过', '≤'],
    ['不高于', '≤'],
    ['以内', '≤'],
    ['以下', '≤'],
    ['=', '＝'],
    ['＝', '＝'],
    ['为', '＝'],
    ['>', '＞'],
    ['＞', '＞'],
    ['<', '＜'],
    ['定性', '定性'],
    [' ≤ ', '≤'],
  ])('%s → %s', (typed, stored) => {
    expect(normaliseSymbol(typed)).toBe(stored);
  });

  it.each([[''], ['abc'], ['参']])('%j is not a symbol', (typed) => {
    expect(normaliseSymbol(typed)).toBeNull();
  });
});
