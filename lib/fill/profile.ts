import type { Amounts } from '../domain/schemas';
import { FILL_FIELDS, type FillField, type IndicatorSet } from './types';

/**
 * Site profiles as the content script sees them: plain types, no zod (the options page and the background
 * validate the stored JSON with lib/ui/portals.ts `siteLayoutSchema`; this file only re-checks the shape
 * of what arrives, cheaply). A profile maps a portal the header/label heuristics of detect.ts miss: where
 * the grid, its rows and cells are, which field each column holds and with which widget, the add-row and
 * delete-row buttons, the set tabs and the project fields. Whatever a profile leaves out is found by the
 * heuristics as before.
 */

/** Widget kinds a profile may force on a column (the adapters of lib/fill/widgets/; `text`: read only). */
export const PROFILE_WIDGET_KINDS = ['el-select', 'native-select', 'input', 'contenteditable', 'slick-cell', 'text', 'el-cascader', 'edit-on-click'] as const;
export type ProfileWidgetKind = (typeof PROFILE_WIDGET_KINDS)[number];

export const PROFILE_PROJECT_FIELDS = ['name', 'owner', 'goal', 'annualGoal'] as const;
export type ProfileProjectField = (typeof PROFILE_PROJECT_FIELDS)[number];
export const PROFILE_AMOUNT_FIELDS = ['total', 'fiscal', 'specialAccount', 'other'] as const satisfies readonly (keyof Amounts)[];

/** One column of the grid, in page order: the field it holds (null: a column to skip), found by position or header text. */
export interface LayoutColumn {
  field: FillField | null;
  /** The header text of this column; when given (and found), it places the column instead of its position. */
  header?: string;
  /** The widget the column's cells hold, when recognising it from the DOM would guess wrong. */
  widget?: ProfileWidgetKind;
}

export interface LayoutGrid {
  /** The grid's container. Matching one element: one grid (switching sets by the tabs); several: one grid per set. */
  root: string;
  /** The set of each matched root, in document order (default: by the tabs, or 中长期 then 年度). */
  sets?: IndicatorSet[];
  /** Body rows, inside the root. */
  row: string;
  /** Cells inside a row (default: the row's child elements). */
  cell?: string;
  /** Header cells inside the root, in column order (for `header` texts and for the heuristic header labels). */
  header?: string;
}

/** How categories are laid out, for a portal whose grid the heuristics read wrongly (lib/fill/layouts). */
export const PROFILE_LAYOUT_KINDS = ['flat', 'tree', 'merged'] as const;

export interface LayoutCategories {
  /** `tree`: 一级/二级 as rows of their own; `merged`: category cells merged across rows; `flat`: per row. */
  kind?: (typeof PROFILE_LAYOUT_KINDS)[number];
  /** Category rows (a tree's 一级 and 二级 rows), matched on the row elements. */
  row?: string;
  /** An attribute of each row holding its level (1 一级, 2 二级, 3 indicator), e.g. `data-level` or `aria-level`. */
  level?: string;
  /** The add link inside a 二级 row (a tree's 新增), relative to that row. */
  addLink?: string;
  /** The toolbar button that adds a row under the selected 二级 cell (a merged grid's 新增). */
  addButton?: string;
}

/** The mapping part of a site profile. Every part is optional: the heuristics fill in the rest. */
export interface PageLayout {
  /** Frames (URL globs: a path such as `/custom/*`, or a full URL) the layout applies to; default every frame of the portal. */
  frames?: string[];
  grid?: LayoutGrid;
  /** Columns in page order. Without `grid`, header texts given here extend the heuristics' header labels. */
  columns?: LayoutColumn[];
  /** The add-row button (searched from the grid outwards, then in the whole document). */
  addRow?: string;
  /** The delete-row button (undo removes the rows a fill added with it). */
  deleteRow?: string;
  /** How the grid carries categories, where its structure says it wrongly: rows, merged cells, the add link. */
  categories?: LayoutCategories;
  /** The set tabs; `active` matches the tab that is selected now (default: aria-selected or an active class). */
  tabs?: { period?: string; annual?: string; active?: string };
  /** Project fields: the input or textarea (or an element holding one). */
  project?: Partial<Record<ProfileProjectField, string>>;
  amounts?: Partial<Record<keyof Amounts, string>>;
}

/** A site profile as delivered to the content script. */
export interface PageProfile {
  /** The portal's match pattern (`https://yth.czt.gd.gov.cn/*`). */
  pattern: string;
  name: string;
  layout: PageLayout;
}

// ---- URL matching (background: which profile a frame gets) ----

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

/**
 * Whether a URL falls under a match pattern as the browser reads it (`scheme://host/path`, `*` wildcards;
 * a pattern without a port matches every port, `*.host` any subdomain).
 */
export function urlMatchesPattern(pattern: string, href: string): boolean {
  const m = /^(\*|https?):\/\/(\*|\*\.[^/:]+|[^/:*]+)(?::(\d+|\*))?(\/.*)$/.exec(pattern.trim());
  if (!m) return false;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  const [, scheme, host, port, path] = m as unknown as [string, string, string, string | undefined, string];
  const protocol = url.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) return false;
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const base = host.slice(2).toLowerCase();
      if (url.hostname !== base && !url.hostname.endsWith(`.${base}`)) return false;
    } else if (url.hostname !== host.toLowerCase()) return false;
  }
  if (port !== undefined && port !== '*' && url.port !== port) return false;
  return globToRegExp(path).test(url.pathname + url.search);
}

/** Whether a layout applies to a frame URL (its `frames` globs: a path glob, or a full-URL glob; `*` matches anything). */
export function layoutAppliesTo(layout: PageLayout, href: string): boolean {
  if (!layout.frames || layout.frames.length === 0) return true;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  // A path glob is tried on the path, with the query, and with the hash (single-page portals route by `#/…`).
  const paths = [url.pathname, url.pathname + url.search, url.pathname + url.search + url.hash];
  return layout.frames.some((glob) => {
    const re = globToRegExp(glob.trim());
    return /^[a-z*]+:\/\//i.test(glob.trim()) ? re.test(url.href) : paths.some((p) => re.test(p));
  });
}

/**
 * The profile for a frame: among the profiles whose pattern covers the URL and whose layout applies to it,
 * one naming frames (more specific) before one that applies everywhere. Profiles without a layout map nothing.
 */
export function profileForUrl<P extends { pattern: string; name?: string; layout?: PageLayout }>(profiles: readonly P[], href: string): P | null {
  const fitting = profiles.filter((p) => p.layout && urlMatchesPattern(p.pattern, href) && layoutAppliesTo(p.layout, href));
  return fitting.find((p) => (p.layout!.frames?.length ?? 0) > 0) ?? fitting[0] ?? null;
}

// ---- arrival check in the content script (the background validated with zod; this keeps a bad reply out) ----

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const optString = (v: unknown) => v === undefined || typeof v === 'string';
const optStrings = (v: unknown) => v === undefined || (Array.isArray(v) && v.every((s) => typeof s === 'string'));
const optStringMap = (v: unknown, keys: readonly string[]) =>
  v === undefined || (isRecord(v) && Object.entries(v).every(([k, s]) => keys.includes(k) && typeof s === 'string'));

/** The profile in a background reply, or null when there is none or it is not a well-formed one. */
export function readPageProfile(value: unknown): PageProfile | null {
  if (!isRecord(value) || typeof value.pattern !== 'string' || !isRecord(value.layout)) return null;
  const l = value.layout;
  const grid = l.grid;
  const sets = ['period', 'annual'];
  const gridOk =
    grid === undefined ||
    (isRecord(grid) &&
      typeof grid.root === 'string' &&
      typeof grid.row === 'string' &&
      optString(grid.cell) &&
      optString(grid.header) &&
      (grid.sets === undefined || (Array.isArray(grid.sets) && grid.sets.every((s) => sets.includes(s as string)))));
  const columnsOk =
    l.columns === undefined ||
    (Array.isArray(l.columns) &&
      l.columns.every(
        (c) =>
          isRecord(c) &&
          (c.field === null || (FILL_FIELDS as readonly unknown[]).includes(c.field)) &&
          optString(c.header) &&
          (c.widget === undefined || (PROFILE_WIDGET_KINDS as readonly unknown[]).includes(c.widget)),
      ));
  const ok =
    gridOk &&
    columnsOk &&
    optStrings(l.frames) &&
    optString(l.addRow) &&
    optString(l.deleteRow) &&
    optStringMap(l.tabs, ['period', 'annual', 'active']) &&
    (l.categories === undefined ||
      (isRecord(l.categories) &&
        Object.entries(l.categories).every(([k, v]) =>
          k === 'kind' ? (PROFILE_LAYOUT_KINDS as readonly unknown[]).includes(v) : ['row', 'level', 'addLink', 'addButton'].includes(k) && typeof v === 'string',
        ))) &&
    optStringMap(l.project, PROFILE_PROJECT_FIELDS) &&
    optStringMap(l.amounts, PROFILE_AMOUNT_FIELDS);
  if (!ok) return null;
  return { pattern: value.pattern, name: typeof value.name === 'string' ? value.name : '', layout: l as PageLayout };
}
