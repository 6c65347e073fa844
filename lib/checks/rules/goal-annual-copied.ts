import { defineRule } from '../define-rule';
import { comparableName, isBlankText } from '../helpers';
import { msg } from '../types';

/**
 * `goal.annual-copied` — the 年度目标 is the 总体目标 pasted again (a common reviewer complaint). Only for
 * forms with a separate annual goal; exports with one 绩效目标 column have nothing to compare.
 */
export const checkGoalAnnualCopied = defineRule({
  id: 'goal.annual-copied',
  severity: 'warning',
  description: 'The annual goal is not a copy of the overall goal.',
  project(project) {
    const annual = project.annualGoal;
    if (annual === undefined || isBlankText(annual) || isBlankText(project.goal)) return [];
    if (comparableName(annual) !== comparableName(project.goal)) return [];
    return [{ field: 'annualGoal', message: msg('goal.annual-copied') }];
  },
});
