import type { FormSnapshot } from '../domain';
import type { CheckConfig, CheckConfigInput } from './config';
import { asAnyRule, resolveContext, runRules } from './run';
import type { Rule, RuleDefinition, RuleId } from './types';

/**
 * Registers a rule definition and gives it the public pure entry point
 * `check(snapshot, config) => Finding[]` (the rule alone, with the config's defaults and locale).
 */
export function defineRule<Id extends RuleId>(definition: RuleDefinition<Id>): Rule<Id> {
  const erased = asAnyRule(definition);
  return {
    ...definition,
    check: (snapshot: FormSnapshot, config?: CheckConfigInput | CheckConfig) =>
      runRules([erased], snapshot, resolveContext(config)).findings,
  };
}
