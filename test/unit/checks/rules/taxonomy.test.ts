import { describe, expect, it } from 'vitest';
import { makeIndicator } from '../../../fixtures/make-snapshot';
import { checkProjectWith } from '../support';

describe('taxonomy.mismatch', () => {
  it.each([
    ['matching categories', '产出指标', '质量指标', null],
    ['codes as printed', '1-产出指标', '12-质量指标', null],
    ['aliases', '效益', '社会效益指标', null],
    [
      '质量指标 under 效益指标 (the classic rejection)',
      '效益指标',
      '质量指标',
      ['level2', '二级指标「质量指标」不属于一级指标「效益指标」，应归入「产出指标」'],
    ],
    ['满意度 under 产出', '产出指标', '服务对象满意度', ['level2', '二级指标「服务对象满意度」不属于一级指标「产出指标」，应归入「满意度指标」']],
    ['an unknown 一级', '影响指标', '社会效益', ['level1', '一级指标「影响指标」不在指标体系中；应为 产出指标、效益指标、满意度指标 之一']],
    ['an unknown 二级', '产出指标', '规模指标', ['level2', '二级指标「规模指标」不在一级指标「产出指标」下；应为 数量指标、质量指标、时效指标、成本指标 之一']],
    ['a blank 二级 is indicator.incomplete’s', '产出指标', '', null],
    ['a blank 一级 is indicator.incomplete’s', '', '数量指标', null],
  ])('%s', (_label, level1, level2, expected) => {
    const findings = checkProjectWith('taxonomy.mismatch', { indicators: [makeIndicator({ level1, level2 })] });
    if (expected === null) expect(findings).toEqual([]);
    else expect(findings.map((f) => [f.field, f.message])).toEqual([expected]);
  });

  it('follows the profile: 成本指标 is a 一级 in the 2021 layout', () => {
    const indicators = [makeIndicator({ level1: '成本指标', level2: '经济成本', name: '项目总成本', period: '≤50万元', annual: '≤50万元' })];
    expect(checkProjectWith('taxonomy.mismatch', { indicators }, { profile: 'central-2021' })).toEqual([]);
    expect(checkProjectWith('taxonomy.mismatch', { indicators })).toHaveLength(1);
  });
});
