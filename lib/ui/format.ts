/**
 * Number, size and date formatting for the extension pages. Pure and locale-aware; no floats in money
 * (amounts are decimal strings from the domain and are shown as they are).
 */
import type { IndicatorValue } from '../domain/schemas';
import { formatValue } from '../domain/values';
import type { Locale } from '../i18n';

/** Shown for a value a set does not have. */
export const NO_VALUE = '—';

/** `≥90%`, `无重大故障`, or — when the set has no such value. */
export function valueText(value: IndicatorValue | null | undefined): string {
  if (!value) return NO_VALUE;
  const text = formatValue(value).trim();
  return text === '' ? NO_VALUE : text;
}

/** `1,234` / `1,234` (both locales group by thousands). */
export function formatCount(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** Bytes as B / KB / MB / GB with one decimal above KB. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** A timestamp as a local date and time (`2025/3/8 14:05`), or — for none. */
export function formatDateTime(ms: number | null | undefined, locale: Locale): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return NO_VALUE;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(ms));
}

/** `tianbao-library-20250308-1405.json`: sorts by time in a downloads folder. */
export function exportFileName(kind: 'json' | 'xlsx', at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}`;
  return `tianbao-library-${stamp}.${kind}`;
}
