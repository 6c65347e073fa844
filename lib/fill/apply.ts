import type { TemplateContent } from '../domain/schemas';
import { collectGrid, renderedRow, rowCount, slickRowByIndex, slickRowHeight, slickViewport, virtualBody, virtualRowAt, type CollectedGrid } from './collect';
import { activeSet, currentSet, findDeleteRowButton, findGrids, findSetTabs, gridCell, gridRows, type DetectedForm, type GridHandle } from './detect';
import { CONFIRM_LABELS, DELETE_ROW_LABELS, buttonMatches, normaliseLabel, sameFieldValue } from './labels';
import { addRowsTogether, layoutOfKind, rowAction, sameCategory, type Category, type GridRowsView, type LayoutContext } from './layouts';
import { planFill, type PlanOptions } from './plan';
import type { FillField, FillMismatch, FillOp, FillPlan, GridState, IndicatorSet, RowCells, SkippedField } from './types';
import { waitFor } from './wait';
import { canWriteNow, click, flush, pressLive, readCell, widgetKind, writeCell } from './widgets';

/**
 * Plan → page: runs a fill through the page's own widgets, proves every value landed by reading the form
 * back, and keeps what is needed to undo it. Batches writes (all rows added first, then one synchronous
 * pass per dependency level, then one re-render), re-resolves each row right before writing it, and
 * retries fields a re-render swallowed.
 */

export interface FillOptions extends PlanOptions {
  signal?: AbortSignal;
  /** On a failure, keep the fields that landed instead of putting back everything the fill changed. */
  keepPartial?: boolean;
  /** Longest time one step (adding a row, writing a field, switching a tab) may take, ms. */
  stepTimeout?: number;
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
  /**
   * Grids that file rows by category (tree, merged), per set: the indicator rows as they were, each with
   * its category. Undo makes each category's rows look like that again (rows the portal inserted anywhere
   * in the category are found by content, not by position).
   */
  byCategory?: Partial<Record<IndicatorSet, { fields: FillField[]; rows: Array<{ category: Category; cells: RowCells }> }>>;
  /** The 三级 names the fill wrote (rows holding them, or blank, are the ones undo may delete). */
  keys?: string[];
}

/** Why a fill or undo stopped: the step, where, and why in Chinese and English. */
export class FillError extends Error {
  constructor(
    readonly step: string,
    message: string,
    readonly messageEn: string,
    readonly where: { set?: IndicatorSet; row?: number; field?: string } = {},
  ) {
    super(message);
    this.name = 'FillError';
  }
}

/** A failure as the report carries it. */
export interface FillFailureInfo {
  step: string;
  set?: IndicatorSet;
  row?: number;
  field?: string;
  message: string;
  messageEn: string;
}

function failureOf(error: unknown): FillFailureInfo {
  if (error instanceof FillError) return { step: error.step, ...error.where, message: error.message, messageEn: error.messageEn };
  const text = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && error.name === 'WaitTimeout') return { step: 'deadline', message: text, messageEn: `Timed out: ${text}` };
  return { step: 'fill', message: text, messageEn: `The fill stopped: ${text}` };
}

/**
 * Runs one step with a deadline: the step's own waits get a signal that aborts when the deadline passes
 * (or the page goes away), and a step that hangs regardless is given up on at the deadline.
 */
async function withDeadline<T>(ms: number, outer: AbortSignal | undefined, what: () => FillError, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onAbort = () => controller.abort(outer?.reason);
  outer?.addEventListener('abort', onAbort);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = what();
      controller.abort(error);
      reject(error);
    }, ms);
  });
  try {
    return await Promise.race([run(controller.signal), deadline]);
  } catch (error) {
    if (controller.signal.aborted && controller.signal.reason instanceof FillError) throw controller.signal.reason;
    throw error;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onAbort);
  }
}

const FIELD_ZH: Record<string, string> = {
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标',
  symbol: '计算符号',
  nature: '指标性质',
  value: '指标值',
  unit: '计量单位',
  explanation: '指标值说明',
};
const SET_ZH: Record<IndicatorSet, string> = { period: '中长期', annual: '年度' };
const SET_EN: Record<IndicatorSet, string> = { period: 'period', annual: 'annual' };

function cellError(set: IndicatorSet, row: number, field: string, error: unknown): FillError {
  const why = error instanceof Error ? error.message : String(error);
  return new FillError(
    'write',
    `${SET_ZH[set]}指标第${row + 1}行「${FIELD_ZH[field] ?? field}」写不进去：${why}`,
    `${SET_EN[set]} set, row ${row + 1}, field ${field}: the value could not be written (${why})`,
    { set, row, field },
  );
}

export interface FillReport {
  /** True when every planned field shows its value. */
  ok: boolean;
  /** Set when the fill stopped before its end (a step failed or ran out of time). */
  failure?: FillFailureInfo;
  /** After a failure: whether what the fill changed was put back. */
  rolledBack?: boolean;
  /** After a failure: whether the part that landed was kept (the person's choice). */
  kept?: boolean;
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
  ['name', 'level1', 'symbol', 'nature', 'value', 'unit', 'explanation'],
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

/**
 * The row element of data index `index`, scrolled into view where the grid renders only the rows in view.
 * Scrolled only between edits (never while one is open: some grids drop an open edit on scroll).
 */
async function rowInView(grid: GridHandle, index: number, doc: Document): Promise<HTMLElement | null> {
  if (grid.kind === 'slick') {
    if (!slickRowByIndex(grid, index)) await scrollSlickRow(grid, index, doc);
    return slickRowByIndex(grid, index);
  }
  const rows = gridRows(grid);
  const body = virtualBody(grid, rows);
  return body ? virtualRowAt(grid, body, index, true) : (rows[index] ?? null);
}

/** The row for an op, right now: by index (scrolled into view), unless the row there holds another indicator. */
async function resolveRow(grid: GridHandle, op: Extract<FillOp, { kind: 'set-cell' }>, doc: Document): Promise<HTMLElement | null> {
  const candidate = await rowInView(grid, op.row, doc);
  if (op.field === 'name' || !candidate) return candidate;
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

type CellOp = Extract<FillOp, { kind: 'set-cell' }>;

/**
 * Writes the ops whose widget completes synchronously (inputs, native selects, el-selects with rendered
 * options), all in one go so the page re-renders once for the whole batch. Returns the ops left for
 * one-at-a-time writing (a dropdown to open, an editor to wait for, a row not rendered).
 */
function writeNow(grid: GridHandle, ops: readonly CellOp[], signal?: AbortSignal): CellOp[] {
  const deferred: CellOp[] = [];
  const rendered = grid.kind === 'slick' ? [] : gridRows(grid);
  const virtual = grid.kind === 'slick' ? null : virtualBody(grid, rendered);
  for (const op of ops) {
    const row = virtual ? null : rendered[op.row];
    const cell = row ? gridCell(grid, row, op.field) : null;
    if (cell && canWriteNow(cell, op.value)) {
      void writeCell(cell, op.value, { signal, field: op.field }).catch(() => deferred.push(op));
    } else {
      deferred.push(op);
    }
  }
  return deferred;
}

/** How hard one-at-a-time writes try: `lenient` leaves a failed field to the verify retries, `strict` stops the fill on it. */
interface WriteMode {
  strict: boolean;
  /** Deadline per field, ms. */
  stepTimeout: number;
}

const LENIENT: WriteMode = { strict: false, stepTimeout: 8000 };

/**
 * Writes ops one at a time (each re-resolves its row first, and the cell is found again after every event
 * the write sends); the page re-renders once at the end. Strict: a field that still fails after two more
 * tries stops the fill with a FillError naming its row and field.
 */
async function writeOneByOne(live: () => GridHandle, set: IndicatorSet, ops: readonly CellOp[], doc: Document, signal: AbortSignal | undefined, mode: WriteMode = LENIENT): Promise<void> {
  for (const op of ops) {
    signal?.throwIfAborted();
    for (let attempt = 0; ; attempt += 1) {
      try {
        await withDeadline(
          mode.stepTimeout,
          signal,
          () => new FillError('deadline', `写入超时：${SET_ZH[set]}指标第${op.row + 1}行「${FIELD_ZH[op.field] ?? op.field}」`, `Timed out writing ${SET_EN[set]} row ${op.row + 1}, field ${op.field}`, { set, row: op.row, field: op.field }),
          async (stepSignal) => {
            const grid = live();
            const row = await resolveRow(grid, op, doc);
            const cell = row ? gridCell(grid, row, op.field) : null;
            if (!cell) throw new Error(`找不到第${op.row + 1}行的单元格`);
            if (sameFieldValue(op.field, readCell(cell), op.value)) return;
            const relocate = () => {
              const now = renderedRow(live(), op.row);
              return now ? gridCell(live(), now, op.field) : null;
            };
            await writeCell(cell, op.value, { signal: stepSignal, relocate, field: op.field });
          },
        );
        break;
      } catch (error) {
        if (signal?.aborted) throw error;
        if (!mode.strict) break;
        if (attempt >= 2 || (error instanceof FillError && error.step === 'deadline')) throw error instanceof FillError ? error : cellError(set, op.row, op.field, error);
        await flush(doc);
      }
    }
  }
}

/**
 * One pass into one grid: the synchronous writes in a batch, the page's re-render, then the rest one at
 * a time and another re-render. Takes the live grid each time (a re-render may remount it). Returns how
 * many ops needed the one-at-a-time path.
 */
async function writePass(live: () => GridHandle, set: IndicatorSet, ops: readonly CellOp[], doc: Document, signal?: AbortSignal, mode: WriteMode = LENIENT): Promise<number> {
  const slow = writeNow(live(), ops, signal);
  await flush(doc);
  if (slow.length > 0) {
    await writeOneByOne(live, set, slow, doc, signal, mode);
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
    if (!sameFieldValue(op.field, actual, op.value)) out.push({ set, row: op.row, field: op.field, expected: op.value, actual });
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
  await addRowsTogether(doc, work.map((w) => ({ live: () => live(w.set), count: w.add })), rowCount, signal);
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
      if (grid) await writeOneByOne(() => live(set) ?? grid, set, ops, doc, signal);
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
  await addRowsTogether(doc, [{ live: () => gridForSet(form, w.set) ?? grid, count: w.add }], rowCount, signal);
  trace(`${w.set}: add rows`);
  // Each pass takes the live grid: the page may re-render (even remount) it mid-fill.
  const live = () => gridForSet(form, w.set) ?? grid;
  for (const [i, pass] of PASSES.entries()) {
    const slow = await writePass(live, w.set, w.cellOps.filter((o) => pass.includes(o.field)), doc, signal);
    trace(`${w.set}: pass ${i + 1} (${slow} one by one)`);
  }
}

/**
 * What shows the set tab the person had open again once Tianbao is done with a grid that has its own tab
 * (a fill goes through the other set's tab, in this page or, for a grid in a tab's frame, in the parent).
 */
function keepShownTab(form: DetectedForm, set: IndicatorSet): () => void {
  const ours = gridForSet(form, set)?.tabs[0]?.element;
  if (!ours) return () => {};
  const doc = ours.ownerDocument;
  const tabs = findSetTabs(doc);
  const shownSet = activeSet(tabs);
  const shown = tabs.find((t) => t.set === shownSet)?.element;
  return () => {
    if (!shown?.isConnected || activeSet(findSetTabs(doc)) === shownSet) return;
    click(shown);
  };
}

/** A grid that files rows by category (tree, merged). */
function byCategory(state: GridState): boolean {
  return state.layout === 'tree' || state.layout === 'merged';
}

/** The view of a collected grid the layouts work on. */
function viewOf(grid: CollectedGrid): GridRowsView {
  return {
    handle: grid.handle,
    rows: grid.rows,
    elements: grid.rowElements,
    roles: grid.roles ?? grid.rows.map(() => 'indicator' as const),
    categories: grid.categories ?? grid.rows.map(() => ({ level1: '', level2: '' })),
  };
}

/** What a layout acts through for one set's grid. */
function layoutContext(form: DetectedForm, set: IndicatorSet, fallback: GridHandle, signal?: AbortSignal): LayoutContext {
  const live = () => gridForSet(form, set) ?? fallback;
  return {
    doc: form.doc,
    live,
    read: () => viewOf(collectGrid(live())),
    rowElement: (index) => rowInView(live(), index, form.doc),
    rowCount,
    signal,
  };
}

/**
 * One set of a grid that files rows by category: the missing rows added under their own 二级 the
 * portal's way (one step, with its deadline, per row), the grid read and planned again, then every field
 * written one at a time and verified, strictly: the first field that will not take its value stops the fill.
 */
async function fillByCategory(
  form: DetectedForm,
  set: IndicatorSet,
  items: readonly TemplateContent[],
  first: FillPlan,
  options: FillOptions,
  trace: (phase: string) => void,
): Promise<{ written: number; mismatches: FillMismatch[] }> {
  const { doc } = form;
  const { signal } = options;
  const stepTimeout = options.stepTimeout ?? 8000;
  const grid = await withDeadline(stepTimeout, signal, () => new FillError('switch-set', `切换到${SET_ZH[set]}指标超时`, `Timed out showing the ${SET_EN[set]} set`, { set }), (s) => showSet(form, set, s));
  if (!grid) throw new FillError('switch-set', `找不到${SET_ZH[set]}指标表格`, `No grid for the ${SET_EN[set]} set`, { set });
  const ctx = layoutContext(form, set, grid, signal);
  const layout = layoutOfKind(collectGrid(grid).layout ?? 'flat');
  for (const op of first.ops) {
    if (op.kind !== 'add-rows' || op.set !== set) continue;
    const under = op.under ?? { level1: '', level2: '' };
    for (let i = 0; i < op.count; i += 1) {
      await withDeadline(
        stepTimeout,
        signal,
        () => new FillError('add-rows', `在「${under.level2}」下新增指标行超时`, `Timed out adding a row under “${under.level2}”`, { set }),
        (s) => layout.addRows({ ...ctx, signal: s }, under, 1),
      ).catch((error: unknown) => {
        if (error instanceof FillError) throw error;
        const why = error instanceof Error ? error.message : String(error);
        throw new FillError('add-rows', `在${SET_ZH[set]}指标「${under.level2}」下新增行失败：${why}`, `Adding a row under “${under.level2}” (${SET_EN[set]} set) failed: ${why}`, { set });
      });
    }
  }
  trace(`${set}: add rows`);
  await flush(doc);
  const state = collectGrid(ctx.live());
  const plan = planFill([{ ...state, set }], items, options);
  if (plan.ops.some((o) => o.kind === 'add-rows')) {
    throw new FillError('add-rows', `${SET_ZH[set]}指标：新增的行没有出现在它的二级指标下`, `${SET_EN[set]} set: the rows added did not appear under their 二级 category`, { set });
  }
  first.skipped.push(...plan.skipped);
  const cellOps = plan.ops.filter((o): o is CellOp => o.kind === 'set-cell');
  const strict: WriteMode = { strict: true, stepTimeout };
  for (const pass of PASSES) await writePass(ctx.live, set, cellOps.filter((o) => pass.includes(o.field)), doc, signal, strict);
  trace(`${set}: write`);
  return { written: cellOps.length, mismatches: mismatchesFor(ctx.live(), set, cellOps) };
}

/** The undo record's picture of the category sets before the fill. */
function recordCategories(undo: UndoRecord, before: readonly CollectedGrid[], items: readonly TemplateContent[]): void {
  for (const state of before) {
    if (!byCategory(state)) continue;
    undo.byCategory ??= {};
    undo.byCategory[state.set] = {
      fields: state.fields.filter((f) => f !== 'level1' && f !== 'level2'),
      rows: state.rows.flatMap((cells, i) => ((state.roles?.[i] ?? 'indicator') === 'indicator' ? [{ category: state.categories![i]!, cells }] : [])),
    };
  }
  undo.keys = items.map((i) => i.name);
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
  const undo: UndoRecord = { added: { period: 0, annual: 0 }, baseRows: { period: 0, annual: 0 }, previous: [] };
  const mismatches: FillMismatch[] = [];
  let written = 0;
  let skipped: SkippedField[] = [];
  try {
    const before = await collectSets(form, signal);
    trace('collect');
    const plan: FillPlan = planFill(before, items, options);
    skipped = plan.skipped;
    undo.added = { ...plan.added };
    for (const state of before) undo.baseRows[state.set] = state.rows.length;
    recordCategories(undo, before, items);
    for (const op of plan.ops) {
      if (op.kind !== 'set-cell') continue;
      const state = before.find((s) => s.set === op.set);
      const prev = state?.rows[op.row];
      if (prev) undo.previous.push({ set: op.set, row: op.row, key: prev.name ?? '', field: op.field, value: prev[op.field] ?? '' });
    }
    for (const u of plan.unplaced) {
      mismatches.push({ set: u.set, row: -1, field: 'level2', expected: `${u.name}（${u.level1} / ${u.level2}）`, actual: '表格中没有这个二级指标' });
    }

    const categorySets = new Set(before.filter(byCategory).map((s) => s.set));
    const work: SetWork[] = [];
    for (const set of ['period', 'annual'] as const) {
      if (categorySets.has(set)) continue;
      const ops = plan.ops.filter((o) => o.set === set);
      if (ops.length === 0 || !gridForSet(form, set)) continue;
      const add = ops.find((o) => o.kind === 'add-rows');
      work.push({ set, add: add?.kind === 'add-rows' ? add.count : 0, cellOps: ops.filter((o): o is CellOp => o.kind === 'set-cell') });
    }
    // Every set in a grid of its own (tab panes that stay in the DOM): fill them together.
    const together = work.length > 1 && work.every((w) => gridForSet(form, w.set)?.fixedSet === w.set);
    if (together) await fillTogether(form, work, trace, signal);
    else for (const w of work) await fillOne(form, w, trace, signal);

    const restoreTab = categorySets.size > 0 ? keepShownTab(form, [...categorySets][0]!) : () => {};
    try {
      for (const set of categorySets) {
        const result = await fillByCategory(form, set, items, plan, options, trace);
        written += result.written;
        mismatches.push(...result.mismatches);
      }
    } finally {
      restoreTab();
    }

    for (const w of work) {
      // A one-set-at-a-time grid shows the set being verified; a grid of its own is read where it is.
      const grid = together ? gridForSet(form, w.set) : await showSet(form, w.set, signal);
      if (!grid) continue;
      written += w.cellOps.length;
      let missing = mismatchesFor(grid, w.set, w.cellOps);
      for (let attempt = 0; attempt < retries && missing.length > 0; attempt += 1) {
        // Retries go through the shown tab, one field at a time, the way a person would redo them; the
        // last one strictly: a field that still will not take its value stops the fill, named.
        const shown = await showSet(form, w.set, signal);
        if (!shown) break;
        await flush(doc);
        const again = w.cellOps.filter((o) => missing.some((m) => m.row === o.row && m.field === o.field));
        const live = () => gridForSet(form, w.set) ?? shown;
        const mode: WriteMode = attempt === retries - 1 ? { strict: true, stepTimeout: options.stepTimeout ?? 8000 } : LENIENT;
        for (const pass of PASSES) await writePass(live, w.set, again.filter((o) => pass.includes(o.field)), doc, signal, mode);
        missing = mismatchesFor(gridForSet(form, w.set) ?? shown, w.set, w.cellOps);
      }
      mismatches.push(...missing);
    }
    trace('verify');
  } catch (error) {
    if (signal?.aborted && !(signal.reason instanceof FillError) && !(error instanceof FillError)) throw error;
    return finishFailed(form, failureOf(error), { written, mismatches, skipped, undo, started }, options);
  }
  const real = mismatches.filter((m) => m.row >= 0);
  if (real.length > 0) {
    const m = real[0]!;
    const failure: FillFailureInfo = {
      step: 'verify',
      set: m.set,
      row: m.row,
      field: m.field,
      message: `${real.length} 个字段没有填进去，第一个：${SET_ZH[m.set]}指标第${m.row + 1}行「${FIELD_ZH[m.field] ?? m.field}」应为「${m.expected}」，实际为「${m.actual}」`,
      messageEn: `${real.length} fields did not take their value; first: ${SET_EN[m.set]} row ${m.row + 1}, field ${m.field}: expected “${m.expected}”, shows “${m.actual}”`,
    };
    return finishFailed(form, failure, { written, mismatches, skipped, undo, started }, options);
  }
  return { ok: mismatches.length === 0, written, mismatches, skipped, durationMs: now(doc) - started, undo };
}

/** A fill that stopped: put back what it changed (unless the person keeps what landed), and report. */
async function finishFailed(
  form: DetectedForm,
  failure: FillFailureInfo,
  so: { written: number; mismatches: FillMismatch[]; skipped: SkippedField[]; undo: UndoRecord; started: number },
  options: FillOptions,
): Promise<FillReport> {
  const report: FillReport = { ok: false, written: so.written, mismatches: so.mismatches, skipped: so.skipped, durationMs: 0, undo: so.undo, failure };
  if (options.keepPartial) report.kept = true;
  else {
    const back = await undoFill(form, so.undo, options.signal?.aborted ? undefined : options.signal).catch((e: unknown) => ({ ok: false, problems: [String(e)] }));
    report.rolledBack = back.ok;
    if (!back.ok) {
      failure.message += `；撤回时出现问题：${back.problems.join('；')}`;
      failure.messageEn += `; putting things back had problems: ${back.problems.join('; ')}`;
    }
  }
  report.durationMs = now(form.doc) - so.started;
  return report;
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
        const next = await waitFor(doc, () => (removed() ? 'removed' : findConfirmButton(doc)), { timeout: 5000, what: '确认对话框', signal }).catch(
          () => null,
        );
        if (next && next !== 'removed') click(next);
      }
      // Judged on the live grid (a re-render may replace its nodes); the bound is generous for a busy page.
      const gone = await waitFor(doc, removed, { timeout: 5000, what: '删除行', signal }).then(
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
  // The newest dialog first: the one that asks now sits after one still fading out from the last question.
  // Dialogs as widget libraries name them: ARIA, Element's message box, Bootstrap's modal, layui / jQuery UI /
  // artDialog (…dialog…), ExtJS windows and IE-era page message boxes (…msgbox…, …messagebox…).
  const dialogs = Array.from(
    doc.querySelectorAll<HTMLElement>('[role="dialog"], [role="alertdialog"], .el-message-box, .modal, [class*="dialog"], [class*="msgbox"], [class*="messagebox"], [class*="message-box"], .x-window'),
  ).reverse();
  for (const dialog of dialogs) {
    if (dialog.getClientRects().length === 0) continue;
    const button = Array.from(dialog.querySelectorAll<HTMLElement>('button')).find((b) => buttonMatches(b.textContent ?? '', CONFIRM_LABELS));
    if (button) return button;
  }
  return null;
}

/** A row-level delete link (删除 in the row's 操作 cell), if the row has one. */
function rowDeleteLink(row: Element): HTMLElement | null {
  return rowAction(row, DELETE_ROW_LABELS);
}

/**
 * Deletes one row the portal's way: its own 删除 link where rows have one, else the row selected (its
 * checkbox, or a press on its name cell) and the toolbar's 删除; answers the portal's confirm.
 */
async function deleteRowAt(ctx: LayoutContext, index: number, signal?: AbortSignal, blanked?: () => boolean): Promise<void> {
  const row = await ctx.rowElement(index);
  if (!row) throw new Error(`找不到第${index + 1}行`);
  const before = ctx.rowCount(ctx.live());
  const link = rowDeleteLink(row);
  if (link) {
    pressLive(link, () => null);
  } else {
    // The row's own tick box where it has one (a checkbox input, role=checkbox, or the innermost element a
    // checkbox library names so: Element's label, vxe's icon), else its name cell.
    const boxes = Array.from(row.querySelectorAll<HTMLElement>('input[type="checkbox"], [role="checkbox"], label.el-checkbox, [class*="checkbox"]'));
    const box = boxes.find((b) => b.matches('input[type="checkbox"], [role="checkbox"], label.el-checkbox')) ?? boxes.find((b) => !boxes.some((o) => o !== b && b.contains(o)));
    if (box) {
      // Ticked as the row shows it (a grid may ignore a press that comes right after its own re-render).
      const ticked = () => row.querySelector('input[type="checkbox"]:checked, [aria-checked="true"], [class*="is-checked"], [class*="is--checked"]') !== null;
      for (let attempt = 0; attempt < 3 && !ticked(); attempt += 1) {
        click(box);
        await waitFor(ctx.doc, ticked, { timeout: 300, signal }).catch(() => undefined);
      }
    } else click(gridCell(ctx.live(), row, 'name') ?? row);
    const button = findDeleteRowButton(ctx.live()) ?? findButtonNear(ctx.live().root, DELETE_ROW_LABELS);
    if (!button) throw new Error('找不到“删除”按钮');
    click(button);
  }
  // Removed, or — where a category must keep a row (一二级指标无法删除) — emptied in place.
  const gone = () => ctx.rowCount(ctx.live()) < before || (blanked?.() ?? false);
  // The portal asks first, or removes the row at once. A confirm answered while its dialog is still opening
  // (a framework that ignores actions until its transition has begun) is answered again, never twice once
  // it has closed.
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const next = await waitFor(ctx.doc, () => (gone() ? 'removed' : findConfirmButton(ctx.doc)), { timeout: attempt === 0 ? 4000 : 600, what: '确认对话框', signal }).catch(() => null);
    if (!next || next === 'removed') break;
    click(next);
    const settledAfter = await waitFor(ctx.doc, () => gone() || findConfirmButton(ctx.doc) === null, { timeout: 500, signal }).catch(() => false);
    if (settledAfter) break;
  }
  await waitFor(ctx.doc, gone, { timeout: 4000, what: `删除第${index + 1}行`, signal });
  await flush(ctx.doc);
}

/** Category and indicator cells compared as shown (spaces aside). */
function sameCells(a: RowCells, b: RowCells, fields: readonly FillField[]): boolean {
  return fields.every((f) => normaliseLabel(a[f] ?? '') === normaliseLabel(b[f] ?? ''));
}

/**
 * Undo in a grid that files rows by category: per category, rows beyond the number it had are deleted
 * (rows holding a name the fill wrote, or blank, last first; never a row that is exactly as one was), then
 * each remaining row is written back to what the row at its place held.
 */
async function undoByCategory(form: DetectedForm, set: IndicatorSet, record: NonNullable<UndoRecord['byCategory']>[IndicatorSet] & object, keys: readonly string[], signal?: AbortSignal): Promise<string[]> {
  const problems: string[] = [];
  const grid = await showSet(form, set, signal);
  if (!grid) return [`找不到${SET_ZH[set]}指标表格`];
  const ctx = layoutContext(form, set, grid, signal);
  const written = new Set(keys.map((k) => normaliseLabel(k)));
  const groupOf = (c: Category) => record.rows.filter((r) => sameCategory(r.category.level2, c.level2) && sameCategory(r.category.level1 || c.level1, c.level1 || r.category.level1));
  for (let guard = 0; guard < 500; guard += 1) {
    signal?.throwIfAborted();
    const view = ctx.read();
    let victim = -1;
    const seen = new Set<string>();
    for (let i = 0; i < view.rows.length && victim < 0; i += 1) {
      if (view.roles[i] !== 'indicator') continue;
      const category = view.categories[i]!;
      const key = `${category.level1}/${category.level2}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const now = view.rows.flatMap((cells, j) => (view.roles[j] === 'indicator' && sameCategory(view.categories[j]!.level2, category.level2) && sameCategory(view.categories[j]!.level1, category.level1) ? [j] : []));
      const was = groupOf(category);
      if (now.length <= was.length) continue;
      const untouched = (j: number) => was.some((w) => sameCells(w.cells, view.rows[j]!, record.fields));
      const candidates = now.filter((j) => !untouched(j) && (written.has(normaliseLabel(view.rows[j]!.name ?? '')) || record.fields.every((f) => (view.rows[j]![f] ?? '') === '')));
      victim = candidates[candidates.length - 1] ?? -1;
      if (victim < 0) problems.push(`「${category.level2}」下多出的行无法确定，未删除`);
    }
    if (victim < 0) break;
    await withDeadline(8000, signal, () => new FillError('delete-rows', `删除第${victim + 1}行超时`, `Timed out deleting row ${victim + 1}`, { set, row: victim }), (s) => deleteRowAt(ctx, victim, s)).catch((e: unknown) => {
      throw e instanceof FillError ? e : new FillError('delete-rows', `删除${SET_ZH[set]}指标第${victim + 1}行失败：${e instanceof Error ? e.message : String(e)}`, `Deleting ${SET_EN[set]} row ${victim + 1} failed`, { set, row: victim });
    });
  }
  // The rows left, category by category, back to what they held.
  const view = ctx.read();
  const cursor = new Map<string, number>();
  const ops: CellOp[] = [];
  const blanks: number[] = [];
  view.rows.forEach((cells, i) => {
    if (view.roles[i] !== 'indicator') return;
    const category = view.categories[i]!;
    const key = `${category.level1}/${category.level2}`;
    const k = cursor.get(key) ?? 0;
    cursor.set(key, k + 1);
    const was = groupOf(category)[k];
    if (!was) return;
    // Back to a blank row: dropdowns cannot be emptied, so the portal's own 删除 empties it (a grid that
    // keeps one row per category turns its last row blank rather than removing it).
    if (record.fields.every((f) => (was.cells[f] ?? '') === '') && record.fields.some((f) => (cells[f] ?? '') !== '')) {
      blanks.push(i);
      return;
    }
    for (const field of record.fields) {
      const want = was.cells[field] ?? '';
      if (!sameFieldValue(field, cells[field] ?? '', want)) ops.push({ kind: 'set-cell', set, row: i, field, value: want, key: cells.name ?? '' });
    }
  });
  for (const index of blanks.reverse()) {
    const blank = () => record.fields.every((f) => (ctx.read().rows[index]?.[f] ?? '') === '');
    await withDeadline(8000, signal, () => new FillError('delete-rows', `清空第${index + 1}行超时`, `Timed out emptying row ${index + 1}`, { set, row: index }), (s) =>
      deleteRowAt(ctx, index, s, blank),
    ).catch((e: unknown) => problems.push(e instanceof Error ? e.message : String(e)));
  }
  for (const pass of PASSES) {
    await writePass(ctx.live, set, ops.filter((o) => pass.includes(o.field)), form.doc, signal, { strict: true, stepTimeout: 8000 }).catch((e: unknown) => {
      problems.push(e instanceof Error ? e.message : String(e));
    });
  }
  return problems;
}

/** Undoes a fill: removes the rows it added and writes back the previous values of cells it changed. */
export async function undoFill(form: DetectedForm, undo: UndoRecord, signal?: AbortSignal): Promise<{ ok: boolean; problems: string[]; failure?: FillFailureInfo }> {
  const problems: string[] = [];
  let failure: FillFailureInfo | undefined;
  for (const set of ['period', 'annual'] as const) {
    try {
      const categories = undo.byCategory?.[set];
      if (categories) {
        const restoreTab = keepShownTab(form, set);
        try {
          problems.push(...(await undoByCategory(form, set, categories, undo.keys ?? [], signal)));
        } finally {
          restoreTab();
        }
        continue;
      }
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
        await writeCell(cell, p.value, { signal, field: p.field }).catch((e: unknown) => problems.push(String(e)));
      }
      // The rows the fill really added (a fill that stopped early added fewer than it planned).
      const added = Math.min(undo.added[set], Math.max(0, rowCount(gridForSet(form, set) ?? grid) - undo.baseRows[set]));
      if (added > 0) {
        const indices = Array.from({ length: added }, (_, i) => undo.baseRows[set] + i);
        const live = () => gridForSet(form, set) ?? grid;
        await deleteRows(live, indices, form.doc, signal).catch((e: unknown) => problems.push(e instanceof Error ? e.message : String(e)));
      }
      await flush(form.doc);
    } catch (error) {
      if (signal?.aborted) throw error;
      failure ??= failureOf(error);
      problems.push(failureOf(error).message);
    }
  }
  return { ok: problems.length === 0, problems, ...(failure ? { failure } : {}) };
}

/** A GridState of each set as collected (exported for the content script's report). */
export type { GridState };
