/**
 * The Portals page's model: which portal origins Tianbao runs on (shipped with the build or added by
 * the person, each granted as an optional host permission), checks on a typed address, and per-site
 * settings. The background owns registration (messages `portals.list` / `portals.add` /
 * `portals.remove`); their replies are validated here, since they cross a context boundary.
 */
import { z } from 'zod';
import { PROFILE_AMOUNT_FIELDS, PROFILE_LAYOUT_KINDS, PROFILE_PROJECT_FIELDS, PROFILE_WIDGET_KINDS, type PageLayout } from '../fill/profile';
import { FILL_FIELDS } from '../fill/types';
import { originPattern } from '../portals';

/** One portal as the background lists it. */
export const portalEntrySchema = z.object({
  /** Match pattern (`https://yth.czt.gd.gov.cn/*`). */
  pattern: z.string().min(1),
  /** `build`: shipped pre-configured (cannot be removed here); `user`: added in the options page. */
  source: z.enum(['build', 'user']),
});
export type PortalEntry = z.infer<typeof portalEntrySchema>;

/** What adding a typed address would do, before the browser is asked for permission. */
export type AddressCheck = { ok: true; pattern: string } | { ok: false; code: 'empty' | 'invalid' | 'broad' | 'duplicate' };

/**
 * Reads a typed address into its origin pattern; refuses empty, non-http(s), wildcard (more than one
 * site: a * in the scheme or host, as in *.gov.cn) and already listed sites. Without a scheme the host must look
 * like a site (`a.b`, an IP address, localhost): a stray word (`abc`) is not taken for an intranet host.
 */
export function checkPortalAddress(address: string, existing: readonly PortalEntry[]): AddressCheck {
  const trimmed = address.trim();
  if (trimmed === '') return { ok: false, code: 'empty' };
  const hasScheme = /^[a-z*][a-z0-9+.*-]*:\/\//i.test(trimmed);
  const authority = (hasScheme ? trimmed.slice(trimmed.indexOf('://') + 3) : trimmed).split(/[/?#]/)[0]!;
  if (/^\*:\/\//.test(trimmed) || authority.includes('*')) return { ok: false, code: 'broad' };
  // People often paste a host without the scheme; portals are https unless they say otherwise.
  const withScheme = hasScheme ? trimmed : `https://${trimmed}`;
  const pattern = originPattern(withScheme);
  if (!pattern || !/^https?:\/\/[^/]*[a-z0-9][^/]*\/\*$/i.test(pattern)) return { ok: false, code: 'invalid' };
  if (!hasScheme && !/^(localhost|\[[0-9a-f:.]+\]|[^/:]+\.[^/:]+)(:\d+)?$/i.test(new URL(withScheme).host)) return { ok: false, code: 'invalid' };
  if (existing.some((p) => p.pattern === pattern)) return { ok: false, code: 'duplicate' };
  return { ok: true, pattern };
}

/** The origin a pattern grants (`https://host/*` → `https://host`), for display and tab matching. */
export function patternOrigin(pattern: string): string {
  return pattern.replace(/\/\*$/, '');
}

/** Build portals first (they cannot be removed), then the person's own, each by address. */
export function sortPortals(list: readonly PortalEntry[]): PortalEntry[] {
  return [...list].sort((a, b) => (a.source === b.source ? a.pattern.localeCompare(b.pattern) : a.source === 'build' ? -1 : 1));
}

// ---- site layout: how a portal the heuristics miss is mapped (lib/fill/profile.ts PageLayout) ----

const selector = z.string().trim().min(1).max(500);
const fieldName = z.enum(FILL_FIELDS);
const setName = z.enum(['period', 'annual']);

/** A column: `"name"`, `null` (a column to skip) or `{ field, header?, widget? }`. */
const layoutColumnSchema = z.preprocess(
  (v) => (typeof v === 'string' || v === null ? { field: v } : v),
  z.strictObject({
    field: fieldName.nullable(),
    header: z.string().trim().min(1).max(100).optional(),
    widget: z.enum(PROFILE_WIDGET_KINDS).optional(),
  }),
);

const selectorMap = <K extends string>(keys: readonly K[]) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, selector.optional()])) as Record<K, z.ZodOptional<typeof selector>>);

/**
 * The mapping part of a site profile (all optional: the heuristics find what it leaves out). Strict: an
 * unknown key is an error, so a typo (`colums`) is caught rather than silently ignored.
 */
export const siteLayoutSchema = z.strictObject({
  frames: z.array(z.string().trim().min(1).max(500)).max(20).optional(),
  grid: z
    .strictObject({
      root: selector,
      sets: z.array(setName).min(1).max(2).optional(),
      row: selector,
      cell: selector.optional(),
      header: selector.optional(),
    })
    .optional(),
  columns: z.array(layoutColumnSchema).max(40).optional(),
  addRow: selector.optional(),
  deleteRow: selector.optional(),
  tabs: z.strictObject({ period: selector.optional(), annual: selector.optional(), active: selector.optional() }).optional(),
  categories: z
    .strictObject({
      kind: z.enum(PROFILE_LAYOUT_KINDS).optional(),
      row: selector.optional(),
      level: z.string().trim().regex(/^[A-Za-z_:][-A-Za-z0-9_:.]*$/).max(100).optional(),
      addLink: selector.optional(),
      addButton: selector.optional(),
    })
    .optional(),
  project: selectorMap(PROFILE_PROJECT_FIELDS).optional(),
  amounts: selectorMap(PROFILE_AMOUNT_FIELDS).optional(),
});
export type SiteLayout = z.infer<typeof siteLayoutSchema>;
// The stored layout is what the content script reads: the two must stay the same shape.
const _sameShape: (l: SiteLayout) => PageLayout = (l) => l;
void _sameShape;

/** Per-site settings the person keeps with a portal. */
export const siteProfileSchema = z.object({
  pattern: z.string().min(1),
  /** A name people know the site by (广东省预算管理一体化系统). */
  name: z.string().max(100).default(''),
  /** Taxonomy profile id the site's forms follow ('' = the rules page's choice). */
  taxonomy: z.string().max(50).default(''),
  note: z.string().max(500).default(''),
  /** How to find the form on a portal the heuristics miss (selectors, columns, widgets, buttons, tabs). */
  layout: siteLayoutSchema.optional(),
});
export type SiteProfile = z.infer<typeof siteProfileSchema>;

/**
 * Reads stored site profiles, dropping malformed entries. A profile whose layout no longer validates
 * (written by hand or by an older version) keeps its name and note; only the layout is left out.
 */
export function readSiteProfiles(stored: unknown): SiteProfile[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((item) => {
    const parsed = siteProfileSchema.safeParse(item);
    if (parsed.success) return [parsed.data];
    const { layout: _layout, ...rest } = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const base = siteProfileSchema.safeParse(rest);
    return base.success ? [base.data] : [];
  });
}

/** One problem in a layout's JSON: where (`layout.columns[2].widget`) and what, for the page to word. */
export type LayoutIssue =
  | { path: string; code: 'json'; detail: string }
  | { path: string; code: 'widget' | 'field' | 'set' | 'kind' | 'selector' | 'unknownKey'; value: string }
  | { path: string; code: 'type'; expected: string }
  | { path: string; code: 'required' | 'empty' | 'tooLong' | 'tooMany' | 'invalid' };

export type LayoutCheck = { ok: true; layout: SiteLayout } | { ok: false; issues: LayoutIssue[] };

/** `['columns', 2, 'widget']` → `layout.columns[2].widget`. */
export function layoutPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}.${String(key)}`), 'layout');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const key of path) {
    // A column written as a bare string (`"KPI"`) was read as { field: "KPI" }.
    if (key === 'field' && typeof v === 'string') return v;
    v = typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return v;
}

function shown(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
}

/**
 * A cheap selector syntax check for where there is no DOM to ask: balanced brackets, parentheses and
 * quotes, and no dangling combinator. The options page asks the browser itself (`querySelector`).
 */
export function selectorLooksValid(s: string): boolean {
  const t = s.trim();
  if (t === '' || /^[>+~,]|[>+~,]\s*$/.test(t)) return false;
  const stack: string[] = [];
  let quote = '';
  for (let i = 0; i < t.length; i += 1) {
    const c = t[i]!;
    if (c === '\\') {
      i += 1;
      continue;
    }
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(') stack.push(c === '[' ? ']' : ')');
    else if ((c === ']' || c === ')') && stack.pop() !== c) return false;
  }
  return quote === '' && stack.length === 0;
}

/** Every selector of a layout with its path. */
function selectorsOf(layout: SiteLayout): Array<[PropertyKey[], string]> {
  const out: Array<[PropertyKey[], string]> = [];
  const add = (path: PropertyKey[], s: string | undefined) => s !== undefined && out.push([path, s]);
  if (layout.grid) for (const k of ['root', 'row', 'cell', 'header'] as const) add(['grid', k], layout.grid[k]);
  add(['addRow'], layout.addRow);
  for (const k of ['row', 'addLink', 'addButton'] as const) add(['categories', k], layout.categories?.[k]);
  add(['deleteRow'], layout.deleteRow);
  for (const part of ['tabs', 'project', 'amounts'] as const) {
    for (const [k, s] of Object.entries(layout[part] ?? {})) add([part, k], s as string | undefined);
  }
  return out;
}

/**
 * Validates a layout (the JSON text the options page edits, or an already parsed value): schema first,
 * then every selector with `isSelector` (the browser's own parser in the options page). Each issue names
 * its JSON path.
 */
export function checkSiteLayout(input: string | unknown, isSelector: (s: string) => boolean = selectorLooksValid): LayoutCheck {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (e) {
      return { ok: false, issues: [{ path: 'layout', code: 'json', detail: e instanceof Error ? e.message : String(e) }] };
    }
  }
  const parsed = siteLayoutSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.flatMap((issue): LayoutIssue[] => {
      const path = issue.path;
      const last = path.at(-1);
      if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: layoutPath(path), code: 'unknownKey', value: key }));
      if (issue.code === 'invalid_value') {
        const got = shown(valueAt(value, path));
        if (last === 'widget') return [{ path: layoutPath(path), code: 'widget', value: got }];
        if (last === 'field') return [{ path: layoutPath(path), code: 'field', value: got }];
        if (last === 'kind') return [{ path: layoutPath(path), code: 'kind', value: got }];
        return [{ path: layoutPath(path), code: 'set', value: got }];
      }
      if (issue.code === 'invalid_type') {
        if (valueAt(value, path) === undefined) return [{ path: layoutPath(path), code: 'required' }];
        return [{ path: layoutPath(path), code: 'type', expected: issue.expected }];
      }
      if (issue.code === 'too_small') return [{ path: layoutPath(path), code: 'empty' }];
      if (issue.code === 'too_big') return [{ path: layoutPath(path), code: issue.origin === 'array' ? 'tooMany' : 'tooLong' }];
      return [{ path: layoutPath(path), code: 'invalid' }];
    });
    return { ok: false, issues };
  }
  const bad = selectorsOf(parsed.data).filter(([, s]) => !isSelector(s));
  if (bad.length > 0) return { ok: false, issues: bad.map(([path, s]) => ({ path: layoutPath(path), code: 'selector' as const, value: s })) };
  return { ok: true, layout: parsed.data };
}

/** A starting point for a profile's layout (the custom replica's mapping, test/portal/custom). */
export const EXAMPLE_LAYOUT: SiteLayout = {
  frames: ['/custom/*'],
  grid: { root: '#kpi', row: '.kpi-row', cell: '.kpi-c', header: '.kpi-h' },
  columns: [
    { field: null },
    { field: 'level1', header: 'L1' },
    { field: 'level2', header: 'L2' },
    { field: 'name', header: 'KPI' },
    { field: 'symbol', header: 'Op' },
    { field: 'value', header: 'Target' },
    { field: 'unit', header: 'Unit', widget: 'input' },
    { field: 'explanation', header: 'Note' },
    { field: null },
  ],
  addRow: 'button.kpi-plus',
  deleteRow: 'button.kpi-minus',
  tabs: { period: '.cp-pill[data-set="period"]', annual: '.cp-pill[data-set="annual"]', active: '.cur' },
  project: { name: '#p-name', owner: '#p-owner', goal: '#g-long', annualGoal: '#g-year' },
  amounts: { total: '#m-total', fiscal: '#m-fiscal', specialAccount: '#m-special', other: '#m-other' },
};

/**
 * The layout stored for a pattern when it does not validate (readSiteProfiles leaves it out), so the
 * options page can show it to be fixed instead of silently dropping it on the next save.
 */
export function invalidStoredLayout(stored: unknown, pattern: string): unknown {
  if (!Array.isArray(stored)) return undefined;
  const raw = stored.find((p): p is { pattern: string; layout?: unknown } => typeof p === 'object' && p !== null && (p as { pattern?: unknown }).pattern === pattern);
  if (!raw || raw.layout === undefined) return undefined;
  return siteLayoutSchema.safeParse(raw.layout).success ? undefined : raw.layout;
}

/** Replaces (or adds) the profile of one pattern. */
export function upsertSiteProfile(list: readonly SiteProfile[], profile: SiteProfile): SiteProfile[] {
  const rest = list.filter((p) => p.pattern !== profile.pattern);
  return [...rest, profile];
}

export function removeSiteProfile(list: readonly SiteProfile[], pattern: string): SiteProfile[] {
  return list.filter((p) => p.pattern !== pattern);
}
