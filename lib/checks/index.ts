/**
 * The check engine: one set of rules for the content script (live), the side panel and the CLI.
 * This index also exports the zod schemas (config, findings); code that must stay zod-free (the content
 * script) imports `lib/checks/engine` and `lib/checks/defaults` directly.
 */
export { type CheckConfig, type CheckConfigInput, checkConfigSchema, parseCheckConfig, type Typo } from './config';
export { DEFAULT_CHECK_CONFIG, DEFAULT_TYPOS, profileOf, RULE_DEFAULTS } from './defaults';
export { findingSchema, fixSchema } from './schemas';
export { checkProject, forgetIncrementalState, recheckProject, runChecks, runChecksDetailed } from './engine';
export { applyFixes } from './fix';
export { RULE_LIST, RULES } from './registry';
export { type CheckRun, compareFindings, resolveContext } from './run';
export * from './types';
