/** Small pure helpers shared by rules. */
import { type Decimal, parseDecimal } from '../domain/decimal';
import type { Amounts, Indicator, Project } from '../domain/schemas';
import type { IndicatorValue } from '../domain/values';
import { cleanLabel, toHalfWidth } from '../domain/text';
import type { ValueSet } from '../i18n/checks';

/** Both value sets, in the order the forms show them. */
export const VALUE_SETS: readonly ValueSet[] = ['period', 'annual'];

/** The money columns, in the order the forms print them. */
export const AMOUNT_COLUMNS = ['total', 'fiscal', 'specialAccount', 'other'] as const satisfies readonly (keyof Amounts)[];

const PUNCTUATION_AND_SPACE = /[\s\u00a0\u3000,，、;；。.:：!！?？()（）【】[\]《》<>"'“”‘’`~·…\-—_/\\|]+/g;

/** A name reduced for comparison: half-width, no spaces or punctuation (`提高管理规范化水平 ` = `提高管理规范化水平`). */
export function comparableName(text: string): string {
  return toHalfWidth(text).replace(PUNCTUATION_AND_SPACE, '').toLowerCase();
}

/** True for text with nothing a person could read as content (only spaces, digits used as list marks, punctuation). */
export function isBlankText(text: string | undefined): boolean {
  if (text === undefined) return true;
  return !/[\p{L}]/u.test(text) && !/\d{2,}/.test(text);
}

/** Whether a value cell holds anything a person typed: a number, or letters (not only punctuation). */
export function hasContent(value: IndicatorValue): boolean {
  return value.value !== null || /[\p{L}\p{N}]/u.test(`${value.raw}${value.text}`);
}

/**
 * Whether a value is absent: no cell, or a blank one with no symbol chosen. A cell holding only punctuation
 * (a separator left by an export) is as empty as a blank one. A symbol chosen with nothing after it is not
 * missing but incomplete (indicator.incomplete).
 */
export function isMissingValue(value: IndicatorValue | null | undefined): boolean {
  return !value || (value.symbol === null && !hasContent(value));
}

/** A 定量 value: a symbol other than 定性 and a number. */
export function isQuantitative(value: IndicatorValue | null | undefined): value is IndicatorValue & { value: string } {
  return !!value && value.symbol !== '定性' && value.value !== null;
}

/** A 定性 value with text. */
export function isQualitative(value: IndicatorValue | null | undefined): value is IndicatorValue {
  return !!value && value.symbol === '定性' && value.value === null && hasContent(value);
}

/** A unit as compared between values: half-width, no spaces. */
export function normaliseUnit(unit: string): string {
  return toHalfWidth(unit).replace(/[\s\u00a0\u3000]+/g, '');
}

/** The value of an indicator in one set. */
export function valueIn(indicator: Indicator, set: ValueSet): IndicatorValue | null {
  return set === 'period' ? indicator.period : indicator.annual;
}

/** What a message quotes for a value: what the form showed, else the parts put back together. */
export function shownValue(value: IndicatorValue): string {
  const raw = value.raw.trim();
  if (raw !== '') return raw;
  return `${value.text}${value.symbol && value.symbol !== '定性' ? value.symbol : ''}${value.value ?? ''}${value.unit}`;
}

const parsedAmounts = new WeakMap<Amounts, Record<keyof Amounts, Decimal | null>>();

/**
 * The four amounts of a row as exact decimals (null where unreadable). Cached per amounts object so
 * re-checking one edited project does not re-parse the others.
 */
export function parseAmounts(amounts: Amounts): Record<keyof Amounts, Decimal | null> {
  let parsed = parsedAmounts.get(amounts);
  if (!parsed) {
    parsed = {
      total: parseAmount(amounts.total),
      fiscal: parseAmount(amounts.fiscal),
      specialAccount: parseAmount(amounts.specialAccount),
      other: parseAmount(amounts.other),
    };
    parsedAmounts.set(amounts, parsed);
  }
  return parsed;
}

/** An amount as a decimal; empty reads as 0 (the forms leave unused sources blank). */
export function parseAmount(text: string): Decimal | null {
  const t = typeof text === 'string' ? text.trim() : '';
  if (t === '') return { units: 0n, scale: 0 };
  return parseDecimal(t);
}

/** The first keyword found in the text, or undefined. */
export function findKeyword(text: string, keywords: readonly string[]): string | undefined {
  return keywords.find((k) => k !== '' && text.includes(k));
}

/** Project text that says what the project is for: name, goals. */
export function projectText(project: Project): string {
  return cleanLabel(`${project.name} ${project.goal} ${project.annualGoal ?? ''}`);
}

/** Length in characters as a person counts them (code points, not UTF-16 units). */
export function charLength(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}
