import { defineRule } from '../define-rule';
import { isQualitative, isQuantitative, normaliseUnit, shownValue } from '../helpers';
import { type Draft, msg } from '../types';

/**
 * `value.unit-mismatch` — the period and annual values of one indicator are of different kinds (one
 * quantitative, one qualitative) or in different units (≥90% vs ≥1项). Values that cannot be read are
 * value.malformed's and are not compared.
 */
export const checkValueUnitMismatch = defineRule({
  id: 'value.unit-mismatch',
  severity: 'error',
  description: 'Period and annual values of an indicator are of the same kind and unit.',
  project(project, _index, options) {
    const same = new Map<string, string>();
    options.equivalentUnits.forEach((group, i) => {
      for (const unit of group) same.set(normaliseUnit(unit), `#${i}`);
    });
    const canonical = (unit: string) => {
      const u = normaliseUnit(unit);
      return same.get(u) ?? u;
    };
    const drafts: Draft[] = [];
    project.indicators.forEach((indicator, indicatorIndex) => {
      const { period, annual } = indicator;
      if (!period || !annual || period.problem || annual.problem) return;
      const periodQuantity = isQuantitative(period);
      const annualQuantity = isQuantitative(annual);
      if (periodQuantity !== annualQuantity) {
        if (!(periodQuantity ? isQualitative(annual) : isQualitative(period))) return;
        drafts.push({
          indicatorIndex,
          field: 'annual',
          message: msg('unit-mismatch.kind', { period: shownValue(period), annual: shownValue(annual) }),
        });
      } else if (periodQuantity && canonical(period.unit) !== canonical(annual.unit)) {
        drafts.push({
          indicatorIndex,
          field: 'annual',
          message: msg('unit-mismatch.unit', {
            period: shownValue(period),
            annual: shownValue(annual),
            periodUnit: normaliseUnit(period.unit),
            annualUnit: normaliseUnit(annual.unit),
          }),
        });
      }
    });
    return drafts;
  },
});
