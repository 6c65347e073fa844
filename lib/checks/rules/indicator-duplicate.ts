import { defineRule } from '../define-rule';
import { cleanedLabel, comparableName } from '../helpers';
import { type Draft, msg } from '../types';

/** `indicator.duplicate` — the same 三级 name twice in one indicator set (the portal refuses to save it). */
export const checkIndicatorDuplicate = defineRule({
  id: 'indicator.duplicate',
  severity: 'error',
  description: 'No indicator name appears twice in one set.',
  project(project) {
    const first = new Map<string, number>();
    const drafts: Draft[] = [];
    project.indicators.forEach((indicator, indicatorIndex) => {
      const name = comparableName(indicator.name);
      if (name === '') return;
      const earlier = first.get(name);
      if (earlier === undefined) first.set(name, indicatorIndex);
      else {
        drafts.push({
          indicatorIndex,
          field: 'name',
          message: msg('duplicate', { name: cleanedLabel(indicator.name), first: earlier + 1 }),
        });
      }
    });
    return drafts;
  },
});
