import { defineRule } from '../define-rule';
import { msg } from '../types';

/** `indicators.missing` — a project with no indicators at all. */
export const checkIndicatorsMissing = defineRule({
  id: 'indicators.missing',
  severity: 'error',
  description: 'The project has at least one indicator.',
  project(project) {
    return project.indicators.length === 0 ? [{ field: 'indicators', message: msg('indicators.missing') }] : [];
  },
});
