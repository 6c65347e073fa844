/**
 * The category-tree replica (/tree/, FASP2-style) in the browser suite: the 15 indicators filled into its
 * 总体 (period) grid frame, and the page's own floor under that fill.
 *
 * The floor is what the page itself must do at minimum to show the same 15 rows under the same 二级 with
 * the same values: put 15 row objects into its data table's array where its 新增 link puts a blank 三级 row
 * (after that 二级's last child, the replica's own `insertionIndex` / `blankLeaf`), each holding its values
 * as the table's commit leaves them (计算符号 as its dictionary code), then one render of the body and the
 * layout that places the rows. No widget is touched, nothing is read back; no Tianbao code runs in it.
 *
 * Pure (no DOM): bench/page-entry.ts runs `addLeaves` in the grid frame against `window.treeGrid`.
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

/**
 * Puts one 三级 row object per leaf into `rows` (mutated), each after the last child of its 二级 (the 二级
 * row under the leaf's 一级), as 新增 does, already holding its values. Throws when a 二级 is not in the tree.
 */
export function addLeaves(rows: TreeRow[], leaves: readonly FloorLeaf[]): void {
  for (const leaf of leaves) {
    let level1 = '';
    let parent = -1;
    for (let i = 0; i < rows.length; i += 1) {
      const row = rows[i]!;
      if (row.level === 1) level1 = row.yjzb;
      else if (row.level === 2 && level1 === leaf.level1 && row.ejzb === leaf.level2) {
        parent = i;
        break;
      }
    }
    if (parent < 0) throw new Error(`no 二级 row ${leaf.level1} / ${leaf.level2} in the tree`);
    const { sjzb, jsfh, zbz, jldw, zbzsm } = leaf;
    rows.splice(insertionIndex(rows, parent), 0, { ...blankLeaf(rows[parent]!.guid), sjzb, jsfh, zbz, jldw, zbzsm });
  }
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
