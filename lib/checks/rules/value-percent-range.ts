import { defineRule } from '../define-rule';
import { compareExact, decimalOf, findKeyword, isQuantitative, normaliseUnit, shownValue, VALUE_SETS, valueIn } from '../helpers';
import { type Draft, msg } from '../types';

/**
 * `value.percent-range` — a percentage above 100 or below 0, unless the indicator's name says it is a
 * change (增长率 150% and 下降 -5% can be meant; 满意度 120% cannot).
 */
export const checkPercentRange = defineRule({
  id: 'value.percent-range',
  severity: 'error',
  description: 'Percentages lie between 0 and 100 unless the indicator measures a change.',
  project(project, _index, options) {
    const max = decimalOf(String(options.max));
    const min = decimalOf(String(options.min));
    const drafts: Draft[] = [];
    project.indicators.forEach((indicator, indicatorIndex) => {
      for (const set of VALUE_SETS) {
        const value = valueIn(indicator, set);
        if (!isQuantitative(value) || value.problem || normaliseUnit(value.unit) !== '%') continue;
        const number = decimalOf(value.value);
        if (!number) continue;
        const about = `${indicator.name} ${value.text}`;
        if (max && compareExact(number, max) > 0 && !findKeyword(about, options.allowAboveKeywords)) {
          drafts.push({ indicatorIndex, field: `${set}.value`, message: msg('percent-range.above', { set, raw: shownValue(value), max: options.max }) });
        } else if (min && compareExact(number, min) < 0 && !findKeyword(about, options.allowBelowKeywords)) {
          drafts.push({ indicatorIndex, field: `${set}.value`, message: msg('percent-range.below', { set, raw: shownValue(value), min: options.min }) });
        }
      }
    });
    return drafts;
  },
});
