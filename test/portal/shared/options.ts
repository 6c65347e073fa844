/** Dropdown contents of the replica portals: categories from the default taxonomy profile, symbols, units. */
import { DEFAULT_PROFILE } from '../../../lib/domain/taxonomy';
import { SYMBOLS } from '../../../lib/domain/values';

/** 一级指标 names offered by the portal. */
export const LEVEL1_OPTIONS: readonly string[] = DEFAULT_PROFILE.level1.map((c) => c.name);

/** 计算符号 as the portal stores them (＞ ＝ ＜ full-width). */
export const SYMBOL_OPTIONS: readonly string[] = SYMBOLS;

/** Common 计量单位; the portal also accepts free entry. */
export const UNIT_OPTIONS: readonly string[] = [
  '%', '个', '次', '场', '场次', '人', '人次', '项', '份', '条', '台', '套', '路', '件', '宗', '家', '篇',
  '平方米', '万元', '元', '小时', '分钟', '天', '个工作日', '月', '年', '期', '批',
];

/**
 * 二级指标 names under a 一级. Like real portals, the list follows the chosen 一级; a value that does not
 * belong (imported data, the `?state=errors` project) is still shown so the page never hides what the
 * model holds.
 */
export function level2Options(level1: string, current = ''): string[] {
  const parent = DEFAULT_PROFILE.level1.find((c) => c.name === level1);
  const names = parent ? parent.level2.map((c) => c.name) : [];
  return current && !names.includes(current) ? [...names, current] : names;
}

/** Whether a 二级 belongs to the 一级 (used to clear 二级 when 一级 changes, like the real portal). */
export function level2Fits(level1: string, level2: string): boolean {
  return level2Options(level1).includes(level2);
}

/** Adds the current value to a fixed option list when the model holds something else. */
export function withCurrent(options: readonly string[], current: string): string[] {
  return current && !options.includes(current) ? [...options, current] : [...options];
}
