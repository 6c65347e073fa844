/** Every rule, by id. A `Record` over the ids, so a rule left out of the registry is a compile error. */
import { checkAmountFormat } from './rules/amount-format';
import { checkCategoryMissing } from './rules/category-missing';
import { checkGoalAnnualCopied } from './rules/goal-annual-copied';
import { checkGoalMissing } from './rules/goal-missing';
import { checkIndicatorDuplicate } from './rules/indicator-duplicate';
import { checkIndicatorIncomplete } from './rules/indicator-incomplete';
import { checkIndicatorTooLong } from './rules/indicator-too-long';
import { checkIndicatorsMissing } from './rules/indicators-missing';
import { checkCopiedIndicators } from './rules/project-copied-indicators';
import { checkTaxonomyMismatch } from './rules/taxonomy-mismatch';
import { checkTextFormat } from './rules/text-format';
import { checkTextTypo } from './rules/text-typo';
import { checkProjectTotals } from './rules/totals-project';
import { checkUnitTotals } from './rules/totals-unit';
import { checkAnnualExceedsPeriod } from './rules/value-annual-exceeds-period';
import { checkAnnualValueMissing } from './rules/value-annual-missing';
import { checkValueMalformed } from './rules/value-malformed';
import { checkValueNameConflict } from './rules/value-name-conflict';
import { checkPercentRange } from './rules/value-percent-range';
import { checkValueUnitMismatch } from './rules/value-unit-mismatch';
import { checkWeightsSum } from './rules/weights-sum';
import { RULE_IDS, type Rule, type RuleId } from './types';

/** The registry: each id maps to the rule with that id. */
export const RULES: { readonly [Id in RuleId]: Rule<Id> } = {
  'totals.project': checkProjectTotals,
  'totals.unit': checkUnitTotals,
  'amount.format': checkAmountFormat,
  'goal.missing': checkGoalMissing,
  'goal.annual-copied': checkGoalAnnualCopied,
  'indicators.missing': checkIndicatorsMissing,
  'category.missing': checkCategoryMissing,
  'taxonomy.mismatch': checkTaxonomyMismatch,
  'indicator.incomplete': checkIndicatorIncomplete,
  'value.annual-missing': checkAnnualValueMissing,
  'value.malformed': checkValueMalformed,
  'value.unit-mismatch': checkValueUnitMismatch,
  'value.percent-range': checkPercentRange,
  'value.name-conflict': checkValueNameConflict,
  'value.annual-exceeds-period': checkAnnualExceedsPeriod,
  'indicator.duplicate': checkIndicatorDuplicate,
  'indicator.too-long': checkIndicatorTooLong,
  'project.copied-indicators': checkCopiedIndicators,
  'text.typo': checkTextTypo,
  'text.format': checkTextFormat,
  'weights.sum': checkWeightsSum,
};

/** The rules in report order. */
export const RULE_LIST: readonly Rule[] = RULE_IDS.map((id) => RULES[id] as unknown as Rule);
