import { branchOrder, cascaderLeaf, cascaderPath, offeredList, shownMatches } from './cascader';
import { normaliseLabel } from './labels';
import { settled, tick, waitFor } from './wait';

/**
 * Widget adapters: read what a cell shows and write a value into it the way a person does, so the page's
 * own model updates (setting `input.value` alone does not reach Vue, React or a SlickGrid DataView).
 * Each adapter recognises its widget from the DOM; none needs hooks into the page.
 */

/** Which adapter handles a cell. */
export type WidgetKind = 'el-cascader' | 'el-select' | 'native-select' | 'input' | 'contenteditable' | 'slick-cell' | 'text';

const INPUT_SELECTOR = 'input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]):not([type="button"]), textarea';

/** Input types that are not text fields (what INPUT_SELECTOR's :not()s leave out). */
const NOT_TEXT_INPUTS = new Set(['hidden', 'checkbox', 'radio', 'button']);

/** `el.matches(INPUT_SELECTOR)` without the selector engine (asked for every cell of a big grid). */
function isTextControl(el: Element): boolean {
  const tag = el.tagName;
  if (tag === 'TEXTAREA') return true;
  return tag === 'INPUT' && !NOT_TEXT_INPUTS.has((el.getAttribute('type') ?? '').toLowerCase());
}

const isSelect = (el: Element) => el.tagName === 'SELECT';

/** The cell itself, its lone child, or else the first element inside it that passes `test` (by `selector`). */
function controlIn(cell: Element, test: (el: Element) => boolean, selector: string): Element | null {
  if (test(cell)) return cell;
  const only = cell.childElementCount === 1 ? cell.firstElementChild : null;
  if (only && test(only)) return only;
  return cell.querySelector(selector);
}

function clean(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Widget kinds a site profile forces on cells (set by detect.ts gridCell for the cells it hands out). */
const forcedKinds = new WeakMap<Element, WidgetKind>();
/** Whether any cell was ever forced (until then there is nothing to look up or stop forcing). */
let anyForced = false;

/** Forces (or, with undefined, stops forcing) the widget kind of a cell, as a site profile says. */
export function forceWidget(cell: Element, kind: WidgetKind | undefined): void {
  if (kind) {
    forcedKinds.set(cell, kind);
    anyForced = true;
  } else if (anyForced) forcedKinds.delete(cell);
}

/** Whether a forced kind can work on this cell (its control is there); else the DOM decides. */
function fits(cell: Element, kind: WidgetKind): boolean {
  const has = (selector: string) => cell.matches(selector) || cell.querySelector(selector) !== null;
  if (kind === 'el-cascader') return has('.el-cascader');
  if (kind === 'el-select') return has('.el-select');
  if (kind === 'native-select') return has('select');
  if (kind === 'input') return has(INPUT_SELECTOR);
  if (kind === 'contenteditable') return has('[contenteditable="true"], [contenteditable=""]');
  return true;
}

/** Which widget a cell holds: `kind` or a site profile's forced kind when it fits, else recognised from the DOM. */
export function widgetKind(cell: Element, kind?: WidgetKind): WidgetKind {
  return recognise(cell, kind).kind;
}

/** A cell's widget kind and, when recognising it found it on the way, its control (the lone native one). */
interface Recognised {
  kind: WidgetKind;
  control?: Element;
}

function recognise(cell: Element, kind?: WidgetKind): Recognised {
  const wanted = kind ?? (anyForced ? forcedKinds.get(cell) : undefined);
  if (wanted && fits(cell, wanted)) return { kind: wanted };
  if (hasClass(cell, 'slick-cell')) return { kind: 'slick-cell' };
  // One query for every widget in the cell, the strongest kind wins (a cascader or el-select holds inputs
  // of its own; a select beats an input beside it): reading a 500-row grid asks this for every cell.
  let best = kindOf(cell);
  if (best) return { kind: best, control: cell };
  // A lone native control in the cell (plain HTML grids): no subtree query needed.
  const only = cell.childElementCount === 1 ? cell.firstElementChild : null;
  if (only && (only.tagName === 'SELECT' || only.tagName === 'INPUT' || only.tagName === 'TEXTAREA')) {
    const kind = kindOf(only);
    if (kind) return { kind, control: only };
  }
  for (const inner of cell.querySelectorAll(WIDGET_SELECTOR)) {
    const kind = kindOf(inner);
    if (kind && (best === null || KIND_RANK[kind] < KIND_RANK[best])) best = kind;
    if (best === 'el-cascader') break;
  }
  return { kind: best ?? 'text' };
}

/** classList.contains behind a plain string test: most cells of a plain grid have no class at all. */
function hasClass(el: Element, name: string): boolean {
  const cls = el.getAttribute('class');
  return cls !== null && cls.includes(name) && el.classList.contains(name);
}

/** Which kind wins when a cell holds several widgets (lower first). */
const KIND_RANK: Record<WidgetKind, number> = { 'el-cascader': 0, 'el-select': 1, 'native-select': 2, input: 3, contenteditable: 4, 'slick-cell': 5, text: 6 };

const EDITABLE_SELECTOR = '[contenteditable="true"], [contenteditable=""]';
const WIDGET_SELECTOR = `.el-cascader, .el-select, select, ${INPUT_SELECTOR}, ${EDITABLE_SELECTOR}`;

function kindOf(el: Element): WidgetKind | null {
  const cls = el.getAttribute('class');
  if (cls !== null && cls.includes('el-')) {
    if (el.classList.contains('el-cascader')) return 'el-cascader';
    if (el.classList.contains('el-select')) return 'el-select';
  }
  const tag = el.tagName;
  if (tag === 'SELECT') return 'native-select';
  if (tag === 'INPUT' || tag === 'TEXTAREA') return isTextControl(el) ? 'input' : null;
  if (el.hasAttribute('contenteditable') && el.matches(EDITABLE_SELECTOR)) return 'contenteditable';
  return null;
}

function elSelectRoot(cell: Element): HTMLElement | null {
  return (cell.matches('.el-select') ? cell : cell.querySelector('.el-select')) as HTMLElement | null;
}

/** The value a cell shows now ('' when empty or showing only a placeholder). */
export function readCell(cell: Element, kind?: WidgetKind): string {
  const found = recognise(cell, kind);
  switch (found.kind) {
    case 'el-cascader':
      return cascaderLeaf(cascaderShown(elCascaderRoot(cell)!));
    case 'el-select': {
      const root = elSelectRoot(cell)!;
      const shown = root.querySelector('.el-select__placeholder:not(.is-transparent), .el-select__tags-text');
      return clean(shown?.textContent ?? '');
    }
    case 'native-select': {
      const select = (found.control ?? controlIn(cell, isSelect, 'select')) as HTMLSelectElement;
      // options[selectedIndex], not selectedOptions (a new collection per call).
      const option = select.selectedIndex >= 0 ? select.options[select.selectedIndex] : undefined;
      return option && option.value !== '' ? clean(option.textContent ?? option.value) : '';
    }
    case 'input': {
      const input = (found.control ?? controlIn(cell, isTextControl, INPUT_SELECTOR)) as HTMLInputElement;
      return clean(input.value);
    }
    case 'contenteditable': {
      const el = (cell.matches('[contenteditable]') ? cell : cell.querySelector('[contenteditable="true"]')) as HTMLElement;
      return clean(el.textContent ?? '');
    }
    case 'slick-cell': {
      // An open editor shows the value being typed; the cell's text is the committed value.
      const editor = cell.querySelector<HTMLInputElement | HTMLSelectElement>('input, select, textarea');
      if (editor) return clean(editor instanceof HTMLSelectElement ? (editor.selectedOptions[0]?.textContent ?? '') : editor.value);
      return clean(cell.textContent ?? '');
    }
    default:
      return clean(cell.textContent ?? '');
  }
}

/**
 * Fires the focus/focusin pair a person's click into a field fires, without moving the browser's focus:
 * a real `focus()` forces a style recalculation of the whole page on every field, which on a large
 * Element Plus grid costs more than the write itself, and it would pull the user's caret around.
 */
export function announceFocus(el: HTMLElement): void {
  const win = el.ownerDocument.defaultView!;
  el.dispatchEvent(new win.FocusEvent('focus', { bubbles: false, composed: true }));
  el.dispatchEvent(new win.FocusEvent('focusin', { bubbles: true, composed: true }));
}

/**
 * Sets an input's value through the prototype setter (bypassing framework wrappers) and fires the events a
 * person's typing fires. `focus: 'events'` announces focus by events only (batch writes into plain fields);
 * the default moves real focus (editors and filterable dropdowns that read the active element).
 */
export function setNativeValue(input: HTMLInputElement | HTMLTextAreaElement, value: string, options: { focus?: 'real' | 'events' } = {}): void {
  const win = input.ownerDocument.defaultView!;
  const proto = input instanceof win.HTMLTextAreaElement ? win.HTMLTextAreaElement.prototype : win.HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (options.focus === 'events') announceFocus(input);
  // An editor the page has just focused itself (SlickGrid's) needs no second focus(), which is not free.
  else if (input.ownerDocument.activeElement !== input) input.focus({ preventScroll: true });
  if (setter) setter.call(input, value);
  else input.value = value;
  input.dispatchEvent(new win.InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }));
  input.dispatchEvent(new win.Event('change', { bubbles: true, composed: true }));
}

/** Fires blur/focusout so frameworks that commit on blur (el-input-number) take the value. */
export function blur(input: HTMLElement): void {
  const win = input.ownerDocument.defaultView!;
  input.dispatchEvent(new win.FocusEvent('blur', { bubbles: false, composed: true }));
  input.dispatchEvent(new win.FocusEvent('focusout', { bubbles: true, composed: true }));
  // Only when it really has focus: blur() on another element still costs a style recalculation.
  if (input.ownerDocument.activeElement === input) input.blur();
}

/**
 * A keydown/keyup pair with the legacy `which`/`keyCode` that older grids (SlickGrid) read. They go in the
 * event's init dictionary: a property defined on the event object would live only in the content script's
 * isolated world, and the page's own listeners would never see it.
 */
export function pressKey(target: HTMLElement, key: 'Enter' | 'Escape' | 'Tab', keyCode: number): void {
  const win = target.ownerDocument.defaultView!;
  for (const type of ['keydown', 'keyup'] as const) {
    const init = { key, code: key, keyCode, which: keyCode, bubbles: true, cancelable: true, composed: true } as KeyboardEventInit;
    target.dispatchEvent(new win.KeyboardEvent(type, init));
  }
}

/** A full pointer click as a person's (some widgets open on mousedown, others on click). */
export function click(el: HTMLElement): void {
  const win = el.ownerDocument.defaultView!;
  const init = { bubbles: true, cancelable: true, composed: true, view: win, button: 0 };
  el.dispatchEvent(new win.PointerEvent('pointerdown', init));
  el.dispatchEvent(new win.MouseEvent('mousedown', init));
  el.dispatchEvent(new win.PointerEvent('pointerup', init));
  el.dispatchEvent(new win.MouseEvent('mouseup', init));
  el.dispatchEvent(new win.MouseEvent('click', init));
}

function optionText(el: Element): string {
  return normaliseLabel(el.textContent ?? '');
}

/** The dropdown list an el-select controls (teleported to body; named by the input's aria-controls). */
function elSelectOptions(root: HTMLElement): HTMLElement[] {
  const input = root.querySelector<HTMLInputElement>('input');
  const id = input?.getAttribute('aria-controls');
  const list = id ? root.ownerDocument.getElementById(id) : null;
  const scope = list?.closest('.el-select-dropdown, .el-popper') ?? list;
  return scope ? Array.from(scope.querySelectorAll<HTMLElement>('.el-select-dropdown__item, [role="option"]')) : [];
}

/**
 * Whether a write into this cell completes synchronously (no dropdown to open, no editor to wait for), so it
 * can join a batch that the page re-renders once.
 */
export function canWriteNow(cell: Element, value: string): boolean {
  switch (widgetKind(cell)) {
    case 'input':
    case 'native-select':
    case 'contenteditable':
      return true;
    case 'el-select': {
      const want = normaliseLabel(value);
      return elSelectOptions(elSelectRoot(cell)!).some((o) => optionText(o) === want && !o.classList.contains('is-disabled'));
    }
    default:
      return false;
  }
}

/** Options for a batch write: whether to wait for re-render after each write. */
export interface WriteContext {
  signal?: AbortSignal;
  /** Longest wait for a widget to react (dropdown to open, editor to appear), ms. */
  timeout?: number;
}

async function writeElSelect(cell: Element, value: string, ctx: WriteContext): Promise<void> {
  const root = elSelectRoot(cell)!;
  const doc = root.ownerDocument;
  const want = normaliseLabel(value);
  const find = () => elSelectOptions(root).find((o) => optionText(o) === want && !o.classList.contains('is-disabled'));
  // Options of a persistent el-select exist while closed: picking one directly is what a click does.
  let option = find();
  const typeable = root.querySelector<HTMLInputElement>('input.el-select__input');
  // A persistent el-select renders its options while closed: when the value is not among them, opening
  // the dropdown will not add it — go straight to typing it (filterable + allow-create), no wait.
  const openFirst = !(elSelectOptions(root).length > 0 && typeable && !typeable.readOnly);
  if (!option && openFirst) {
    click(root.querySelector<HTMLElement>('.el-select__wrapper') ?? root);
    option = await waitFor(doc, find, { timeout: 300, what: `选项「${value}」`, signal: ctx.signal }).catch(() => undefined);
  }
  if (!option) {
    // Free entry (filterable + allow-create): type the value, then take the option it creates.
    const input = root.querySelector<HTMLInputElement>('input.el-select__input');
    if (!input || input.readOnly) throw new Error(`下拉框没有选项「${value}」`);
    setNativeValue(input, value);
    option = await waitFor(doc, find, { timeout: ctx.timeout ?? 1500, what: `选项「${value}」`, signal: ctx.signal });
  }
  click(option);
  const wrapper = root.querySelector<HTMLElement>('.el-select__wrapper');
  if (root.querySelector('input')?.getAttribute('aria-expanded') === 'true' && wrapper) {
    // Close the dropdown again, as a person's click elsewhere would.
    pressKey(root.querySelector('input')!, 'Escape', 27);
  }
}

/* ── el-cascader ─────────────────────────────────────────────────────────────────────────────────── */

function elCascaderRoot(cell: Element): HTMLElement | null {
  return (cell.matches('.el-cascader') ? cell : cell.querySelector('.el-cascader')) as HTMLElement | null;
}

/** What the cascader's input shows: the chosen path ("产出指标 / 数量指标") or only its leaf. */
function cascaderShown(root: HTMLElement): string {
  return clean(root.querySelector<HTMLInputElement>('input')?.value ?? '');
}

function cascaderOpen(root: HTMLElement): boolean {
  return root.querySelector('input')?.getAttribute('aria-expanded') === 'true';
}

/** Each cascader's popper as last opened (its name, aria-describedby, is gone once it closes). */
const cascaderPoppers = new WeakMap<HTMLElement, HTMLElement>();

/** The open cascader's panel: its popper (teleported to body) is named by the trigger's aria-describedby while open. */
function cascaderPanel(root: HTMLElement): HTMLElement | null {
  const id = root.getAttribute('aria-describedby');
  const popper = id ? root.ownerDocument.getElementById(id) : null;
  if (popper) cascaderPoppers.set(root, popper);
  return popper?.querySelector<HTMLElement>('.el-cascader-panel') ?? null;
}

function menuNodes(panel: HTMLElement, level: number): HTMLElement[] {
  const menu = panel.querySelectorAll('.el-cascader-menu')[level];
  return menu ? Array.from(menu.querySelectorAll<HTMLElement>('.el-cascader-node')) : [];
}

const nodeText = (node: Element): string => clean(node.querySelector('.el-cascader-node__label')?.textContent ?? node.textContent ?? '');
const isBranch = (node: Element): boolean => node.getAttribute('aria-haspopup') === 'true';
const usable = (node: Element): boolean => !node.classList.contains('is-disabled');

/** "第3行「二级指标」" for messages: the row in its table body and the column's header text when found. */
function cellName(cell: Element): string {
  const td = cell.closest('td');
  const tr = td?.parentElement as HTMLTableRowElement | null;
  if (!td || !tr) return '级联选择框';
  const column = Array.from(td.classList).find((c) => /column_\d+$/.test(c));
  const head = column ? td.closest('.el-table')?.querySelector(`thead th.${column}`) : td.closest('table')?.tHead?.rows[0]?.cells[td.cellIndex];
  const label = clean(head?.textContent ?? '');
  return `第${tr.sectionRowIndex + 1}行${label ? `「${label}」` : ''}`;
}

/**
 * Expands the branch at `index` of menu `level` (a click, as a person's) and waits until the next menu holds
 * its children. A branch on the chosen path is expanded already when the panel opens.
 */
async function expandBranch(panel: HTMLElement, level: number, index: number, ctx: WriteContext): Promise<void> {
  const node = () => menuNodes(panel, level)[index];
  if (node()?.getAttribute('aria-expanded') !== 'true') click(node()!);
  await waitFor(panel.ownerDocument, () => node()?.getAttribute('aria-expanded') === 'true' && panel.querySelectorAll('.el-cascader-menu').length > level + 1, {
    timeout: ctx.timeout ?? 1500,
    what: `展开「${nodeText(node()!)}」`,
    signal: ctx.signal,
  });
}

/** Walks a path level by level from the first menu; returns the leaf node or throws naming what was not offered. */
async function cascaderPathNode(panel: HTMLElement, want: readonly string[], where: string, ctx: WriteContext): Promise<HTMLElement> {
  for (let level = 0; ; level += 1) {
    const nodes = menuNodes(panel, level);
    const index = nodes.findIndex((n) => usable(n) && normaliseLabel(nodeText(n)) === want[level]);
    const under = level === 0 ? '' : `「${want.slice(0, level).join(' / ')}」下`;
    if (index < 0) throw new Error(`${where}：级联选择框${under}没有选项「${want[level]}」，可选：${offeredList(nodes.map(nodeText))}`);
    const last = level === want.length - 1;
    const branch = isBranch(nodes[index]!);
    if (last && branch) throw new Error(`${where}：「${want.join(' / ')}」不是末级选项`);
    if (!last && !branch) throw new Error(`${where}：「${want.slice(0, level + 1).join(' / ')}」没有下级选项`);
    if (last) return nodes[index]!;
    await expandBranch(panel, level, index, ctx);
  }
}

/** Finds a single label as a leaf under any branch, expanding branches one at a time (the chosen path first). */
async function cascaderLeafNode(panel: HTMLElement, label: string, level: number, ctx: WriteContext): Promise<HTMLElement | null> {
  ctx.signal?.throwIfAborted();
  const nodes = menuNodes(panel, level);
  const hit = nodes.find((n) => !isBranch(n) && usable(n) && normaliseLabel(nodeText(n)) === label);
  if (hit || level >= 4) return hit ?? null;
  const branches = nodes.flatMap((n, i) => (isBranch(n) && usable(n) ? [i] : []));
  const expanded = branches.findIndex((i) => nodes[i]!.getAttribute('aria-expanded') === 'true');
  for (const k of branchOrder(branches.length, expanded)) {
    await expandBranch(panel, level, branches[k]!, ctx);
    const found = await cascaderLeafNode(panel, label, level + 1, ctx);
    if (found) return found;
  }
  return null;
}

/**
 * el-cascader: open the panel with a click, walk the path (or find a single label as a leaf), click the leaf,
 * confirm the input shows the chosen path, and leave the panel closed.
 */
async function writeElCascader(cell: Element, value: string, ctx: WriteContext): Promise<void> {
  const root = elCascaderRoot(cell)!;
  const doc = root.ownerDocument;
  const want = cascaderPath(value);
  const where = cellName(cell);
  if (want.length === 0) throw new Error(`${where}：级联选择框不能清空`);
  if (shownMatches(cascaderShown(root), want)) return;
  // Reopened while its closing transition runs, Element Plus's popper stays on screen after it closes
  // again (over the page, catching clicks): let the last close finish first, as it has for a person.
  const closing = cascaderOpen(root) ? undefined : cascaderPoppers.get(root);
  if (closing) await waitFor(doc, () => !closing.isConnected || closing.style.display === 'none', { timeout: ctx.timeout ?? 1500, signal: ctx.signal }).catch(() => undefined);
  if (!cascaderOpen(root)) click(root);
  try {
    const panel = await waitFor(doc, () => cascaderOpen(root) && cascaderPanel(root), {
      timeout: ctx.timeout ?? 1500,
      what: `${where}的级联面板`,
      signal: ctx.signal,
    });
    const node =
      want.length > 1
        ? await cascaderPathNode(panel, want, where, ctx)
        : await cascaderLeafNode(panel, want[0]!, 0, ctx);
    if (!node) throw new Error(`${where}：级联选择框各级都没有选项「${value}」，一级可选：${offeredList(menuNodes(panel, 0).map(nodeText))}`);
    click(node);
    await waitFor(doc, () => shownMatches(cascaderShown(root), want), { timeout: ctx.timeout ?? 1500, signal: ctx.signal }).catch((e: unknown) => {
      if (ctx.signal?.aborted) throw e;
      throw new Error(`${where}：选了「${value}」，但显示「${cascaderShown(root)}」`);
    });
  } finally {
    // Close the panel again (a leaf click closes it; an error leaves it open), as Escape would for a person.
    if (cascaderOpen(root)) pressKey(root.querySelector('input') ?? root, 'Escape', 27);
  }
}

/** The option showing `value`: as written first (one pass, no string work), else as normalised labels compare. */
function nativeOption(select: HTMLSelectElement, value: string): HTMLOptionElement | undefined {
  const options = select.options;
  for (let i = 0; i < options.length; i += 1) {
    const o = options[i]!;
    if (o.value === value || o.text === value) return o;
  }
  const want = normaliseLabel(value);
  for (let i = 0; i < options.length; i += 1) {
    const o = options[i]!;
    if (normaliseLabel(o.textContent ?? '') === want || normaliseLabel(o.value) === want) return o;
  }
  return undefined;
}

function writeNativeSelect(cell: Element, value: string): void {
  const select = controlIn(cell, isSelect, 'select') as HTMLSelectElement;
  const option = nativeOption(select, value);
  if (!option) throw new Error(`下拉框没有选项「${value}」`);
  const win = select.ownerDocument.defaultView!;
  // Focus announced by events, not moved (a real focus() per select forces a style recalculation).
  announceFocus(select);
  select.value = option.value;
  select.dispatchEvent(new win.Event('input', { bubbles: true, composed: true }));
  select.dispatchEvent(new win.Event('change', { bubbles: true, composed: true }));
}

/**
 * SlickGrid-style cell: activate it, open the editor with Enter (`which` 13), set the editor, commit with
 * Enter, and wait until the editor is gone. The cell node is looked up again by the caller on retry: a
 * commit re-renders the row and detaches the old nodes.
 */
async function writeSlickCell(cell: HTMLElement, value: string, ctx: WriteContext): Promise<void> {
  const doc = cell.ownerDocument;
  click(cell);
  const editorIn = () => {
    const active = doc.querySelector<HTMLElement>('.slick-cell.active.editable, .slick-cell.editable') ?? null;
    return active?.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea') ?? null;
  };
  let editor = editorIn();
  if (!editor) {
    const active = doc.querySelector<HTMLElement>('.slick-cell.active') ?? cell;
    pressKey(active, 'Enter', 13);
    editor = await waitFor(doc, editorIn, { timeout: ctx.timeout ?? 1500, what: '单元格编辑器', signal: ctx.signal });
  }
  if (editor instanceof HTMLSelectElement) writeNativeSelect(editor, value);
  else setNativeValue(editor, value);
  pressKey(editor, 'Enter', 13);
  await waitFor(doc, () => !editor!.isConnected || !doc.querySelector('.slick-cell.editable'), {
    timeout: ctx.timeout ?? 1500,
    what: '提交单元格',
    signal: ctx.signal,
  });
}

/**
 * Writes `value` into the widget in `cell`. Synchronous widgets (inputs, native selects, el-select with
 * rendered options) complete before the returned promise's first await, so callers can batch a whole pass
 * and let the page re-render once.
 */
export async function writeCell(cell: HTMLElement, value: string, ctx: WriteContext = {}, kind?: WidgetKind): Promise<void> {
  switch (widgetKind(cell, kind)) {
    case 'el-cascader':
      return writeElCascader(cell, value, ctx);
    case 'el-select':
      return writeElSelect(cell, value, ctx);
    case 'native-select':
      return writeNativeSelect(cell, value);
    case 'input': {
      const input = controlIn(cell, isTextControl, INPUT_SELECTOR) as HTMLInputElement;
      setNativeValue(input, value, { focus: 'events' });
      blur(input);
      return;
    }
    case 'contenteditable': {
      const el = (cell.matches('[contenteditable]') ? cell : cell.querySelector('[contenteditable="true"]')) as HTMLElement;
      const win = el.ownerDocument.defaultView!;
      el.focus();
      el.textContent = value;
      el.dispatchEvent(new win.InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }));
      blur(el);
      return;
    }
    case 'slick-cell':
      return writeSlickCell(cell, value, ctx);
    default:
      throw new Error('单元格不可编辑');
  }
}

/** Lets the page flush a batch of writes (framework re-render), then returns. */
export async function flush(doc: Document): Promise<void> {
  await tick(doc.defaultView!);
  await settled(doc, 800);
}
