/** Small pure helpers shared by rules. */
import { type Decimal, parseDecimal } from '../domain/decimal';
import type { Amounts, Indicator, Level1Category, Level2Category, Project, TaxonomyProfile } from '../domain/schemas';
import { findLevel1, findLevel2 } from '../domain/taxonomy';
import type { IndicatorValue } from '../domain/values';
import { cleanLabel, toHalfWidth } from '../domain/text';
import type { ValueSet } from '../i18n/checks';

/** Both value sets, in the order the forms show them. */
export const VALUE_SETS: readonly ValueSet[] = ['period', 'annual'];

/** The money columns, in the order the forms print them. */
export const AMOUNT_COLUMNS = ['total', 'fiscal', 'specialAccount', 'other'] as const satisfies readonly (keyof Amounts)[];

const PUNCTUATION_AND_SPACE = /[\s\u00a0\u3000,，、;；。.:：!！?？()（）【】[\]《》<>"'“”‘’`~·…\-—_/\\|]+/g;

/**
 * Caches a pure function of a string. Forms repeat the same labels, units and values thousands of times
 * (产出指标, %, ≥90%), so the checks normalise each distinct text once. The cache is emptied when it grows
 * past `max` entries, which bounds memory on hostile input.
 */
export function memoize<T>(fn: (key: string) => T, max = 20_000): (key: string) => T {
  let cache = new Map<string, T>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as T;
    const value = fn(key);
    if (cache.size >= max) cache = new Map();
    cache.set(key, value);
    return value;
  };
}

/** A name reduced for comparison: half-width, no spaces or punctuation (`提高管理规范化水平 ` = `提高管理规范化水平`). */
export const comparableName = memoize((text: string) => toHalfWidth(text).replace(PUNCTUATION_AND_SPACE, '').toLowerCase());

interface Lookups {
  level1: (text: string) => Level1Category | undefined;
  level2: Map<Level1Category | undefined, (text: string) => { level1: Level1Category; level2: Level2Category } | undefined>;
}
const lookups = new WeakMap<TaxonomyProfile, Lookups>();

function lookupsOf(profile: TaxonomyProfile): Lookups {
  let l = lookups.get(profile);
  if (!l) {
    l = { level1: memoize((text) => findLevel1(profile, text), 5_000), level2: new Map() };
    lookups.set(profile, l);
  }
  return l;
}

/** findLevel1, cached per profile and label. */
export function level1Of(profile: TaxonomyProfile, text: string): Level1Category | undefined {
  return lookupsOf(profile).level1(text);
}

/** findLevel2 (anywhere, or only under `under`), cached per profile, parent and label. */
export function level2Of(
  profile: TaxonomyProfile,
  text: string,
  under?: Level1Category,
): { level1: Level1Category; level2: Level2Category } | undefined {
  const l = lookupsOf(profile);
  let find = l.level2.get(under);
  if (!find) {
    find = memoize((t) => findLevel2(profile, t, under), 5_000);
    l.level2.set(under, find);
  }
  return find(text);
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
export const normaliseUnit = memoize((unit: string) => toHalfWidth(unit).replace(/[\s\u00a0\u3000]+/g, ''), 5_000);

/** Whether a label is empty once white space (including the ideographic space) is gone. */
export function isBlankLabel(text: string): boolean {
  return text.trim() === '';
}

/** A label cleaned as names are (CJK-internal spaces removed), cached. */
export const cleanedLabel = memoize((text: string) => cleanLabel(text));

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

const POW10: bigint[] = [1n];
function pow10(n: number): bigint {
  while (POW10.length <= n) POW10.push(POW10[POW10.length - 1]! * 10n);
  return POW10[n]!;
}

/** Exact a + b (as addDecimal, with a table of powers instead of a bigint power per call). */
export function addExact(a: Decimal, b: Decimal): Decimal {
  if (a.scale === b.scale) return { units: a.units + b.units, scale: a.scale };
  return a.scale > b.scale
    ? { units: a.units + b.units * pow10(a.scale - b.scale), scale: a.scale }
    : { units: a.units * pow10(b.scale - a.scale) + b.units, scale: b.scale };
}

/** -1, 0 or 1 by value (as compareDecimal, without allocating when the scales agree). */
export function compareExact(a: Decimal, b: Decimal): -1 | 0 | 1 {
  let x = a.units;
  let y = b.units;
  if (a.scale > b.scale) y *= pow10(a.scale - b.scale);
  else if (b.scale > a.scale) x *= pow10(b.scale - a.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A decimal string as a Decimal, cached (indicator values repeat: 90, 100, 95 …). Null when not a decimal. */
export const decimalOf = memoize((text: string) => parseDecimal(text), 5_000);

/** Exact sum of decimals (same result as sumDecimals, without re-scaling every partial sum). */
export function sumExact(values: readonly Decimal[]): Decimal {
  let scale = 0;
  for (const v of values) if (v.scale > scale) scale = v.scale;
  let units = 0n;
  for (const v of values) units += v.scale === scale ? v.units : v.units * pow10(scale - v.scale);
  return { units, scale };
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
