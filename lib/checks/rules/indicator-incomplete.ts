import { defineRule } from '../define-rule';
import { cleanedLabel, hasContent, isBlankLabel, isMissingValue, level1Of, shownValue, VALUE_SETS, valueIn } from '../helpers';
import { type Draft, msg } from '../types';

/**
 * `indicator.incomplete` — what the portal requires on save: 一级, 二级, a name, and for each value a
 * symbol, a value (a symbol chosen with nothing after it), and a unit where the value is quantitative. A
 * value missing entirely is value.annual-missing's; a value that cannot be read is value.malformed's.
 */
export const checkIndicatorIncomplete = defineRule({
  id: 'indicator.incomplete',
  severity: 'error',
  description: 'Each indicator has 一级, 二级, a name, a symbol and a value, and a unit when quantitative.',
  project(project, _index, _options, { profile }) {
    const drafts: Draft[] = [];
    project.indicators.forEach((indicator, indicatorIndex) => {
      if (isBlankLabel(indicator.level1)) {
        drafts.push({
          indicatorIndex,
          field: 'level1',
          message: msg('incomplete.level1', { expected: profile.level1.map((c) => c.name).join('、') }),
        });
      }
      if (isBlankLabel(indicator.level2)) {
        const level1 = level1Of(profile, indicator.level1);
        const choices = level1 ? level1.level2 : profile.level1.flatMap((c) => c.level2);
        drafts.push({
          indicatorIndex,
          field: 'level2',
          message: msg('incomplete.level2', {
            level1: level1?.name ?? cleanedLabel(indicator.level1),
            expected: choices.map((c) => c.name).join('、'),
          }),
        });
      }
      if (isBlankLabel(indicator.name)) drafts.push({ indicatorIndex, field: 'name', message: msg('incomplete.name') });
      for (const set of VALUE_SETS) {
        const value = valueIn(indicator, set);
        if (!value || isMissingValue(value) || value.problem) continue;
        const raw = shownValue(value);
        if (value.symbol === null) {
          drafts.push({ indicatorIndex, field: `${set}.symbol`, message: msg('incomplete.symbol', { set, raw }) });
        } else if (!hasContent(value)) {
          drafts.push({ indicatorIndex, field: `${set}.value`, message: msg('incomplete.value', { set, raw }) });
        } else if (value.symbol !== '定性' && value.unit.trim() === '') {
          drafts.push({ indicatorIndex, field: `${set}.unit`, message: msg('incomplete.unit', { set, raw }) });
        }
      }
    });
    return drafts;
  },
});
