import { type Decimal, formatDecimal } from '../../domain/decimal';
import type { Amounts, FormSnapshot, Project } from '../../domain/schemas';
import { defineRule } from '../define-rule';
import { addExact, AMOUNT_COLUMNS, compareExact, parseAmount, parseAmounts } from '../helpers';
import { msg, type SnapshotDraft } from '../types';

type Column = (typeof AMOUNT_COLUMNS)[number];

/** A running column sum; `bad` counts unreadable amounts in it (amount.format reports those). */
interface ColumnSum {
  sum: Decimal;
  bad: number;
}

/**
 * What one run added up, kept so that the next run over a snapshot where a few projects changed only
 * subtracts their old amounts and adds the new ones. The findings never depend on it.
 */
interface State {
  projects: readonly Project[];
  units: FormSnapshot['units'];
  /** The unit row each project counts towards, or -1. */
  unitOf: number[];
  /** Per unit, per column. */
  sums: Record<Column, ColumnSum>[];
  /** Per unit, how many projects it covers. */
  counts: number[];
  /** 总计 over all projects (合计 when there are no unit rows). */
  projectTotal: ColumnSum;
}

let last: State | undefined;

/** Drops the kept sums, so the next run adds up from scratch (tests compare both paths). */
export function resetUnitTotalsState(): void {
  last = undefined;
}

const ZERO: Decimal = { units: 0n, scale: 0 };
const negate = (d: Decimal): Decimal => ({ units: -d.units, scale: d.scale });

/**
 * Drops trailing fractional zeros. Subtracting an amount with more places leaves them behind (1.234 − 0.234
 * is 1.000), so without this an adjusted sum would print differently from the same sum added afresh.
 */
function trimScale(d: Decimal): Decimal {
  let { units, scale } = d;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return { units, scale };
}

function addTo(target: ColumnSum, value: Decimal | null, sign: 1 | -1): void {
  if (value === null) target.bad += sign;
  else target.sum = trimScale(addExact(target.sum, sign === 1 ? value : negate(value)));
}

function addProject(state: State, amounts: Amounts, unit: number, sign: 1 | -1): void {
  const parsed = parseAmounts(amounts);
  addTo(state.projectTotal, parsed.total, sign);
  if (unit < 0) return;
  state.counts[unit]! += sign;
  for (const column of AMOUNT_COLUMNS) addTo(state.sums[unit]![column], parsed[column], sign);
}

/** The unit each project counts towards: by owner name; a lone unit covers everything when no owner matches. */
function unitsOf(snapshot: FormSnapshot): number[] {
  const byName = new Map<string, number>();
  snapshot.units.forEach((u, i) => {
    if (!byName.has(u.name)) byName.set(u.name, i);
  });
  const unitOf = snapshot.projects.map((p) => byName.get(p.owner) ?? -1);
  if (snapshot.units.length === 1 && unitOf.every((u) => u < 0)) return unitOf.map(() => 0);
  return unitOf;
}

function compute(snapshot: FormSnapshot): State {
  const state: State = {
    projects: snapshot.projects,
    units: snapshot.units,
    unitOf: unitsOf(snapshot),
    sums: snapshot.units.map(() => ({
      total: { sum: ZERO, bad: 0 },
      fiscal: { sum: ZERO, bad: 0 },
      specialAccount: { sum: ZERO, bad: 0 },
      other: { sum: ZERO, bad: 0 },
    })),
    counts: snapshot.units.map(() => 0),
    projectTotal: { sum: ZERO, bad: 0 },
  };
  snapshot.projects.forEach((p, i) => addProject(state, p.amounts, state.unitOf[i]!, 1));
  return state;
}

/** Above this many changed projects a fresh sum is as cheap as adjusting. */
const MAX_UPDATES = 16;

/** Adjusts the previous sums for the projects whose amounts changed, or undefined when a fresh sum is needed. */
function update(previous: State, snapshot: FormSnapshot): State | undefined {
  const { projects } = snapshot;
  if (previous.units !== snapshot.units || previous.projects.length !== projects.length) return undefined;
  const changed: number[] = [];
  for (let i = 0; i < projects.length; i += 1) {
    const before = previous.projects[i]!;
    const now = projects[i]!;
    if (before === now || (before.amounts === now.amounts && before.owner === now.owner)) continue;
    // A changed owner can move a project between units (or end the lone-unit reading): sum afresh.
    if (before.owner !== now.owner || changed.push(i) > MAX_UPDATES) return undefined;
  }
  const state: State = {
    ...previous,
    projects,
    sums: previous.sums.map((s) => ({
      total: { ...s.total },
      fiscal: { ...s.fiscal },
      specialAccount: { ...s.specialAccount },
      other: { ...s.other },
    })),
    counts: previous.counts.slice(),
    projectTotal: { ...previous.projectTotal },
  };
  for (const i of changed) {
    addProject(state, previous.projects[i]!.amounts, state.unitOf[i]!, -1);
    addProject(state, projects[i]!.amounts, state.unitOf[i]!, 1);
  }
  return state;
}

/**
 * `totals.unit` — a unit row equals the sum of its projects, column by column; 合计 equals the sum of the
 * units (or of the projects when the form has no unit rows). Exact decimals. Re-running after a few
 * projects changed (the live checker's case) only adjusts their units' sums.
 */
export const checkUnitTotals = defineRule({
  id: 'totals.unit',
  severity: 'error',
  description: 'A unit row equals the sum of its projects, and 合计 the sum of the units (exact decimals).',
  snapshot(snapshot) {
    const state = (last && update(last, snapshot)) ?? compute(snapshot);
    last = state;
    const drafts: SnapshotDraft[] = [];
    snapshot.units.forEach((unit, unitIndex) => {
      const count = state.counts[unitIndex]!;
      if (count === 0) return;
      const printed = parseAmounts(unit.amounts);
      for (const column of AMOUNT_COLUMNS) {
        const own = printed[column];
        const { sum, bad } = state.sums[unitIndex]![column];
        if (!own || bad > 0 || compareExact(own, sum) === 0) continue;
        drafts.push({
          target: { kind: 'unit', unitIndex },
          field: `amounts.${column}`,
          message: msg('totals.unit', { unit: unit.name, column, printed: formatDecimal(own, 2), sum: formatDecimal(sum, 2), count }),
        });
      }
    });
    if (snapshot.total !== null && snapshot.total.trim() !== '') {
      const printed = parseAmount(snapshot.total);
      const over = snapshot.units.length > 0 ? 'units' : 'projects';
      let sum: Decimal | null = null;
      if (over === 'units') {
        sum = ZERO;
        for (const unit of snapshot.units) {
          const total = parseAmounts(unit.amounts).total;
          sum = total && sum ? addExact(sum, total) : null;
        }
      } else if (snapshot.projects.length > 0 && state.projectTotal.bad === 0) sum = state.projectTotal.sum;
      if (printed && sum && compareExact(printed, sum) !== 0) {
        drafts.push({
          target: { kind: 'total' },
          field: 'total',
          message: msg('totals.grand', {
            printed: formatDecimal(printed, 2),
            sum: formatDecimal(sum, 2),
            count: over === 'units' ? snapshot.units.length : snapshot.projects.length,
            over,
          }),
        });
      }
    }
    return drafts;
  },
});
