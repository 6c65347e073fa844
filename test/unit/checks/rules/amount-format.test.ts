import { describe, expect, it } from 'vitest';
import { makeProject, makeSnapshot } from '../../../fixtures/make-snapshot';
import { checkProjectWith, checkWith } from '../support';

describe('amount.format', () => {
  it.each([
    ['plain two decimals', '712.97', null],
    ['one decimal', '32.5', null],
    ['integer', '8', null],
    ['zero', '0.00', null],
    ['unparseable', '七百元', { severity: 'error', text: '不是可读的金额' }],
    ['negative', '-5.00', { severity: 'error', text: '负数' }],
    ['three decimals', '1.234', { severity: 'error', text: '超过 2 位小数' }],
    ['trailing zero third decimal', '1.230', { severity: 'info', fix: '1.23' }],
    ['thousands separator', '3,200.00', { severity: 'info', fix: '3200.00' }],
    ['PDF spacing', '10, 540. 32', { severity: 'info', fix: '10540.32' }],
  ])('%s: %s', (_label, fiscal, expected) => {
    // 总计 follows 财政拨款 so that only the format is at stake.
    const findings = checkProjectWith('amount.format', { amounts: { total: '0.00', fiscal } }).filter(
      (f) => f.projectIndex === 0 && f.field === 'amounts.fiscal',
    );
    if (expected === null) {
      expect(findings).toEqual([]);
      return;
    }
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe(expected.severity);
    if ('text' in expected) expect(findings[0]!.message).toContain(expected.text);
    if ('fix' in expected) expect(findings[0]!.fix).toEqual({ field: 'amounts.fiscal', from: fiscal, to: expected.fix });
  });

  it('checks unit rows and the printed 合计 too', () => {
    const snapshot = makeSnapshot({
      projects: [makeProject()],
      units: [{ name: '示例单位', amounts: { total: '100.001', fiscal: '100.00', specialAccount: '0.00', other: '0.00' } }],
      total: 'abc',
    });
    const findings = checkWith('amount.format', snapshot);
    expect(findings.map((f) => [f.project, f.unitIndex, f.field])).toEqual([
      ['合计', undefined, 'total'],
      ['示例单位', 0, 'amounts.total'],
    ]);
  });

  it('respects maxDecimals from the config', () => {
    const findings = checkProjectWith('amount.format', { amounts: { total: '1.234', fiscal: '1.234' } }, {
      rules: { 'amount.format': { maxDecimals: 4 } },
    });
    expect(findings).toEqual([]);
  });
});
