/**
 * The row model of the merged-cell replica (/merged/), Bosssoft style: one flat list of rows per set,
 * grouped by category, whose 一级 and 二级 cells the grid merges across rows. Every 二级 of the default
 * taxonomy always has at least one row; a row whose indicator columns are all empty is a category
 * skeleton row (never saved). Pure functions: the page and the tests share them.
 */
import { DEFAULT_PROFILE } from '../../../lib/domain/taxonomy';
import type { PortalRow } from '../shared/model';

/** 指标方向 as the portal offers it. */
export const DIRECTION_OPTIONS: readonly string[] = ['大于', '大于等于', '等于', '小于', '小于等于'];
/** 指标性质 as the portal offers it. */
export const NATURE_OPTIONS: readonly string[] = ['正向', '反向', '定性'];

/** Column captions of this portal (the same 一级/二级/三级 as the others; the rest its own). */
export const MERGED_COLUMN_LABELS = {
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标',
  direction: '指标方向',
  nature: '指标性质',
  value: '目标值',
  unit: '计量单位',
  remark: '备注',
} as const;

/** One grid row as the page's model holds it (all strings, '' when empty). */
export interface MergedRow {
  /** Row key (vxe `row-config.keyField`, shown as the `<tr rowid>`), unique within the page. */
  id: string;
  level1: string;
  level2: string;
  /** 三级指标. */
  name: string;
  /** 指标方向: 大于 … 小于等于, '' for 定性 rows. */
  direction: string;
  /** 指标性质: 正向 / 反向 / 定性. */
  nature: string;
  /** 目标值. */
  value: string;
  /** 计量单位. */
  unit: string;
  /** 备注. */
  remark: string;
}

/** What a save writes for one indicator: the shared row plus the raw 指标方向 / 指标性质. */
export interface SavedMergedRow extends PortalRow {
  direction: string;
  nature: string;
}

/** The indicator columns: a row with all of them empty is a category skeleton row. */
export const INDICATOR_FIELDS = ['name', 'direction', 'nature', 'value', 'unit', 'remark'] as const;

const DIRECTION_SYMBOL: Readonly<Record<string, string>> = {
  大于等于: '≥',
  大于: '＞',
  等于: '＝',
  小于: '＜',
  小于等于: '≤',
};

/** Seed 计算符号 → 指标方向 + 指标性质 (≥ ＞ ＝ 正向, ＜ ≤ 反向, 定性 without a direction). */
const SYMBOL_CELLS: Readonly<Record<string, { direction: string; nature: string }>> = {
  '≥': { direction: '大于等于', nature: '正向' },
  '＞': { direction: '大于', nature: '正向' },
  '>': { direction: '大于', nature: '正向' },
  '＝': { direction: '等于', nature: '正向' },
  '=': { direction: '等于', nature: '正向' },
  '＜': { direction: '小于', nature: '反向' },
  '<': { direction: '小于', nature: '反向' },
  '≤': { direction: '小于等于', nature: '反向' },
  定性: { direction: '', nature: '定性' },
};

/** The standard sign a row stands for: 定性 by its 指标性质, else by its 指标方向 ('' when unset). */
export function symbolOf(direction: string, nature: string): string {
  if (nature === '定性') return '定性';
  return DIRECTION_SYMBOL[direction] ?? '';
}

/** 指标方向 + 指标性质 for a stored 计算符号 (unknown signs leave both empty). */
export function cellsOfSymbol(symbol: string): { direction: string; nature: string } {
  return SYMBOL_CELLS[symbol.trim()] ?? { direction: '', nature: '' };
}

export function isSkeleton(row: MergedRow): boolean {
  return INDICATOR_FIELDS.every((f) => row[f].trim() === '');
}

let nextId = 0;

/** A fresh row id (`r1`, `r2`, …): unique within the page, like a server-side key. */
export function newRowId(): string {
  nextId += 1;
  return `r${nextId}`;
}

export function blankMergedRow(level1: string, level2: string): MergedRow {
  return { id: newRowId(), level1, level2, name: '', direction: '', nature: '', value: '', unit: '', remark: '' };
}

/** A stored row (seed, or an earlier save of this portal that kept direction/nature) → a grid row. */
export function toMergedRow(row: PortalRow & Partial<Pick<SavedMergedRow, 'direction' | 'nature'>>): MergedRow {
  const cells = typeof row.direction === 'string' && typeof row.nature === 'string'
    ? { direction: row.direction, nature: row.nature }
    : cellsOfSymbol(row.symbol);
  return {
    id: newRowId(),
    level1: row.level1,
    level2: row.level2,
    name: row.name,
    ...cells,
    value: row.value,
    unit: row.unit,
    remark: row.explanation,
  };
}

/** A grid row → what a save sends (symbol derived from 指标方向 / 指标性质). */
export function toSavedRow(row: MergedRow): SavedMergedRow {
  return {
    level1: row.level1,
    level2: row.level2,
    name: row.name,
    symbol: symbolOf(row.direction, row.nature),
    value: row.value,
    unit: row.unit,
    explanation: row.remark,
    direction: row.direction,
    nature: row.nature,
  };
}

const categoryKey = (level1: string, level2: string) => `${level1}\u0000${level2}`;

/**
 * The category skeleton in grid order: the default taxonomy's 一级 → 二级, plus the pairs the data holds
 * that it does not know (`?state=errors` puts 质量指标 under 效益指标). An unknown 二级 goes in its 一级's
 * group right after the 二级 the data had just before it (so the stored order survives a save); an
 * unknown 一级 goes last.
 */
export function categoryOrder(rows: readonly Pick<PortalRow, 'level1' | 'level2'>[]): { level1: string; level2: string }[] {
  const groups = DEFAULT_PROFILE.level1.map((c) => ({ level1: c.name, level2: c.level2.map((l) => l.name) }));
  let last: { group: number; at: number } | null = null;
  for (const row of rows) {
    let g = groups.findIndex((x) => x.level1 === row.level1);
    if (g < 0) {
      groups.push({ level1: row.level1, level2: [] });
      g = groups.length - 1;
    }
    const group = groups[g]!;
    let at = group.level2.indexOf(row.level2);
    if (at < 0) {
      at = last && last.group === g ? last.at + 1 : 0;
      group.level2.splice(at, 0, row.level2);
    }
    last = { group: g, at };
  }
  return groups.flatMap((x) => x.level2.map((level2) => ({ level1: x.level1, level2 })));
}

/** A stored set → grid rows: grouped by category in taxonomy order, a skeleton row for each empty 二级. */
export function buildRows(stored: readonly PortalRow[]): MergedRow[] {
  const byCategory = new Map<string, PortalRow[]>();
  for (const row of stored) {
    const key = categoryKey(row.level1, row.level2);
    byCategory.set(key, [...(byCategory.get(key) ?? []), row]);
  }
  return categoryOrder(stored).flatMap(({ level1, level2 }) => {
    const own = byCategory.get(categoryKey(level1, level2)) ?? [];
    return own.length > 0 ? own.map(toMergedRow) : [blankMergedRow(level1, level2)];
  });
}

/** The indicators a save sends: every row that is not a category skeleton row, in grid order. */
export function savedRows(rows: readonly MergedRow[]): SavedMergedRow[] {
  return rows.filter((r) => !isSkeleton(r)).map(toSavedRow);
}

/** 新增 under a 二级: a blank row right after that category's last row. Returns the new list and row. */
export function insertAfterCategory(rows: readonly MergedRow[], level1: string, level2: string): { rows: MergedRow[]; added: MergedRow } {
  let last = -1;
  rows.forEach((r, i) => {
    if (r.level1 === level1 && r.level2 === level2) last = i;
  });
  const added = blankMergedRow(level1, level2);
  const next = [...rows];
  next.splice(last < 0 ? next.length : last + 1, 0, added);
  return { rows: next, added };
}

/**
 * 删除: drops the rows; a category that would lose its last row keeps a blank skeleton row in its place
 * (一二级指标无法删除).
 */
export function removeRows(rows: readonly MergedRow[], drop: ReadonlySet<string>): MergedRow[] {
  const surviving = new Set(rows.filter((r) => !drop.has(r.id)).map((r) => categoryKey(r.level1, r.level2)));
  const kept = new Set<string>();
  const next: MergedRow[] = [];
  for (const row of rows) {
    const key = categoryKey(row.level1, row.level2);
    if (!drop.has(row.id)) next.push(row);
    else if (!surviving.has(key) && !kept.has(key)) {
      kept.add(key);
      next.push(blankMergedRow(row.level1, row.level2));
    }
  }
  return next;
}

/** One vxe `merge-cells` entry: rows `row`…`row + rowspan - 1` of column `col` shown as one cell. */
export interface CellMerge {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
}

/**
 * The merges of a grid: each run of rows with the same 一级 merges its 一级 cells, each run with the same
 * 一级 + 二级 its 二级 cells (only runs longer than one row). `level1Col` is the 一级 column's index.
 */
export function categoryMerges(rows: readonly MergedRow[], level1Col: number): CellMerge[] {
  const merges: CellMerge[] = [];
  const runs = (col: number, key: (r: MergedRow) => string) => {
    let start = 0;
    for (let i = 1; i <= rows.length; i += 1) {
      if (i === rows.length || key(rows[i]!) !== key(rows[start]!)) {
        if (i - start > 1) merges.push({ row: start, col, rowspan: i - start, colspan: 1 });
        start = i;
      }
    }
  };
  if (rows.length === 0) return merges;
  runs(level1Col, (r) => r.level1);
  runs(level1Col + 1, (r) => categoryKey(r.level1, r.level2));
  return merges;
}
