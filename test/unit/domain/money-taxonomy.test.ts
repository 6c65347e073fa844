import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PROFILE,
  PROFILE_2021,
  findLevel1,
  findLevel2,
  formatMoney,
  level2BelongsTo,
  normaliseMoneyText,
  parseCategoryLabel,
  parseMoney,
  taxonomyProfileSchema,
  yuanToWanyuan,
} from '@/lib/domain';

describe('money', () => {
  it.each([
    ['10, 540. 32', '10540.32'],
    ['3,200.00', '3200.00'],
    ['712. 97', '712.97'],
    ['414.26', '414.26'],
    ['８．００', '8.00'],
    ['￥1,000', '1000.00'],
    ['25', '25.00'],
    ['-5', '-5.00'],
    ['1.234', '1.234'],
  ])('reads %j as %s', (text, expected) => {
    const parsed = parseMoney(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(formatMoney(parsed.value)).toBe(expected);
  });

  it.each([['abc'], ['1,23.4'], ['12..3'], ['1e5']])('refuses %j', (text) => {
    expect(parseMoney(text)).toMatchObject({ ok: false, reason: 'unparseable' });
  });

  it('normalises empty cells to 0.00 and keeps unreadable text for the checker', () => {
    expect(normaliseMoneyText('')).toBe('0.00');
    expect(normaliseMoneyText(' 十万 ')).toBe('十万');
  });

  it('converts 元 to 万元 exactly', () => {
    const parsed = parseMoney('1,234,567.89');
    expect(parsed.ok && formatMoney(yuanToWanyuan(parsed.value))).toBe('123.456789');
  });
});

describe('taxonomy', () => {
  it.each([
    ['12-质量指标', '12', '质量指标'],
    ['12 - 质量指标', '12', '质量指标'],
    ['１２－质量指标', '12', '质量指标'],
    ['质量指标', undefined, '质量指标'],
    ['24', '24', undefined],
  ])('parses label %j', (text, code, name) => {
    expect(parseCategoryLabel(text)).toEqual({ ...(code ? { code } : {}), ...(name ? { name } : {}) });
  });

  it.each([
    ['12-质量指标', '产出指标', '质量指标'],
    ['质量', '产出指标', '质量指标'],
    ['24', '效益指标', '可持续影响'],
    ['社会公众或服务对象满意度指标', '满意度指标', '服务对象满意度'],
    ['服务对象满意度指标', '满意度指标', '服务对象满意度'],
    ['经济效益指标', '效益指标', '经济效益'],
  ])('finds 二级 %j under %s', (text, l1, l2) => {
    const found = findLevel2(DEFAULT_PROFILE, text);
    expect(found?.level1.name).toBe(l1);
    expect(found?.level2.name).toBe(l2);
  });

  it.each([['1-产出指标', '产出指标'], ['2 - 效益指标', '效益指标'], ['满意度', '满意度指标'], ['3', '满意度指标']])(
    'finds 一级 %j',
    (text, name) => {
      expect(findLevel1(DEFAULT_PROFILE, text)?.name).toBe(name);
    },
  );

  it('knows which 二级 belongs under which 一级', () => {
    expect(level2BelongsTo(DEFAULT_PROFILE, '产出指标', '质量指标')).toBe(true);
    expect(level2BelongsTo(DEFAULT_PROFILE, '效益指标', '质量指标')).toBe(false);
    expect(level2BelongsTo(DEFAULT_PROFILE, '未知', '质量指标')).toBe(false);
  });

  it('the 2021 profile moves 成本 to its own 一级', () => {
    expect(findLevel2(PROFILE_2021, '经济成本')?.level1.name).toBe('成本指标');
    expect(findLevel2(PROFILE_2021, '成本指标', findLevel1(PROFILE_2021, '产出指标'))).toBeUndefined();
    expect(findLevel2(DEFAULT_PROFILE, '成本指标')?.level1.name).toBe('产出指标');
  });
});

describe('built-in profiles', () => {
  it.each([[DEFAULT_PROFILE], [PROFILE_2021]])('$id validates against the profile schema', (profile) => {
    expect(taxonomyProfileSchema.parse(profile)).toEqual(profile);
  });
});
