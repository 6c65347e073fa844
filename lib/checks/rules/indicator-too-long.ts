import { defineRule } from '../define-rule';
import { charLength } from '../helpers';
import { type Draft, msg } from '../types';

/** `indicator.too-long` — 指标名称 over 100 characters, 指标值说明 over 2000 (the portal's limits). */
export const checkIndicatorTooLong = defineRule({
  id: 'indicator.too-long',
  severity: 'error',
  description: 'Indicator names and value explanations stay within the portal’s length limits.',
  project(project, _index, options) {
    const drafts: Draft[] = [];
    project.indicators.forEach((indicator, indicatorIndex) => {
      const nameLength = charLength(indicator.name.trim());
      if (nameLength > options.maxNameLength) {
        drafts.push({ indicatorIndex, field: 'name', message: msg('too-long.name', { length: nameLength, max: options.maxNameLength }) });
      }
      const explanationLength = charLength((indicator.explanation ?? '').trim());
      if (explanationLength > options.maxExplanationLength) {
        drafts.push({
          indicatorIndex,
          field: 'explanation',
          message: msg('too-long.explanation', { length: explanationLength, max: options.maxExplanationLength }),
        });
      }
    });
    return drafts;
  },
});
