import type { GridHandle } from '../detect';
import type { RowCells } from '../types';
import { categoryOfIndicator, categoryOfRow, rowRole } from './categories';
import { flatLayout } from './flat';
import { mergedLayout } from './merged';
import { treeLayout } from './tree';
import type { Category, GridLayout, LayoutKind, RowRole } from './types';

export type { Category, GridLayout, GridRowsView, LayoutContext, LayoutKind, RowRole } from './types';
export { addRowsTogether } from './flat';
export { rowAction, sameCategory } from './categories';

/** Every layout, most specific first; flat takes what the others do not. The next family: one file, one line. */
export const LAYOUTS: readonly GridLayout[] = [treeLayout, mergedLayout, flatLayout];

export function layoutOfKind(kind: LayoutKind): GridLayout {
  return LAYOUTS.find((l) => l.kind === kind)!;
}

/**
 * A grid's rows described: its layout, each row's role and the category each row gives or sits under.
 * Indicator rows of a tree get their 一级/二级 from the rows they sit under (their own cells are empty).
 */
export function describeRows(
  handle: GridHandle,
  rowElements: readonly HTMLElement[],
  rows: readonly RowCells[],
): { layout: LayoutKind; roles: RowRole[]; categories: Category[]; rows: RowCells[] } {
  const spec = handle.categories;
  const roles = rows.map((cells, i) => rowRole(rowElements[i] === handle.root ? undefined : rowElements[i], cells, spec));
  const forced = spec?.kind ? layoutOfKind(spec.kind) : undefined;
  const layout = forced ?? LAYOUTS.find((l) => l.recognise({ handle, rows, roles, elements: rowElements })) ?? flatLayout;
  const tree = layout.kind === 'tree';
  const categories: Category[] = [];
  const described: RowCells[] = [];
  let above: Category = { level1: '', level2: '' };
  rows.forEach((cells, i) => {
    const role = tree ? roles[i]! : 'indicator';
    if (role !== 'indicator') {
      above = categoryOfRow(role, cells, above);
      categories.push(above);
      described.push(cells);
      return;
    }
    const category = categoryOfIndicator(cells, above);
    categories.push(category);
    described.push(tree ? { ...cells, level1: category.level1, level2: category.level2 } : cells);
  });
  return { layout: layout.kind, roles: tree ? roles : rows.map(() => 'indicator'), categories, rows: described };
}
