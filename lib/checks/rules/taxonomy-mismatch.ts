import { defineRule } from '../define-rule';
import { cleanedLabel, isBlankLabel, level1Of, level2Of } from '../helpers';
import { type Draft, msg } from '../types';

/**
 * `taxonomy.mismatch` — a 二级 that does not belong to its 一级 (12-质量指标 under 2-效益指标, a classic
 * rejection), or a category the profile does not know. Blank categories are indicator.incomplete's.
 */
export const checkTaxonomyMismatch = defineRule({
  id: 'taxonomy.mismatch',
  severity: 'error',
  description: 'Each 二级 belongs to its 一级 and both are categories of the profile.',
  project(project, _index, _options, { profile }) {
    const drafts: Draft[] = [];
    project.indicators.forEach((indicator, indicatorIndex) => {
      if (isBlankLabel(indicator.level1)) return;
      const level1 = level1Of(profile, indicator.level1);
      if (!level1) {
        drafts.push({
          indicatorIndex,
          field: 'level1',
          message: msg('taxonomy.level1-unknown', {
            level1: cleanedLabel(indicator.level1),
            expected: profile.level1.map((c) => c.name).join('、'),
          }),
        });
        return;
      }
      if (isBlankLabel(indicator.level2) || level2Of(profile, indicator.level2, level1)) return;
      const elsewhere = level2Of(profile, indicator.level2);
      drafts.push({
        indicatorIndex,
        field: 'level2',
        message: elsewhere
          ? msg('taxonomy.level2-misplaced', { level2: elsewhere.level2.name, level1: level1.name, expected: elsewhere.level1.name })
          : msg('taxonomy.level2-unknown', {
              level2: cleanedLabel(indicator.level2),
              level1: level1.name,
              expected: level1.level2.map((c) => c.name).join('、'),
            }),
      });
    });
    return drafts;
  },
});
