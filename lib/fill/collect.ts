// Module paths, not the domain index: the index carries the zod schemas, which the content script must not.
import { normaliseMoneyText } from '../domain/money';
import type { Amounts, FormSnapshot, Indicator, IndicatorValue, Project } from '../domain/schemas';
import { DEFAULT_PROFILE, findLevel1, findLevel2 } from '../domain/taxonomy';
import { normaliseSymbol, splitValue } from '../domain/values';
import { currentSet, gridCell, gridRows, type DetectedForm, type GridHandle } from './detect';
import { describeRows } from './layouts';
import { FILL_FIELDS, type FillField, type GridState, type IndicatorSet, type RowCells } from './types';
import { readCell } from './widgets';

/**
 * Page → data: reads the detected form as the page's widgets display it into the grid states the fill
 * planner takes and the FormSnapshot the check engine takes (the same shape the importers produce).
 */

/** One grid as collected, with the row elements it was read from (same order as `rows`). */
export interface CollectedGrid extends GridState {
  handle: GridHandle;
  rowElements: HTMLElement[];
}

/** Where each snapshot item sits on the page, for marks and scroll-to. */
export interface PageLocator {
  /** Per indicator index: its row in each set. */
  indicatorRows: Array<Partial<Record<IndicatorSet, number>>>;
}

export interface CollectedForm {
  grids: CollectedGrid[];
  snapshot: FormSnapshot;
  locator: PageLocator;
}

function readRow(handle: GridHandle, row: HTMLElement, fields: readonly FillField[]): RowCells {
  const cells: RowCells = {};
  for (const field of fields) {
    const cell = gridCell(handle, row, field);
    cells[field] = cell ? readCell(cell) : '';
  }
  return cells;
}

/** A SlickGrid's scrolling viewport (null for other grids). */
export function slickViewport(grid: GridHandle): HTMLElement | null {
  return grid.kind === 'slick' ? grid.root.querySelector<HTMLElement>('.slick-viewport') : null;
}

const rowHeights = new WeakMap<HTMLElement, number>();

/**
 * Height of one SlickGrid row in pixels, measured once per grid: reading offsetHeight after every edit's
 * re-render would force a layout per field written.
 */
export function slickRowHeight(grid: GridHandle): number {
  const known = rowHeights.get(grid.root);
  if (known) return known;
  const height = grid.root.querySelector<HTMLElement>('.slick-row')?.offsetHeight ?? 0;
  if (height > 0) rowHeights.set(grid.root, height);
  return height || 25;
}

/** A rendered SlickGrid row's index in the data (rows are positioned by `top`). */
export function slickRowIndex(row: HTMLElement, height: number): number {
  return Math.round(parseFloat(row.style.top || '0') / height);
}

/** The rendered SlickGrid row of data index `index`, or null when it is scrolled out of view. */
export function slickRowByIndex(grid: GridHandle, index: number): HTMLElement | null {
  const height = slickRowHeight(grid);
  for (const row of grid.root.querySelectorAll<HTMLElement>('.slick-row')) if (slickRowIndex(row, height) === index) return row;
  return null;
}

/** Row count including rows a virtualised grid has not rendered (its canvas is as tall as all rows). */
export function rowCount(grid: GridHandle): number {
  const renderedRows = gridRows(grid);
  const rendered = renderedRows.length;
  if (grid.kind !== 'slick') {
    const body = virtualBody(grid, renderedRows);
    return body ? virtualCount(body, rendered) : rendered;
  }
  const viewport = slickViewport(grid);
  // While every row fits, the canvas is as tall as the viewport, not as the rows: count what is rendered.
  if (!viewport || viewport.scrollHeight <= viewport.clientHeight + 1) return rendered;
  const canvas = grid.root.querySelector<HTMLElement>('.grid-canvas');
  const height = parseFloat(canvas?.style.height || '0');
  return Math.max(rendered, Math.round(height / slickRowHeight(grid)));
}

/** The last read of each virtualised grid (by its root), for reads that may reuse rows out of view. */
const scanned = new WeakMap<HTMLElement, { total: number; fields: string; rows: Map<number, { cells: RowCells; element: HTMLElement }> }>();

/** How a grid is read: `reuse` lets a virtualised grid's rows out of view come from its last read (live checks). */
export interface CollectOptions {
  reuse?: boolean;
}

/**
 * While a scan runs, the grid canvas's contents skip layout (`content-visibility: hidden`, in a
 * constructed sheet: no DOM change for the page's observers): every step's forced layout then spares
 * shaping the text of the rows just rendered, most of a step's cost. The canvas keeps its own size, so
 * the scroll range holds (checked: when it does not, the sheet is taken away at once). Not done while an
 * editor in the grid has the focus (hidden content cannot keep it), nor where constructed sheets cannot
 * be adopted. Returns what puts the page back.
 */
function hideRowContents(viewport: HTMLElement): () => void {
  const doc = viewport.ownerDocument;
  const win = doc.defaultView;
  const none = () => {};
  if (!win || (doc.activeElement && viewport.contains(doc.activeElement))) return none;
  try {
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync('.grid-canvas { content-visibility: hidden; }');
    const range = viewport.scrollHeight;
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    const show = () => {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    };
    if (viewport.scrollHeight === range) return show;
    show();
  } catch {
    // No constructed sheets here (or not from this script): scan with the rows laid out.
  }
  return none;
}

/** The scroll position SlickGrid last rendered for, judged by the middle of the longest run of rows it shows. */
function renderedRunMiddle(rendered: ReadonlySet<number>, height: number, screen: number): number {
  const sorted = [...rendered].sort((a, b) => a - b);
  let best = { start: 0, length: 0 };
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j += 1;
    if (j - i + 1 > best.length) best = { start: sorted[i]!, length: j - i + 1 };
    i = j + 1;
  }
  // The run holds the screen plus up to a screen of buffer on one side: half a screen from its start is
  // within half a screen of where it was rendered for, either way.
  return Math.max(0, best.start * height + Math.min(screen / 2, (best.length * height) / 2));
}

/**
 * Every row of a virtualised SlickGrid, which renders only the rows in view: scrolls its viewport through
 * in steps shorter than one screen (SlickGrid renders such steps synchronously), reads each step's rows by
 * their data index, and puts the scroll back — all in one synchronous run, so nothing is painted in between
 * and the person sees nothing move. SlickGrid keeps the row being edited rendered throughout. Costs what
 * the grid takes to render every row once (a 500-row grid: ~35 renders and layouts).
 */
function scanSlickRows(handle: GridHandle, fields: readonly FillField[], reuse: boolean): { rows: RowCells[]; rowElements: HTMLElement[] } {
  const height = slickRowHeight(handle);
  const read = new Map<number, { cells: RowCells; element: HTMLElement }>();
  /** Reads the rows rendered now that were not read yet; returns the indices rendered now. */
  const take = (): Set<number> => {
    const now = new Set<number>();
    for (const row of gridRows(handle)) {
      const index = slickRowIndex(row, height);
      now.add(index);
      if (!read.has(index)) read.set(index, { cells: readRow(handle, row, fields), element: row });
    }
    return now;
  };
  const first = take();
  const total = rowCount(handle);
  const viewport = slickViewport(handle);
  const known = reuse ? scanned.get(handle.root) : undefined;
  if (known && known.total === total && known.fields === fields.join()) {
    // Same number of rows as the last full read: rows out of view are as they were (a person edits what
    // is in view; anything else changing the rows changes their number, or comes through a fill, which
    // reads in full).
    for (const [index, entry] of known.rows) if (!read.has(index)) read.set(index, { cells: entry.cells, element: handle.root });
  } else if (viewport && read.size < total) {
    const win = viewport.ownerDocument.defaultView!;
    const original = viewport.scrollTop;
    const screen = viewport.clientHeight;
    const step = Math.max(height, screen - 2 * height);
    const end = total * height;
    const scrollTo = (top: number): Set<number> => {
      viewport.scrollTop = top;
      viewport.dispatchEvent(new win.Event('scroll'));
      return take();
    };
    /**
     * SlickGrid renders a move shorter than a screen at once, and a longer one at once too unless it
     * rendered another long move in the last 50 ms: then it defers it, and every step after it, to a timer.
     * A move whose first row did not render is walked instead, in half screens from where SlickGrid last
     * rendered (the longest run of rows it shows), so every row is read and the view is put back now.
     */
    const moveTo = (top: number, rendered: Set<number>): Set<number> => {
      const now = scrollTo(top);
      if (now.has(Math.floor(Math.min(top, Math.max(0, end - screen)) / height))) return now;
      let at = renderedRunMiddle(rendered, height, screen);
      let last = now;
      while (Math.abs(top - at) > 1) {
        at += Math.sign(top - at) * Math.min(Math.abs(top - at), Math.max(height, screen / 2));
        last = scrollTo(at);
      }
      return last;
    };
    // Down from where the person is to the end, then the rows above from the top down to where they were:
    // one long move at most (two when the view was at the top: back up to it).
    const walkDown = (from: number, to: number, rendered: Set<number>, untilRead: boolean): Set<number> => {
      let now = rendered;
      for (let top = from + step; (!untilRead || read.size < total) && top < to + step; top += step) now = scrollTo(Math.min(top, to));
      return now;
    };
    const show = hideRowContents(viewport);
    try {
      let rendered = walkDown(original, end, first, true);
      if (read.size < total) rendered = walkDown(0, original, moveTo(0, rendered), false);
      if (viewport.scrollTop !== original) moveTo(original, rendered);
    } finally {
      show();
    }
  }
  scanned.set(handle.root, { total, fields: fields.join(), rows: new Map(read) });
  return inOrder(read, total, handle.root);
}

/**
 * Rows read by data index, in order. A row that never rendered reads as blank (skipped by the checks) rather
 * than shifting the others; its element is the grid's root.
 */
function inOrder(read: ReadonlyMap<number, { cells: RowCells; element: HTMLElement }>, total: number, root: HTMLElement): { rows: RowCells[]; rowElements: HTMLElement[] } {
  const rows: RowCells[] = [];
  const rowElements: HTMLElement[] = [];
  for (let i = 0; i < Math.max(total, read.size); i += 1) {
    const entry = read.get(i);
    rows.push(entry?.cells ?? {});
    rowElements.push(entry?.element ?? root);
  }
  return { rows, rowElements };
}

/* ── Virtualised grids of any other kind (home-grown div grids, vxe-table, el-table-v2 …) ───────────── */

/** The scroll container of a grid's body that renders only the rows in view, with its row geometry; else null. */
export interface VirtualBody {
  container: HTMLElement;
  rowHeight: number;
  /** Offset of row 0's top in the container's content (measured with the view at the top). */
  base: number;
}

const bases = new WeakMap<HTMLElement, number>();

function overflowing(el: HTMLElement): boolean {
  if (el.scrollHeight <= el.clientHeight + 1 || el.clientHeight === 0) return false;
  const overflow = el.ownerDocument.defaultView?.getComputedStyle(el).overflowY ?? '';
  return overflow === 'auto' || overflow === 'scroll' || overflow === 'overlay';
}

/**
 * A non-SlickGrid grid whose body scrolls and holds fewer rows than its content is tall: the rows rendered
 * span less than the scroll range by more than two rows (a grid that merely scrolls renders them all).
 */
export function virtualBody(grid: GridHandle, rows: readonly HTMLElement[] = gridRows(grid)): VirtualBody | null {
  if (grid.kind === 'slick' || rows.length === 0) return null;
  let container: HTMLElement | null = null;
  for (let el = rows[0]!.parentElement; el && el !== grid.root.parentElement; el = el.parentElement) {
    if (overflowing(el)) {
      container = el;
      break;
    }
  }
  if (!container) return null;
  const first = rows[0]!.getBoundingClientRect();
  const last = rows[rows.length - 1]!.getBoundingClientRect();
  const rowHeight = Math.max(1, Math.round((last.bottom - first.top) / rows.length));
  // Rows missing above or below what is rendered (a header or padding inside the scroller reads as
  // missing too: the scan then finds every row at its first look, so that costs nothing).
  const above = first.top - container.getBoundingClientRect().top + container.scrollTop;
  const below = container.scrollHeight - (above + last.bottom - first.top);
  if (above <= rowHeight * 0.75 && below <= rowHeight * 0.75) return null;
  let base = bases.get(container);
  if (base === undefined) {
    const top = container.getBoundingClientRect().top;
    if (container.scrollTop === 0) base = first.top - top;
    else {
      const keep = container.scrollTop;
      scrollBody(container, 0);
      const firstAtTop = gridRows(grid)[0];
      base = firstAtTop ? firstAtTop.getBoundingClientRect().top - container.getBoundingClientRect().top : 0;
      scrollBody(container, keep);
    }
    bases.set(container, base);
  }
  return { container, rowHeight, base };
}

/** Scrolls a body and lets a grid that renders on its scroll event render now (the event fires late otherwise). */
function scrollBody(container: HTMLElement, top: number): void {
  container.scrollTop = top;
  container.dispatchEvent(new (container.ownerDocument.defaultView!.Event)('scroll'));
}

/** The data index of a rendered row of a virtualised body, by where it sits in the scrolled content. */
function virtualIndex(body: VirtualBody, row: HTMLElement, containerTop: number): number {
  return Math.round((row.getBoundingClientRect().top - containerTop + body.container.scrollTop - body.base) / body.rowHeight);
}

/** Row count of a virtualised body from its scroll range. */
function virtualCount(body: VirtualBody, rendered: number): number {
  return Math.max(rendered, Math.round((body.container.scrollHeight - body.base) / body.rowHeight));
}

/** The rendered row of data index `index` of a virtualised body, scrolled into view when it is not rendered. */
export function virtualRowAt(grid: GridHandle, body: VirtualBody, index: number, scroll: boolean): HTMLElement | null {
  const find = () => {
    const top = body.container.getBoundingClientRect().top;
    return gridRows(grid).find((row) => virtualIndex(body, row, top) === index) ?? null;
  };
  const found = find();
  if (found || !scroll) return found;
  scrollBody(body.container, Math.max(0, body.base + index * body.rowHeight - body.container.clientHeight / 2));
  return find();
}

/**
 * Every row of a virtualised body: scrolls through it in steps shorter than one screen, reading each step's
 * rows by their data index, and puts the scroll back, all in one synchronous run (nothing is painted in
 * between). Never while an edit is open in it: grids drop an open edit on scroll.
 */
function scanVirtualRows(handle: GridHandle, body: VirtualBody, fields: readonly FillField[]): { rows: RowCells[]; rowElements: HTMLElement[] } {
  const read = new Map<number, { cells: RowCells; element: HTMLElement }>();
  const { container } = body;
  const take = () => {
    const top = container.getBoundingClientRect().top;
    for (const row of gridRows(handle)) {
      const index = virtualIndex(body, row, top);
      if (index >= 0 && !read.has(index)) read.set(index, { cells: readRow(handle, row, fields), element: row });
    }
  };
  const original = container.scrollTop;
  take();
  const total = virtualCount(body, read.size);
  const editing = container.ownerDocument.activeElement;
  if (read.size < total && !(editing && editing !== container.ownerDocument.body && container.contains(editing))) {
    const step = Math.max(body.rowHeight, container.clientHeight - 2 * body.rowHeight);
    for (let top = 0; read.size < total && top <= container.scrollHeight; top += step) {
      scrollBody(container, top);
      take();
    }
    scrollBody(container, original);
  }
  return inOrder(read, total, handle.root);
}

/** Each grid's last read while it was shown (by its root), for reads while its tab is hidden. */
const lastRead = new WeakMap<HTMLElement, { fields: string; read: { rows: RowCells[]; rowElements: HTMLElement[] } }>();

/**
 * Reads one grid's rows as displayed (every row, also those a virtualised grid has not rendered; with
 * `reuse`, those come from its last read while the row count is unchanged).
 */
export function collectGrid(handle: GridHandle, options: CollectOptions = {}): CollectedGrid {
  const fields = FILL_FIELDS.filter((f) => handle.columns[f] !== undefined);
  let read: { rows: RowCells[]; rowElements: HTMLElement[] };
  if (handle.kind === 'slick') read = scanSlickRows(handle, fields, options.reuse ?? false);
  else {
    const rendered = gridRows(handle);
    const known = lastRead.get(handle.root);
    // A grid in a hidden tab (its frame or pane not displayed) cannot be scrolled through: a virtualised one
    // shows only some of its rows then. Its last full read stands in (nobody edits a hidden grid).
    if (known && known.fields === fields.join() && handle.root.getClientRects().length === 0 && known.read.rows.length > rendered.length) read = known.read;
    else {
      const body = virtualBody(handle, rendered);
      read = body ? scanVirtualRows(handle, body, fields) : { rows: rendered.map((row) => readRow(handle, row, fields)), rowElements: rendered };
      if (handle.root.getClientRects().length > 0) lastRead.set(handle.root, { fields: fields.join(), read });
    }
  }
  const described = describeRows(handle, read.rowElements, read.rows);
  return {
    set: currentSet(handle),
    fields,
    rows: described.rows,
    layout: described.layout,
    roles: described.roles,
    categories: described.categories,
    handle,
    rowElements: read.rowElements,
  };
}

/** A row's value cells → an IndicatorValue, as splitValue would read the exported text. */
function rowValue(cells: RowCells): IndicatorValue | null {
  const nature = (cells.nature ?? '').trim();
  // 指标性质 where the grid keeps it apart: 定性 is the symbol; 正向/反向 stand in only when no 指标方向 is given.
  const symbolText = nature === '定性' ? '定性' : cells.symbol || (nature === '正向' ? '≥' : nature === '反向' ? '≤' : '');
  const valueText = cells.value ?? '';
  const unit = cells.unit ?? '';
  // No value typed (a symbol or unit alone is a row's preset, not a value): the set has no value here.
  if (valueText === '') return null;
  const symbol = normaliseSymbol(symbolText);
  if (symbol === '定性') return { symbol, value: null, unit: '', text: valueText, raw: valueText };
  const parsed = splitValue(valueText);
  const numeric = parsed.value !== null && parsed.text === '' && parsed.unit === '';
  const raw = `${symbolText}${valueText}${unit}`;
  if (numeric) {
    return {
      symbol: symbol ?? (symbolText === '' ? null : parsed.symbol),
      value: parsed.value,
      unit,
      text: '',
      raw,
      ...(symbol === null && symbolText !== '' ? { problem: 'symbol-unreadable' as const } : {}),
    };
  }
  // A 定量 row whose value is not a plain number: kept as typed for value.malformed.
  return { symbol, value: null, unit, text: valueText, raw, ...(valueText === '' ? {} : { problem: 'number-unreadable' as const }) };
}

const INDICATOR_CONTENT = ['name', 'symbol', 'nature', 'value', 'unit', 'explanation'] as const;

function isBlank(cells: RowCells): boolean {
  return INDICATOR_CONTENT.every((f) => (cells[f] ?? '').trim() === '');
}

/** Category names by what a cell shows (a grid repeats a handful of them over all its rows). */
const categoryNames = { level1: new Map<string, string>(), level2: new Map<string, string>() };

function categoryName(kind: 'level1' | 'level2', text: string): string {
  if (text === '') return '';
  const known = categoryNames[kind].get(text);
  if (known !== undefined) return known;
  const name = (kind === 'level1' ? findLevel1(DEFAULT_PROFILE, text)?.name : findLevel2(DEFAULT_PROFILE, text)?.level2.name) ?? text;
  // Bounded: a page full of free text typed into a category column must not grow this for ever.
  if (categoryNames[kind].size >= 500) categoryNames[kind].clear();
  categoryNames[kind].set(text, name);
  return name;
}

/**
 * Merges the sets' rows into indicators: a row of the 年度 grid joins the 中长期 indicator of the same name
 * (in order, so two indicators sharing a name pair up one by one); the rest stand alone.
 */
export function mergeSets(grids: readonly GridState[]): { indicators: Indicator[]; locator: PageLocator } {
  const indicators: Indicator[] = [];
  const indicatorRows: PageLocator['indicatorRows'] = [];
  const ordered = [...grids].sort((a, b) => (a.set === b.set ? 0 : a.set === 'period' ? -1 : 1));
  // Indicator indices by name, in order (a name's first indicator without a row in the set is its match).
  const byName = new Map<string, number[]>();
  for (const grid of ordered) {
    grid.rows.forEach((cells, rowIndex) => {
      // Category rows of a tree, and rows holding only a category (a merged grid's skeleton, a row whose
      // 一级 alone was picked), are not indicators.
      if ((grid.roles?.[rowIndex] ?? 'indicator') !== 'indicator' || isBlank(cells)) return;
      const value = rowValue(cells);
      const name = (cells.name ?? '').trim();
      const named = name === '' ? undefined : byName.get(name);
      const match = named?.find((i) => indicatorRows[i]![grid.set] === undefined) ?? -1;
      if (match >= 0) {
        indicators[match]![grid.set] = value;
        indicatorRows[match]![grid.set] = rowIndex;
        return;
      }
      if (name !== '') byName.set(name, [...(byName.get(name) ?? []), indicators.length]);
      indicators.push({
        level1: categoryName('level1', cells.level1 ?? ''),
        level2: categoryName('level2', cells.level2 ?? ''),
        name,
        period: grid.set === 'period' ? value : null,
        annual: grid.set === 'annual' ? value : null,
        ...(cells.explanation ? { explanation: cells.explanation } : {}),
        source: { element: `${grid.set}:${rowIndex}` },
      });
      indicatorRows.push({ [grid.set]: rowIndex });
    });
  }
  return { indicators, locator: { indicatorRows } };
}

function fieldValue(handle: { control: HTMLInputElement | HTMLTextAreaElement } | undefined): string {
  return handle ? handle.control.value.trim() : '';
}

/**
 * Reads the whole form. `previous` carries the rows of a set the page is not showing now (a legacy grid
 * shows one set at a time), so a check still sees both sets.
 */
export function collectForm(form: DetectedForm, previous?: Partial<Record<IndicatorSet, GridState>>, options: CollectOptions = {}): CollectedForm {
  const grids = form.grids.map((g) => collectGrid(g, options));
  const states: GridState[] = [...grids];
  for (const set of ['period', 'annual'] as const) {
    if (!states.some((g) => g.set === set) && previous?.[set]) states.push(previous[set]!);
  }
  const { indicators, locator } = mergeSets(states);
  const amounts = Object.fromEntries(
    (['total', 'fiscal', 'specialAccount', 'other'] as const).map((k) => [k, normaliseMoneyText(fieldValue(form.amounts[k]))]),
  ) as Amounts;
  const project: Project = {
    name: fieldValue(form.project.name),
    owner: fieldValue(form.project.owner),
    amounts,
    goal: fieldValue(form.project.goal),
    ...(form.project.annualGoal ? { annualGoal: fieldValue(form.project.annualGoal) } : {}),
    indicators,
    sets: { period: states.some((g) => g.set === 'period'), annual: states.some((g) => g.set === 'annual') },
    source: { element: 'project' },
  };
  const snapshot: FormSnapshot = {
    total: null,
    units: [],
    projects: [project],
    warnings: [],
    origin: form.doc.location?.href,
    layout: 'page',
  };
  return { grids, snapshot, locator };
}

/** The rendered row of data index `index` now, without scrolling (null when out of view). */
export function renderedRow(grid: GridHandle, index: number): HTMLElement | null {
  if (grid.kind === 'slick') return slickRowByIndex(grid, index);
  const rows = gridRows(grid);
  const body = virtualBody(grid, rows);
  return body ? virtualRowAt(grid, body, index, false) : (rows[index] ?? null);
}

/** The page element a snapshot field sits in (for marks and scroll-to), or null. */
export function locate(
  form: DetectedForm,
  collected: CollectedForm,
  target: { indicatorIndex?: number; field?: string },
): HTMLElement | null {
  const field = target.field ?? '';
  if (target.indicatorIndex === undefined) {
    if (field.startsWith('amounts.')) return form.amounts[field.slice(8) as keyof Amounts]?.control ?? null;
    if (field === 'goal' || field === 'annualGoal') return form.project[field]?.control ?? null;
    if (field === 'projectName') return form.project.name?.control ?? null;
    if (field === 'indicators') return collected.grids[0]?.handle.root ?? null;
    return null;
  }
  const rows = collected.locator.indicatorRows[target.indicatorIndex];
  if (!rows) return null;
  const [head, sub] = field.split('.') as [string, string | undefined];
  const set: IndicatorSet = head === 'annual' ? 'annual' : head === 'period' ? 'period' : rows.period !== undefined ? 'period' : 'annual';
  const grid = collected.grids.find((g) => g.set === set);
  const rowIndex = rows[set];
  if (!grid || rowIndex === undefined) return null;
  let row: HTMLElement | null | undefined = grid.rowElements[rowIndex];
  // A grid that rebuilds its body on every scroll replaced the rows its read went through: the row as
  // rendered now (null while scrolled out of view).
  if (!row || !row.isConnected || row === grid.handle.root) row = renderedRow(grid.handle, rowIndex);
  if (!row) return null;
  const cellField: FillField =
    head === 'period' || head === 'annual'
      ? ((sub as FillField | undefined) ?? 'value')
      : (['level1', 'level2', 'name', 'explanation'] as const).includes(head as 'name')
        ? (head as FillField)
        : 'name';
  return gridCell(grid.handle, row, cellField) ?? row;
}
