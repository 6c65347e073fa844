/**
 * Bundled by bench/browser.bench.ts with esbuild into an IIFE and injected into a replica page (no
 * extension): times detect + collect on a large grid, and performs the paced comparison fill — the same
 * widget operations Tianbao uses (lib/fill), one action at a time with a fixed pause between actions,
 * the way password-manager autofill engines pace their field events. In a /tree/ grid frame it also times
 * the page's own floors under a fill: its model's and its UI's (bench/tree-floor.ts).
 */
import type { TemplateContent } from '../lib/domain/schemas';
import { applyFill, collectSets } from '../lib/fill/apply';
import { collectForm } from '../lib/fill/collect';
import { detectForm, findAddRowButton, findGrids, gridCell, gridRows, type GridHandle } from '../lib/fill/detect';
import { planFill } from '../lib/fill/plan';
import type { IndicatorSet } from '../lib/fill/types';
import { click, flush, readCell, writeCell } from '../lib/fill/widgets';
import { normaliseLabel } from '../lib/fill/labels';
import { waitFor } from '../lib/fill/wait';
import type { PortalRow } from '../test/portal/shared/model';
import type { TreeGridApi } from '../test/portal/tree/bridge';
import { toPortalRows } from '../test/portal/tree/tree-model';
import { addLeaves, type FloorLeaf, UI_COLUMNS, type UiPlan } from './tree-floor';

/** What the page exposes to the benchmark driver. */
export interface PageBench {
  /** Milliseconds of detectForm + collectForm on this document, and the rows collected. */
  detectCollect(reuse?: boolean): { ms: number; rows: number; grids: number; blank: number };
  /**
   * The page's own cost under a full read of a virtualised grid: SlickGrid rendering every row once, scrolled
   * through in the same sub-screen steps with the rows' layout skipped as the read does, nothing read.
   */
  slickRenderFloor(): { ms: number; steps: number };
  /** The paced fill; resolves with its duration, number of actions and the fields that did not take. */
  pacedFill(items: TemplateContent[], pauseMs: number): Promise<{ ms: number; actions: number; mismatches: number; written: number }>;
  /** The page's own cost of adding `count` rows: `count` clicks of its add-row button until the rows are there. */
  addRowsFloor(count: number): Promise<{ ms: number }>;
  /** Tianbao's own fill (lib/fill applyFill) without the extension, with its phase timings (diagnosis). */
  tracedFill(items: TemplateContent[]): Promise<{ ms: number; ok: boolean; mismatches: number; phases: Array<[string, number]> }>;
  /**
   * In a /tree/ grid frame, the page's own floor: `leaves` put into the data table's row objects where 新增
   * puts rows, then one render and the layout placing the rows (bench/tree-floor.ts). No Tianbao code.
   */
  treeFloor(leaves: FloorLeaf[]): { ms: number; renders: number };
  /**
   * In a /tree/ grid frame, the page's UI floor: `plan`'s 新增 clicks and cell edits, each the one event the
   * grid's handlers take (a click on the link or cell, the editor's text set or the popup's option picked, a
   * mousedown outside to commit), back to back; a row not rendered is scrolled into view first, as a person
   * would. No Tianbao code, no waiting, nothing read back.
   */
  treeUiFloor(plan: UiPlan): { ms: number; renders: number; events: number; scrolls: number; edits: number };
  /** In a /tree/ grid frame: the 三级 rows as its save reads them, and how many times the body was rendered. */
  treeState(): { rows: PortalRow[]; renders: number };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function gridFor(set: IndicatorSet): GridHandle | undefined {
  const grids = findGrids(document);
  return grids.find((g) => g.fixedSet === set) ?? grids.find((g) => g.fixedSet === undefined);
}

function treeGrid(): TreeGridApi {
  const grid = window.treeGrid;
  if (!grid) throw new Error('no tree grid (window.treeGrid) in this frame');
  return grid;
}

/** The data table's body renders so far (it counts them on `data-renders`). */
const renders = () => Number(document.documentElement.getAttribute('data-renders') ?? 0);

const bench: PageBench = {
  detectCollect(reuse = false) {
    const started = performance.now();
    const form = detectForm(document);
    const collected = form ? collectForm(form, undefined, { reuse }) : null;
    const ms = performance.now() - started;
    const rows = collected?.grids.flatMap((g) => g.rows) ?? [];
    // Rows read as blank: in these pages every row is filled, so a blank one is a row the read missed.
    const blank = rows.filter((r) => (r.name ?? '') === '').length;
    return { ms, rows: rows.length, grids: form?.grids.length ?? 0, blank };
  },

  slickRenderFloor() {
    const viewport = document.querySelector<HTMLElement>('.slick-viewport');
    const row = document.querySelector<HTMLElement>('.slick-row');
    const canvas = document.querySelector<HTMLElement>('.grid-canvas');
    if (!viewport || !row || !canvas) throw new Error('no SlickGrid on this page');
    const height = row.offsetHeight;
    const end = parseFloat(canvas.style.height);
    const step = Math.max(height, viewport.clientHeight - 2 * height);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('.grid-canvas { content-visibility: hidden; }');
    const started = performance.now();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    let steps = 0;
    for (let top = 0; top < end + step; top += step, steps += 1) {
      viewport.scrollTop = Math.min(top, end);
      viewport.dispatchEvent(new Event('scroll'));
    }
    viewport.scrollTop = 0;
    viewport.dispatchEvent(new Event('scroll'));
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    return { ms: performance.now() - started, steps };
  },

  async addRowsFloor(count) {
    const grid = findGrids(document)[0];
    const button = grid ? findAddRowButton(grid) : null;
    if (!grid || !button) throw new Error('no grid with an add-row button on this page');
    const before = gridRows(grid).length;
    const started = performance.now();
    for (let i = 0; i < count; i += 1) click(button);
    await waitFor(document, () => gridRows(findGrids(document)[0] ?? grid).length >= before + count, { timeout: 60_000, what: 'rows' });
    return { ms: performance.now() - started };
  },

  async tracedFill(items) {
    const form = detectForm(document);
    if (!form) throw new Error('no form on this page');
    const phases: Array<[string, number]> = [];
    const report = await applyFill(form, items, { trace: (phase, ms) => phases.push([phase, Math.round(ms * 10) / 10]) });
    return { ms: report.durationMs, ok: report.ok, mismatches: report.mismatches.length, phases };
  },

  treeFloor(leaves) {
    const grid = treeGrid();
    const before = renders();
    const started = performance.now();
    addLeaves(grid.getRows(), leaves);
    grid.refresh();
    // The layout that places the rendered rows (what the next paint shows).
    void document.getElementById('datatable3_body')?.getBoundingClientRect();
    return { ms: performance.now() - started, renders: renders() - before };
  },

  treeUiFloor(plan) {
    treeGrid();
    const id = 'datatable3';
    const view = document.getElementById(`${id}_view`);
    const body = document.getElementById(`${id}_body`);
    const rowHeight = document.querySelector<HTMLElement>(`#${id}_body .dt-row`)?.offsetHeight ?? 0;
    if (!view || !body || rowHeight === 0) throw new Error('no tree data table in this frame');
    // Before the clock: the columns are where the plan puts each field.
    for (const { col, caption } of Object.values(UI_COLUMNS)) {
      const shown = document.getElementById(`${id}_h_c${col}`)?.textContent;
      if (shown !== caption) throw new Error(`column ${col} is ${shown ?? 'missing'}, not ${caption}`);
    }
    let events = 0;
    let scrolls = 0;
    const fire = (el: Element, type: 'click' | 'mousedown') => {
      el.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, view: window, button: 0, detail: 1 }));
      events += 1;
    };
    /** The element `elementId` of row `row`; when the body holds no such row, the row is scrolled to first. */
    const shown = (elementId: string, row: number): HTMLElement => {
      const el = document.getElementById(elementId);
      if (el) return el;
      view.scrollTop = row * rowHeight;
      view.dispatchEvent(new Event('scroll'));
      events += 1;
      scrolls += 1;
      const now = document.getElementById(elementId);
      if (!now) throw new Error(`${elementId} not rendered after scrolling to row ${row}`);
      return now;
    };
    const before = renders();
    const started = performance.now();
    for (const row of plan.adds) fire(shown(`${id}_l${row}_c8_add`, row), 'click');
    for (const edit of plan.edits) {
      // Open the cell's editor through the grid's click path; it takes the focus.
      fire(shown(`${id}_l${edit.row}_c${edit.col}_d`, edit.row), 'click');
      if (edit.pick) {
        const select = document.getElementById(`${id}_popup_select`) as HTMLSelectElement;
        select.value = edit.value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        events += 1;
      } else {
        (document.activeElement as HTMLElement).innerText = edit.value;
      }
      // Commit through the grid's outside-mousedown path.
      fire(document.body, 'mousedown');
    }
    // The layout that places the rendered rows (what the next paint shows).
    void body.getBoundingClientRect();
    return { ms: performance.now() - started, renders: renders() - before, events, scrolls, edits: plan.edits.length };
  },

  treeState() {
    return { rows: toPortalRows(treeGrid().getRows()), renders: renders() };
  },

  async pacedFill(items, pauseMs) {
    const form = detectForm(document);
    if (!form) throw new Error('no form on this page');
    const started = performance.now();
    let actions = 0;
    const act = async () => {
      actions += 1;
      await sleep(pauseMs);
    };
    const before = await collectSets(form);
    const plan = planFill(before, items);
    let written = 0;
    for (const set of ['period', 'annual'] as const) {
      const ops = plan.ops.filter((o) => o.set === set);
      if (ops.length === 0) continue;
      const tab = findGrids(document).flatMap((g) => g.tabs).find((t) => t.set === set);
      if (tab) {
        click(tab.element);
        await act();
      }
      const add = ops.find((o) => o.kind === 'add-rows');
      if (add?.kind === 'add-rows') {
        for (let i = 0; i < add.count; i += 1) {
          const button = findAddRowButton(gridFor(set)!);
          if (!button) throw new Error('no add-row button');
          click(button);
          await act();
        }
      }
      for (const op of ops) {
        if (op.kind !== 'set-cell') continue;
        const grid = gridFor(set)!;
        const row = gridRows(grid)[op.row];
        const cell = row ? gridCell(grid, row, op.field) : null;
        if (!cell) continue;
        await writeCell(cell, op.value).catch(() => undefined);
        written += 1;
        await act();
      }
    }
    await flush(document);
    // Verify the way Tianbao does: read every planned cell back.
    let mismatches = 0;
    for (const set of ['period', 'annual'] as const) {
      const tab = findGrids(document).flatMap((g) => g.tabs).find((t) => t.set === set);
      if (tab && !gridFor(set)?.fixedSet) {
        click(tab.element);
        await flush(document);
      }
      const grid = gridFor(set);
      for (const op of plan.ops) {
        if (op.kind !== 'set-cell' || op.set !== set || !grid) continue;
        const row = gridRows(grid)[op.row];
        const cell = row ? gridCell(grid, row, op.field) : null;
        if (!cell || normaliseLabel(readCell(cell)) !== normaliseLabel(op.value)) mismatches += 1;
      }
    }
    return { ms: performance.now() - started, actions, mismatches, written };
  },
};

(globalThis as unknown as { __tianbaoBench: PageBench }).__tianbaoBench = bench;
