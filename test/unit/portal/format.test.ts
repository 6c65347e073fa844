import { describe, expect, it } from 'vitest';
import { amountToNumber, groupThousands, numberToAmount } from '../../portal/shared/format';

describe('portal formatting', () => {
  it.each([
    ['10540.32', '10,540.32'],
    ['712.97', '712.97'],
    ['3411.40', '3,411.40'],
    ['1000000', '1,000,000'],
    ['-1234.5', '-1,234.5'],
    ['', ''],
    ['abc', 'abc'],
  ])('groupThousands(%j) → %j', (input, expected) => {
    expect(groupThousands(input)).toBe(expected);
  });

  it.each([
    ['712.97', 712.97],
    ['3,200.00', 3200],
    ['', undefined],
    ['x', undefined],
  ])('amountToNumber(%j) → %j (what an el-input-number holds)', (input, expected) => {
    expect(amountToNumber(input)).toBe(expected);
  });

  it.each([
    [712.97, '712.97'],
    [12.5, '12.50'],
    [0, '0.00'],
    [0.1 + 0.2, '0.30'],
    [null, ''],
    [undefined, ''],
    [Number.NaN, ''],
  ])('numberToAmount(%j) → %j (what a save sends)', (input, expected) => {
    expect(numberToAmount(input)).toBe(expected);
  });
});
