import type { Amounts } from '../domain/schemas';
import {
  ADD_ROW_LABELS,
  AMOUNT_LABELS,
  MIN_GRID_FIELDS,
  PROJECT_LABELS,
  SET_PATTERNS,
  buttonMatches,
  fieldForHeader,
  normaliseLabel,
} from './labels';
import type { LayoutCategories, LayoutColumn, PageLayout, ProfileProjectField } from './profile';
import type { FillField, IndicatorSet } from './types';
import { forceWidget, type WidgetKind } from './widgets';

/**
 * Recognises a performance-target form in one document (one frame) by its header and label texts, or by
 * a site profile's layout (lib/fill/profile.ts) where it gives one: the profile first, the heuristics for
 * whatever it leaves out. DOM access only; every function takes the Document/Element it works on.
 */

/**
 * How a grid's rows and cells are laid out in the DOM: `table` (<table> rows, rowspans followed), `slick`
 * (SlickGrid), `div` (home-grown grids of <div>/<span> rows whose header captions are plain elements),
 * `profile` (by a site profile's selectors).
 */
export type GridKind = 'table' | 'slick' | 'div' | 'profile';

/** An indicator grid found on the page. Rows and cells are looked up afresh on every call (they re-render). */
export interface GridHandle {
  kind: GridKind;
  /** The element that holds the whole grid (table wrapper or SlickGrid container). */
  root: HTMLElement;
  /** Column index per field, as the header shows them. */
  columns: Partial<Record<FillField, number>>;
  /** Set tabs that switch what this grid shows (legacy: one grid, two sets) or the tab that shows it. */
  tabs: SetTab[];
  /** The set this grid holds when fixed by its tab pane; undefined when it follows the active tab. */
  fixedSet?: IndicatorSet;
  /** Widget kind per field a site profile forces (readCell/writeCell then skip recognising it). */
  widgets?: Partial<Record<FillField, WidgetKind>>;
  /** Row and cell selectors of a `profile` grid. */
  selectors?: { row: string; cell?: string };
  /** A `div` grid's rows: elements of this tag with at least `cells` children, outside the header row. */
  shape?: { header: HTMLElement; tag: string; cells: number };
  /** A site profile's add-row and delete-row buttons. */
  addRow?: string;
  /** A site profile's word on how the grid carries categories (layout, category rows, level attribute, add link). */
  categories?: LayoutCategories;
  deleteRow?: string;
}

/** A tab (or switcher item) naming an indicator set. */
export interface SetTab {
  set: IndicatorSet;
  element: HTMLElement;
  /** A site profile's selector for the selected tab (default: aria-selected or an active class). */
  active?: string;
}

/** A labelled control of the project form. */
export interface FieldHandle {
  label: HTMLElement;
  control: HTMLInputElement | HTMLTextAreaElement;
}

export interface DetectedForm {
  doc: Document;
  grids: GridHandle[];
  project: Partial<Record<'name' | 'owner' | 'goal' | 'annualGoal', FieldHandle>>;
  amounts: Partial<Record<keyof Amounts, FieldHandle>>;
  /** The site profile's layout the form was detected with, if any. */
  layout?: PageLayout;
}

/**
 * The layout in force per document, set by detectForm: a re-detection that names only the document
 * (apply.ts after a grid re-render) finds the grids the same way.
 */
const layouts = new WeakMap<Document, PageLayout>();

/** The site profile layout detectForm last used for this document, if any. */
export function layoutOf(doc: Document): PageLayout | undefined {
  return layouts.get(doc);
}

/** A selector query that never throws (a stored profile may hold a selector this browser refuses). */
export function queryAll<E extends Element = HTMLElement>(scope: Document | Element, selector: string | undefined): E[] {
  if (!selector) return [];
  try {
    return Array.from(scope.querySelectorAll<E>(selector as 'div') as unknown as ArrayLike<E>);
  } catch {
    return [];
  }
}

/** `el.matches(selector)` that never throws (a stored profile may hold a selector this browser refuses). */
export function matches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

const HEADER_SELECTOR = 'th, [role="columnheader"], .slick-header-column';

function text(el: Element): string {
  return (el as HTMLElement).innerText ?? el.textContent ?? '';
}

/** Column index of a table header cell, counting colspans of the cells before it. */
function tableColumnIndex(cell: HTMLTableCellElement): number {
  let index = 0;
  for (let c = cell.previousElementSibling; c; c = c.previousElementSibling) {
    index += (c as HTMLTableCellElement).colSpan || 1;
  }
  return index;
}

/** Header texts a profile's columns name, as extra header labels (normalised text → field). */
function profileHeaders(columns: readonly LayoutColumn[] | undefined): Map<string, FillField> {
  const map = new Map<string, FillField>();
  for (const c of columns ?? []) if (c.field && c.header) map.set(normaliseLabel(c.header), c.field);
  return map;
}

function widgetsOf(columns: readonly LayoutColumn[] | undefined): GridHandle['widgets'] {
  const widgets: Partial<Record<FillField, WidgetKind>> = {};
  for (const c of columns ?? []) if (c.field && c.widget) widgets[c.field] = c.widget as WidgetKind;
  return Object.keys(widgets).length > 0 ? widgets : undefined;
}

/**
 * Finds the indicator grids: by the site profile's layout when it maps a grid that is on the page, else
 * the grids whose header row names enough indicator fields (with the profile's header texts as extra
 * labels); the profile's tabs, buttons and widget kinds apply to either.
 */
export function findGrids(doc: Document, layout: PageLayout | undefined = layouts.get(doc)): GridHandle[] {
  return scanPage(doc, layout).grids;
}

/** The grids, and every element outside their bodies (where set tabs and form labels are looked for). */
function scanPage(doc: Document, layout: PageLayout | undefined): { grids: GridHandle[]; outside: Element[] } {
  const mapped = layout?.grid ? profileGrids(doc, layout) : [];
  const grids = mapped.length > 0 ? mapped : headerGrids(doc, layout);
  const outside = elementsOutside(doc, grids);
  if (layout) {
    const widgets = widgetsOf(layout.columns);
    for (const grid of grids) {
      if (widgets) grid.widgets = widgets;
      if (layout.addRow) grid.addRow = layout.addRow;
      if (layout.deleteRow) grid.deleteRow = layout.deleteRow;
      if (layout.categories) grid.categories = layout.categories;
    }
  }
  if (mapped.length === 0 || !layout?.grid?.sets) assignSets(doc, grids, layout, outside);
  return { grids, outside };
}

/**
 * Every element of the document except those inside the grids' bodies and inside <select>s: one walk that
 * steps over the bulk of a big page (a 500-row grid is thousands of cells and options), instead of a
 * selector query over all of it for each thing looked for. Tabs and form labels are never inside those.
 */
function elementsOutside(doc: Document, grids: readonly GridHandle[]): Element[] {
  const skip = new Set<Node>();
  for (const grid of grids) {
    if (grid.kind === 'table') {
      for (const body of grid.root.getElementsByTagName('tbody')) skip.add(body);
    } else if (grid.kind === 'slick') {
      const viewport = grid.root.querySelector('.slick-viewport');
      if (viewport) skip.add(viewport);
    } else if (grid.kind === 'div') {
      for (const row of gridRows(grid)) skip.add(row);
    } else {
      for (const row of gridRows(grid)) skip.add(row);
    }
  }
  const top = doc.documentElement;
  if (!top) return [];
  const walker = doc.createTreeWalker(top, 1 /* NodeFilter.SHOW_ELEMENT */, {
    acceptNode: (node) => (skip.has(node) || (node as Element).tagName === 'SELECT' ? 2 /* FILTER_REJECT */ : 1 /* FILTER_ACCEPT */),
  });
  const out: Element[] = [top];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) out.push(node as Element);
  return out;
}

/** The elements of `candidates` that match `selector`, in order. */
function filterMatching<E extends Element = HTMLElement>(candidates: readonly Element[], selector: string): E[] {
  const out: E[] = [];
  for (const el of candidates) if (el.matches(selector)) out.push(el as E);
  return out;
}

/** Grids mapped by a profile's selectors; columns by the profile's order or header texts, else the heuristic labels. */
function profileGrids(doc: Document, layout: PageLayout): GridHandle[] {
  const spec = layout.grid!;
  const grids: GridHandle[] = [];
  for (const root of queryAll(doc, spec.root)) {
    const headers = queryAll(root, spec.header ?? HEADER_SELECTOR);
    const columns: Partial<Record<FillField, number>> = {};
    if (layout.columns && layout.columns.length > 0) {
      layout.columns.forEach((c, i) => {
        if (!c.field) return;
        const want = c.header ? normaliseLabel(c.header) : '';
        const at = want ? headers.findIndex((h) => normaliseLabel(text(h)) === want) : -1;
        columns[c.field] ??= at >= 0 ? at : i;
      });
    } else {
      headers.forEach((h, i) => {
        const field = fieldForHeader(text(h));
        if (field) columns[field] ??= i;
      });
    }
    if (columns.name === undefined) continue;
    grids.push({ kind: 'profile', root, columns, tabs: [], selectors: { row: spec.row, ...(spec.cell ? { cell: spec.cell } : {}) } });
  }
  if (spec.sets) {
    const tabs = setTabs(doc, layout);
    grids.forEach((g, i) => {
      const set = spec.sets![i];
      if (!set) return;
      g.fixedSet = set;
      g.tabs = tabs.filter((t) => t.set === set);
    });
    // Roots beyond the listed sets follow the tabs.
    for (const g of grids) if (g.fixedSet === undefined) g.tabs = tabs;
  }
  return grids;
}

/** Finds the grids whose header row names enough indicator fields. */
function headerGrids(doc: Document, layout: PageLayout | undefined): GridHandle[] {
  const extra = profileHeaders(layout?.columns);
  const byRow = new Map<Element, { kind: GridKind; columns: Partial<Record<FillField, number>> }>();
  for (const header of headerCells(doc)) {
    const field = extra.get(normaliseLabel(text(header))) ?? fieldForHeader(text(header));
    if (!field) continue;
    const slick = header.classList.contains('slick-header-column');
    const row = slick ? header.parentElement : header.closest('tr') ?? header.parentElement;
    if (!row) continue;
    const entry = byRow.get(row) ?? { kind: slick ? 'slick' : 'table', columns: {} };
    const index = slick
      ? Array.prototype.indexOf.call(row.children, header)
      : header instanceof HTMLTableCellElement
        ? tableColumnIndex(header)
        : Array.prototype.indexOf.call(row.children, header);
    entry.columns[field] ??= index;
    byRow.set(row, entry);
  }
  const grids: GridHandle[] = [];
  for (const [row, { kind, columns }] of byRow) {
    if (!isIndicatorHeader(columns)) continue;
    const root = kind === 'slick' ? slickRoot(row) : row.closest('table') ? gridRootOfTable(row) : null;
    if (root) grids.push({ kind, root: root as HTMLElement, columns, tabs: [] });
  }
  return grids.length > 0 ? grids : divGrids(doc, extra);
}

function isIndicatorHeader(columns: Partial<Record<FillField, number>>): boolean {
  return Object.keys(columns).length >= MIN_GRID_FIELDS && columns.name !== undefined && columns.value !== undefined;
}

/**
 * Grids whose header captions are plain elements (home-grown data tables: a row of <span>/<div> captions
 * over rows of <span> cells, no <th>, no ARIA): the captions are leaves whose text is a column label;
 * their row is the element holding them side by side, and body rows are the elements of the same shape
 * (as many cells or more) under the nearest ancestor that holds any. Only asked when no table or ARIA
 * header was found, since it looks at every leaf of the page.
 */
function divGrids(doc: Document, extra: Map<string, FillField>): GridHandle[] {
  const byRow = new Map<HTMLElement, Partial<Record<FillField, number>>>();
  const all = doc.body?.getElementsByTagName('*') ?? [];
  for (let i = 0; i < all.length; i += 1) {
    const el = all[i]!;
    if (el.childElementCount !== 0 || el.tagName === 'OPTION' || el.tagName === 'SCRIPT' || el.tagName === 'STYLE') continue;
    const raw = el.textContent ?? '';
    if (raw.length === 0 || raw.length > 24) continue;
    const field = extra.get(normaliseLabel(raw)) ?? fieldForHeader(raw);
    if (!field) continue;
    // The caption's cell: the leaf, or its wrapper when the wrapper is alone in its place (<div><span>…</span></div>).
    let cell = el as HTMLElement;
    for (let depth = 0; depth < 3 && cell.parentElement && cell.parentElement.childElementCount < 3; depth += 1) cell = cell.parentElement;
    const row = cell.parentElement;
    if (!row || row.closest('thead, table')) continue;
    const columns = byRow.get(row) ?? {};
    columns[field] ??= Array.prototype.indexOf.call(row.children, cell);
    byRow.set(row, columns);
  }
  const grids: GridHandle[] = [];
  for (const [header, columns] of byRow) {
    if (!isIndicatorHeader(columns)) continue;
    const cells = Math.max(...Object.values(columns)) + 1;
    const tag = header.tagName;
    // The body rows: same tag as the header row, at least as many cells, under the nearest ancestor with any.
    let root: HTMLElement = header.parentElement ?? header;
    for (let el: HTMLElement | null = header.parentElement, depth = 0; el && depth < 5; depth += 1, el = el.parentElement) {
      root = el;
      if (divRowsIn(el, header, tag, cells).length > 0) break;
    }
    grids.push({ kind: 'div', root, columns, tabs: [], shape: { header, tag, cells } });
  }
  return grids;
}

function holdsCells(el: Element, cells: number): boolean {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) if (child.childElementCount >= cells) return false;
  return true;
}

function divRowsIn(root: Element, header: Element, tag: string, cells: number): HTMLElement[] {
  const out: HTMLElement[] = [];
  const list = root.getElementsByTagName(tag);
  for (let i = 0; i < list.length; i += 1) {
    const el = list[i]! as HTMLElement;
    if (el.childElementCount < cells || el === header || el.contains(header) || header.contains(el)) continue;
    // A row's cells hold little; an element whose children are rows themselves (the body) is not a row.
    if (!holdsCells(el, cells)) continue;
    if (out.length > 0 && out[out.length - 1]!.contains(el)) continue;
    out.push(el);
  }
  return out;
}

/**
 * The header cells of the page (th, role=columnheader, SlickGrid's): the tag and class collections are
 * cheap, and one attribute query covers the rest, where one selector list would test every element of a
 * big page three ways.
 */
function headerCells(doc: Document): HTMLElement[] {
  const seen = new Set<Element>();
  const out: HTMLElement[] = [];
  const add = (list: ArrayLike<Element>) => {
    for (let i = 0; i < list.length; i += 1) {
      const el = list[i]!;
      if (!seen.has(el)) {
        seen.add(el);
        out.push(el as HTMLElement);
      }
    }
  };
  const lists = [doc.getElementsByTagName('th'), doc.getElementsByClassName('slick-header-column'), doc.querySelectorAll('[role="columnheader"]')];
  for (const list of lists) add(list);
  // Grids are taken in page order: keep document order when headers of different kinds were found.
  if (lists.filter((l) => l.length > 0).length > 1) {
    out.sort((a, b) => (a.compareDocumentPosition(b) & 4 /* Node.DOCUMENT_POSITION_FOLLOWING */ ? -1 : 1));
  }
  return out;
}

/** The SlickGrid container: the nearest ancestor of the header that also holds the row viewport. */
function slickRoot(headerRow: Element): HTMLElement {
  const container = headerRow.closest<HTMLElement>('.slickgrid-container');
  if (container) return container;
  let el: HTMLElement | null = headerRow.parentElement;
  while (el && !el.querySelector('.slick-viewport')) el = el.parentElement;
  return el ?? (headerRow.parentElement as HTMLElement);
}

/** The wrapper holding a header table and its body (el-table splits them into two tables). */
function gridRootOfTable(headerRow: Element): HTMLElement {
  const table = headerRow.closest('table')!;
  if (bodyRowsOfTable(table).length > 0 || !table.parentElement) return table;
  let el: HTMLElement | null = table.parentElement;
  for (let depth = 0; el && depth < 5; depth += 1, el = el.parentElement) {
    if (el.querySelectorAll('table').length >= 2) return el;
  }
  return table;
}

function bodyRowsOfTable(table: HTMLTableElement): HTMLTableRowElement[] {
  return Array.from(table.tBodies).flatMap((b) => Array.from(b.rows)).filter((r) => r.querySelector('td'));
}

/** The body rows of a grid, in order, as they are in the DOM now. */
export function gridRows(grid: GridHandle): HTMLElement[] {
  if (grid.kind === 'profile') return queryAll(grid.root, grid.selectors?.row);
  if (grid.kind === 'div') {
    const { header, tag, cells } = grid.shape!;
    return divRowsIn(grid.root, header, tag, cells);
  }
  if (grid.kind === 'slick') {
    // Each row's offset parsed once, not once per comparison.
    const rows = Array.from(grid.root.querySelectorAll<HTMLElement>('.slick-row'), (row) => ({ row, top: slickRowTop(row) }));
    return rows.sort((a, b) => a.top - b.top).map((r) => r.row);
  }
  const tables = grid.root instanceof HTMLTableElement ? [grid.root] : Array.from(grid.root.querySelectorAll('table'));
  const width = Math.max(...Object.values(grid.columns)) + 1;
  return tables
    .flatMap((t) => bodyRowsOfTable(t))
    .filter((r) => {
      const list = r.cells;
      let cells = 0;
      for (let i = 0; i < list.length; i += 1) cells += list[i]!.colSpan || 1;
      // A row under merged cells (rowspan from the rows above) has fewer cells of its own.
      if (cells < width && spannedMatrix(r.parentElement!) !== null) cells += coveredFromAbove(r);
      // A placeholder row (暂无数据) spans the width with one cell; only such rows are searched for it.
      return cells >= width && (list.length >= width || !r.querySelector('[class*="empty"]'));
    });
}

/**
 * The cell grid of a table section whose cells span rows (merged category cells), as the HTML table
 * model lays it out: per row, the cell at each column, a merged cell standing in every row it spans.
 * Null when nothing spans rows. Computed once per synchronous read (rows change only between tasks).
 */
let matrices = new WeakMap<Element, Map<Element, HTMLTableCellElement[]> | null>();
let matricesClearing = false;

function spannedMatrix(section: Element): Map<Element, HTMLTableCellElement[]> | null {
  if (matrices.has(section)) return matrices.get(section)!;
  if (!matricesClearing) {
    matricesClearing = true;
    queueMicrotask(() => {
      matrices = new WeakMap();
      matricesClearing = false;
    });
  }
  let spans = false;
  for (const cell of section.querySelectorAll('td[rowspan], th[rowspan]')) if ((cell as HTMLTableCellElement).rowSpan > 1) spans = true;
  if (!spans) {
    matrices.set(section, null);
    return null;
  }
  const out = new Map<Element, HTMLTableCellElement[]>();
  // Per column, the cell of a row above that still covers it and for how many more rows.
  const covering: Array<{ cell: HTMLTableCellElement; left: number } | undefined> = [];
  for (const row of Array.from(section.children)) {
    if (row.tagName !== 'TR') continue;
    const line: HTMLTableCellElement[] = [];
    covering.forEach((c, col) => {
      if (!c || c.left <= 0) return;
      line[col] = c.cell;
      c.left -= 1;
    });
    let col = 0;
    for (const cell of Array.from((row as HTMLTableRowElement).cells)) {
      while (line[col] !== undefined) col += 1;
      for (let k = 0; k < (cell.colSpan || 1); k += 1) {
        line[col + k] = cell;
        covering[col + k] = cell.rowSpan > 1 ? { cell, left: cell.rowSpan - 1 } : undefined;
      }
      col += cell.colSpan || 1;
    }
    out.set(row, line);
  }
  matrices.set(section, out);
  return out;
}

/** Columns of a row that cells of the rows above cover (rowspan). */
function coveredFromAbove(row: HTMLTableRowElement): number {
  const line = spannedMatrix(row.parentElement!)?.get(row) ?? [];
  return line.filter((cell) => cell && cell.parentElement !== row).length;
}


function slickRowTop(row: HTMLElement): number {
  const top = parseFloat(row.style.top || '');
  if (!Number.isNaN(top)) return top;
  const m = /translateY\((-?[\d.]+)px\)/.exec(row.style.transform);
  return m ? parseFloat(m[1]!) : 0;
}

/** The cell of `field` in `row`, or null when the grid has no such column. */
export function gridCell(grid: GridHandle, row: HTMLElement, field: FillField): HTMLElement | null {
  const cell = findCell(grid, row, field);
  // The profile's widget kind travels with the cell to readCell/writeCell (and off it when there is none).
  if (cell) forceWidget(cell, grid.widgets?.[field]);
  return cell;
}

function findCell(grid: GridHandle, row: HTMLElement, field: FillField): HTMLElement | null {
  const index = grid.columns[field];
  if (index === undefined) return null;
  if (grid.kind === 'profile') {
    const cells = grid.selectors?.cell ? queryAll(row, grid.selectors.cell) : (Array.from(row.children) as HTMLElement[]);
    return cells[index] ?? null;
  }
  if (grid.kind === 'slick') return row.querySelector<HTMLElement>(`.slick-cell.l${index}`);
  if (grid.kind === 'div') return (row.children[index] as HTMLElement | undefined) ?? null;
  const spanned = row.parentElement ? spannedMatrix(row.parentElement) : null;
  if (spanned) return spanned.get(row)?.[index] ?? null;
  // Straight over the live collection (no array per lookup: reading a 500-row grid does this per cell).
  const cells = (row as HTMLTableRowElement).cells;
  for (let i = 0, col = 0; i < cells.length; i += 1) {
    const cell = cells[i]!;
    if (col === index) return cell;
    col += cell.colSpan || 1;
  }
  return null;
}

function isActive(el: Element, active?: string): boolean {
  if (active) return matches(el, active);
  return (
    el.getAttribute('aria-selected') === 'true' ||
    /(^|\s)(is-active|active|selected|current|on)(\s|$)/.test(el.className && typeof el.className === 'string' ? el.className : '')
  );
}

const TAB_SELECTOR = '[role="tab"], .el-tabs__item, li, a, button, .tab, [class*="tab"]';

/** Tab-like elements whose short text names an indicator set (among `within` when given). */
export function findSetTabs(scope: Document | Element, within?: readonly Element[]): SetTab[] {
  const candidates = within ? filterMatching(within, TAB_SELECTOR) : scope.querySelectorAll<HTMLElement>(TAB_SELECTOR);
  const found: SetTab[] = [];
  for (const el of candidates) {
    // textContent first (innerText needs layout): a tab's caption is short.
    const raw = el.textContent ?? '';
    if (raw.length > 80 || raw.trim() === '') continue;
    const label = normaliseLabel(text(el));
    if (label.length === 0 || label.length > 20) continue;
    const sets = (Object.keys(SET_PATTERNS) as IndicatorSet[]).filter((s) => SET_PATTERNS[s].test(label));
    // A tab bar's text names both sets: it is the container, not a tab.
    if (sets.length !== 1) continue;
    found.push({ set: sets[0]!, element: el });
  }
  // Keep the innermost element for each tab (an <a> inside an <li> is the same tab).
  return found.filter((t) => !found.some((o) => o !== t && t.element.contains(o.element)));
}

/** The set tab currently active among `tabs`, if any says so. */
export function activeSet(tabs: readonly SetTab[]): IndicatorSet | undefined {
  return tabs.find((t) => isActive(t.element, t.active))?.set;
}

/** The set tabs: a profile's selectors for the sets it names, the heuristics for the others. */
function setTabs(doc: Document, layout: PageLayout | undefined, within?: readonly Element[]): SetTab[] {
  const spec = layout?.tabs;
  if (!spec || (!spec.period && !spec.annual)) return findSetTabs(doc, within);
  const tabs: SetTab[] = [];
  for (const set of ['period', 'annual'] as const) {
    const element = spec[set] ? queryAll(doc, spec[set])[0] : findSetTabs(doc, within).find((t) => t.set === set)?.element;
    if (element) tabs.push({ set, element, ...(spec.active ? { active: spec.active } : {}) });
  }
  return tabs;
}

/** Fixes each grid's set from its tab pane, or ties it to the document's set tabs when it shows both. */
function assignSets(doc: Document, grids: GridHandle[], layout: PageLayout | undefined, within: readonly Element[]): void {
  const tabs = setTabs(doc, layout, within);
  for (const grid of grids) {
    const pane = grid.root.closest<HTMLElement>('[role="tabpanel"]');
    if (pane) {
      const tab =
        (pane.id && doc.querySelector<HTMLElement>(`[aria-controls="${CSS.escape(pane.id)}"]`)) ||
        (pane.getAttribute('aria-labelledby') && doc.getElementById(pane.getAttribute('aria-labelledby')!));
      const set = tab
        ? (tabs.find((t) => t.element === tab) ?? tabs.find((t) => tab.contains(t.element) || t.element.contains(tab)))?.set
        : undefined;
      if (set && tab) {
        grid.fixedSet = set;
        grid.tabs = [{ set, element: tab as HTMLElement }];
        continue;
      }
    }
    grid.tabs = tabs.filter((t) => !grids.some((g) => g !== grid && g.root.contains(t.element)));
    if (grid.tabs.length > 0) continue;
    const framed = frameSet(doc);
    grid.fixedSet = headingSet(grid.root) ?? framed?.set ?? 'annual';
    if (framed?.tab && framed.set === grid.fixedSet) grid.tabs = [{ set: framed.set, element: framed.tab }];
  }
  // Two grids both following the same tabs: the page shows one set per grid after all.
  const following = grids.filter((g) => g.fixedSet === undefined);
  if (following.length > 1) following.forEach((g, i) => (g.fixedSet = i === 0 ? 'period' : 'annual'));
}

/** A set named by a heading before the grid (`年度绩效指标` above a table). */
function headingSet(root: Element): IndicatorSet | undefined {
  let el: Element | null = root;
  for (let depth = 0; el && depth < 4; depth += 1, el = el.parentElement) {
    for (let sib = el.previousElementSibling, n = 0; sib && n < 3; sib = sib.previousElementSibling, n += 1) {
      const t = normaliseLabel(text(sib)).slice(0, 40);
      if (SET_PATTERNS.period.test(t)) return 'period';
      if (SET_PATTERNS.annual.test(t)) return 'annual';
    }
  }
  return undefined;
}

/**
 * The set of a grid that sits alone in a frame which is one tab's page (portals that load each tab as its
 * own page in an <iframe>): named by the page's title or the frame element's title/name, or by the tab in
 * the parent page at the same position as the frame among its sibling frames. Also that tab, so the set
 * can be shown by clicking it. Same-origin parents only (the only ones a page can reach into either).
 */
export function frameSet(doc: Document): { set: IndicatorSet; tab?: HTMLElement } | undefined {
  const byText = (t: string | null | undefined): IndicatorSet | undefined => {
    const label = normaliseLabel(t ?? '').slice(0, 40);
    if (SET_PATTERNS.period.test(label)) return 'period';
    if (SET_PATTERNS.annual.test(label)) return 'annual';
    return undefined;
  };
  let frame: Element | null = null;
  try {
    frame = doc.defaultView?.frameElement ?? null;
  } catch {
    frame = null; // A cross-origin parent.
  }
  const own = byText(doc.title) ?? (frame ? byText(frame.getAttribute('title')) ?? byText(frame.getAttribute('name')) : undefined);
  if (!frame) return own ? { set: own } : undefined;
  const parent = frame.ownerDocument;
  const tabs = findSetTabs(parent);
  if (own) return { set: own, tab: tabs.find((t) => t.set === own)?.element };
  // Sibling frames: the frames of the parent that share the nearest container holding more than one.
  let box: Element | null = frame.parentElement;
  while (box && box.getElementsByTagName('iframe').length < 2) box = box.parentElement;
  const frames = box ? Array.from(box.getElementsByTagName('iframe')) : [];
  const at = frames.indexOf(frame as HTMLIFrameElement);
  if (at < 0 || frames.length !== tabs.length) return undefined;
  return { set: tabs[at]!.set, tab: tabs[at]!.element };
}

/** The set a grid shows now. */
export function currentSet(grid: GridHandle): IndicatorSet {
  return grid.fixedSet ?? activeSet(grid.tabs) ?? 'annual';
}

/** The add-row button nearest to the grid (searching outwards from its root). */
export function findAddRowButton(grid: GridHandle): HTMLElement | null {
  if (grid.addRow) return profileButton(grid, grid.addRow);
  let el: HTMLElement | null = grid.root;
  for (let depth = 0; el && depth < 6; depth += 1, el = el.parentElement) {
    const button = Array.from(el.querySelectorAll<HTMLElement>('button, [role="button"], a, input[type="button"]')).find(
      (b) => buttonMatches(b instanceof HTMLInputElement ? b.value : text(b), ADD_ROW_LABELS) && !(b as HTMLButtonElement).disabled,
    );
    if (button) return button;
  }
  return null;
}

/** A profile's button: the first match nearest the grid (searching outwards from its root), then anywhere. */
function profileButton(grid: GridHandle, selector: string): HTMLElement | null {
  let el: HTMLElement | null = grid.root;
  for (let depth = 0; el && depth < 6; depth += 1, el = el.parentElement) {
    const found = queryAll(el, selector).find((b) => !(b as HTMLButtonElement).disabled);
    if (found) return found;
  }
  return queryAll(grid.root.ownerDocument, selector)[0] ?? null;
}

/** The delete-row button a site profile names for the grid, or null (the heuristics find it by label). */
export function findDeleteRowButton(grid: GridHandle): HTMLElement | null {
  return grid.deleteRow ? profileButton(grid, grid.deleteRow) : null;
}

const CONTROL_SELECTOR = 'input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]):not([type="button"]), textarea';

/** The control a label stands for: `for=`, then the first control after it within its form row. */
function controlForLabel(label: HTMLElement): HTMLInputElement | HTMLTextAreaElement | null {
  const forId = label.getAttribute('for');
  if (forId) {
    const target = label.ownerDocument.getElementById(forId);
    if (target?.matches(CONTROL_SELECTOR)) return target as HTMLInputElement;
    const inner = target?.querySelector<HTMLInputElement>(CONTROL_SELECTOR);
    if (inner) return inner;
  }
  let el: HTMLElement | null = label;
  for (let depth = 0; el && depth < 3; depth += 1, el = el.parentElement) {
    for (let sib = el.nextElementSibling; sib; sib = sib.nextElementSibling) {
      if (sib.matches(CONTROL_SELECTOR)) return sib as HTMLInputElement;
      const inner = sib.querySelector<HTMLInputElement>(CONTROL_SELECTOR);
      if (inner) return inner;
      if (fieldOfLabel(sib) !== undefined) break;
    }
  }
  return null;
}

type ProjectKey = keyof DetectedForm['project'];
type LabelKey = { kind: 'project'; key: ProjectKey } | { kind: 'amount'; key: keyof Amounts };

function fieldOfLabel(el: Element): LabelKey | undefined {
  // innerText needs layout; a label is a few characters and innerText holds no more than textContent,
  // so long or empty elements (every cell of a big grid) are turned away on textContent first.
  const raw = el.textContent ?? '';
  if (raw.length > 60 || raw.trim() === '' || el.querySelector('select')) return undefined;
  const t = normaliseLabel(text(el));
  if (t.length === 0 || t.length > 12) return undefined;
  for (const [key, labels] of Object.entries(PROJECT_LABELS)) {
    if ((labels as readonly string[]).includes(t)) return { kind: 'project', key: key as ProjectKey };
  }
  for (const [key, labels] of Object.entries(AMOUNT_LABELS)) {
    if ((labels as readonly string[]).includes(t)) return { kind: 'amount', key: key as keyof Amounts };
  }
  return undefined;
}

const LABEL_SELECTOR = 'label, .el-form-item__label, td, th, span, div.label, dt';

/**
 * Labels of the project form (项目名称, 总计 …) and their controls, among `within` when given (the
 * elements outside the grids' bodies). Grid headers are not form labels.
 */
export function findProjectFields(doc: Document, within?: readonly Element[]): Pick<DetectedForm, 'project' | 'amounts'> {
  const project: DetectedForm['project'] = {};
  const amounts: DetectedForm['amounts'] = {};
  const labels = within ? filterMatching(within, LABEL_SELECTOR) : doc.querySelectorAll<HTMLElement>(LABEL_SELECTOR);
  for (const label of labels) {
    // Column headers of a table are not form labels (a project list prints 项目名称 / 总计 there).
    const key = fieldOfLabel(label);
    if (!key) continue;
    if (label.closest('thead, [role="columnheader"], .slick-header-column, .el-table__header') || label.children.length > 2) continue;
    const target = key.kind === 'project' ? project : amounts;
    if ((target as Record<string, unknown>)[key.key]) continue;
    const control = controlForLabel(label);
    if (control) (target as Record<string, FieldHandle>)[key.key] = { label, control };
  }
  return { project, amounts };
}

/** The control a profile's selector names: the input or textarea itself, or the first one inside it. */
function profileField(doc: Document, selector: string | undefined): FieldHandle | undefined {
  const el = queryAll(doc, selector)[0];
  if (!el) return undefined;
  const control = (el.matches(CONTROL_SELECTOR) ? el : el.querySelector(CONTROL_SELECTOR)) as HTMLInputElement | HTMLTextAreaElement | null;
  if (!control) return undefined;
  const label = (control.id && doc.querySelector<HTMLElement>(`label[for="${CSS.escape(control.id)}"]`)) || control.closest('label') || el;
  return { label, control };
}

/**
 * The whole form in this document, or null when it has no indicator grid and no amount fields. A site
 * profile's layout (already chosen for this frame's URL) comes first; the heuristics find the rest.
 */
export function detectForm(doc: Document, layout?: PageLayout | null): DetectedForm | null {
  if (layout) layouts.set(doc, layout);
  else layouts.delete(doc);
  const { grids, outside } = scanPage(doc, layout ?? undefined);
  const { project, amounts } = findProjectFields(doc, outside);
  if (layout) {
    for (const key of Object.keys(layout.project ?? {}) as ProfileProjectField[]) {
      const field = profileField(doc, layout.project![key]);
      if (field) project[key] = field;
    }
    for (const key of Object.keys(layout.amounts ?? {}) as (keyof Amounts)[]) {
      const field = profileField(doc, layout.amounts![key]);
      if (field) amounts[key] = field;
    }
  }
  if (grids.length === 0 && Object.keys(amounts).length < 2) return null;
  return { doc, grids, project, amounts, ...(layout ? { layout } : {}) };
}
