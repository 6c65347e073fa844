import { normaliseLabel, sameFieldValue } from '../labels';
import { tick, waitFor } from '../wait';
import { EDITABLE_SELECTOR, INPUT_SELECTOR, isEditable, isTextControl, optionText, sameChoice } from './controls';
import { typeInto } from './contenteditable';
import { blur, clean, pointer, pressKey, pressLive, setNativeValue } from './events';
import { selectOption } from './native-select';
import type { WidgetAdapter, WriteContext } from './types';

/**
 * The generic adapter for grids whose cells show plain text and open an editor when pressed (home-grown
 * IE-era tables, vxe-table and el-table in cell-edit mode, jqGrid and the like): press the cell as a person
 * does, find the editor that appears — an input, textarea, select or contenteditable in the cell or laid
 * over it, or a popup list appended to `<body>` (`<select size>`, `role=listbox`, an `li` list) — write the
 * value, commit it the way such grids accept (Enter with `keyCode`/`which` 13, then a press outside the
 * cell, then blur), and re-read the cell to prove it. It never scrolls while an edit is open: some grids
 * drop an open edit on scroll.
 */

const EDITOR_SELECTOR = `${INPUT_SELECTOR}, select, ${EDITABLE_SELECTOR}`;

type Editor =
  | { kind: 'text'; el: HTMLInputElement | HTMLTextAreaElement }
  | { kind: 'select'; el: HTMLSelectElement }
  | { kind: 'editable'; el: HTMLElement };

interface Popup {
  root: HTMLElement;
  /** The chosen entry is picked among these. */
  options: () => HTMLElement[];
  select?: HTMLSelectElement;
}

/** Shown to a person: laid out, not hidden, not faded out (a popup in its closing transition, or kept closed). */
function visible(el: Element): boolean {
  const rect = el.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0) return false;
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  return !style || (style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity || '1') > 0.05);
}

function editorOf(el: Element | null): Editor | null {
  if (!el) return null;
  if (el.tagName === 'SELECT') return { kind: 'select', el: el as HTMLSelectElement };
  if (isTextControl(el) && !(el as HTMLInputElement).readOnly && !(el as HTMLInputElement).disabled) {
    return { kind: 'text', el: el as HTMLInputElement };
  }
  if (isEditable(el)) return { kind: 'editable', el: el as HTMLElement };
  return null;
}

function overlaps(a: DOMRect, b: DOMRect): boolean {
  return a.width > 0 && b.width > 0 && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** The editor that belongs to the cell now: inside it, or the focused control laid over it. */
function findEditor(cell: HTMLElement, focusedBefore: Element | null): Editor | null {
  const inside = editorOf(cell.matches(EDITOR_SELECTOR) ? cell : cell.querySelector(EDITOR_SELECTOR));
  if (inside) return inside;
  const active = cell.ownerDocument.activeElement;
  if (active && active !== focusedBefore && active !== cell.ownerDocument.body) {
    const editor = editorOf(active);
    // A floating editor (an input positioned over the cell) counts when it covers the cell.
    if (editor && overlaps(active.getBoundingClientRect(), cell.getBoundingClientRect())) return editor;
  }
  return null;
}

/**
 * Entries of a popup list: `<option>`s, `role=option`, `li`, or elements named as options by their class
 * (`…-option`, `…__item` of dropdown libraries), innermost only.
 */
const OPTION_SELECTOR = '[role="option"], li, [class*="option"], [class*="dropdown__item"], [class*="select-item"]';

function listOptions(root: Element): HTMLElement[] {
  const all = Array.from(root.querySelectorAll<HTMLElement>(OPTION_SELECTOR));
  return all.filter((o) => !all.some((other) => other !== o && o.contains(other)) && (o.textContent ?? '').trim() !== '');
}

/** A list that appeared under `<body>` since the press (a dictionary popup), with its entries. */
function findPopup(doc: Document, before: ReadonlySet<Element>): Popup | null {
  const body = doc.body;
  if (!body) return null;
  for (let i = body.children.length - 1; i >= 0; i -= 1) {
    const child = body.children[i]!;
    // New since the press, or a popup reused from an earlier edit and shown again.
    if (before.has(child) && !hiddenBefore.has(child)) continue;
    if (!visible(child) || child.tagName === 'SCRIPT' || child.tagName === 'STYLE') continue;
    const select = child.matches('select[size]') ? (child as HTMLSelectElement) : child.querySelector<HTMLSelectElement>('select[size]');
    if (select) return { root: child as HTMLElement, select, options: () => Array.from(select.options) };
    if (listOptions(child).length > 0) return { root: child as HTMLElement, options: () => listOptions(child) };
  }
  return null;
}

/** Children of `<body>` that were hidden before the press (a popup reused between edits is shown again). */
const hiddenBefore = new WeakSet<Element>();

function rememberBody(doc: Document): Set<Element> {
  const before = new Set<Element>();
  for (const child of Array.from(doc.body?.children ?? [])) {
    before.add(child);
    if (!visible(child)) hiddenBefore.add(child);
    else hiddenBefore.delete(child);
  }
  return before;
}

/** Whether a cell holds a control now (an open editor: also a read-only one, as a dropdown's). */
function holdsControl(cell: HTMLElement | null): boolean {
  return cell !== null && cell.querySelector(EDITOR_SELECTOR_ANY) !== null;
}
const EDITOR_SELECTOR_ANY = `input, textarea, select, ${EDITABLE_SELECTOR}`;

/**
 * Whether the cell is still being edited: its editor is in it or still focused over it, its popup still
 * shown, or a control that the press opened is still in it (a dropdown's read-only input).
 */
function stillEditing(cell: HTMLElement | null, editor: Editor | null, popup: Popup | null, controlBefore: boolean): boolean {
  if (popup && popup.root.isConnected && visible(popup.root)) return true;
  if (!controlBefore && holdsControl(cell)) return true;
  if (!editor) return false;
  if (!editor.el.isConnected) return false;
  if (cell && cell.contains(editor.el)) return true;
  return editor.el.ownerDocument.activeElement === editor.el;
}

/** A press somewhere outside the cell and its popup: the page's body, at its top-left corner. */
function pressOutside(doc: Document): void {
  const target = doc.body ?? doc.documentElement;
  const at = { clientX: 1, clientY: 1 };
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'] as const) pointer(target as HTMLElement, type, at);
}

function pick(popup: Popup, value: string): void {
  const want = normaliseLabel(value);
  if (popup.select) {
    const option = Array.from(popup.select.options).find((o) => optionText(o) === want) ?? Array.from(popup.select.options).find((o) => sameChoice(o.textContent ?? '', value));
    if (!option) throw new Error(`弹出列表没有选项「${value}」`);
    // A person's click on the option: the list's own listeners (click or change) see it either way.
    pointer(option, 'mousedown');
    selectOption(popup.select, option.text || option.value);
    pointer(option, 'mouseup');
    pointer(option, 'click');
    return;
  }
  const items = popup.options();
  const item = items.find((o) => optionText(o) === want) ?? items.find((o) => sameChoice(o.textContent ?? '', value));
  if (!item) throw new Error(`弹出列表没有选项「${value}」`);
  pressLive(item, () => popup.options().find((o) => optionText(o) === optionText(item)) ?? null);
}

function writeEditor(editor: Editor, value: string, field?: string): void {
  if (editor.kind === 'text') setNativeValue(editor.el, value);
  else if (editor.kind === 'select') selectOption(editor.el, value, field === 'symbol');
  else typeInto(editor.el, value);
}

function defaultRelocate(cell: HTMLElement): () => HTMLElement | null {
  const doc = cell.ownerDocument;
  const id = cell.id;
  return () => (cell.isConnected ? cell : id ? doc.getElementById(id) : null);
}

function shownIn(cell: HTMLElement | null, editor: Editor | null): string {
  if (!cell) return '';
  const open = editor && cell.contains(editor.el) ? editor : findEditor(cell, null);
  if (open) return clean(open.kind === 'editable' ? (open.el.textContent ?? '') : open.kind === 'select' ? (open.el.selectedOptions[0]?.text ?? '') : open.el.value);
  return clean(cell.textContent ?? '');
}

async function writeEditOnClick(cell: HTMLElement, value: string, ctx: WriteContext): Promise<void> {
  const doc = cell.ownerDocument;
  const win = doc.defaultView!;
  const relocate = ctx.relocate ?? defaultRelocate(cell);
  const live = () => relocate() ?? (cell.isConnected ? cell : null);
  const timeout = ctx.timeout ?? 1500;
  const focusedBefore = doc.activeElement;
  const before = rememberBody(doc);
  const controlBefore = holdsControl(cell);
  // Press the cell; after the page handled each event, the next goes to the cell as it is then.
  pressLive(cell, relocate);
  const found = () => {
    const now = live();
    const popup = findPopup(doc, before);
    const editor = now ? findEditor(now, focusedBefore) : null;
    return editor || popup ? { editor, popup } : null;
  };
  let opened = await waitFor(doc, found, { timeout: Math.min(timeout, 600), what: '编辑框', signal: ctx.signal }).catch(() => null);
  if (!opened) {
    // Grids that open on a double click, or on Enter once the cell is active (SlickGrid's keyboard path).
    const now = live();
    if (now) {
      pointer(now, 'dblclick');
      if (!found()) pressKey(live() ?? now, 'Enter', 13);
    }
    opened = await waitFor(doc, found, { timeout, what: '单元格编辑框', signal: ctx.signal }).catch(() => null);
  }
  if (!opened) throw new Error('点击单元格后没有出现编辑框（单元格不可编辑）');
  // A dictionary column may open its popup a moment after the editor: give it one task to appear.
  if (!opened.popup) {
    await tick(win);
    opened.popup = findPopup(doc, before);
  }
  const { popup } = opened;
  let editor = opened.editor;
  if (popup) pick(popup, value);
  else if (editor) writeEditor(editor, value, ctx.field);
  // Commit: Enter, then a press elsewhere, then blur — whichever the grid takes first.
  editor = editor ?? findEditor(live() ?? cell, focusedBefore);
  const editing = () => stillEditing(live(), editor, popup, controlBefore);
  if (editing() && editor) {
    pressKey(editor.el, 'Enter', 13);
    await tick(win);
  }
  if (editing()) {
    pressOutside(doc);
    await tick(win);
  }
  if (editing() && editor) {
    blur(editor.el);
    await tick(win);
  }
  if (editing()) throw new Error('编辑框没有关闭（值未提交）');
  // Prove it: the cell as the grid shows it now.
  const shown = await waitFor(doc, () => {
    const text = shownIn(live(), null);
    return sameFieldValue(ctx.field ?? '', text, value) || sameChoice(text, value) ? text || ' ' : null;
  }, { timeout: 500, what: '单元格显示新值', signal: ctx.signal }).catch(() => null);
  if (shown === null) throw new Error(`提交后单元格显示「${shownIn(live(), null)}」`);
}

/** A cell holding only text: edit-on-click (what a press opens decides how it is written). */
export const editOnClickAdapter: WidgetAdapter = {
  kind: 'edit-on-click',
  // Recognised as the fallback for control-less cells by the registry, never by a control.
  matches: () => false,
  fits: () => true,
  read: (cell) => shownIn(cell as HTMLElement, null),
  write: writeEditOnClick,
};
