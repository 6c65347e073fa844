/**
 * The Portals page's model: which portal origins Tianbao runs on (shipped with the build or added by
 * the person, each granted as an optional host permission), checks on a typed address, and per-site
 * settings. The background owns registration (messages `portals.list` / `portals.add` /
 * `portals.remove`); their replies are validated here, since they cross a context boundary.
 */
import { z } from 'zod';
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
export type AddressCheck = { ok: true; pattern: string } | { ok: false; code: 'empty' | 'invalid' | 'duplicate' };

/** Reads a typed address into its origin pattern; refuses empty, non-http(s) and already listed sites. */
export function checkPortalAddress(address: string, existing: readonly PortalEntry[]): AddressCheck {
  const trimmed = address.trim();
  if (trimmed === '') return { ok: false, code: 'empty' };
  // People often paste a host without the scheme; portals are https unless they say otherwise.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  const pattern = originPattern(withScheme);
  if (!pattern || !/^https?:\/\/[^/]*[a-z0-9][^/]*\/\*$/i.test(pattern)) return { ok: false, code: 'invalid' };
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

/** Per-site settings the person keeps with a portal. */
export const siteProfileSchema = z.object({
  pattern: z.string().min(1),
  /** A name people know the site by (广东省预算管理一体化系统). */
  name: z.string().max(100).default(''),
  /** Taxonomy profile id the site's forms follow ('' = the rules page's choice). */
  taxonomy: z.string().max(50).default(''),
  note: z.string().max(500).default(''),
});
export type SiteProfile = z.infer<typeof siteProfileSchema>;

/** Reads stored site profiles, dropping malformed entries. */
export function readSiteProfiles(stored: unknown): SiteProfile[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((item) => {
    const parsed = siteProfileSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Replaces (or adds) the profile of one pattern. */
export function upsertSiteProfile(list: readonly SiteProfile[], profile: SiteProfile): SiteProfile[] {
  const rest = list.filter((p) => p.pattern !== profile.pattern);
  return [...rest, profile];
}

export function removeSiteProfile(list: readonly SiteProfile[], pattern: string): SiteProfile[] {
  return list.filter((p) => p.pattern !== pattern);
}
