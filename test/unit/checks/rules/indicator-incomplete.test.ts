import { describe, expect, it } from 'vitest';
import { splitValue } from '@/lib/domain';
import { makeIndicator } from '../../../fixtures/make-snapshot';
import { checkProjectWith, where } from '../support';

describe('indicator.incomplete', () => {
  it.each([
    ['complete quantitative', {}, []],
    ['complete qualitative (no unit needed)', { period: '无重大故障', annual: '无重大故障' }, []],
    ['no 一级', { level1: '' }, ['error:0:level1']],
    ['no 二级', { level2: '' }, ['error:0:level2']],
    ['no name', { name: ' ' }, ['error:0:name']],
    ['no unit in either value', { period: '≥30000', annual: '≥30000' }, ['error:0:period.unit', 'error:0:annual.unit']],
    ['a bare number without unit', { period: '59', annual: '59个' }, ['error:0:period.unit']],
    [
      'no symbol (a page cell left empty)',
      { annual: { symbol: null, value: '90', unit: '%', text: '', raw: '90%' } },
      ['error:0:annual.symbol'],
    ],
    [
      'a symbol chosen and no value typed (a page cell left empty)',
      { annual: { symbol: '≥', value: null, unit: '%', text: '', raw: '' } },
      ['error:0:annual.value'],
    ],
    ['定性 chosen and no text typed', { annual: { symbol: '定性', value: null, unit: '', text: '', raw: '' } }, ['error:0:annual.value']],
    ['a value that cannot be read is value.malformed’s', { annual: '参90%' }, []],
    ['a missing value is value.annual-missing’s', { annual: null }, []],
  ] as const)('%s', (_label, overrides, expected) => {
    const indicator = makeIndicator(overrides as Parameters<typeof makeIndicator>[0]);
    expect(where(checkProjectWith('indicator.incomplete', { indicators: [indicator] }))).toEqual(expected);
  });

  it('lists the 二级 to choose from under the 一级', () => {
    const [finding] = checkProjectWith('indicator.incomplete', { indicators: [makeIndicator({ level1: '满意度指标', level2: '' })] });
    expect(finding?.message).toBe('缺少二级指标；应选择「满意度指标」下的二级指标（服务对象满意度）');
  });

  it('quotes the value that lacks a unit', () => {
    const [finding] = checkProjectWith('indicator.incomplete', { indicators: [makeIndicator({ period: splitValue('≥2500'), annual: '≥2500个' })] });
    expect(finding?.message).toContain('「≥2500」缺少计量单位');
  });
});
