/**
 * The options page's library table: filters and sorting over templates and sets, and the selection a
 * bulk action works on. Text queries go to the background's search (pinyin, initials, ranking); this
 * module filters by 一级/二级/tag and sorts — cheap enough for 10,000 rows on every keystroke.
 */
import type { Template, TemplateSet } from '../domain/schemas';

/** Sort orders of the table. `relevance` keeps the search's ranking (only with a query). */
export const SORT_KEYS = ['relevance', 'name', 'level', 'updated', 'used'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

/** What the person picked ('' = any). */
export interface LibraryFilters {
  level1: string;
  level2: string;
  tag: string;
}

// Chinese collation (by pinyin), the order people expect in a Chinese list.
const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

export function filterTemplates<T extends Pick<Template, 'level1' | 'level2' | 'tags'>>(list: readonly T[], f: LibraryFilters): T[] {
  if (!f.level1 && !f.level2 && !f.tag) return [...list];
  return list.filter(
    (t) => (!f.level1 || t.level1 === f.level1) && (!f.level2 || t.level2 === f.level2) && (!f.tag || t.tags.includes(f.tag)),
  );
}

export function filterSets<T extends Pick<TemplateSet, 'items' | 'tags'>>(list: readonly T[], f: LibraryFilters): T[] {
  if (!f.level1 && !f.level2 && !f.tag) return [...list];
  return list.filter(
    (s) =>
      (!f.tag || s.tags.includes(f.tag)) &&
      (!f.level1 && !f.level2
        ? true
        : s.items.some((i) => (!f.level1 || i.level1 === f.level1) && (!f.level2 || i.level2 === f.level2))),
  );
}

type Comparator<T> = (a: T, b: T) => number;

const byName: Comparator<{ name: string }> = (a, b) => collator.compare(a.name, b.name);

function directed<T>(compare: Comparator<T>, direction: SortDirection): Comparator<T> {
  return direction === 'asc' ? compare : (a, b) => compare(b, a);
}

/**
 * Sorts templates (a copy). Ties fall back to the name, then the id, so the order is stable across
 * refreshes. `relevance` returns the list as given.
 */
export function sortTemplates(list: readonly Template[], key: SortKey, direction: SortDirection): Template[] {
  if (key === 'relevance') return [...list];
  const primary: Comparator<Template> =
    key === 'name'
      ? byName
      : key === 'level'
        ? (a, b) => collator.compare(a.level1, b.level1) || collator.compare(a.level2, b.level2)
        : key === 'updated'
          ? (a, b) => a.updatedAt - b.updatedAt
          : (a, b) => a.useCount - b.useCount || (a.lastUsedAt ?? 0) - (b.lastUsedAt ?? 0);
  const compare = directed(primary, direction);
  return [...list].sort((a, b) => compare(a, b) || byName(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Sorts sets like templates; `level` sorts by size (number of indicators), sets having no level. */
export function sortSets(list: readonly TemplateSet[], key: SortKey, direction: SortDirection): TemplateSet[] {
  if (key === 'relevance') return [...list];
  const primary: Comparator<TemplateSet> =
    key === 'name'
      ? byName
      : key === 'level'
        ? (a, b) => a.items.length - b.items.length
        : key === 'updated'
          ? (a, b) => a.updatedAt - b.updatedAt
          : (a, b) => a.useCount - b.useCount || (a.lastUsedAt ?? 0) - (b.lastUsedAt ?? 0);
  const compare = directed(primary, direction);
  return [...list].sort((a, b) => compare(a, b) || byName(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** 一级 → its 二级 names, as found in the library (for filter menus that only offer what exists). */
export function levelsInUse(templates: readonly Pick<Template, 'level1' | 'level2'>[]): Map<string, string[]> {
  const levels = new Map<string, Set<string>>();
  for (const t of templates) {
    if (!t.level1) continue;
    let set = levels.get(t.level1);
    if (!set) levels.set(t.level1, (set = new Set()));
    if (t.level2) set.add(t.level2);
  }
  return new Map(
    [...levels]
      .sort((a, b) => collator.compare(a[0], b[0]))
      .map(([l1, l2]) => [l1, [...l2].sort((a, b) => collator.compare(a, b))]),
  );
}

/** Selection after "select all shown": all shown are selected, or — when they already were — none of them. */
export function toggleAllShown(selected: ReadonlySet<string>, shownIds: readonly string[]): Set<string> {
  const allShown = shownIds.length > 0 && shownIds.every((id) => selected.has(id));
  const next = new Set(selected);
  for (const id of shownIds) {
    if (allShown) next.delete(id);
    else next.add(id);
  }
  return next;
}

/** Whether the header checkbox is checked, mixed or clear for the shown rows. */
export function selectionState(selected: ReadonlySet<string>, shownIds: readonly string[]): 'all' | 'some' | 'none' {
  let count = 0;
  for (const id of shownIds) if (selected.has(id)) count += 1;
  if (count === 0) return 'none';
  return count === shownIds.length ? 'all' : 'some';
}

/** Keeps only selected ids that still exist (after a delete, a merge or a refresh). */
export function pruneSelection(selected: ReadonlySet<string>, existing: Iterable<string>): Set<string> {
  const ids = new Set(existing);
  return new Set([...selected].filter((id) => ids.has(id)));
}
