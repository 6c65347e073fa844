import type { GridHandle } from '../detect';
import type { RowCells } from '../types';

/**
 * How a grid carries an indicator's 一级/二级: per row in its own cells (`flat`: dropdowns on every row),
 * as rows of their own (`tree`: fixed, bold 一级 and 二级 rows with the indicators under them), or as
 * cells merged across the rows of one category (`merged`: rowspan). All three are real (see PORTALS.md).
 */
export type LayoutKind = 'flat' | 'tree' | 'merged';

/** What a grid row is: an indicator, or a category row of a tree. */
export type RowRole = 'indicator' | 'level1' | 'level2';

/** A 一级/二级 pair by name ('' when unknown). */
export interface Category {
  level1: string;
  level2: string;
}

/** A grid as read, with each row's role and the category it gives (category rows) or sits under (indicators). */
export interface GridRowsView {
  handle: GridHandle;
  rows: readonly RowCells[];
  /** Each row's element as rendered when read (a virtualised grid's unrendered rows: the grid's root). */
  elements: readonly HTMLElement[];
  roles: readonly RowRole[];
  categories: readonly Category[];
}

/** What a layout needs to act on the page: the live grid, a row element by index, and a deadline signal. */
export interface LayoutContext {
  doc: Document;
  /** The grid as it is now (a re-render may replace it). */
  live: () => GridHandle;
  /** The rows as read now. */
  read: () => GridRowsView;
  /** The element of row `index`, scrolled into view when the grid renders only the rows in view. */
  rowElement: (index: number) => Promise<HTMLElement | null>;
  /** How many rows a grid has (also those a virtualised grid has not rendered), without scrolling. */
  rowCount: (grid: GridHandle) => number;
  signal?: AbortSignal;
}

/** One layout: how to tell it from structure, and how rows are added and removed the portal's way. */
export interface GridLayout {
  kind: LayoutKind;
  /** Whether the grid as read has this layout (structure only: row roles, spans, markers). */
  recognise(view: Omit<GridRowsView, 'categories'>): boolean;
  /**
   * Adds `count` blank indicator rows, under `category` where the layout files rows by category; resolves
   * once the grid shows them, rejects naming what did not work.
   */
  addRows(ctx: LayoutContext, category: Category, count: number): Promise<void>;
}
