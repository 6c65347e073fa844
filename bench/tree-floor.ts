/**
 * The category-tree replica (/tree/, FASP2-style) in the browser suite: the 15 indicators filled into its
 * 总体 (period) grid frame, and the page's own floors under that fill (its model, its UI).
 *
 * The floor is what the page itself must do at minimum to show the same 15 rows under the same 二级 with
 * the same values: put 15 row objects into its data table's array where its 新增 link puts a blank 三级 row
 * (after that 二级's last child, the replica's own `insertionIndex` / `blankLeaf`), each holding its values
 * as the table's commit leaves them (计算符号 as its dictionary code), then one render of the body and the
 * layout that places the rows. No widget is touched, nothing is read back; no Tianbao code runs in it.
 *
 * The UI floor is the page's own cost of the same actions done through its UI: the 15 新增 clicks on the
 * 二级 rows and one edit per cell a fill writes (open the editor by a click on the cell, set its text or
 * pick the 计算符号 option, commit by a mousedown outside), each the one event the replica's handlers take,
 * with no waiting, searching, verifying or re-reading (`uiFloorPlan` works the actions out beforehand).
 *
 * Pure (no DOM): bench/page-entry.ts runs `addLeaves` and the `uiFloorPlan` actions in the grid frame
 * against `window.treeGrid` and the grid's elements.
 */
import type { TemplateContent } from '../lib/domain/schemas';
import { blankLeaf, insertionIndex, symbolCode, type TreeRow } from '../test/portal/tree/tree-model';

/** One 三级 row's values as the tree replica's row objects hold them, with the category it goes under. */
export interface FloorLeaf {
  level1: string;
  level2: string;
  sjzb: string;
  /** 计算符号 as its dictionary code ('1'…'6'), '' for none. */
  jsfh: string;
  zbz: string;
  jldw: string;
  zbzsm: string;
}

/** The cell texts an item writes into one set (lib/fill's `cellsForItem`; passed in, so this file stays small). */
export type CellsOf = (item: TemplateContent) => Record<'level1' | 'level2' | 'name' | 'symbol' | 'value' | 'unit' | 'explanation', string> | null;

/** Full-width forms of the signs the replica's dictionary spells full-width (＞ ＝ ＜); ≥ ≤ are the same in both. */
const FULL_WIDTH: Record<string, string> = { '>': '＞', '=': '＝', '<': '＜' };

/** The replica's dictionary code for a sign as a template spells it (half- or full-width), '' when none. */
export function signCode(symbol: string): string {
  return symbolCode(symbol.trim().replace(/[<=>]/g, (c) => FULL_WIDTH[c]!));
}

/** The row values the floor puts in, one per item that has a value in the set (`cells` gives that set's texts). */
export function floorLeaves(items: readonly TemplateContent[], cells: CellsOf): FloorLeaf[] {
  return items.flatMap((item) => {
    const c = cells(item);
    if (!c) return [];
    return [{ level1: c.level1, level2: c.level2, sjzb: c.name, jsfh: signCode(c.symbol), zbz: c.value, jldw: c.unit, zbzsm: c.explanation }];
  });
}

/** The index of the 二级 row `leaf` goes under (its 二级 under its 一级) in `rows`; throws when the tree has none. */
export function level2Index(rows: readonly Pick<TreeRow, 'level' | 'yjzb' | 'ejzb'>[], leaf: Pick<FloorLeaf, 'level1' | 'level2'>): number {
  let level1 = '';
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i]!;
    if (row.level === 1) level1 = row.yjzb;
    else if (row.level === 2 && level1 === leaf.level1 && row.ejzb === leaf.level2) return i;
  }
  throw new Error(`no 二级 row ${leaf.level1} / ${leaf.level2} in the tree`);
}

/**
 * Puts one 三级 row object per leaf into `rows` (mutated), each after the last child of its 二级 (the 二级
 * row under the leaf's 一级), as 新增 does, already holding its values. Throws when a 二级 is not in the tree.
 */
export function addLeaves(rows: TreeRow[], leaves: readonly FloorLeaf[]): void {
  for (const leaf of leaves) {
    const parent = level2Index(rows, leaf);
    const { sjzb, jsfh, zbz, jldw, zbzsm } = leaf;
    rows.splice(insertionIndex(rows, parent), 0, { ...blankLeaf(rows[parent]!.guid), sjzb, jsfh, zbz, jldw, zbzsm });
  }
}

/** The fields a fill writes in a 三级 row, in the order it writes them (lib/fill's FILL_FIELDS order). */
export const UI_FIELDS = ['sjzb', 'jsfh', 'zbz', 'jldw', 'zbzsm'] as const;
export type UiField = (typeof UI_FIELDS)[number];

/**
 * The tree replica's column of each field (test/portal/tree/grid.ts: cells are `datatable3_l{row}_c{col}_d`)
 * with the caption its header shows, which the page checks before it is timed.
 */
export const UI_COLUMNS: Record<UiField, { col: number; caption: string }> = {
  sjzb: { col: 2, caption: '三级指标' },
  jsfh: { col: 3, caption: '计算符号' },
  zbz: { col: 4, caption: '指标值' },
  jldw: { col: 5, caption: '计量单位' },
  zbzsm: { col: 6, caption: '指标值说明' },
};

/** One edit of the UI floor: the cell (row and column as the grid's ids hold them) and what goes in. */
export interface UiEdit {
  row: number;
  col: number;
  /** The editor's text; for 计算符号 the dictionary code of the popup option picked. */
  value: string;
  /** A dictionary cell (计算符号): the value is picked in the popup, not typed. */
  pick: boolean;
}

/** What a person does to put `leaves` into the tree through its UI: 新增 on each 二级, then each cell's edit. */
export interface UiPlan {
  /** The row index of the 二级 whose 新增 link is clicked, at the time of each click (rows shift as 新增 inserts). */
  adds: number[];
  /** Every non-empty field of every new row, rows top to bottom, fields in fill order. */
  edits: UiEdit[];
}

/**
 * The UI floor's actions on a tree whose rows are `rows` now (not mutated): one 新增 click per leaf on its
 * 二级 row (where the replica's `insertionIndex` then puts the blank row), then, from the top row down, an
 * edit of each field the leaf has a value for — exactly the cells a fill writes into blank rows (it skips
 * empty values). Throws when a 二级 is not in the tree.
 */
export function uiFloorPlan(rows: readonly Pick<TreeRow, 'level' | 'yjzb' | 'ejzb'>[], leaves: readonly FloorLeaf[]): UiPlan {
  // A copy to insert into as 新增 does (the replica's `insertionIndex` reads only the levels).
  const sim: TreeRow[] = rows.map(({ level, yjzb, ejzb }) => ({ ...blankLeaf(''), level, yjzb, ejzb }));
  const added = new Map<TreeRow, FloorLeaf>();
  const adds: number[] = [];
  for (const leaf of leaves) {
    const parent = level2Index(sim, leaf);
    adds.push(parent);
    const row = blankLeaf(sim[parent]!.guid);
    added.set(row, leaf);
    sim.splice(insertionIndex(sim, parent), 0, row);
  }
  const edits: UiEdit[] = [];
  sim.forEach((row, i) => {
    const leaf = added.get(row);
    if (!leaf) return;
    for (const field of UI_FIELDS) {
      const value = leaf[field];
      if (value !== '') edits.push({ row: i, col: UI_COLUMNS[field].col, value, pick: field === 'jsfh' });
    }
  });
  return { adds, edits };
}

/**
 * `count` of `items`, period values only, spread over the most 二级: drops the last indicator of the 二级
 * holding the most (repeatedly), so every 一级 and 二级 the items cover stays covered where it can.
 */
export function spreadItems(items: readonly TemplateContent[], count: number): TemplateContent[] {
  const list = [...items];
  while (list.length > count) {
    const per = new Map<string, number>();
    for (const item of list) per.set(`${item.level1}/${item.level2}`, (per.get(`${item.level1}/${item.level2}`) ?? 0) + 1);
    const most = [...per.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
    const at = list.map((item) => `${item.level1}/${item.level2}`).lastIndexOf(most);
    list.splice(at, 1);
  }
  return list.map((item) => ({ ...item, annual: null }));
}

/** How many distinct 一级 and 二级 the items cover. */
export function coverage(items: readonly Pick<TemplateContent, 'level1' | 'level2'>[]): { level1: number; level2: number } {
  return { level1: new Set(items.map((i) => i.level1)).size, level2: new Set(items.map((i) => `${i.level1}/${i.level2}`)).size };
}
