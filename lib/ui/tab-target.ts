/**
 * Which portal tab the side panel acts on. Contract (tests and the popup-window fallback rely on it):
 * `sidepanel.html?tabId=<id>` acts on that tab; without it, on the active tab of the current window,
 * following the person as they switch tabs.
 */

/** The tab id from a page's query string (`?tabId=12`), or null when absent or not a tab id. */
export function parseTabId(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d{1,10}$/.test(raw.trim())) return null;
  const id = Number(raw.trim());
  return Number.isSafeInteger(id) && id >= 0 ? id : null;
}

/** The page path that opens the side panel for one tab (a popup window where the browser has no side panel). */
export function sidePanelPath(tabId: number): string {
  return `/sidepanel.html?tabId=${encodeURIComponent(String(tabId))}`;
}
