/**
 * E2E support: system Chromium, the replica portal server, browser sessions. Free of Vitest, so scripts
 * (the demo) can use it; tests add `saveArtifactsOnFailure` from './failure-artifacts'.
 */
export { DEBIAN_CHROMIUM, findChromium } from './chromium';
export { buildPortal, PORTAL_DIST, type PortalServer, startPortal } from './portal-server';
export { ARTIFACTS_DIR, type BrowserSession, CHROMIUM_ARGS, launchBrowser, type LaunchOptions } from './browser';
export { readSaved, waitForSaved } from './saved';
