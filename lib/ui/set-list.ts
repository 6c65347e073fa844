/**
 * The side panel's list of template sets: those suggested for the detected project first, then the
 * search results over the whole library, each set once. Sets carry no 一级/二级 of their own, so the
 * 一级/二级 filters keep the sets that contain an indicator of that category. Pure.
 */
import type { TemplateContent, TemplateSet } from '../domain/schemas';
import { valueText } from './format';

/** One row of the list. */
export interface SetListItem {
  set: TemplateSet;
  /** Suggested for this project (name and goal similar to the set's source project). */
  suggested: boolean;
}

/** The 一级/二级/tag filters a person picked ('' = any). */
export interface SetFilters {
  level1: string;
  level2: string;
  tag: string;
}

export const NO_FILTERS: SetFilters = { level1: '', level2: '', tag: '' };

/** Whether a set has an indicator under the picked 一级/二级 and carries the tag. */
export function setMatches(set: Pick<TemplateSet, 'items' | 'tags'>, filters: SetFilters): boolean {
  if (filters.tag && !set.tags.includes(filters.tag)) return false;
  if (!filters.level1 && !filters.level2) return true;
  return set.items.some((i) => (!filters.level1 || i.level1 === filters.level1) && (!filters.level2 || i.level2 === filters.level2));
}

/** Whether any filter is set. */
export function hasFilters(filters: SetFilters): boolean {
  return filters.level1 !== '' || filters.level2 !== '' || filters.tag !== '';
}

/**
 * Suggested sets first (only when the person has not typed a query: a query asks for its own
 * results), then the search hits, without repeats, all through the filters.
 */
export function mergeSetLists(
  suggested: readonly TemplateSet[],
  found: readonly TemplateSet[],
  query: string,
  filters: SetFilters,
): SetListItem[] {
  const items: SetListItem[] = [];
  const seen = new Set<string>();
  const add = (set: TemplateSet, isSuggested: boolean) => {
    if (seen.has(set.id) || !setMatches(set, filters)) return;
    seen.add(set.id);
    items.push({ set, suggested: isSuggested });
  };
  if (query.trim() === '') for (const s of suggested) add(s, true);
  for (const s of found) add(s, false);
  return items;
}

/** A short line under a set's name: how many indicators, and the 一级 it covers. */
export function setCategories(items: readonly Pick<TemplateContent, 'level1'>[]): string[] {
  const seen: string[] = [];
  for (const i of items) if (i.level1 && !seen.includes(i.level1)) seen.push(i.level1);
  return seen;
}

/** One row of a set's preview: both values side by side, as they will be filled. */
export interface PreviewLine {
  level1: string;
  level2: string;
  name: string;
  /** 实施周期指标值, rendered (`≥90%`), or — when the set has none. */
  period: string;
  /** 年度指标值, rendered, or —. */
  annual: string;
  /** Whether one of the two values is missing (the fill leaves that cell as it is). */
  incomplete: boolean;
}

export function previewLines(items: readonly TemplateContent[]): PreviewLine[] {
  return items.map((i) => ({
    level1: i.level1,
    level2: i.level2,
    name: i.name,
    period: valueText(i.period),
    annual: valueText(i.annual),
    incomplete: i.period === null || i.annual === null,
  }));
}
