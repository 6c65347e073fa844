/**
 * The extension pages' edge to the browser: messages to the background (typed library protocol, plus
 * messages other areas add, validated here), messages to a portal tab's content script, storage and
 * tab events. Components call these; nothing else in components/ touches `browser`.
 */
import { browser } from 'wxt/browser';
import { CHANNEL, createClient, MessageError, type Send } from '@/lib/messaging';
import {
  PAGE_CHANGED_EVENT,
  PAGE_CHANNEL,
  pageProtocol,
  type PageMessageType,
  type PageRequestOf,
  type PageResponseOf,
  type PageState,
} from '@/lib/page/protocol';

export { MessageError };

export const send: Send = (message) => browser.runtime.sendMessage(message);

/** The typed background client: `background.request('portals.list', {})`. */
export const background = createClient(send);
/** The same client, named for library calls: `library.request('library.search', { text })`. */
export const library = background;

/** Anything with zod's safeParse (classic or mini). */
interface Parser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Sends a message to a tab's content script (the frame that holds the form answers). */
export async function pageRequest<K extends PageMessageType>(tabId: number, type: K, payload: PageRequestOf<K>): Promise<PageResponseOf<K>> {
  let reply: unknown;
  try {
    reply = await browser.tabs.sendMessage(tabId, { channel: PAGE_CHANNEL, type, payload });
  } catch (error) {
    throw new MessageError('no-page', error instanceof Error ? error.message : String(error));
  }
  if (!isRecord(reply)) throw new MessageError('no-page', `页面没有应答「${type}」 / the page did not answer "${type}"`);
  if (reply.ok === false && isRecord(reply.error)) throw new MessageError(String(reply.error.code), String(reply.error.message));
  const parsed = (pageProtocol[type].response as unknown as Parser<PageResponseOf<K>>).safeParse(reply.data);
  if (!parsed.success) throw new MessageError('bad-reply', `页面对「${type}」的应答格式不符 / malformed page reply to "${type}"`);
  return parsed.data;
}

/**
 * A tab's merged form state (all frames), from the background; when the background cannot say (it
 * restarted and has not heard from the page yet), the content script's own. Null when no recognised
 * form is on the tab.
 */
export async function fetchTabState(tabId: number): Promise<PageState | null> {
  try {
    const state = await background.request('page.tabState', { tabId });
    if (state.detected) return state;
  } catch {
    // Fall through to asking the page itself.
  }
  try {
    const state = await pageRequest(tabId, 'page.state', {});
    return state.detected ? state : null;
  } catch {
    return null;
  }
}

/** The active tab of the window this page is in (the side panel's own window). */
export async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** The window this page belongs to (side panels are per window). */
export async function currentWindowId(): Promise<number | null> {
  try {
    return (await browser.windows.getCurrent()).id ?? null;
  } catch {
    return null;
  }
}

/** Calls back with the new active tab when the person switches tabs in `windowId`. Returns an unsubscribe. */
export function onActiveTabChanged(windowId: number | null, callback: (tabId: number) => void): () => void {
  const listener = (info: { tabId: number; windowId: number }) => {
    if (windowId === null || info.windowId === windowId) callback(info.tabId);
  };
  browser.tabs.onActivated.addListener(listener);
  return () => browser.tabs.onActivated.removeListener(listener);
}

/** Calls back when a tab finished loading a page (navigation in the portal). */
export function onTabLoaded(callback: (tabId: number) => void): () => void {
  const listener = (tabId: number, change: { status?: string }) => {
    if (change.status === 'complete') callback(tabId);
  };
  browser.tabs.onUpdated.addListener(listener);
  return () => browser.tabs.onUpdated.removeListener(listener);
}

/** Our broadcast events (`library.changed`, `library.importProgress`, `page.changed`). */
export function onEvent(callback: (event: string, payload: unknown) => void): () => void {
  const listener = (message: unknown) => {
    if (isRecord(message) && message.channel === CHANNEL && typeof message.event === 'string') callback(message.event, message.payload);
    // Never answer: requests are the background's.
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Whether a `page.changed` payload is about `tabId` (a payload without a tab id is about any). */
export function isPageChangedFor(event: string, payload: unknown, tabId: number | null): boolean {
  if (event !== PAGE_CHANGED_EVENT) return false;
  const id = isRecord(payload) ? payload.tabId : undefined;
  return typeof id !== 'number' || id === tabId;
}

export async function storageGet(key: string): Promise<unknown> {
  const got = await browser.storage.local.get(key);
  return (got as Record<string, unknown>)[key];
}

export async function storageSet(key: string, value: unknown): Promise<void> {
  await browser.storage.local.set({ [key]: value });
}

export async function storageRemove(key: string): Promise<void> {
  await browser.storage.local.remove(key);
}

/** Calls back with the new value when `key` changes in storage.local (another page saved it). */
export function onStorageChanged(key: string, callback: (value: unknown) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && key in changes) callback(changes[key]!.newValue);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** The browser's UI language (`zh-CN`, `en-US`). */
export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return navigator.language;
  }
}

export function openOptionsPage(): void {
  void browser.runtime.openOptionsPage();
}

export function extensionVersion(): string {
  return browser.runtime.getManifest().version;
}

/** Whether the manifest declares a permission (e.g. `unlimitedStorage`). */
export function declaresPermission(name: string): boolean {
  return (browser.runtime.getManifest().permissions ?? []).some((p) => p === name);
}

/** Asks the person for access to an origin (must run in a click handler). */
export function requestOrigin(pattern: string): Promise<boolean> {
  return browser.permissions.request({ origins: [pattern] });
}

export function releaseOrigin(pattern: string): Promise<boolean> {
  return browser.permissions.remove({ origins: [pattern] }).catch(() => false);
}

/** Tabs open on a portal (host permission for the pattern makes their URLs matchable). */
export async function tabsMatching(pattern: string): Promise<number[]> {
  try {
    const tabs = await browser.tabs.query({ url: pattern });
    return tabs.map((t) => t.id).filter((id): id is number => typeof id === 'number');
  } catch {
    return [];
  }
}

/** Saves bytes or text as a download (a blob link clicked in the page: no downloads permission). */
export function downloadFile(doc: Document, name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  doc.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** How much the extension's storage holds, where the browser says. */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | null> {
  try {
    const e = await navigator.storage?.estimate?.();
    return e && typeof e.usage === 'number' ? { usage: e.usage, quota: e.quota ?? 0 } : null;
  } catch {
    return null;
  }
}
