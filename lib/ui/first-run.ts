/**
 * The first-run guide (入门指南): its three steps and whether each is done, from the real state the
 * options page gathers (portals with their permission and live tabs, the library's sets, the flag the
 * background stores when a portal page first showed the launcher). Pure: no browser here.
 */

/** The options page's URL hash that opens it on the guide (`options.html#guide`). */
export const GUIDE_HASH = 'guide';

/** The steps, in order: add a portal, put a library in place, open the portal and use the launcher. */
export const GUIDE_STEPS = ['portal', 'library', 'open'] as const;
export type GuideStepId = (typeof GUIDE_STEPS)[number];

/** A portal as the guide sees it (`portals.status`). */
export interface PortalStatusInput {
  pattern: string;
  /** Permission granted for its origin (browser.permissions.contains). */
  granted: boolean;
  /** An open tab of that origin has Tianbao's content script reporting a form. */
  live: boolean;
}

/** 已生效 / 已授权 / 未授权: live implies granted (a script cannot run on an origin without it). */
export type PortalAccess = 'live' | 'granted' | 'not-granted';

export function portalAccess(portal: PortalStatusInput): PortalAccess {
  if (portal.live) return 'live';
  return portal.granted ? 'granted' : 'not-granted';
}

/** What the guide reads; null where it is not known yet (still loading, or the background did not answer). */
export interface GuideInputs {
  portals: readonly PortalStatusInput[] | null;
  /** The library's number of sets (`library.stats`). */
  sets: number | null;
  /** Whether the launcher was seen on a portal page (stored by the background). */
  launcherSeen: boolean;
}

export interface GuideStep {
  id: GuideStepId;
  done: boolean;
}

/** Each step done or not: a portal Tianbao may run on, at least one set, the launcher seen. */
export function guideSteps(inputs: GuideInputs): GuideStep[] {
  const done: Record<GuideStepId, boolean> = {
    portal: (inputs.portals ?? []).some((p) => p.granted || p.live),
    library: (inputs.sets ?? 0) > 0,
    open: inputs.launcherSeen,
  };
  return GUIDE_STEPS.map((id) => ({ id, done: done[id] }));
}

/** The first step not done, or null when all are. */
export function nextStep(steps: readonly GuideStep[]): GuideStepId | null {
  return steps.find((s) => !s.done)?.id ?? null;
}

/** Whether an `onInstalled` reason is a first install (not an update, nor the browser's own update). */
export function opensGuideOnInstall(reason: string): boolean {
  return reason === 'install';
}

/** The options page's address on the guide, from the extension's base URL (`chrome-extension://id/`). */
export function guideUrl(base: string): string {
  return `${base.endsWith('/') ? base : `${base}/`}options.html#${GUIDE_HASH}`;
}

/** The stored launcher flag (a time in ms) as a yes/no; anything else is no. */
export function launcherSeen(stored: unknown): boolean {
  return typeof stored === 'number' && Number.isFinite(stored) && stored > 0;
}
