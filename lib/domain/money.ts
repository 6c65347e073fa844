import { type Decimal, formatDecimal, parseDecimal } from './decimal';
import { toHalfWidth } from './text';

/** Result of reading an amount in 万元 as printed. */
export type MoneyParse =
  | { ok: true; value: Decimal; text: string }
  | { ok: false; reason: 'empty' | 'unparseable'; text: string };

/**
 * Reads an amount as exported tables print it, surviving PDF-extraction noise:
 * `10, 540. 32`, `3,200.00`, `712. 97`, `１２.５`, `￥1,000`. Empty text is reported as `empty`
 * so callers can treat it as zero where the form does.
 */
export function parseMoney(text: string): MoneyParse {
  const cleaned = toHalfWidth(text)
    .replace(/[\s\u00a0]+/g, '')
    .replace(/^[¥￥]/, '')
    .replace(/(万元|元)$/, '');
  if (cleaned === '' || cleaned === '-' || cleaned === '—') return { ok: false, reason: 'empty', text };
  // Thousands separators must sit between digit groups of three; anything else is not a number.
  if (!/^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(cleaned)) return { ok: false, reason: 'unparseable', text };
  const value = parseDecimal(cleaned.replace(/,/g, ''));
  return value ? { ok: true, value, text } : { ok: false, reason: 'unparseable', text };
}

/** Canonical money string with two places (`3200` → `3200.00`); keeps more places when present. */
export function formatMoney(value: Decimal): string {
  return formatDecimal(value, 2);
}

/**
 * Normalises a printed amount for a snapshot: a canonical decimal string, `0.00` for an empty cell,
 * or the trimmed original text when it cannot be read (so `amount.format` can report it).
 */
export function normaliseMoneyText(text: string): string {
  const parsed = parseMoney(text);
  if (parsed.ok) return formatMoney(parsed.value);
  return parsed.reason === 'empty' ? '0.00' : text.trim();
}

/** Converts an amount in 元 to 万元 exactly (divides by 10,000 by moving the decimal point). */
export function yuanToWanyuan(value: Decimal): Decimal {
  return { units: value.units, scale: value.scale + 4 };
}
