/**
 * Portal origins. Build time: `TIANBAO_PORTALS`, comma-separated match patterns, for an organisation that
 * ships Tianbao pre-configured (the demo and e2e builds set the replica's origin). Run time: origins the
 * person adds in the options page, granted through optional host permissions.
 */

const PATTERN_RE = /^(https?|\*):\/\/(\*|\*\.[^/*:]+|[^/*:]+)(:\d+|:\*)?\/.*$/;

/** Parses a comma-separated list of match patterns; a bare origin (`http://127.0.0.1:5174`) gets `/*`. */
export function parsePortalList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => (/^[a-z*]+:\/\/[^/]+$/.test(s) ? `${s}/*` : s))
    .filter((s) => PATTERN_RE.test(s));
}

/** The match pattern for a portal address a person typed (`https://yth.czt.gd.gov.cn/…` → `https://yth.czt.gd.gov.cn/*`). */
export function originPattern(address: string): string | null {
  try {
    const url = new URL(address.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return `${url.protocol}//${url.host}/*`;
  } catch {
    return null;
  }
}
