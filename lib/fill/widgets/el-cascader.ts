import { branchOrder, cascaderLeaf, cascaderPath, offeredList, shownMatches } from '../cascader';
import { normaliseLabel } from '../labels';
import { waitFor } from '../wait';
import { hasClass } from './controls';
import { clean, click, pressKey } from './events';
import type { WidgetAdapter, WriteContext } from './types';

/* ── el-cascader ─────────────────────────────────────────────────────────────────────────────────── */

function elCascaderRoot(cell: Element): HTMLElement | null {
  return (cell.matches('.el-cascader') ? cell : cell.querySelector('.el-cascader')) as HTMLElement | null;
}

/** What the cascader's input shows: the chosen path ("产出指标 / 数量指标") or only its leaf. */
function cascaderShown(root: HTMLElement): string {
  return clean(root.querySelector<HTMLInputElement>('input')?.value ?? '');
}

function cascaderOpen(root: HTMLElement): boolean {
  return root.querySelector('input')?.getAttribute('aria-expanded') === 'true';
}

/** Each cascader's popper as last opened (its name, aria-describedby, is gone once it closes). */
const cascaderPoppers = new WeakMap<HTMLElement, HTMLElement>();

/** The open cascader's panel: its popper (teleported to body) is named by the trigger's aria-describedby while open. */
function cascaderPanel(root: HTMLElement): HTMLElement | null {
  const id = root.getAttribute('aria-describedby');
  const popper = id ? root.ownerDocument.getElementById(id) : null;
  if (popper) cascaderPoppers.set(root, popper);
  return popper?.querySelector<HTMLElement>('.el-cascader-panel') ?? null;
}

function menuNodes(panel: HTMLElement, level: number): HTMLElement[] {
  const menu = panel.querySelectorAll('.el-cascader-menu')[level];
  return menu ? Array.from(menu.querySelectorAll<HTMLElement>('.el-cascader-node')) : [];
}

const nodeText = (node: Element): string => clean(node.querySelector('.el-cascader-node__label')?.textContent ?? node.textContent ?? '');
const isBranch = (node: Element): boolean => node.getAttribute('aria-haspopup') === 'true';
const usable = (node: Element): boolean => !node.classList.contains('is-disabled');

/** "第3行「二级指标」" for messages: the row in its table body and the column's header text when found. */
function cellName(cell: Element): string {
  const td = cell.closest('td');
  const tr = td?.parentElement as HTMLTableRowElement | null;
  if (!td || !tr) return '级联选择框';
  const column = Array.from(td.classList).find((c) => /column_\d+$/.test(c));
  const head = column ? td.closest('.el-table')?.querySelector(`thead th.${column}`) : td.closest('table')?.tHead?.rows[0]?.cells[td.cellIndex];
  const label = clean(head?.textContent ?? '');
  return `第${tr.sectionRowIndex + 1}行${label ? `「${label}」` : ''}`;
}

/**
 * Expands the branch at `index` of menu `level` (a click, as a person's) and waits until the next menu holds
 * its children. A branch on the chosen path is expanded already when the panel opens.
 */
async function expandBranch(panel: HTMLElement, level: number, index: number, ctx: WriteContext): Promise<void> {
  const node = () => menuNodes(panel, level)[index];
  if (node()?.getAttribute('aria-expanded') !== 'true') click(node()!);
  await waitFor(panel.ownerDocument, () => node()?.getAttribute('aria-expanded') === 'true' && panel.querySelectorAll('.el-cascader-menu').length > level + 1, {
    timeout: ctx.timeout ?? 1500,
    what: `展开「${nodeText(node()!)}」`,
    signal: ctx.signal,
  });
}

/** Walks a path level by level from the first menu; returns the leaf node or throws naming what was not offered. */
async function cascaderPathNode(panel: HTMLElement, want: readonly string[], where: string, ctx: WriteContext): Promise<HTMLElement> {
  for (let level = 0; ; level += 1) {
    const nodes = menuNodes(panel, level);
    const index = nodes.findIndex((n) => usable(n) && normaliseLabel(nodeText(n)) === want[level]);
    const under = level === 0 ? '' : `「${want.slice(0, level).join(' / ')}」下`;
    if (index < 0) throw new Error(`${where}：级联选择框${under}没有选项「${want[level]}」，可选：${offeredList(nodes.map(nodeText))}`);
    const last = level === want.length - 1;
    const branch = isBranch(nodes[index]!);
    if (last && branch) throw new Error(`${where}：「${want.join(' / ')}」不是末级选项`);
    if (!last && !branch) throw new Error(`${where}：「${want.slice(0, level + 1).join(' / ')}」没有下级选项`);
    if (last) return nodes[index]!;
    await expandBranch(panel, level, index, ctx);
  }
}

/** Finds a single label as a leaf under any branch, expanding branches one at a time (the chosen path first). */
async function cascaderLeafNode(panel: HTMLElement, label: string, level: number, ctx: WriteContext): Promise<HTMLElement | null> {
  ctx.signal?.throwIfAborted();
  const nodes = menuNodes(panel, level);
  const hit = nodes.find((n) => !isBranch(n) && usable(n) && normaliseLabel(nodeText(n)) === label);
  if (hit || level >= 4) return hit ?? null;
  const branches = nodes.flatMap((n, i) => (isBranch(n) && usable(n) ? [i] : []));
  const expanded = branches.findIndex((i) => nodes[i]!.getAttribute('aria-expanded') === 'true');
  for (const k of branchOrder(branches.length, expanded)) {
    await expandBranch(panel, level, branches[k]!, ctx);
    const found = await cascaderLeafNode(panel, label, level + 1, ctx);
    if (found) return found;
  }
  return null;
}

/**
 * el-cascader: open the panel with a click, walk the path (or find a single label as a leaf), click the leaf,
 * confirm the input shows the chosen path, and leave the panel closed.
 */
async function writeElCascader(cell: Element, value: string, ctx: WriteContext): Promise<void> {
  const root = elCascaderRoot(cell)!;
  const doc = root.ownerDocument;
  const want = cascaderPath(value);
  const where = cellName(cell);
  if (want.length === 0) throw new Error(`${where}：级联选择框不能清空`);
  if (shownMatches(cascaderShown(root), want)) return;
  // Reopened while its closing transition runs, Element Plus's popper stays on screen after it closes
  // again (over the page, catching clicks): let the last close finish first, as it has for a person.
  const closing = cascaderOpen(root) ? undefined : cascaderPoppers.get(root);
  if (closing) await waitFor(doc, () => !closing.isConnected || closing.style.display === 'none', { timeout: ctx.timeout ?? 1500, signal: ctx.signal }).catch(() => undefined);
  if (!cascaderOpen(root)) click(root);
  try {
    const panel = await waitFor(doc, () => cascaderOpen(root) && cascaderPanel(root), {
      timeout: ctx.timeout ?? 1500,
      what: `${where}的级联面板`,
      signal: ctx.signal,
    });
    const node =
      want.length > 1
        ? await cascaderPathNode(panel, want, where, ctx)
        : await cascaderLeafNode(panel, want[0]!, 0, ctx);
    if (!node) throw new Error(`${where}：级联选择框各级都没有选项「${value}」，一级可选：${offeredList(menuNodes(panel, 0).map(nodeText))}`);
    click(node);
    await waitFor(doc, () => shownMatches(cascaderShown(root), want), { timeout: ctx.timeout ?? 1500, signal: ctx.signal }).catch((e: unknown) => {
      if (ctx.signal?.aborted) throw e;
      throw new Error(`${where}：选了「${value}」，但显示「${cascaderShown(root)}」`);
    });
  } finally {
    // Close the panel again (a leaf click closes it; an error leaves it open), as Escape would for a person.
    if (cascaderOpen(root)) pressKey(root.querySelector('input') ?? root, 'Escape', 27);
  }
}


/** Element Plus el-cascader: the category path (一级 / 二级) picked level by level. */
export const elCascaderAdapter: WidgetAdapter = {
  kind: 'el-cascader',
  matches: (el) => hasClass(el, 'el-cascader'),
  fits: (cell) => elCascaderRoot(cell) !== null,
  read: (cell) => cascaderLeaf(cascaderShown(elCascaderRoot(cell)!)),
  write: writeElCascader,
};
