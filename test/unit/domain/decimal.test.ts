import { describe, expect, it } from 'vitest';
import { addDecimal, compareDecimal, formatDecimal, normaliseDecimalString, parseDecimal, sumDecimals } from '@/lib/domain';

describe('decimal', () => {
  it.each([
    ['0.1', '0.2', '0.3'],
    ['712.97', '414.26', '1127.23'],
    ['-5', '2.50', '-2.50'],
  ])('%s + %s = %s exactly', (a, b, sum) => {
    expect(formatDecimal(addDecimal(parseDecimal(a)!, parseDecimal(b)!))).toBe(sum);
  });

  it('sums many hundredths without float drift', () => {
    const parts = Array.from({ length: 1000 }, () => parseDecimal('0.01')!);
    expect(formatDecimal(sumDecimals(parts), 2)).toBe('10.00');
  });

  it.each([
    ['1.50', '1.5', 0],
    ['2', '10', -1],
    ['-1', '-2', 1],
  ])('compare %s with %s', (a, b, expected) => {
    expect(compareDecimal(parseDecimal(a)!, parseDecimal(b)!)).toBe(expected);
  });

  it.each([['abc'], ['1.2.3'], [''], ['1e5']])('rejects %j', (text) => {
    expect(parseDecimal(text)).toBeNull();
  });

  it.each([
    ['90.0', '90'],
    ['0.50', '0.5'],
    ['100', '100'],
  ])('normalises %s to %s', (a, b) => {
    expect(normaliseDecimalString(a)).toBe(b);
  });
});
