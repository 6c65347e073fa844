import { settled, tick } from '../wait';
import { contenteditableAdapter } from './contenteditable';
import { EDITABLE_SELECTOR, INPUT_SELECTOR, hasClass } from './controls';
import { editOnClickAdapter } from './edit-on-click';
import { elCascaderAdapter } from './el-cascader';
import { elSelectAdapter } from './el-select';
import { inputAdapter } from './input';
import { nativeSelectAdapter } from './native-select';
import { slickCellAdapter } from './slick-cell';
import type { WidgetAdapter, WidgetKind, WriteContext } from './types';

/**
 * Widget adapters: read what a cell shows and write a value into it the way a person does, so the page's
 * own model updates (setting `input.value` alone does not reach Vue, React, a SlickGrid DataView or a
 * home-grown grid's row objects). Each adapter recognises its widget from the DOM; none needs hooks into
 * the page. The next widget family is one new file and one line in ADAPTERS.
 */

export type { WidgetAdapter, WidgetKind, WriteContext } from './types';
export { announceFocus, blur, centre, click, pointer, pressKey, pressLive, setNativeValue } from './events';

/** Cells of a read-only kind: shown, never written. */
const textAdapter: WidgetAdapter = {
  kind: 'text',
  matches: () => false,
  read: (cell) => (cell.textContent ?? '').replace(/[\s\u00a0]+/g, ' ').trim(),
  write() {
    throw new Error('单元格不可编辑');
  },
};

/**
 * Every adapter, strongest first: when a cell holds several widgets the first one listed wins (a cascader or
 * el-select holds inputs of its own; a select beats an input beside it). Cells with no control at all fall
 * to edit-on-click.
 */
export const ADAPTERS: readonly WidgetAdapter[] = [
  elCascaderAdapter,
  elSelectAdapter,
  nativeSelectAdapter,
  inputAdapter,
  contenteditableAdapter,
  slickCellAdapter,
  editOnClickAdapter,
  textAdapter,
];

const BY_KIND = new Map<WidgetKind, WidgetAdapter>(ADAPTERS.map((a) => [a.kind, a]));
const RANK = new Map<WidgetKind, number>(ADAPTERS.map((a, i) => [a.kind, i]));
/** Adapters recognised by a control inside the cell (the rest by the cell itself, or as the fallback). */
const BY_CONTROL = ADAPTERS.filter((a) => a !== slickCellAdapter && a !== editOnClickAdapter && a !== textAdapter);
const WIDGET_SELECTOR = `.el-cascader, .el-select, select, ${INPUT_SELECTOR}, ${EDITABLE_SELECTOR}`;

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

/** A cell's widget kind and, when recognising it found it on the way, its control (the lone native one). */
interface Recognised {
  kind: WidgetKind;
  control?: Element;
}

function kindOf(el: Element): WidgetKind | null {
  const tag = el.tagName;
  // Cheap tests first: most elements of a big grid are plain.
  if (tag !== 'SELECT' && tag !== 'INPUT' && tag !== 'TEXTAREA' && !el.hasAttribute('contenteditable')) {
    const cls = el.getAttribute('class');
    if (cls === null || !cls.includes('el-')) return null;
  }
  for (const adapter of BY_CONTROL) if (adapter.matches(el)) return adapter.kind;
  return null;
}

function recognise(cell: Element, kind?: WidgetKind): Recognised {
  const wanted = kind ?? (anyForced ? forcedKinds.get(cell) : undefined);
  if (wanted && (BY_KIND.get(wanted)?.fits?.(cell) ?? true)) return { kind: wanted };
  if (hasClass(cell, 'slick-cell')) return { kind: 'slick-cell' };
  // One query for every widget in the cell, the strongest kind wins: reading a 500-row grid asks this for every cell.
  let best = kindOf(cell);
  if (best) return { kind: best, control: cell };
  // A lone native control in the cell (plain HTML grids): no subtree query needed.
  const only = cell.childElementCount === 1 ? cell.firstElementChild : null;
  if (only && (only.tagName === 'SELECT' || only.tagName === 'INPUT' || only.tagName === 'TEXTAREA')) {
    const found = kindOf(only);
    if (found) return { kind: found, control: only };
  }
  if (cell.childElementCount > 0) {
    for (const inner of cell.querySelectorAll(WIDGET_SELECTOR)) {
      const found = kindOf(inner);
      if (found && (best === null || RANK.get(found)! < RANK.get(best)!)) best = found;
      if (best === 'el-cascader') break;
    }
  }
  return { kind: best ?? 'edit-on-click' };
}

/** Which widget a cell holds: `kind` or a site profile's forced kind when it fits, else recognised from the DOM. */
export function widgetKind(cell: Element, kind?: WidgetKind): WidgetKind {
  return recognise(cell, kind).kind;
}

/** The value a cell shows now ('' when empty or showing only a placeholder). */
export function readCell(cell: Element, kind?: WidgetKind): string {
  const found = recognise(cell, kind);
  return BY_KIND.get(found.kind)!.read(cell, found.control);
}

/**
 * Whether a write into this cell completes synchronously (no dropdown to open, no editor to wait for), so it
 * can join a batch that the page re-renders once.
 */
export function canWriteNow(cell: Element, value: string): boolean {
  return BY_KIND.get(widgetKind(cell))!.canWriteNow?.(cell, value) ?? false;
}

/**
 * Writes `value` into the widget in `cell`. Synchronous widgets (inputs, native selects, el-select with
 * rendered options) complete before the returned promise's first await, so callers can batch a whole pass
 * and let the page re-render once.
 */
export async function writeCell(cell: HTMLElement, value: string, ctx: WriteContext = {}, kind?: WidgetKind): Promise<void> {
  return BY_KIND.get(widgetKind(cell, kind))!.write(cell, value, ctx);
}

/** Lets the page flush a batch of writes (framework re-render), then returns. */
export async function flush(doc: Document): Promise<void> {
  await tick(doc.defaultView!);
  await settled(doc, 800);
}
