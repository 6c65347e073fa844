import type { TemplateContent } from '../domain/schemas';
import { collectGrid, rowCount, slickRowByIndex, slickRowHeight, slickViewport, type CollectedGrid } from './collect';
import { currentSet, findAddRowButton, findDeleteRowButton, findGrids, gridCell, gridRows, type DetectedForm, type GridHandle } from './detect';
import { CONFIRM_LABELS, DELETE_ROW_LABELS, buttonMatches, normaliseLabel } from './labels';
import { planFill, type PlanOptions } from './plan';
import type { FillField, FillMismatch, FillOp, FillPlan, GridState, IndicatorSet, SkippedField } from './types';
import { tick, waitFor } from './wait';
import { canWriteNow, click, flush, readCell, widgetKind, writeCell } from './widgets';

/**
 * Plan → page: runs a fill through the page's own widgets, proves every value landed by reading the form
 * back, and keeps what is needed to undo it. Batches writes (all rows added first, then one synchronous
 * pass per dependency level, then one re-render), re-resolves each row right before writing it, and
 * retries fields a re-render swallowed.
 */

export interface FillOptions extends PlanOptions {
  signal?: AbortSignal;
  /** Retries per field that did not take its value. */
  retries?: number;
  /** Receives phase timings (benchmarks and diagnosis). */
  trace?: (phase: string, ms: number) => void;
}

/** What undo needs: the rows the fill added per set and the previous values of cells it changed. */
export interface UndoRecord {
  added: Record<IndicatorSet, number>;
  /** Row count per set before the fill (added rows are the ones after it). */
  baseRows: Record<IndicatorSet, number>;
  previous: Array<{ set: IndicatorSet; row: number; key: string; field: FillField; value: string }>;
}

export interface FillReport {
  /** True when every planned field shows its value. */
  ok: boolean;
  /** Fields written. */
  written: number;
  /** Fields that did not take their value: which, and what they show. */
  mismatches: FillMismatch[];
  /** Fields left alone because they held something else (overwrite off). */
  skipped: SkippedField[];
  durationMs: number;
  undo: UndoRecord;
}

/** Field order by dependency: everything but 二级 first, then 二级 (its options follow 一级). */
const PASSES: ReadonlyArray<ReadonlyArray<string>> = [
  ['name', 'level1', 'symbol', 'value', 'unit', 'explanation'],
  ['level2'],
];

function now(doc: Document): number {
  return doc.defaultView?.performance.now() ?? Date.now();
}

/**
 * The form's grids as they are now: when a re-render replaced a grid's nodes (a remounted table), detect
 * the grids again so every later lookup uses the live ones.
 */
export function refreshGrids(form: DetectedForm): void {
  if (form.grids.every((g) => g.root.isConnected && g.tabs.every((t) => t.element.isConnected))) return;
  form.grids.splice(0, form.grids.length, ...findGrids(form.doc));
}

/** The grid that holds `set` now (re-detected if it was re-rendered), without switching tabs. */
function gridForSet(form: DetectedForm, set: IndicatorSet): GridHandle | null {
  refreshGrids(form);
  return form.grids.find((g) => g.fixedSet === set) ?? form.grids.find((g) => g.fixedSet === undefined && g.tabs.some((t) => t.set === set)) ?? null;
}

/** Shows the grid that holds `set` (clicks its tab when needed) and returns it. */
export async function showSet(form: DetectedForm, set: IndicatorSet, signal?: AbortSignal): Promise<GridHandle | null> {
  refreshGrids(form);
  const fixed = form.grids.find((g) => g.fixedSet === set);
  const grid = fixed ?? form.grids.find((g) => g.fixedSet === undefined && g.tabs.some((t) => t.set === set));
  if (!grid) return null;
  const tab = grid.tabs.find((t) => t.set === set);
  if (tab && (fixed ? !isShown(grid.root) : currentSet(grid) !== set)) {
    click(tab.element);
    await waitFor(
      form.doc,
      () => {
        // The tab switch may itself re-render the grid: judge by the live grid, not the old handle.
        const live = gridForSet(form, set);
        return live && (live.fixedSet !== undefined ? isShown(live.root) : currentSet(live) === set);
      },
      { timeout: 3000, what: `切换到${set}`, signal },
    );
    await flush(form.doc);
  }
  return gridForSet(form, set);
}

function isShown(el: HTMLElement): boolean {
  return el.getClientRects().length > 0;
}

/** Collects both sets' grid states, switching tabs for a grid that shows one set at a time. */
export async function collectSets(form: DetectedForm, signal?: AbortSignal): Promise<CollectedGrid[]> {
  const out: CollectedGrid[] = [];
  for (const set of ['period', 'annual'] as const) {
    const grid = form.grids.find((g) => g.fixedSet === set) ?? form.grids.find((g) => g.fixedSet === undefined && g.tabs.some((t) => t.set === set));
    if (!grid) continue;
    if (grid.fixedSet === undefined) await showSet(form, set, signal);
    out.push({ ...collectGrid(grid), set });
  }
  return out;
}

/** The row for an op, right now: by index, unless the row there holds another indicator (rows moved). */
async function resolveRow(grid: GridHandle, op: Extract<FillOp, { kind: 'set-cell' }>, doc: Document): Promise<HTMLElement | null> {
  let candidate: HTMLElement | null | undefined;
  if (grid.kind === 'slick') {
    candidate = slickRowByIndex(grid, op.row);
    if (!candidate) {
      await scrollSlickRow(grid, op.row, doc);
      candidate = slickRowByIndex(grid, op.row);
    }
  } else {
    candidate = gridRows(grid)[op.row];
  }
  if (op.field === 'name' || !candidate) return candidate ?? null;
  const nameCell = gridCell(grid, candidate, 'name');
  const name = nameCell ? normaliseLabel(readCell(nameCell)) : '';
  if (name === '' || name === normaliseLabel(op.key)) return candidate;
  return gridRows(grid).find((r) => normaliseLabel(readCell(gridCell(grid, r, 'name') ?? r)) === normaliseLabel(op.key)) ?? candidate;
}

async function scrollSlickRow(grid: GridHandle, index: number, doc: Document): Promise<void> {
  const viewport = slickViewport(grid);
  if (!viewport) return;
  viewport.scrollTop = Math.max(0, index * slickRowHeight(grid) - viewport.clientHeight / 2);
  viewport.dispatchEvent(new (doc.defaultView!.Event)('scroll'));
  await waitFor(doc, () => slickRowByIndex(grid, index), { timeout: 1000, what: `第${index + 1}行` }).catch(() => null);
}

/**
 * Clicks each grid's add-row button `count` times (all grids first, so the page renders the new rows in
 * one go) and waits until every grid has them, judged on the live grids (a re-render may replace them).
 */
async function addRows(doc: Document, requests: ReadonlyArray<{ live: () => GridHandle | null; count: number }>, signal?: AbortSignal): Promise<void> {
  const targets: Array<{ live: () => GridHandle | null; count: number; before: number }> = [];
  for (const { live, count } of requests) {
    const grid = live();
    if (!grid || count <= 0) continue;
    const button = findAddRowButton(grid);
    if (!button) throw new Error('找不到“新增指标”按钮');
    targets.push({ live, count, before: rowCount(grid) });
    for (let i = 0; i < count; i += 1) click(button);
  }
  if (targets.length === 0) return;
  await waitFor(doc, () => targets.every((t) => { const g = t.live(); return g !== null && rowCount(g) >= t.before + t.count; }), {
    timeout: 10_000,
    what: targets.map((t) => `新增${t.count}行`).join('、'),
    signal,
  });
  // The rows and their widgets are there: no need to wait for the page's follow-up layout work, which
  // then folds into the first pass's render.
  await tick(doc.defaultView!);
}

type CellOp = Extract<FillOp, { kind: 'set-cell' }>;

/**
 * Writes the ops whose widget completes synchronously (inputs, native selects, el-selects with rendered
 * options), all in one go so the page re-renders once for the whole batch. Returns the ops left for
 * one-at-a-time writing (a dropdown to open, an editor to wait for, a row not rendered).
 */
function writeNow(grid: GridHandle, ops: readonly CellOp[], signal?: AbortSignal): CellOp[] {
  const deferred: CellOp[] = [];
  const rows = grid.kind === 'slick' ? [] : gridRows(grid);
  for (const op of ops) {
    const row = rows[op.row];
    const cell = row ? gridCell(grid, row, op.field) : null;
    if (cell && canWriteNow(cell, op.value)) {
      void writeCell(cell, op.value, { signal }).catch(() => deferred.push(op));
    } else {
      deferred.push(op);
    }
  }
  return deferred;
}

/** Writes ops one at a time (each re-resolves its row first); the page re-renders once at the end. */
async function writeOneByOne(grid: GridHandle, ops: readonly CellOp[], doc: Document, signal?: AbortSignal): Promise<void> {
  for (const op of ops) {
    signal?.throwIfAborted();
    const row = await resolveRow(grid, op, doc);
    const cell = row ? gridCell(grid, row, op.field) : null;
    if (!cell) continue;
    if (normaliseLabel(readCell(cell)) === normaliseLabel(op.value)) continue;
    await writeCell(cell, op.value, { signal }).catch(() => undefined);
  }
}

/**
 * One pass into one grid: the synchronous writes in a batch, the page's re-render, then the rest one at
 * a time and another re-render. Takes the live grid each time (a re-render may remount it). Returns how
 * many ops needed the one-at-a-time path.
 */
async function writePass(live: () => GridHandle, ops: readonly CellOp[], doc: Document, signal?: AbortSignal): Promise<number> {
  const slow = writeNow(live(), ops, signal);
  await flush(doc);
  if (slow.length > 0) {
    await writeOneByOne(live(), slow, doc, signal);
    await flush(doc);
  }
  return slow.length;
}

/** Mismatches of one set's ops against the grid as it reads now (rows found by identity when they moved). */
function mismatchesFor(grid: GridHandle, set: IndicatorSet, ops: readonly CellOp[]): FillMismatch[] {
  const state = collectGrid(grid);
  const out: FillMismatch[] = [];
  for (const op of ops) {
    let row = state.rows[op.row];
    if (row && op.field !== 'name' && normaliseLabel(row.name ?? '') !== normaliseLabel(op.key)) {
      row = state.rows.find((r) => normaliseLabel(r.name ?? '') === normaliseLabel(op.key)) ?? row;
    }
    const actual = row?.[op.field] ?? '';
    if (normaliseLabel(actual) !== normaliseLabel(op.value)) out.push({ set, row: op.row, field: op.field, expected: op.value, actual });
  }
  return out;
}

/** One set's share of a fill. */
interface SetWork {
  set: IndicatorSet;
  add: number;
  cellOps: CellOp[];
}

/**
 * Runs the passes of `work` (sets whose grids are all on the page at once) together: rows added in every
 * grid, then each dependency pass written into every grid in one synchronous batch, so the page renders
 * once per pass instead of once per pass and set. Only fields that need a dropdown or editor opened show
 * their set's tab first.
 */
async function fillTogether(form: DetectedForm, work: readonly SetWork[], trace: (phase: string) => void, signal?: AbortSignal): Promise<void> {
  const { doc } = form;
  const live = (set: IndicatorSet) => gridForSet(form, set);
  await addRows(doc, work.map((w) => ({ live: () => live(w.set), count: w.add })), signal);
  trace('add rows');
  for (const [i, pass] of PASSES.entries()) {
    const later: Array<{ set: IndicatorSet; ops: CellOp[] }> = [];
    for (const w of work) {
      const grid = live(w.set);
      if (grid) later.push({ set: w.set, ops: writeNow(grid, w.cellOps.filter((o) => pass.includes(o.field)), signal) });
    }
    await flush(doc);
    let slow = 0;
    for (const { set, ops } of later) {
      if (ops.length === 0) continue;
      slow += ops.length;
      // Written where the grid is, without switching tabs (a tab switch re-lays the whole grid out);
      // a field that needs its tab shown is redone through the tab by the verify retries.
      const grid = live(set);
      if (grid) await writeOneByOne(grid, ops, doc, signal);
    }
    if (slow > 0) await flush(doc);
    trace(`pass ${i + 1} (${slow} one by one)`);
  }
}

/** Runs the passes of one set (a grid that shows one set at a time: its tab is switched to first). */
async function fillOne(form: DetectedForm, w: SetWork, trace: (phase: string) => void, signal?: AbortSignal): Promise<void> {
  const { doc } = form;
  const grid = await showSet(form, w.set, signal);
  trace(`${w.set}: show`);
  if (!grid) return;
  await addRows(doc, [{ live: () => gridForSet(form, w.set) ?? grid, count: w.add }], signal);
  trace(`${w.set}: add rows`);
  // Each pass takes the live grid: the page may re-render (even remount) it mid-fill.
  const live = () => gridForSet(form, w.set) ?? grid;
  for (const [i, pass] of PASSES.entries()) {
    const slow = await writePass(live, w.cellOps.filter((o) => pass.includes(o.field)), doc, signal);
    trace(`${w.set}: pass ${i + 1} (${slow} one by one)`);
  }
}

/** Runs a whole fill of `items` into the form and verifies it. Never submits or saves. */
export async function applyFill(form: DetectedForm, items: readonly TemplateContent[], options: FillOptions = {}): Promise<FillReport> {
  const { doc } = form;
  const started = now(doc);
  const { signal, retries = 2 } = options;
  let mark = started;
  const trace = (phase: string) => {
    const t = now(doc);
    options.trace?.(phase, t - mark);
    mark = t;
  };
  const before = await collectSets(form, signal);
  trace('collect');
  const plan: FillPlan = planFill(before, items, options);
  const undo: UndoRecord = {
    added: { ...plan.added },
    baseRows: { period: 0, annual: 0 },
    previous: [],
  };
  for (const state of before) undo.baseRows[state.set] = state.rows.length;
  for (const op of plan.ops) {
    if (op.kind !== 'set-cell') continue;
    const state = before.find((s) => s.set === op.set);
    const prev = state?.rows[op.row];
    if (prev) undo.previous.push({ set: op.set, row: op.row, key: prev.name ?? '', field: op.field, value: prev[op.field] ?? '' });
  }

  const work: SetWork[] = [];
  for (const set of ['period', 'annual'] as const) {
    const ops = plan.ops.filter((o) => o.set === set);
    if (ops.length === 0 || !gridForSet(form, set)) continue;
    const add = ops.find((o) => o.kind === 'add-rows');
    work.push({ set, add: add?.kind === 'add-rows' ? add.count : 0, cellOps: ops.filter((o): o is CellOp => o.kind === 'set-cell') });
  }
  // Every set in a grid of its own (tab panes that stay in the DOM): fill them together.
  const together = work.length > 1 && work.every((w) => gridForSet(form, w.set)?.fixedSet === w.set);
  if (together) await fillTogether(form, work, trace, signal);
  else for (const w of work) await fillOne(form, w, trace, signal);

  const mismatches: FillMismatch[] = [];
  let written = 0;
  for (const w of work) {
    // A one-set-at-a-time grid shows the set being verified; a grid of its own is read where it is.
    const grid = together ? gridForSet(form, w.set) : await showSet(form, w.set, signal);
    if (!grid) continue;
    written += w.cellOps.length;
    let missing = mismatchesFor(grid, w.set, w.cellOps);
    for (let attempt = 0; attempt < retries && missing.length > 0; attempt += 1) {
      // Retries go through the shown tab, one field at a time, the way a person would redo them.
      const shown = await showSet(form, w.set, signal);
      if (!shown) break;
      await flush(doc);
      const again = w.cellOps.filter((o) => missing.some((m) => m.row === o.row && m.field === o.field));
      const live = () => gridForSet(form, w.set) ?? shown;
      for (const pass of PASSES) await writePass(live, again.filter((o) => pass.includes(o.field)), doc, signal);
      missing = mismatchesFor(gridForSet(form, w.set) ?? shown, w.set, w.cellOps);
    }
    mismatches.push(...missing);
  }
  trace('verify');
  return { ok: mismatches.length === 0, written, mismatches, skipped: plan.skipped, durationMs: now(doc) - started, undo };
}

/** Deletes rows through the page's own UI: tick their checkboxes (or select them) → 删除 → confirm. */
async function deleteRows(live: () => GridHandle, indices: readonly number[], doc: Document, signal?: AbortSignal): Promise<void> {
  let grid = live();
  const deleteButton = findDeleteRowButton(grid) ?? findButtonNear(grid.root, DELETE_ROW_LABELS);
  if (!deleteButton) throw new Error('找不到“删除”按钮');
  const sorted = [...indices].sort((a, b) => b - a);
  const rows = gridRows(grid);
  const withCheckbox = rows[0]?.querySelector('input[type="checkbox"]');
  const rounds = withCheckbox ? [sorted] : sorted.map((i) => [i]);
  for (const round of rounds) {
    signal?.throwIfAborted();
    const before = rowCount(grid);
    // Bounded retry: a busy page may miss the selection or the confirm the first time.
    for (let attempt = 0; ; attempt += 1) {
      for (const index of round) {
        const row = grid.kind === 'slick' ? (await scrollSlickRow(grid, index, doc), slickRowByIndex(grid, index)) : gridRows(grid)[index];
        if (!row) continue;
        const input = row.querySelector<HTMLInputElement>('input[type="checkbox"]');
        if (input?.checked) continue;
        const box = row.querySelector<HTMLElement>('label.el-checkbox, input[type="checkbox"]');
        if (box) click(box);
        else click(gridCell(grid, row, 'name') ?? row);
      }
      await flush(doc);
      const removed = () => rowCount(live()) <= before - round.length;
      // A confirm the last attempt asked for may have come late (a busy page): answer it, never ask twice —
      // a second 删除 would leave a second dialog open over the page after the rows are gone.
      const late = attempt > 0 ? findConfirmButton(doc) : null;
      if (late) click(late);
      else {
        click(findDeleteRowButton(live()) ?? findButtonNear(live().root, DELETE_ROW_LABELS) ?? deleteButton);
        // The page either asks to confirm or removes the rows straight away; whichever comes first.
        const next = await waitFor(doc, () => (removed() ? 'removed' : findConfirmButton(doc)), { timeout: 10_000, what: '确认对话框', signal }).catch(
          () => null,
        );
        if (next && next !== 'removed') click(next);
      }
      // Judged on the live grid (a re-render may replace its nodes); the bound is generous for a busy page.
      const gone = await waitFor(doc, removed, { timeout: 10_000, what: '删除行', signal }).then(
        () => true,
        (error: unknown) => {
          if (attempt >= 1) throw error;
          return false;
        },
      );
      grid = live();
      if (gone) break;
    }
    await flush(doc);
    grid = live();
  }
}

function findButtonNear(root: HTMLElement, labels: readonly string[]): HTMLElement | null {
  let el: HTMLElement | null = root;
  for (let depth = 0; el && depth < 6; depth += 1, el = el.parentElement) {
    const b = Array.from(el.querySelectorAll<HTMLElement>('button, [role="button"], input[type="button"]')).find((x) =>
      buttonMatches(x instanceof HTMLInputElement ? x.value : (x.textContent ?? ''), labels),
    );
    if (b) return b;
  }
  return null;
}

function findConfirmButton(doc: Document): HTMLElement | null {
  const dialogs = doc.querySelectorAll<HTMLElement>('[role="dialog"], .el-message-box, .modal, .dialog, [class*="dialog"]');
  for (const dialog of dialogs) {
    if (dialog.getClientRects().length === 0) continue;
    const button = Array.from(dialog.querySelectorAll<HTMLElement>('button')).find((b) => buttonMatches(b.textContent ?? '', CONFIRM_LABELS));
    if (button) return button;
  }
  return null;
}

/** Undoes a fill: removes the rows it added and writes back the previous values of cells it changed. */
export async function undoFill(form: DetectedForm, undo: UndoRecord, signal?: AbortSignal): Promise<{ ok: boolean; problems: string[] }> {
  const problems: string[] = [];
  for (const set of ['period', 'annual'] as const) {
    const grid = await showSet(form, set, signal);
    if (!grid) continue;
    const restores = undo.previous.filter((p) => p.set === set && p.row < undo.baseRows[set]);
    for (const p of restores) {
      const row = gridRows(grid)[p.row];
      const cell = row ? gridCell(grid, row, p.field) : null;
      if (!cell) continue;
      if (p.value === '' && ['el-select', 'native-select', 'el-cascader'].includes(widgetKind(cell))) {
        problems.push(`第${p.row + 1}行的${p.field}无法清空`);
        continue;
      }
      await writeCell(cell, p.value, { signal }).catch((e: unknown) => problems.push(String(e)));
    }
    const added = undo.added[set];
    if (added > 0) {
      const indices = Array.from({ length: added }, (_, i) => undo.baseRows[set] + i);
      const live = () => gridForSet(form, set) ?? grid;
      await deleteRows(live, indices, form.doc, signal).catch((e: unknown) => problems.push(e instanceof Error ? e.message : String(e)));
    }
    await flush(form.doc);
  }
  return { ok: problems.length === 0, problems };
}

/** A GridState of each set as collected (exported for the content script's report). */
export type { GridState };
