/**
 * The tree replica's row model, as a FASP2 performance grid holds it: one flat array of row objects in
 * display order, 一级 and 二级 category rows fixed by the taxonomy and 三级 indicator rows under them.
 * Field names are the portal's own (pinyin initials, like the FASP tables they come from); 计算符号 is
 * stored as its dictionary code and shown as the sign. Pure functions, no DOM.
 */
import { DEFAULT_PROFILE, type TaxonomyProfile } from '../../../lib/domain/taxonomy';
import type { PortalRow } from '../shared/model';

/** One row of the data table (a 一级, a 二级 or a 三级 indicator). */
export interface TreeRow {
  /** Row id (stable while the page lives). */
  guid: string;
  /** The parent row's guid: '' for 一级, the 一级 for 二级, the 二级 for 三级. */
  pguid: string;
  /** 1 = 一级 category, 2 = 二级 category, 3 = indicator (the only editable, deletable, saved level). */
  level: 1 | 2 | 3;
  /** 一级指标 column: the 一级's name on a 一级 row, '' on the others. */
  yjzb: string;
  /** 二级指标 column: the 二级's name on a 二级 row, '' on the others. */
  ejzb: string;
  /** 三级指标 (indicator name). */
  sjzb: string;
  /** 计算符号 as its dictionary code ('1'…'6', see SYMBOL_DICT), '' when not chosen. */
  jsfh: string;
  /** 指标值. */
  zbz: string;
  /** 计量单位. */
  jldw: string;
  /** 指标值说明. */
  zbzsm: string;
  /** 备注 (kept by the grid, not part of the saved document). */
  bz: string;
  /** Row state as the data table tracks it: '' unchanged, 'update' edited, 'insert' added by 新增. */
  rowstate: '' | 'update' | 'insert';
}

/** The 计算符号 dictionary: code → text (＞ ＝ ＜ full-width), as the portal's dictionary table holds it. */
export const SYMBOL_DICT: ReadonlyArray<{ code: string; text: string }> = [
  { code: '1', text: '≥' },
  { code: '2', text: '＞' },
  { code: '3', text: '＝' },
  { code: '4', text: '＜' },
  { code: '5', text: '≤' },
  { code: '6', text: '定性' },
];

/** The sign shown for a code ('' for none or an unknown code). */
export function symbolText(code: string): string {
  return SYMBOL_DICT.find((d) => d.code === code)?.text ?? '';
}

/** The code for a sign or code text ('' when it is neither). */
export function symbolCode(text: string): string {
  const t = text.trim();
  return SYMBOL_DICT.find((d) => d.text === t || d.code === t)?.code ?? '';
}

let counter = 0;
/** A new row id. */
export function newGuid(): string {
  counter += 1;
  return `zb${Date.now().toString(36)}${counter.toString(36).padStart(4, '0')}`;
}

function categoryRow(level: 1 | 2, name: string, pguid: string): TreeRow {
  return {
    guid: newGuid(),
    pguid,
    level,
    yjzb: level === 1 ? name : '',
    ejzb: level === 2 ? name : '',
    sjzb: '',
    jsfh: '',
    zbz: '',
    jldw: '',
    zbzsm: '',
    bz: '',
    rowstate: '',
  };
}

/** A blank 三级 row under the 二级 row `pguid`. */
export function blankLeaf(pguid: string): TreeRow {
  return { ...categoryRow(2, '', pguid), level: 3, ejzb: '', rowstate: 'insert' };
}

function leafFrom(row: PortalRow, pguid: string): TreeRow {
  return {
    ...categoryRow(2, '', pguid),
    level: 3,
    ejzb: '',
    sjzb: row.name,
    jsfh: symbolCode(row.symbol),
    zbz: row.value,
    jldw: row.unit,
    zbzsm: row.explanation,
  };
}

/**
 * The grid's rows for a set: every 一级 and 二级 of the profile as fixed rows, each indicator under its
 * 二级 in the order given. A pair the profile does not have (a 二级 under the wrong 一级, an unknown 一级)
 * gets its own category row(s) after the fixed ones, so the page never hides what the data holds.
 */
export function buildTree(rows: readonly PortalRow[], profile: TaxonomyProfile = DEFAULT_PROFILE): TreeRow[] {
  const level1: Array<{ name: string; level2: string[] }> = profile.level1.map((c) => ({ name: c.name, level2: c.level2.map((l) => l.name) }));
  for (const row of rows) {
    const l1 = row.level1.trim();
    const l2 = row.level2.trim();
    let parent = level1.find((c) => c.name === l1);
    if (!parent) {
      parent = { name: l1, level2: [] };
      level1.push(parent);
    }
    if (!parent.level2.includes(l2)) parent.level2.push(l2);
  }
  const out: TreeRow[] = [];
  for (const c1 of level1) {
    const r1 = categoryRow(1, c1.name, '');
    out.push(r1);
    for (const name2 of c1.level2) {
      const r2 = categoryRow(2, name2, r1.guid);
      out.push(r2);
      for (const row of rows) if (row.level1.trim() === c1.name && row.level2.trim() === name2) out.push(leafFrom(row, r2.guid));
    }
  }
  return out;
}

/** What a save sends for a set: the 三级 rows only, each with the 一级 / 二级 it sits under. */
export function toPortalRows(rows: readonly TreeRow[]): PortalRow[] {
  const out: PortalRow[] = [];
  let level1 = '';
  let level2 = '';
  for (const r of rows) {
    if (r.level === 1) {
      level1 = r.yjzb;
      level2 = '';
    } else if (r.level === 2) level2 = r.ejzb;
    else {
      out.push({ level1, level2, name: r.sjzb, symbol: symbolText(r.jsfh), value: r.zbz, unit: r.jldw, explanation: r.zbzsm });
    }
  }
  return out;
}

/** Where 新增 on the 二级 row at `index` inserts: after that 二级's last child. */
export function insertionIndex(rows: readonly TreeRow[], index: number): number {
  let i = index + 1;
  while (i < rows.length && rows[i]!.level === 3) i += 1;
  return i;
}

/** The rows after 复制总体指标: the fixed tree with `leaves` (another set's indicators) as its 三级 rows, all new. */
export function replaceLeaves(leaves: readonly PortalRow[]): TreeRow[] {
  return buildTree(leaves).map((r) => (r.level === 3 ? { ...r, rowstate: 'insert' } : r));
}
