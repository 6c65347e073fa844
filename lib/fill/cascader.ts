import { normaliseLabel } from './labels';

/**
 * Path logic of cascader cells (Element Plus el-cascader), kept apart from the DOM adapter in widgets.ts.
 * A cascader shows the chosen path as "产出指标 / 数量指标" (show-all-levels, Element's default) or only
 * the leaf; a value to write is a path ("A / B", "A/B") or a single label found as a leaf under any branch.
 */

/** Separators between levels: ASCII or full-width slash, any spacing around them. */
const SEPARATOR = /\s*[/／]\s*/;

function levels(value: string): string[] {
  return value
    .split(SEPARATOR)
    .map((part) => part.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter((part) => normaliseLabel(part) !== '');
}

/** A value split into its levels, each normalised like every other label, for matching ('' → []). */
export function cascaderPath(value: string): string[] {
  return levels(value).map((part) => normaliseLabel(part));
}

/** The leaf of what a cascader shows, as shown ("产出指标 / 数量指标" → "数量指标"; '' when empty). */
export function cascaderLeaf(shown: string): string {
  const path = levels(shown);
  return path[path.length - 1] ?? '';
}

/**
 * Whether what the cascader shows is the wanted path. A cascader that shows the whole path must show the
 * wanted levels at its end (a single label matches any branch); one that shows only the leaf must show the
 * wanted leaf.
 */
export function shownMatches(shown: string, want: readonly string[]): boolean {
  const path = cascaderPath(shown);
  if (path.length === 0 || want.length === 0) return path.length === want.length;
  if (path.length === 1) return path[0] === want[want.length - 1];
  if (want.length > path.length) return false;
  const tail = path.slice(path.length - want.length);
  return tail.every((part, i) => part === want[i]);
}

/**
 * Order in which to look into the branches of a menu for a single label: the branch already expanded (the
 * chosen path, which a cascader opens on) first, then the others top to bottom.
 */
export function branchOrder(count: number, expanded: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  if (expanded <= 0 || expanded >= count) return order;
  return [expanded, ...order.filter((i) => i !== expanded)];
}

/** "「A」下没有「B」，可选：x、y、z…" — what a menu offered, for an error that says what to pick instead. */
export function offeredList(labels: readonly string[], max = 8): string {
  if (labels.length === 0) return '（无选项）';
  const shown = labels.slice(0, max).join('、');
  return labels.length > max ? `${shown}等${labels.length}项` : shown;
}
