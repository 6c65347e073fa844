import type { IndicatorSymbol } from '../../domain/values';
import { defineRule } from '../define-rule';
import { compareExact, decimalOf, findKeyword, isQuantitative, normaliseUnit, shownValue } from '../helpers';
import { type Draft, msg } from '../types';

/** Higher-is-better symbols: a target to reach, so a cumulative annual target is part of the period's. */
const RISING: ReadonlySet<IndicatorSymbol> = new Set(['≥', '＞', '＝']);

/**
 * `value.annual-exceeds-period` — for a cumulative count (培训 ≥20场 over the period), this year's target
 * cannot be above the whole period's. Rates, averages and lower-is-better limits are not cumulative and are
 * left alone.
 */
export const checkAnnualExceedsPeriod = defineRule({
  id: 'value.annual-exceeds-period',
  severity: 'warning',
  description: 'A cumulative annual target is not above the period target.',
  project(project, _index, options) {
    const drafts: Draft[] = [];
    project.indicators.forEach((indicator, indicatorIndex) => {
      const { period, annual } = indicator;
      if (!isQuantitative(period) || !isQuantitative(annual) || period.problem || annual.problem) return;
      if (!RISING.has(period.symbol!) || !RISING.has(annual.symbol!)) return;
      const unit = normaliseUnit(period.unit);
      if (unit !== normaliseUnit(annual.unit) || unit === '%' || unit === '‰') return;
      if (findKeyword(`${indicator.name} ${period.text} ${annual.text} ${unit}`, options.nonCumulativeWords)) return;
      const p = decimalOf(period.value);
      const a = decimalOf(annual.value);
      if (!p || !a || compareExact(a, p) <= 0) return;
      drafts.push({
        indicatorIndex,
        field: 'annual',
        message: msg('annual-exceeds-period', { period: shownValue(period), annual: shownValue(annual) }),
      });
    });
    return drafts;
  },
});
