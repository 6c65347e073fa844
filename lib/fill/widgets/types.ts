/**
 * The widget adapters' common shape. One adapter per file in this folder, each for one family of cell
 * widgets as real portals build them; `index.ts` registers them in one list.
 */

/** Which adapter handles a cell. `edit-on-click`: a cell showing plain text that opens an editor when pressed. */
export type WidgetKind =
  | 'el-cascader'
  | 'el-select'
  | 'native-select'
  | 'input'
  | 'contenteditable'
  | 'slick-cell'
  | 'edit-on-click'
  | 'text';

/** What a write may use: a deadline signal, the longest wait for the widget, and how to find the cell again. */
export interface WriteContext {
  signal?: AbortSignal;
  /** Longest wait for a widget to react (dropdown to open, editor to appear), ms. */
  timeout?: number;
  /**
   * Finds the cell again as it is now: grids that redraw their body on every event replace the pressed
   * cell between mousedown and click. Default: the same node while it is connected, else by its id.
   */
  relocate?: () => HTMLElement | null;
  /** The field the cell holds (a 计算符号 column matches ≥ against 大于等于 and the like). */
  field?: string;
}

/** One widget family: how to recognise its control, read what it shows, and write into it as a person does. */
export interface WidgetAdapter {
  kind: WidgetKind;
  /** Whether `el` (the cell, or an element inside it) is this widget's control or root. */
  matches(el: Element): boolean;
  /** What the cell shows now ('' when empty or only a placeholder); `control` is the matched element when known. */
  read(cell: Element, control?: Element): string;
  /** Writes `value` through the widget; rejects with a message naming what did not work. */
  write(cell: HTMLElement, value: string, ctx: WriteContext): Promise<void> | void;
  /** Whether a write completes synchronously (no dropdown to open, no editor to wait for): it may join a batch. */
  canWriteNow?(cell: Element, value: string): boolean;
  /** Whether a forced kind (site profile) can work on this cell. */
  fits?(cell: Element): boolean;
}
