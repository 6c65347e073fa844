import type { FormSnapshot } from '../domain/schemas';
import type { CheckConfig } from './config';
import { asAnyRule, resolveContext, runRules } from './run';
import type { Rule, RuleDefinition, RuleId } from './types';

/**
 * Registers a rule definition and gives it the public pure entry point
 * `check(snapshot, config) => Finding[]` (the rule alone; `config` validated, defaults when omitted).
 */
export function defineRule<Id extends RuleId>(definition: RuleDefinition<Id>): Rule<Id> {
  const erased = asAnyRule(definition);
  return {
    ...definition,
    check: (snapshot: FormSnapshot, config?: CheckConfig) =>
      runRules([erased], snapshot, resolveContext(config)).findings,
  };
}
