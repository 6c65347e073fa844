import { describe, expect, it } from 'vitest';
import { makeIndicator } from '../../../fixtures/make-snapshot';
import { checkProjectWith, where } from '../support';

const weighted = (...entries: [string, string | undefined][]) =>
  entries.map(([level1, weight], i) =>
    makeIndicator({ name: `指标${i}`, level1, level2: '', ...(weight !== undefined ? { weight } : {}) }),
  );

describe('weights.sum', () => {
  it.each([
    ['no weights at all', weighted(['产出指标', undefined], ['效益指标', undefined]), []],
    ['summing to 100', weighted(['产出指标', '60'], ['效益指标', '30'], ['满意度指标', '10']), []],
    ['decimals summing to 100 exactly', weighted(['产出指标', '33.33'], ['产出指标', '33.33'], ['效益指标', '33.34']), []],
    ['summing to 90', weighted(['产出指标', '60'], ['效益指标', '30']), ['error:-:weight']],
    ['one weight missing', weighted(['产出指标', '60'], ['效益指标', undefined]), ['error:1:weight']],
    ['a weight that is not a number', weighted(['产出指标', '六十'], ['效益指标', '40']), ['error:0:weight']],
    ['a weight written with 分', weighted(['产出指标', '60分'], ['效益指标', '40分']), []],
  ])('%s', (_label, indicators, expected) => {
    expect(where(checkProjectWith('weights.sum', { indicators }))).toEqual(expected);
  });

  it('checks fixed per-一级 sums when the config (or profile) sets them', () => {
    const config = { rules: { 'weights.sum': { perLevel1: { 产出指标: 50, 效益指标: 30, 满意度指标: 20 } } } };
    const good = weighted(['产出指标', '50'], ['效益指标', '30'], ['满意度指标', '20']);
    const bad = weighted(['产出指标', '60'], ['效益指标', '20'], ['满意度指标', '20']);
    expect(checkProjectWith('weights.sum', { indicators: good }, config)).toEqual([]);
    const findings = checkProjectWith('weights.sum', { indicators: bad }, config);
    expect(findings.map((f) => f.message)).toEqual([
      '产出指标的权重合计为 60；按本配置应为 50',
      '效益指标的权重合计为 20；按本配置应为 30',
    ]);
    expect(new Set(findings.map((f) => f.key)).size).toBe(2);
  });

  it('takes the total from the config', () => {
    const config = { rules: { 'weights.sum': { total: 90 } } };
    expect(checkProjectWith('weights.sum', { indicators: weighted(['产出指标', '60'], ['效益指标', '30']) }, config)).toEqual([]);
  });
});
