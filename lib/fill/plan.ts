import type { IndicatorValue, TemplateContent } from '../domain/schemas';
import { FILL_FIELDS, type FillField, type FillOp, type FillPlan, type GridState, type IndicatorSet, type RowCells } from './types';

/**
 * Plans a fill (pure): the page's grids × a chosen template set → operations. Period values go into the
 * 中长期 grid and annual values into the 年度 grid. Items fill the grid's empty rows first, then new rows are
 * added at the end. A non-empty field is never overwritten unless `overwrite` is set; such fields are
 * reported as skipped instead.
 */
export interface PlanOptions {
  overwrite?: boolean;
}

/**
 * The cell values one template item writes into a grid of the given set, as a portal grid holds them:
 * symbol, number and unit apart; a 定性 value as text with no unit; the words around a number
 * (`地理信息平台服务资源数量≥350条`) in 指标值说明 unless the item has its own. Null when the item has no value
 * for that set (it is not written there: a value is never invented from the other set).
 */
export function cellsForItem(item: TemplateContent, set: IndicatorSet): Record<FillField, string> | null {
  const value: IndicatorValue | null = set === 'period' ? item.period : item.annual;
  if (value === null) return null;
  const qualitative = value.symbol === '定性';
  const numeric = !qualitative && value.value !== null;
  return {
    level1: item.level1,
    level2: item.level2,
    name: item.name,
    symbol: value.symbol ?? '',
    value: qualitative ? value.text || value.raw.trim() : numeric ? value.value! : value.raw.trim(),
    unit: qualitative ? '' : value.unit,
    explanation: item.explanation ?? (numeric && !value.problem ? value.text : ''),
  };
}

function isEmptyRow(row: RowCells, fields: readonly FillField[]): boolean {
  return fields.every((f) => (row[f] ?? '').trim() === '');
}

function norm(s: string): string {
  return s.replace(/\s+/g, '');
}

/** Plans the fill of `items` into each grid in `grids`. */
export function planFill(grids: readonly GridState[], items: readonly TemplateContent[], options: PlanOptions = {}): FillPlan {
  const plan: FillPlan = { ops: [], skipped: [], targets: { period: [], annual: [] }, added: { period: 0, annual: 0 } };
  for (const grid of grids) {
    const { set, fields } = grid;
    const used = new Set<number>();
    const targets: number[] = [];
    let appended = 0;
    // An item whose name already stands in a row updates that row; the others take empty rows, then new ones.
    const byName = new Map<string, number>();
    grid.rows.forEach((row, i) => {
      const name = norm(row.name ?? '');
      if (name !== '' && !byName.has(name)) byName.set(name, i);
    });
    const empty = grid.rows.map((row, i) => (isEmptyRow(row, fields) ? i : -1)).filter((i) => i >= 0);
    const placed = items.filter((item) => cellsForItem(item, set) !== null);
    for (const item of placed) {
      let row = byName.get(norm(item.name));
      if (row === undefined || used.has(row)) row = empty.find((i) => !used.has(i));
      if (row === undefined) {
        row = grid.rows.length + appended;
        appended += 1;
      }
      used.add(row);
      targets.push(row);
    }
    const setOps: FillOp[] = [];
    if (appended > 0) setOps.push({ kind: 'add-rows', set, count: appended });
    placed.forEach((item, k) => {
      const row = targets[k]!;
      const wanted = cellsForItem(item, set)!;
      const current = grid.rows[row] ?? {};
      for (const field of FILL_FIELDS) {
        if (!fields.includes(field)) continue;
        const want = wanted[field];
        const have = (current[field] ?? '').trim();
        if (want === '' || norm(have) === norm(want)) continue;
        if (have !== '' && !options.overwrite) {
          plan.skipped.push({ set, row, field, current: have, wanted: want });
          continue;
        }
        setOps.push({ kind: 'set-cell', set, row, field, value: want, key: item.name });
      }
    });
    if (setOps.length > 0) plan.ops.push({ kind: 'switch-set', set }, ...setOps);
    plan.targets[set] = targets;
    plan.added[set] = appended;
  }
  return plan;
}

/** Compares what the page shows after a fill with what the plan wrote; returns every field that differs. */
export function verifyFill(grids: readonly GridState[], plan: FillPlan) {
  const mismatches: { set: IndicatorSet; row: number; field: FillField; expected: string; actual: string }[] = [];
  for (const op of plan.ops) {
    if (op.kind !== 'set-cell') continue;
    const grid = grids.find((g) => g.set === op.set);
    const actual = grid?.rows[op.row]?.[op.field] ?? '';
    if (norm(actual) !== norm(op.value)) mismatches.push({ set: op.set, row: op.row, field: op.field, expected: op.value, actual });
  }
  return mismatches;
}
