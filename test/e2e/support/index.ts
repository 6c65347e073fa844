/** E2E support: system Chromium, the replica portal server, browser sessions with failure artefacts. */
export { DEBIAN_CHROMIUM, findChromium } from './chromium';
export { buildPortal, PORTAL_DIST, type PortalServer, startPortal } from './portal-server';
export { ARTIFACTS_DIR, type BrowserSession, CHROMIUM_ARGS, launchBrowser, type LaunchOptions, saveArtifactsOnFailure } from './browser';
export { readSaved, waitForSaved } from './saved';
