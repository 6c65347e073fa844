/** The check engine: one set of rules for the content script (live), the side panel and the CLI. */
export { checkConfigSchema, type CheckConfig, type CheckConfigInput, DEFAULT_TYPOS, profileOf } from './config';
export { checkProject, recheckProject, runChecks, runChecksDetailed } from './engine';
export { applyFixes } from './fix';
export { RULE_LIST, RULES } from './registry';
export { type CheckRun, compareFindings, resolveContext } from './run';
export * from './types';
