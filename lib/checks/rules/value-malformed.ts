import type { IndicatorValue } from '../../domain/values';
import type { ValueSet } from '../../i18n/checks';
import { defineRule } from '../define-rule';
import { hasContent, isQuantitative, normaliseUnit, shownValue, VALUE_SETS, valueIn } from '../helpers';
import { type Draft, type Fix, msg } from '../types';

const COMPARISON = /[≥≤><=＞＜＝≧≦]|不少于|不低于|不超过|不高于|不大于|不小于|大于|小于|高于|低于|多于|少于|以上|以下|以内/;
const LEADING_SYMBOL = /^\s*[≥≤><=＞＜＝≧≦]/;
const NUMBER = /\d+(?:\.\d+)?/g;
const LIST_SEPARATOR = /[、，,;；]/;

/**
 * A 定量-looking cell that is not one number: several numbers with a symbol (`分别不少于800万人次、10万人次`),
 * a list of counts (`网站2个、政务新媒体1个`), or a symbol followed by words (`≥合理`).
 */
function looksQuantitativeButIsNot(value: IndicatorValue): boolean {
  if (value.symbol !== '定性' || value.value !== null) return false;
  const raw = value.raw;
  const numbers = raw.match(NUMBER)?.length ?? 0;
  if (numbers === 0) return LEADING_SYMBOL.test(raw);
  if (COMPARISON.test(raw)) return true;
  // Several numbers are a list only when separated like one ("2024年12月31日前" is one date, not a list).
  return numbers >= 2 && raw.split(LIST_SEPARATOR).filter((part) => /\d/.test(part)).length >= 2;
}

/**
 * The safe fix for a misread symbol (参90%, 令90%): when the other set's value is the same number and unit
 * with a readable symbol, that symbol is what was meant.
 */
function symbolFix(value: IndicatorValue, other: IndicatorValue | null, set: ValueSet): Fix | undefined {
  if (value.value === null || [...value.text].length !== 1 || !isQuantitative(other) || other.problem) return undefined;
  if (other.value !== value.value || normaliseUnit(other.unit) !== normaliseUnit(value.unit)) return undefined;
  if (other.symbol === null || other.symbol === '定性') return undefined;
  return { field: set, from: value.raw, to: `${other.symbol}${value.value}${value.unit}` };
}

/** `value.malformed` — a symbol or number that cannot be read, or a 定量-looking value that is not one number. */
export const checkValueMalformed = defineRule({
  id: 'value.malformed',
  severity: 'error',
  description: 'Symbols and numbers of values can be read; a quantitative-looking value is one number.',
  project(project) {
    const drafts: Draft[] = [];
    project.indicators.forEach((indicator, indicatorIndex) => {
      for (const set of VALUE_SETS) {
        const value = valueIn(indicator, set);
        if (!value) continue;
        const raw = shownValue(value);
        if (value.problem === 'symbol-unreadable') {
          const other = valueIn(indicator, set === 'period' ? 'annual' : 'period');
          const fix = symbolFix(value, other, set);
          drafts.push({ indicatorIndex, field: `${set}.symbol`, message: msg('malformed.symbol', { set, raw }), ...(fix ? { fix } : {}) });
        } else if (
          value.problem === 'number-unreadable' ||
          // A 定量 symbol chosen on a page with words in the value cell (≥ / 较好).
          (value.symbol !== null && value.symbol !== '定性' && value.value === null && hasContent(value))
        ) {
          drafts.push({ indicatorIndex, field: `${set}.value`, message: msg('malformed.number', { set, raw }) });
        } else if (looksQuantitativeButIsNot(value)) {
          drafts.push({ severity: 'warning', indicatorIndex, field: set, message: msg('malformed.compound', { set, raw }) });
        }
      }
    });
    return drafts;
  },
});
