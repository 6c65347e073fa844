/**
 * The side panel's per-project status list: the latest check result of every project the person has
 * opened in the portal, newest first, so a unit's tens of projects can be taken in at a glance. Kept in
 * browser.storage.local (this computer only). Pure: the panel loads, merges and saves.
 */
import { type SeverityCounts, type ProjectStatus, statusOf } from './findings';

/** One project's latest result. */
export interface ProjectStatusEntry {
  /** 项目名称 (the key: the same project opened again replaces its entry). */
  name: string;
  status: ProjectStatus;
  counts: SeverityCounts;
  /** When it was last checked (ms since epoch). */
  checkedAt: number;
  /** The portal page it was seen on. */
  url?: string;
}

/** How many projects the list remembers (older ones drop off). */
export const MAX_STATUS_ENTRIES = 200;

function isCounts(value: unknown): value is SeverityCounts {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return ['error', 'warning', 'info'].every((k) => Number.isInteger(c[k]) && (c[k] as number) >= 0);
}

/** Reads what storage held; anything malformed is dropped rather than shown wrong. */
export function readStatusEntries(stored: unknown): ProjectStatusEntry[] {
  if (!Array.isArray(stored)) return [];
  const entries: ProjectStatusEntry[] = [];
  for (const item of stored) {
    if (typeof item !== 'object' || item === null) continue;
    const e = item as Record<string, unknown>;
    if (typeof e.name !== 'string' || e.name.trim() === '' || !isCounts(e.counts) || typeof e.checkedAt !== 'number') continue;
    entries.push({
      name: e.name,
      counts: e.counts,
      status: statusOf(e.counts),
      checkedAt: e.checkedAt,
      ...(typeof e.url === 'string' ? { url: e.url } : {}),
    });
  }
  return entries.slice(0, MAX_STATUS_ENTRIES);
}

/**
 * Records the current results (one entry per project name) at the front of the list, replacing older
 * entries of the same projects. Unnamed projects are not recorded: nobody could tell them apart.
 */
export function recordStatus(
  entries: readonly ProjectStatusEntry[],
  current: ReadonlyArray<{ name: string; counts: SeverityCounts; url?: string }>,
  now: number,
): ProjectStatusEntry[] {
  const fresh: ProjectStatusEntry[] = [];
  for (const c of current) {
    const name = c.name.trim();
    if (name === '' || fresh.some((e) => e.name === name)) continue;
    fresh.push({ name, counts: { ...c.counts }, status: statusOf(c.counts), checkedAt: now, ...(c.url ? { url: c.url } : {}) });
  }
  const names = new Set(fresh.map((e) => e.name));
  return [...fresh, ...entries.filter((e) => !names.has(e.name))].slice(0, MAX_STATUS_ENTRIES);
}

/** Whether recording would change anything (saves a storage write on every refresh). */
export function sameStatus(a: readonly ProjectStatusEntry[], b: readonly ProjectStatusEntry[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((e, i) => {
    const o = b[i]!;
    return e.name === o.name && e.counts.error === o.counts.error && e.counts.warning === o.counts.warning && e.counts.info === o.counts.info;
  });
}

/** Totals over the list for the header line: how many projects are ✓ / ⚠ / ✗. */
export function statusTotals(entries: readonly ProjectStatusEntry[]): Record<ProjectStatus, number> {
  const totals: Record<ProjectStatus, number> = { ok: 0, warning: 0, error: 0 };
  for (const e of entries) totals[e.status] += 1;
  return totals;
}
