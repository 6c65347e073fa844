/**
 * Value and symbol normalisation. No zod here (the schemas live in schemas.ts): this module runs in the
 * content script, which must stay small.
 */
import { normaliseDecimalString } from './decimal';
import type { IndicatorSymbol, IndicatorValue, ValueProblem } from './schemas';
import { SYMBOLS } from './symbols';
import { collapseSpaces, toHalfWidth, trimEndChars } from './text';

export { SYMBOLS } from './symbols';
export type { IndicatorSymbol, IndicatorValue, ValueProblem } from './schemas';

/** Symbol words people type, longest first so `不少于` wins over `少于`. Values are the stored symbol. */
const PREFIX_WORDS: ReadonlyArray<readonly [string, IndicatorSymbol]> = (
  [
    ['大于或等于', '≥'],
    ['大于等于', '≥'],
    ['小于或等于', '≤'],
    ['小于等于', '≤'],
    ['不少于', '≥'],
    ['不低于', '≥'],
    ['不小于', '≥'],
    ['不超过', '≤'],
    ['不高于', '≤'],
    ['不大于', '≤'],
    ['至少', '≥'],
    ['最少', '≥'],
    ['最多', '≤'],
    ['大于', '＞'],
    ['高于', '＞'],
    ['超过', '＞'],
    ['多于', '＞'],
    ['小于', '＜'],
    ['低于', '＜'],
    ['少于', '＜'],
    ['等于', '＝'],
    ['达到', '≥'],
    ['>=', '≥'],
    ['=>', '≥'],
    ['<=', '≤'],
    ['=<', '≤'],
    ['≥', '≥'],
    ['≧', '≥'],
    ['≤', '≤'],
    ['≦', '≤'],
    ['>', '＞'],
    ['<', '＜'],
    ['=', '＝'],
    ['为', '＝'],
  ] as const
)
  .slice()
  .sort((a, b) => b[0].length - a[0].length);

/** Words after the number and unit: `90%以上` → ≥, `3小时内` → ≤. */
const SUFFIX_WORDS: ReadonlyArray<readonly [string, IndicatorSymbol]> = [
  ['及以上', '≥'],
  ['以上', '≥'],
  ['及以下', '≤'],
  ['以下', '≤'],
  ['以内', '≤'],
  ['之内', '≤'],
  ['内', '≤'],
  ['前', '≤'],
];

/** Single characters that may stand before a number as a qualifier, not as a misread symbol. */
const QUALIFIER_CHARS = new Set(['约', '共', '每', '近', '超', '达', '各', '计', '合']);

/** Whole-cell words for a 计算符号 column or a typed symbol. */
const SYMBOL_WORDS: Record<string, IndicatorSymbol> = {
  定性: '定性',
  '定性指标': '定性',
  定量: '＝',
  以上: '≥',
  以下: '≤',
  以内: '≤',
};

/**
 * Reads what a person typed as a 计算符号 (`>=`, `不少于`, `＞`, `定性`, `=`) into the stored symbol;
 * null when it is not a symbol.
 */
export function normaliseSymbol(text: string): IndicatorSymbol | null {
  const t = collapseSpaces(text).replace(/\s+/g, '');
  if (t === '') return null;
  if ((SYMBOLS as readonly string[]).includes(t)) return t as IndicatorSymbol;
  if (SYMBOL_WORDS[t]) return SYMBOL_WORDS[t];
  const half = toHalfWidth(t);
  for (const [word, symbol] of PREFIX_WORDS) if (half === word) return symbol;
  return null;
}

const NUMBER_RE = /[+-]?\d+(?:,\d{3})*(?:\.\d+)?/g;
const PUNCTUATION_RE = /[,，、;；。:：!！?？()（）]/;
const PLACEHOLDER_RE = /^[*＊×xX_＿?？.·…\s]+$/;
/** Placeholder stars (or ？, ×, __) followed by a unit of up to four characters. */
const PLACEHOLDER_UNIT_RE = /^([*＊×_＿?？]+)\s*([%‰\p{Script=Han}][\p{Script=Han}/·.]{0,7}|[a-zA-Z]{1,4})$/u;

function qualitative(raw: string, text: string): IndicatorValue {
  return { symbol: '定性', value: null, unit: '', text, raw };
}

/**
 * Splits an exported 指标值 into symbol, number, unit and qualifier text:
 * `≥90%`, `不少于400场次`, `日均约150人次`, `地理信息平台服务资源数量≥350条`, `90%以上`, `3小时内`, `无重大故障`.
 * A number with no symbol reads as ＝. Never throws; text it cannot read keeps `raw` and a `problem`.
 */
export function splitValue(raw: string): IndicatorValue {
  const t = trimEndChars(collapseSpaces(toHalfWidth(raw)), '。；;，,、:： ').trim();
  if (t === '') return { symbol: null, value: null, unit: '', text: '', raw };
  // Only whether there are none, one or several numbers matters: stop at the second.
  const numbers: RegExpExecArray[] = [];
  for (const m of t.matchAll(NUMBER_RE)) if (numbers.push(m) > 1) break;
  if (numbers.length === 0) {
    const bare = PLACEHOLDER_UNIT_RE.exec(t);
    if (bare) return { symbol: null, value: null, unit: bare[2]!, text: '', raw, problem: 'number-unreadable' };
    for (const [word, symbol] of PREFIX_WORDS) {
      if (word.length > 0 && t.startsWith(word) && word !== '为') {
        const rest = t.slice(word.length).trim();
        if (rest === '' || PLACEHOLDER_RE.test(rest)) {
          return { symbol, value: null, unit: '', text: rest, raw, problem: 'number-unreadable' };
        }
        // A template's placeholder left unfilled with its unit: `≥**%`, `≥**个`.
        const held = PLACEHOLDER_UNIT_RE.exec(rest);
        if (held) return { symbol, value: null, unit: held[2]!, text: '', raw, problem: 'number-unreadable' };
      }
    }
    return qualitative(raw, t);
  }
  if (numbers.length > 1) return qualitative(raw, t);
  const match = numbers[0]!;
  const start = match.index ?? 0;
  const numberText = match[0].replace(/,/g, '');
  let before = t.slice(0, start).trim();
  let after = t.slice(start + match[0].length).trim();
  if (PUNCTUATION_RE.test(after)) return qualitative(raw, t);
  // A period named by its year, not an amount: `2021年全年`, `2023年度` (deadlines such as `2024年底前` stay ≤).
  if (/^(19|20)\d\d$/.test(numberText) && /^年(全年度?|度)$/.test(after)) return qualitative(raw, t);

  let symbol: IndicatorSymbol | null = null;
  for (const [word, sym] of PREFIX_WORDS) {
    if (before.endsWith(word)) {
      symbol = sym;
      before = before.slice(0, before.length - word.length).trim();
      break;
    }
  }
  for (const [word, sym] of SUFFIX_WORDS) {
    if (after.endsWith(word)) {
      // `3小时内` → unit 小时, `15日前` → unit 日; a bare `内`/`前` only counts after a unit.
      if ((word === '内' || word === '前') && after.length === 1) continue;
      symbol ??= sym;
      after = after.slice(0, after.length - word.length).trim();
      break;
    }
  }
  const value = normaliseDecimalString(numberText);
  let problem: ValueProblem | undefined;
  if (symbol === null) {
    const last = before.slice(-1);
    const misread = before.length > 0 && /[^\p{Script=Han}\p{L}\p{N}\s]$/u.test(before);
    const lone = before.length === 1 && /\p{Script=Han}/u.test(last) && !QUALIFIER_CHARS.has(last);
    if (misread || lone) problem = 'symbol-unreadable';
    else symbol = '＝';
  }
  return {
    symbol,
    value,
    unit: after,
    text: before,
    raw,
    ...(problem ? { problem } : {}),
  };
}

/** Renders a value the way exports print it (`≥90%`, `无重大故障`). */
export function formatValue(v: IndicatorValue): string {
  if (v.symbol === '定性' || v.value === null) return v.text || v.raw;
  const sym = v.symbol ?? '';
  return `${v.text}${sym}${v.value}${v.unit}`;
}
