/** Display and conversion helpers shared by the replica pages (money stays exact: strings in, strings out). */
import { normaliseMoneyText } from '../../../lib/domain/money';

/** `10540.32` → `10,540.32` for list display; text that is not a plain decimal is returned unchanged. */
export function groupThousands(amount: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(amount.trim());
  if (!m) return amount;
  return `${m[1]}${m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] ?? ''}`;
}

/** The number an el-input-number holds for a stored amount; undefined shows an empty box. */
export function amountToNumber(amount: string): number | undefined {
  if (amount.trim() === '') return undefined;
  const n = Number(normaliseMoneyText(amount));
  return Number.isFinite(n) ? n : undefined;
}

/**
 * What the portal sends for an el-input-number's value: two places, '' when empty. The widget already
 * rounds to `precision` 2, so toFixed(2) formats the same decimal it shows (no arithmetic happens here).
 */
export function numberToAmount(value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value) ? normaliseMoneyText(value.toFixed(2)) : '';
}
