import { parseDecimal } from '../../domain/decimal';
import { formatMoney, parseMoney } from '../../domain/money';
import type { Amounts } from '../../domain/schemas';
import type { AmountColumn } from '../../i18n/checks';
import { defineRule } from '../define-rule';
import { AMOUNT_COLUMNS } from '../helpers';
import { type Draft, type FindingField, msg, type SnapshotDraft } from '../types';

/** The problem with one printed amount, or null when it is a plain non-negative amount. */
function amountDraft(text: string, column: AmountColumn, field: FindingField, maxDecimals: number): Draft | null {
  const t = typeof text === 'string' ? text.trim() : '';
  if (t === '') return null;
  const exact = parseDecimal(t);
  // Not a plain decimal but readable as money once PDF spacing, separators or full-width digits are dropped.
  const money = exact ? { ok: true as const, value: exact } : parseMoney(t);
  if (!money.ok) return { field, message: msg('amount.unparseable', { column, text: t }) };
  if (money.value.units < 0n) return { field, message: msg('amount.negative', { column, text: t }) };
  const trimmed = trimScale(money.value, maxDecimals);
  if (trimmed.scale > maxDecimals) return { field, message: msg('amount.decimals', { column, text: t, max: maxDecimals }) };
  if (exact && exact.scale <= maxDecimals) return null;
  // Only notation changes (separators, spacing, trailing zeros), so the fix cannot change the amount.
  const to = formatMoney(trimmed);
  return { severity: 'info', field, message: msg('amount.notation', { column, text: t, to }), fix: { field, from: text, to } };
}

/** Drops trailing zero places down to `scale` (never a non-zero digit). */
function trimScale(d: { units: bigint; scale: number }, scale: number) {
  let { units, scale: s } = d;
  while (s > scale && units % 10n === 0n) {
    units /= 10n;
    s -= 1;
  }
  return { units, scale: s };
}

function rowDrafts(amounts: Amounts, maxDecimals: number): Draft[] {
  const drafts: Draft[] = [];
  for (const column of AMOUNT_COLUMNS) {
    const draft = amountDraft(amounts[column], column, `amounts.${column}`, maxDecimals);
    if (draft) drafts.push(draft);
  }
  return drafts;
}

/** `amount.format` — amounts in 万元 are readable, not negative, with at most two decimals. */
export const checkAmountFormat = defineRule({
  id: 'amount.format',
  severity: 'error',
  description: 'Amounts in 万元 are readable numbers, not negative, with at most two decimals.',
  project(project, _index, options) {
    return rowDrafts(project.amounts, options.maxDecimals);
  },
  snapshot(snapshot, options) {
    const drafts: SnapshotDraft[] = [];
    snapshot.units.forEach((unit, unitIndex) => {
      for (const d of rowDrafts(unit.amounts, options.maxDecimals)) drafts.push({ ...d, target: { kind: 'unit', unitIndex } });
    });
    if (snapshot.total !== null) {
      const d = amountDraft(snapshot.total, 'total', 'total', options.maxDecimals);
      if (d) drafts.push({ ...d, target: { kind: 'total' } });
    }
    return drafts;
  },
});
