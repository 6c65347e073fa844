import { findAddRowButton, type GridHandle } from '../detect';
import { tick, waitFor } from '../wait';
import { click } from '../widgets';
import type { GridLayout } from './types';

/**
 * Flat grids: every row carries its own 一级/二级 (dropdowns or cells), and rows are added by one button
 * for the whole grid (新增指标 / 新增行 / 增行 …). The Element Plus, SlickGrid and most hand-built portals.
 */

/**
 * Clicks each grid's add-row button `count` times (all grids first, so the page renders the new rows in
 * one go) and waits until every grid has them, judged on the live grids (a re-render may replace them).
 */
export async function addRowsTogether(
  doc: Document,
  requests: ReadonlyArray<{ live: () => GridHandle | null; count: number }>,
  rowCount: (grid: GridHandle) => number,
  signal?: AbortSignal,
): Promise<void> {
  const targets: Array<{ live: () => GridHandle | null; count: number; before: number }> = [];
  for (const { live, count } of requests) {
    const grid = live();
    if (!grid || count <= 0) continue;
    const button = findAddRowButton(grid);
    if (!button) throw new Error('找不到“新增指标”按钮');
    targets.push({ live, count, before: rowCount(grid) });
    for (let i = 0; i < count; i += 1) click(button);
  }
  if (targets.length === 0) return;
  await waitFor(
    doc,
    () =>
      targets.every((t) => {
        const g = t.live();
        return g !== null && rowCount(g) >= t.before + t.count;
      }),
    { timeout: 6000, what: targets.map((t) => `新增${t.count}行`).join('、'), signal },
  );
  // The rows and their widgets are there: no need to wait for the page's follow-up layout work, which
  // then folds into the first pass's render.
  await tick(doc.defaultView!);
}

export const flatLayout: GridLayout = {
  kind: 'flat',
  recognise: () => true,
  addRows: (ctx, _category, count) => addRowsTogether(ctx.doc, [{ live: ctx.live, count }], ctx.rowCount, ctx.signal),
};
