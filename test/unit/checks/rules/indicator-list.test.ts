import { describe, expect, it } from 'vitest';
import { makeIndicator } from '../../../fixtures/make-snapshot';
import { checkProjectWith, where } from '../support';

describe('indicator.duplicate', () => {
  it.each([
    ['distinct names', ['甲', '乙', '丙'], []],
    ['the same name twice', ['提高管理规范化水平', '甲', '提高管理规范化水平'], ['error:2:name']],
    ['the same name with other spacing and punctuation', ['订餐人数, 准时供餐', '订餐人数，准时供餐 '], ['error:1:name']],
    ['three times', ['甲', '甲', '甲'], ['error:1:name', 'error:2:name']],
    ['blank names are indicator.incomplete’s', ['', ''], []],
  ])('%s', (_label, names, expected) => {
    const indicators = names.map((name) => makeIndicator({ name }));
    expect(where(checkProjectWith('indicator.duplicate', { indicators }))).toEqual(expected);
  });

  it('points at the first one and gives each duplicate its own key', () => {
    const indicators = ['甲', '甲', '甲'].map((name) => makeIndicator({ name }));
    const findings = checkProjectWith('indicator.duplicate', { indicators });
    expect(findings[0]?.message).toBe('三级指标名称「甲」与第 1 条重复；同一组指标中名称不能重复，应合并或改名');
    expect(findings.map((f) => f.key)).toEqual(['indicator.duplicate|示例项目|甲#2|name', 'indicator.duplicate|示例项目|甲#3|name']);
  });
});

describe('indicator.too-long', () => {
  it.each([
    ['100 characters is allowed', { name: '指'.repeat(100) }, []],
    ['101 characters', { name: '指'.repeat(101) }, ['error:0:name']],
    ['characters are code points, not UTF-16 units', { name: '𠀀'.repeat(100) }, []],
    ['explanation of 2000', { explanation: '说'.repeat(2000) }, []],
    ['explanation of 2001', { explanation: '说'.repeat(2001) }, ['error:0:explanation']],
  ])('%s', (_label, overrides, expected) => {
    expect(where(checkProjectWith('indicator.too-long', { indicators: [makeIndicator(overrides)] }))).toEqual(expected);
  });

  it('takes limits from the config', () => {
    const config = { rules: { 'indicator.too-long': { maxNameLength: 10 } } };
    expect(where(checkProjectWith('indicator.too-long', { indicators: [makeIndicator({ name: '指'.repeat(11) })] }, config))).toEqual([
      'error:0:name',
    ]);
  });
});
