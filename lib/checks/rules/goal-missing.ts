import { defineRule } from '../define-rule';
import { isBlankText } from '../helpers';
import { type Draft, msg } from '../types';

/** `goal.missing` — 总体目标 (and 年度目标 where the form has that field) must have text. */
export const checkGoalMissing = defineRule({
  id: 'goal.missing',
  severity: 'error',
  description: 'The project has goal text (and annual-goal text where the form has that field).',
  project(project) {
    const drafts: Draft[] = [];
    // A stray list number ("1.") left in the goal column is not a goal.
    if (isBlankText(project.goal)) drafts.push({ field: 'goal', message: msg('goal.missing') });
    if (project.annualGoal !== undefined && isBlankText(project.annualGoal)) {
      drafts.push({ field: 'annualGoal', message: msg('goal.annual-missing') });
    }
    return drafts;
  },
});
