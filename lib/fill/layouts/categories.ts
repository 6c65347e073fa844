import { DEFAULT_PROFILE, PROFILES, findLevel1, findLevel2, parseCategoryLabel } from '../../domain/taxonomy';
import { ADD_ROW_LABELS, buttonMatches, normaliseLabel } from '../labels';
import { matches } from '../detect';
import type { LayoutCategories } from '../profile';
import type { FillField, RowCells } from '../types';
import type { Category, RowRole } from './types';

/**
 * Category rows and category names, from real-world structure only: a level marker on the row
 * (`aria-level`, a `level-N` class), or a row whose only text is a taxonomy name (一级 / 二级 of any
 * profile) with no indicator value in it.
 */

/** Fields that only an indicator row fills. */
const INDICATOR_FIELDS: readonly FillField[] = ['symbol', 'nature', 'value', 'unit', 'explanation'];

const LEVEL_CLASS = /(?:^|[\s_-])(?:level|lvl|lv|tree-level|treelevel)[-_]?([123])(?=$|[\s_-])/i;

/** A level the row's markup states (1, 2, 3), if any. */
export function markedLevel(row: Element): number | undefined {
  const aria = row.getAttribute('aria-level') ?? row.firstElementChild?.getAttribute('aria-level');
  if (aria && /^[123]$/.test(aria)) return Number(aria);
  const cls = `${row.getAttribute('class') ?? ''} ${row.firstElementChild?.getAttribute('class') ?? ''}`;
  const m = LEVEL_CLASS.exec(cls);
  return m ? Number(m[1]) : undefined;
}

/** The 一级 a text names, in any known taxonomy profile. */
export function level1Name(text: string): string | undefined {
  if (!parseCategoryLabel(text).name) return undefined;
  for (const profile of PROFILES) {
    const hit = findLevel1(profile, text);
    if (hit) return hit.name;
  }
  return undefined;
}

/** The 二级 a text names (and its 一级), in any known taxonomy profile. */
export function level2Name(text: string): Category | undefined {
  if (!parseCategoryLabel(text).name) return undefined;
  for (const profile of [DEFAULT_PROFILE, ...PROFILES.filter((p) => p !== DEFAULT_PROFILE)]) {
    const hit = findLevel2(profile, text);
    if (hit) return { level1: hit.level1.name, level2: hit.level2.name };
  }
  return undefined;
}

const blank = (v: string | undefined) => (v ?? '').trim() === '';

/**
 * The innermost element of `row` whose label (text, value or title) is one of `labels`: links and buttons
 * first, then any small element (a <span> or <i> acting as one). The innermost, because the cell holding a
 * link reads the same and a grid that reads ids from the clicked element needs the link itself.
 */
export function rowAction(row: Element, labels: readonly string[]): HTMLElement | null {
  const labelOf = (el: HTMLElement) => (el instanceof HTMLInputElement ? el.value : (el.textContent ?? ''));
  const hit = (el: HTMLElement) => buttonMatches(labelOf(el), labels) || buttonMatches(el.getAttribute('title') ?? '', labels);
  for (const selector of ['a, button, [role="button"], input[type="button"]', 'span, i, em, b, u, font']) {
    const found = Array.from(row.querySelectorAll<HTMLElement>(selector)).filter((el) => el.childElementCount <= 1 && hit(el));
    const innermost = found.find((el) => !found.some((other) => other !== el && el.contains(other)));
    if (innermost) return innermost;
  }
  return null;
}

/** A row-level add link (新增 / 新增下级 / 添加 / +) in the row, if any. */
export function rowAddLink(row: Element): HTMLElement | null {
  return rowAction(row, [...ADD_ROW_LABELS, '新增下级', '添加下级', '新增三级指标', '+', '＋']);
}

/** The role of one row from a site profile's word (category row selector, level attribute), if it says. */
function profiledRole(row: Element, cells: RowCells, spec: LayoutCategories): RowRole | undefined {
  if (spec.level) {
    const level = row.getAttribute(spec.level)?.trim();
    if (level === '1') return 'level1';
    if (level === '2') return 'level2';
    if (level) return 'indicator';
  }
  if (spec.row) {
    if (!matches(row, spec.row)) return 'indicator';
    const text = cells.level2 || cells.level1 || cells.name || '';
    return level2Name(text) || (cells.level2 ?? '').trim() !== '' ? 'level2' : 'level1';
  }
  return undefined;
}

/** The role of one row from its markup and what its cells show (a site profile's word first). */
export function rowRole(row: Element | undefined, cells: RowCells, spec?: LayoutCategories): RowRole {
  const profiled = row && spec ? profiledRole(row, cells, spec) : undefined;
  if (profiled) return profiled;
  const marked = row ? markedLevel(row) : undefined;
  if (marked === 1) return 'level1';
  if (marked === 2) return 'level2';
  if (marked === 3) return 'indicator';
  if (!INDICATOR_FIELDS.every((f) => blank(cells[f]))) return 'indicator';
  const name = cells.name ?? '';
  if (!blank(cells.level2) && blank(name) && level2Name(cells.level2!)) return 'level2';
  if (!blank(cells.level1) && blank(cells.level2) && blank(name) && level1Name(cells.level1!)) return 'level1';
  // One name column for every level (an indented tree): the category name stands where the 三级 name would.
  if (!blank(name) && blank(cells.level1) && blank(cells.level2)) {
    if (level1Name(name) && !level2Name(name)) return 'level1';
    if (level2Name(name)) return 'level2';
  }
  return 'indicator';
}

/** The category a category row names (its own text, in whichever column it stands). */
export function categoryOfRow(role: RowRole, cells: RowCells, above: Category): Category {
  const text = role === 'level1' ? (cells.level1 || cells.name || '') : (cells.level2 || cells.name || '');
  if (role === 'level1') return { level1: level1Name(text) ?? text.trim(), level2: '' };
  const found = level2Name(text);
  const level2 = found?.level2 ?? text.trim();
  // The 一级 a 二级 row sits under wins over the taxonomy's (a portal may file it elsewhere; checks judge that).
  return { level1: above.level1 || found?.level1 || '', level2 };
}

/** The category of an indicator row: its own category cells where it has them, else what it sits under. */
export function categoryOfIndicator(cells: RowCells, above: Category): Category {
  const own1 = (cells.level1 ?? '').trim();
  const own2 = (cells.level2 ?? '').trim();
  return {
    level1: own1 ? (level1Name(own1) ?? own1) : above.level1,
    level2: own2 ? (level2Name(own2)?.level2 ?? own2) : above.level2,
  };
}

/** Whether two category names are the same category (codes, spaces and aliases aside). */
export function sameCategory(a: string, b: string): boolean {
  if (normaliseLabel(a) === normaliseLabel(b)) return true;
  const ka = level2Name(a)?.level2 ?? level1Name(a);
  const kb = level2Name(b)?.level2 ?? level1Name(b);
  return ka !== undefined && ka === kb;
}
