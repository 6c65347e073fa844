import { defineRule } from '../define-rule';
import { isMissingValue } from '../helpers';
import { type Draft, msg } from '../types';

/**
 * `value.annual-missing` — every indicator needs its 年度指标值, and its 实施周期指标值 where the form has that
 * set. When the snapshot does not say which sets the form has, the period set counts as present as soon as
 * one indicator of the project has a period value.
 */
export const checkAnnualValueMissing = defineRule({
  id: 'value.annual-missing',
  severity: 'error',
  description: 'Each indicator has an annual value, and a period value where the form has that set.',
  project(project) {
    const drafts: Draft[] = [];
    const wantsAnnual = project.sets?.annual ?? true;
    const wantsPeriod = project.sets?.period ?? project.indicators.some((i) => !isMissingValue(i.period));
    project.indicators.forEach((indicator, indicatorIndex) => {
      if (wantsPeriod && isMissingValue(indicator.period)) {
        drafts.push({ indicatorIndex, field: 'period', message: msg('value.period-missing') });
      }
      if (wantsAnnual && isMissingValue(indicator.annual)) {
        drafts.push({ indicatorIndex, field: 'annual', message: msg('value.annual-missing') });
      }
    });
    return drafts;
  },
});
