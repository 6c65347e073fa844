import type { IndicatorValue, TemplateContent } from '../domain/schemas';
import { sameFieldValue } from './labels';
import { level1Name, level2Name, sameCategory } from './layouts/categories';
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

/** 指标性质 of a symbol: higher is better (正向), lower is better (反向), or 定性. */
export function natureOf(symbol: IndicatorValue['symbol']): string {
  if (symbol === '定性') return '定性';
  if (symbol === '≥' || symbol === '＞' || symbol === '＝') return '正向';
  if (symbol === '≤' || symbol === '＜') return '反向';
  return '';
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
    nature: natureOf(value.symbol),
    value: qualitative ? value.text || value.raw.trim() : numeric ? value.value! : value.raw.trim(),
    unit: qualitative ? '' : value.unit,
    explanation: item.explanation ?? (numeric && !value.problem ? value.text : ''),
  };
}

function isEmptyRow(row: RowCells, fields: readonly FillField[]): boolean {
  return fields.every((f) => (row[f] ?? '').trim() === '');
}

/** Fields a grid's rows take values in: a tree's or merged grid's category cells are the category's, not the row's. */
/** What an item writes into one grid: a grid with a 指标性质 column takes 定性 there, with no 指标方向. */
function wantedIn(grid: GridState, item: TemplateContent): Record<FillField, string> | null {
  const wanted = cellsForItem(item, grid.set);
  if (wanted && grid.fields.includes('nature') && wanted.symbol === '定性') return { ...wanted, symbol: '' };
  return wanted;
}

function writableFields(grid: GridState): readonly FillField[] {
  const byCategory = grid.layout === 'tree' || grid.layout === 'merged';
  return byCategory ? grid.fields.filter((f) => f !== 'level1' && f !== 'level2') : grid.fields;
}

/** An item's category as the taxonomy names it (codes and aliases resolved). */
function itemCategory(item: TemplateContent): { level1: string; level2: string } {
  const two = level2Name(item.level2);
  return { level1: level1Name(item.level1) ?? two?.level1 ?? item.level1, level2: two?.level2 ?? item.level2 };
}

/**
 * Plans a grid that files rows by category (tree, merged): each item goes into a row under its own 二级 —
 * the row that already holds its name, else a blank row there — and the rows still missing are added under
 * that 二级 first (the plan then holds only the add-rows: rows are added, the grid read again, and planned
 * anew). Other categories' rows are left alone. Items whose 二级 the grid has no place for are `unplaced`.
 */
function planByCategory(grid: GridState, items: readonly TemplateContent[], plan: FillPlan, options: PlanOptions): void {
  const { set } = grid;
  const roles = grid.roles ?? grid.rows.map(() => 'indicator' as const);
  const categories = grid.categories ?? grid.rows.map(() => ({ level1: '', level2: '' }));
  const fields = writableFields(grid);
  const inCategory = (i: number, c: { level1: string; level2: string }) =>
    sameCategory(categories[i]!.level2, c.level2) && (!c.level1 || !categories[i]!.level1 || sameCategory(categories[i]!.level1, c.level1));
  const known = (c: { level1: string; level2: string }) => categories.some((_, i) => (roles[i] !== 'level1') && inCategory(i, c));
  const used = new Set<number>();
  const targets: number[] = [];
  const missing = new Map<string, { under: { level1: string; level2: string }; count: number }>();
  const placed: Array<{ item: TemplateContent; row: number }> = [];
  for (const item of items) {
    if (cellsForItem(item, set) === null) continue;
    const category = itemCategory(item);
    if (!known(category)) {
      plan.unplaced.push({ set, name: item.name, level1: category.level1, level2: category.level2 });
      continue;
    }
    const rows = roles.flatMap((r, i) => (r === 'indicator' && inCategory(i, category) && !used.has(i) ? [i] : []));
    let row = rows.find((i) => norm(grid.rows[i]!.name ?? '') === norm(item.name));
    row ??= rows.find((i) => isEmptyRow(grid.rows[i]!, fields));
    if (row === undefined) {
      const key = `${category.level1}/${category.level2}`;
      const entry = missing.get(key) ?? { under: category, count: 0 };
      entry.count += 1;
      missing.set(key, entry);
      continue;
    }
    used.add(row);
    targets.push(row);
    placed.push({ item, row });
  }
  if (missing.size > 0) {
    plan.ops.push({ kind: 'switch-set', set }, ...[...missing.values()].map((m) => ({ kind: 'add-rows' as const, set, count: m.count, under: m.under })));
    plan.added[set] = [...missing.values()].reduce((n, m) => n + m.count, 0);
    return;
  }
  const setOps: FillOp[] = [];
  for (const { item, row } of placed) planCells(grid, fields, item, row, setOps, plan, options);
  if (setOps.length > 0) plan.ops.push({ kind: 'switch-set', set }, ...setOps);
  plan.targets[set] = targets;
}

/**
 * The writes one item needs in one row: each field the grid has and the item gives, unless the row shows it
 * already; a field holding something else is left alone (and reported skipped) unless `overwrite`.
 */
function planCells(grid: GridState, fields: readonly FillField[], item: TemplateContent, row: number, out: FillOp[], plan: FillPlan, options: PlanOptions): void {
  const wanted = wantedIn(grid, item)!;
  const current = grid.rows[row] ?? {};
  for (const field of FILL_FIELDS) {
    if (!fields.includes(field)) continue;
    const want = wanted[field];
    const have = (current[field] ?? '').trim();
    if (want === '' || sameFieldValue(field, have, want)) continue;
    if (have !== '' && !options.overwrite) {
      plan.skipped.push({ set: grid.set, row, field, current: have, wanted: want });
      continue;
    }
    out.push({ kind: 'set-cell', set: grid.set, row, field, value: want, key: item.name });
  }
}

function norm(s: string): string {
  return s.replace(/\s+/g, '');
}

/** Plans the fill of `items` into each grid in `grids`. */
export function planFill(grids: readonly GridState[], items: readonly TemplateContent[], options: PlanOptions = {}): FillPlan {
  const plan: FillPlan = { ops: [], skipped: [], unplaced: [], targets: { period: [], annual: [] }, added: { period: 0, annual: 0 } };
  for (const grid of grids) {
    if (grid.layout === 'tree' || grid.layout === 'merged') {
      planByCategory(grid, items, plan, options);
      continue;
    }
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
    placed.forEach((item, k) => planCells(grid, fields, item, targets[k]!, setOps, plan, options));
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
