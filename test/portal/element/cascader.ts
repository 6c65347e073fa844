/**
 * The `?cascader=1|filterable` variant of the modern replica: 二级指标 is an el-cascader over the
 * 一级 → 二级 tree (the same taxonomy data as the selects), the way some portals let people pick the
 * category path. The model keeps 一级 and 二级 as two names, so a save sends what the select variant sends.
 */
import type { PortalRow } from '../shared/model';
import { LEVEL1_OPTIONS, level2Fits, level2Options } from '../shared/options';

export interface CascaderOption {
  value: string;
  label: string;
  children?: CascaderOption[];
}

/** Off (el-select, the default), a plain cascader, or a filterable one (search by typing). */
export type CascaderMode = 'off' | 'plain' | 'filterable';

/** `?cascader=1` (or true/yes) → plain, `?cascader=filterable` → filterable, anything else → off. */
export function cascaderMode(search: string): CascaderMode {
  const value = new URLSearchParams(search).get('cascader') ?? '';
  if (value === 'filterable') return 'filterable';
  return ['1', 'true', 'yes'].includes(value) ? 'plain' : 'off';
}

function branch(level1: string, level2: readonly string[]): CascaderOption {
  return { value: level1, label: level1, children: level2.map((name) => ({ value: name, label: name })) };
}

/** The taxonomy tree, shared by every row that holds a fitting pair (one array: the panel is not rebuilt per render). */
const TREE: readonly CascaderOption[] = LEVEL1_OPTIONS.map((level1) => branch(level1, level2Options(level1)));

const offTree = new Map<string, CascaderOption[]>();

/**
 * Options for a row: the tree, plus the row's own pair when it does not fit (imported data, `?state=errors`),
 * so the page never hides what the model holds — the select variant does the same with `withCurrent`.
 */
export function cascaderOptions(level1: string, level2: string): CascaderOption[] {
  if (!level1 || !level2 || level2Fits(level1, level2)) return TREE as CascaderOption[];
  const key = `${level1}\u0000${level2}`;
  let options = offTree.get(key);
  if (!options) {
    const known = TREE.some((o) => o.value === level1);
    options = TREE.map((o) => (o.value === level1 ? branch(level1, [...level2Options(level1), level2]) : o));
    if (!known) options.push(branch(level1, [level2]));
    offTree.set(key, options);
  }
  return options;
}

/** The cascader's value for a row: the path 一级 → 二级, empty while 二级 is empty. */
export function rowPath(row: PortalRow): string[] {
  return row.level1 && row.level2 ? [row.level1, row.level2] : [];
}

/** A picked path sets both names, as the category path does on such portals; a cleared one empties 二级. */
export function setRowPath(row: PortalRow, path: unknown): void {
  const names = Array.isArray(path) ? path.map(String) : [];
  if (names.length < 2) {
    row.level2 = '';
    return;
  }
  row.level1 = names[0]!;
  row.level2 = names[names.length - 1]!;
}
