import { findAddRowButton, gridCell } from '../detect';
import { waitFor } from '../wait';
import { click, pressLive } from '../widgets';
import { sameCategory } from './categories';
import type { GridLayout } from './types';

/**
 * Grids whose 一级/二级 cells are merged across the rows of one category (rowspan; the 博思 family on
 * vxe-table): an indicator is added by selecting its 二级 cell, then pressing the toolbar's 新增.
 */
export const mergedLayout: GridLayout = {
  kind: 'merged',
  recognise(view) {
    const grid = view.handle;
    return view.elements.some((row) => {
      if (row.tagName !== 'TR') return false;
      for (const field of ['level1', 'level2'] as const) {
        const cell = gridCell(grid, row, field) as HTMLTableCellElement | null;
        if (cell && (cell.rowSpan > 1 || cell.parentElement !== row)) return true;
      }
      return false;
    });
  },
  async addRows(ctx, category, count) {
    for (let i = 0; i < count; i += 1) {
      ctx.signal?.throwIfAborted();
      const view = ctx.read();
      const at = view.categories.findIndex((c) => sameCategory(c.level2, category.level2) && (!category.level1 || sameCategory(c.level1, category.level1)));
      if (at < 0) throw new Error(`表格中没有二级指标「${category.level2}」的行`);
      const row = await ctx.rowElement(at);
      const cell = row ? gridCell(ctx.live(), row, 'level2') : null;
      if (!row || !cell) throw new Error(`找不到二级指标「${category.level2}」的单元格`);
      const total = view.rows.length;
      // Select the 二级 cell as a person does, then the toolbar's 新增 acts on it.
      pressLive(cell, () => null);
      const given = ctx.live().categories?.addButton;
      const button = given ? findAddRowButton({ ...ctx.live(), addRow: given }) : findAddRowButton(ctx.live());
      if (!button) throw new Error('找不到“新增”按钮');
      click(button);
      await waitFor(ctx.doc, () => ctx.read().rows.length > total, {
        timeout: 5000,
        what: `在「${category.level2}」下新增一行`,
        signal: ctx.signal,
      });
    }
  },
};
