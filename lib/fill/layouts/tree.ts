import { queryAll } from '../detect';
import { waitFor } from '../wait';
import { pressLive } from '../widgets';
import { markedLevel, rowAddLink, sameCategory } from './categories';
import type { Category, GridLayout, GridRowsView, LayoutContext } from './types';

/**
 * Category-tree grids (the FASP2 family): fixed, bold 一级 and 二级 rows that cannot be edited, indicators
 * (三级) under them; a 三级 row is added by the 新增 link on its 二级 row. Recognised by category rows:
 * rows marked with a level, or rows whose only text is a taxonomy name.
 */

/** The row index of the 二级 row of `category`, or -1. */
export function level2RowOf(view: GridRowsView, category: Category): number {
  const rows = view.roles.flatMap((role, i) => (role === 'level2' && sameCategory(view.categories[i]!.level2, category.level2) ? [i] : []));
  // The same 二级 under two 一级 (a tree may repeat 成本指标): the one under the wanted 一级.
  return rows.find((i) => !category.level1 || sameCategory(view.categories[i]!.level1, category.level1)) ?? rows[0] ?? -1;
}

/** The indicator rows under the category row at `index` (until the next category row). */
export function rowsUnder(view: GridRowsView, index: number): number[] {
  const out: number[] = [];
  for (let i = index + 1; i < view.roles.length && view.roles[i] === 'indicator'; i += 1) out.push(i);
  return out;
}

async function addUnder(ctx: LayoutContext, category: Category): Promise<void> {
  const view = ctx.read();
  const at = level2RowOf(view, category);
  if (at < 0) throw new Error(`表格中没有二级指标「${category.level2}」的行`);
  const before = rowsUnder(view, at).length;
  const total = view.rows.length;
  const row = await ctx.rowElement(at);
  const linkIn = (r: Element) => {
    const given = ctx.live().categories?.addLink;
    return given ? (queryAll(r, given)[0] ?? null) : rowAddLink(r);
  };
  const link = row ? linkIn(row) : null;
  if (!row || !link) throw new Error(`二级指标「${category.level2}」行没有“新增”链接`);
  // The link may be redrawn between mousedown and click: find it again in the row as it is then.
  pressLive(link, () => {
    const again = ctx.read().elements[at];
    return again && again.isConnected ? linkIn(again) : null;
  });
  await waitFor(ctx.doc, () => {
    const now = ctx.read();
    return now.rows.length > total && rowsUnder(now, level2RowOf(now, category)).length > before;
  }, { timeout: 5000, what: `在「${category.level2}」下新增一行`, signal: ctx.signal });
}

export const treeLayout: GridLayout = {
  kind: 'tree',
  recognise(view) {
    if (view.elements.some((row) => markedLevel(row) !== undefined)) return true;
    const level1 = view.roles.filter((r) => r === 'level1').length;
    const level2 = view.roles.filter((r) => r === 'level2').length;
    return level1 >= 1 && level2 >= 2;
  },
  async addRows(ctx, category, count) {
    for (let i = 0; i < count; i += 1) {
      ctx.signal?.throwIfAborted();
      await addUnder(ctx, category);
    }
  },
};
