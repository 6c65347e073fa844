/**
 * Places the cells of indicator rows into the columns of their header when positions cannot be trusted:
 * rows copied from a web table whose merged category cells were left out (`| 培训人次 | ≥200 |` under a
 * five-column header), PDF lines split on spaces, and one cell per line with no row boundaries at all.
 *
 * Each cell gets a fit score per column (a 一级 label fits 一级 only, `≥95%` fits a value column well and a
 * name column badly, `%` fits 度量单位…) and a Viterbi pass picks the best monotonic assignment, in time
 * linear in the number of cells (times the number of columns). With `newRows`, the pass may also start a
 * new row at a category or name column, which segments a one-cell-per-line stream into rows.
 */
import { findLevel1, findLevel2, normaliseSymbol, parseCategoryLabel, PROFILES, splitValue, type TaxonomyProfile } from '../domain';
import { toHalfWidth } from '../domain/text';
import { categoryText, type ColumnRole, directionOf, groupLabel, isPlaceholderCell } from './declaration-vocab';

/** A column of the indicator table as the parser uses it. */
export interface Slot {
  role: ColumnRole;
  /** Index of the column group (0, or 1 for the second 二级/三级/指标值 group of side-by-side layouts). */
  group: number;
}

/** One cell to place. */
export interface AlignCell {
  text: string;
  line: number;
}

/** A row as placed: the texts each column received (several when cells were merged into one column). */
export interface AlignedRow {
  line: number;
  slots: Map<number, string[]>;
  cells: string[];
}

const NEG = Number.NEGATIVE_INFINITY;
const MERGE_PENALTY = 1.5;
const NEW_ROW_PENALTY = 0.75;
/** Extra cost of ending a row right after its name: an indicator without a value is the exception, so a
 * short text after a name (`明显提升`) reads as its value, not as the next indicator. */
const NAME_ONLY_ROW_PENALTY = 1.5;

const UNIT_RE =
  /^(%|‰|个百分点|[个项次场人户家台套件辆条份批本册期天日周月年所座间张部处名位篇门种类宗起分棵株头只路点节班]|人次|场次|万人次|万人|台套|批次|小时|分钟|秒|工作日|个工作日|元|万元|亿元|元\/[\u4e00-\u9fa5·]{1,3}|平方米|万平方米|立方米|米|公里|千米|亩|万亩|吨|万吨|课时|学时|千瓦|兆瓦|千瓦时|个月|家次|户次|人\/次|GB|TB|km|m|kg|t)$/i;

/** Whether a text is a unit of measure (`%`, `人次`, `条`, `万元`, `元/亩`), not any word after a number. */
export function isMeasureUnit(text: string): boolean {
  return UNIT_RE.test(toHalfWidth(text).trim());
}

/** Whether a text reads as a target value: a number or a comparison, not prose. */
export function isValueLike(text: string): boolean {
  // Template values keep their symbol and stars (`≥**人`).
  if (/^\s*[<>=≥≤≧≦＜＞＝]/.test(text) || /[*＊]{2}/.test(text)) return true;
  const v = splitValue(text);
  if (v.value !== null) return true;
  return v.problem === 'number-unreadable';
}

/** 一级 / 二级 by name (`1-产出指标`, `数量`); a bare code (`24`) is a number here, not a category. */
function level1Of(profile: TaxonomyProfile, text: string): boolean {
  return parseCategoryLabel(text).name !== undefined && findLevel1(profile, text) !== undefined;
}

/**
 * A 一级 of another layout than the profile's: the 2021 central template made 成本指标 a 一级 (经济成本 /
 * 社会成本 / 生态环境成本 under it), which older layouts list as a 二级 of 产出. Fits 一级 where the
 * row's positions say so, less well than a 二级 of the profile elsewhere.
 */
function otherLayoutLevel1(profile: TaxonomyProfile, text: string): boolean {
  return (
    parseCategoryLabel(text).name !== undefined &&
    PROFILES.some((p) => p !== profile && findLevel1(p, text) !== undefined)
  );
}

/** A 二级 of another layout than the profile's (`经济成本指标` of the 2021 central template). */
function otherLayoutLevel2(profile: TaxonomyProfile, text: string): boolean {
  return (
    parseCategoryLabel(text).name !== undefined &&
    PROFILES.some((p) => p !== profile && findLevel2(p, text) !== undefined && findLevel1(profile, text) === undefined)
  );
}

function level2Of(profile: TaxonomyProfile, text: string): boolean {
  return parseCategoryLabel(text).name !== undefined && findLevel2(profile, text) !== undefined;
}

function isCategory(profile: TaxonomyProfile, text: string): boolean {
  return level1Of(profile, text) || level2Of(profile, text);
}

/** Labels that look like a 二级 category though the profile does not list them (`服务质量指标`). */
function looksLikeLevel2(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return t.length <= 12 && /(指标|效益|影响|满意度|成本)$/.test(t) && !/\d/.test(t);
}

const ROLES: readonly ColumnRole[] = [
  'l1', 'l2', 'name', 'value', 'symbol', 'unit', 'weight', 'direction', 'explanation', 'remark', 'previous',
  'previousTarget', 'actual', 'score', 'frame', 'ignore',
];

/** Fit scores of one text for every role, computed once per text (tables repeat their labels). */
const scoreCache = new WeakMap<TaxonomyProfile, Map<string, Record<ColumnRole, number>>>();

function scoresFor(profile: TaxonomyProfile, text: string): Record<ColumnRole, number> {
  let cache = scoreCache.get(profile);
  if (!cache) {
    cache = new Map();
    scoreCache.set(profile, cache);
  }
  const hit = cache.get(text);
  if (hit) return hit;
  // Bounded: hostile input with endless distinct cells must not grow memory without limit.
  if (cache.size >= 5000) cache.clear();
  const scores = {} as Record<ColumnRole, number>;
  for (const role of ROLES) scores[role] = computeFit(profile, text, role);
  cache.set(text, scores);
  return scores;
}

/** How well a cell fits a column; NEG when it cannot be there. Empty cells fit anywhere with 0. */
export function fitScore(profile: TaxonomyProfile, text: string, role: ColumnRole): number {
  return scoresFor(profile, text)[role];
}

function computeFit(profile: TaxonomyProfile, text: string, role: ColumnRole): number {
  const t = text.trim();
  if (t === '') return 0;
  switch (role) {
    case 'l1': {
      const c = categoryText(t);
      if (level1Of(profile, c)) return 6;
      if (otherLayoutLevel1(profile, c)) return 3;
      return looksLikeLevel2(c) && !level2Of(profile, c) ? 1 : NEG;
    }
    case 'l2': {
      const c = categoryText(t);
      if (level2Of(profile, c)) return 6;
      if (level1Of(profile, c)) return 2;
      if (otherLayoutLevel2(profile, c)) return 4;
      if (looksLikeLevel2(c)) return 1.5;
      // A 二级 the profile does not know (`服务质量`): possible where the position says so.
      return c.length <= 12 && !/\d/.test(c) && !isValueLike(c) ? 0 : NEG;
    }
    case 'name': {
      if (isCategory(profile, t)) return -2;
      if (isPlaceholderCell(t)) return 0.2;
      if (/^[+-]?\d+(\.\d+)?%?$/.test(toHalfWidth(t))) return -3;
      if (isValueLike(t)) return /^[<>=≥≤≧≦＜＞＝]/.test(toHalfWidth(t)) ? -1.5 : 1;
      return 2;
    }
    case 'value':
      if (isCategory(profile, t)) return NEG;
      if (isValueLike(t)) return 3;
      return t.length <= 20 ? 1 : 0.3;
    // 指标性质 / 指标方向 columns are printed with their contents swapped (Inner Mongolia's template:
    // 指标性质 = 正向/反向, 指标方向 = `=`): each column also takes the other's words, a little less well.
    case 'symbol':
      if (normaliseSymbol(t) !== null) return 4;
      return directionOf(t) ? 3 : NEG;
    case 'unit':
      if (UNIT_RE.test(toHalfWidth(t))) return 3;
      if (t.length <= 4 && !/\d/.test(t) && !isCategory(profile, t)) return 0.5;
      // A number in the unit column (a spreadsheet cell formatted as a number, `44,561`): only where the
      // row's positions say so.
      return /^\d[\d,.]*$/.test(toHalfWidth(t)) && t.length <= 12 ? -1 : NEG;
    case 'weight': {
      const n = toHalfWidth(t).replace(/\s/g, '').replace(/(%|分)$/, '');
      return /^\d+(\.\d+)?$/.test(n) && Number(n) <= 100 ? 3 : NEG;
    }
    case 'direction':
      if (directionOf(t)) return 4;
      return normaliseSymbol(t) !== null ? 3 : NEG;
    case 'previous':
    case 'actual':
      return isValueLike(t) ? 1.5 : 0.5;
    case 'score':
      return /^\d+(\.\d+)?$/.test(toHalfWidth(t)) ? 2 : 0.2;
    case 'frame':
      return groupLabel(t) ? 0.5 : -1;
    case 'explanation':
    case 'remark':
    case 'previousTarget':
    case 'ignore':
      return isValueLike(t) ? 0.2 : 0.5;
  }
}

/** Columns whose text may arrive in pieces (a name split on spaces). Values never merge: two values side
 * by side are two columns (长期 and 年度, target and actual). */
function mergeable(role: ColumnRole): boolean {
  return role === 'name' || role === 'explanation' || role === 'remark' || role === 'ignore';
}

/** Bonus for a cell staying in the column of its position, when the row's positions can be trusted. */
const POSITION_BONUS = 1.5;

/**
 * Places cells into slots. Without `newRows` all cells form one row (its boundaries are known); with it
 * the cells are a stream and rows start where the best assignment starts them. `positional` says the
 * cells' positions match the header's (a full-width grid row), which then wins unless the cells clearly
 * do not fit their columns (cells split on spaces that happen to number as many as the columns). Cells that fit nowhere
 * (every choice NEG) are returned in `unplaced`.
 */
export function alignCells(
  profile: TaxonomyProfile,
  cells: readonly AlignCell[],
  slots: readonly Slot[],
  newRows: boolean,
  positional = false,
): { rows: AlignedRow[]; unplaced: AlignCell[] } {
  const n = cells.length;
  const m = slots.length;
  if (n === 0 || m === 0) return { rows: [], unplaced: [...cells] };
  const nameSlot = slots.findIndex((s) => s.role === 'name');
  // A row may start at any category or name column (before them, the frame column).
  const lastStart = nameSlot >= 0 ? nameSlot : m - 1;
  const score = new Float64Array(n * m).fill(NEG);
  // back = previous slot * 2 + (1 when a new row starts at this cell); -2 for the first cell.
  const back = new Int32Array(n * m).fill(-2);
  const fits = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    const scores = scoresFor(profile, cells[i]!.text);
    for (let j = 0; j < m; j++) {
      const fit = scores[slots[j]!.role];
      fits[i * m + j] = positional && i === j && fit !== NEG ? fit + POSITION_BONUS : fit;
    }
  }
  for (let j = 0; j < m; j++) {
    if (newRows && j > lastStart) continue;
    score[j] = fits[j]!;
  }
  const prefix = new Float64Array(m);
  const prefixArg = new Int32Array(m);
  const suffix = new Float64Array(m + 1);
  const suffixArg = new Int32Array(m + 1);
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * m;
    // prefix[j] = best over j' < j.
    let best = NEG;
    let arg = -1;
    for (let j = 0; j < m; j++) {
      prefix[j] = best;
      prefixArg[j] = arg;
      if (score[prev + j]! > best) {
        best = score[prev + j]!;
        arg = j;
      }
    }
    // suffix[j] = best over j' >= j, for starting a new row (rows ending at their name cost extra).
    suffix[m] = NEG;
    suffixArg[m] = -1;
    for (let j = m - 1; j >= 0; j--) {
      const here = score[prev + j]! - (j === nameSlot ? NAME_ONLY_ROW_PENALTY : 0);
      if (here > suffix[j + 1]!) {
        suffix[j] = here;
        suffixArg[j] = j;
      } else {
        suffix[j] = suffix[j + 1]!;
        suffixArg[j] = suffixArg[j + 1]!;
      }
    }
    for (let j = 0; j < m; j++) {
      const fit = fits[i * m + j]!;
      if (fit === NEG) continue;
      let bestScore = prefix[j]!;
      let bestBack = prefixArg[j]! * 2;
      if (mergeable(slots[j]!.role) && score[prev + j]! - MERGE_PENALTY > bestScore) {
        bestScore = score[prev + j]! - MERGE_PENALTY;
        bestBack = j * 2;
      }
      if (newRows && j <= lastStart && suffix[j]! - NEW_ROW_PENALTY > bestScore) {
        bestScore = suffix[j]! - NEW_ROW_PENALTY;
        bestBack = suffixArg[j]! * 2 + 1;
      }
      if (bestScore === NEG) continue;
      score[i * m + j] = bestScore + fit;
      back[i * m + j] = bestBack;
    }
  }
  // Best end, then walk back.
  let end = -1;
  let endScore = NEG;
  for (let j = 0; j < m; j++) {
    if (score[(n - 1) * m + j]! > endScore) {
      endScore = score[(n - 1) * m + j]!;
      end = j;
    }
  }
  if (end < 0) return alignGreedy(profile, cells, slots, newRows);
  const assigned = new Int32Array(n);
  const starts = new Uint8Array(n);
  let j = end;
  for (let i = n - 1; i >= 0; i--) {
    assigned[i] = j;
    const b = back[i * m + j]!;
    if (i === 0) break;
    starts[i] = b & 1;
    j = b >> 1;
  }
  starts[0] = 1;
  const rows: AlignedRow[] = [];
  for (let i = 0; i < n; i++) {
    if (starts[i] || rows.length === 0) rows.push({ line: cells[i]!.line, slots: new Map(), cells: [] });
    const row = rows[rows.length - 1]!;
    const slot = assigned[i]!;
    const list = row.slots.get(slot) ?? [];
    list.push(cells[i]!.text);
    row.slots.set(slot, list);
    row.cells.push(cells[i]!.text);
  }
  return { rows, unplaced: [] };
}

/**
 * Fallback when no complete assignment exists (a cell that fits no column, e.g. a 一级 label in a table
 * without a 一级 column): place what fits, report the rest.
 */
function alignGreedy(
  profile: TaxonomyProfile,
  cells: readonly AlignCell[],
  slots: readonly Slot[],
  newRows: boolean,
): { rows: AlignedRow[]; unplaced: AlignCell[] } {
  const fitting: AlignCell[] = [];
  const unplaced: AlignCell[] = [];
  for (const cell of cells) {
    if (slots.some((s) => fitScore(profile, cell.text, s.role) !== NEG)) fitting.push(cell);
    else unplaced.push(cell);
  }
  if (fitting.length === cells.length) return { rows: [], unplaced: [...cells] };
  const placed = fitting.length > 0 ? alignCells(profile, fitting, slots, newRows) : { rows: [], unplaced: [] };
  return { rows: placed.rows, unplaced: [...placed.unplaced, ...unplaced] };
}
