/**
 * Background service worker: owns the template DB (IndexedDB in the extension origin) and answers the
 * typed messages of lib/messaging.ts. Listeners are registered synchronously on start, as MV3 requires;
 * the DB opens in parallel and handlers wait for it.
 */
import { browser } from 'wxt/browser';
import { LibraryError, TemplateLibrary } from '../db/library';
import { createMessageListener, type EventOf, type EventType, eventMessage, type Sender } from '../messaging';
import { InputError } from '../parse/errors';
import { parseCheckConfig } from '../checks/config';
import { DEFAULT_CHECK_CONFIG } from '../checks/defaults';
import type { CheckConfig } from '../checks/config';
import { PAGE_CHANNEL } from '../page/protocol';
import { guideUrl, launcherSeen, opensGuideOnInstall } from '../ui/first-run';
import { STORAGE_KEYS as UI_KEYS } from '../ui/storage-keys';
import { libraryHandlers } from './library-handlers';
import { pageHandlers } from './page-handlers';
import { PageHub } from './page-hub';
import { PortalRegistry } from './portals';
import { SiteProfileStore } from './profiles';
import { protocol } from './protocol';
import { requestPersistence } from './persist';

/** Where the options page stores the check configuration and the person-added portals. */
export const STORAGE_KEYS = { checkConfig: 'tianbao:check-config', portals: 'tianbao:portals', siteProfiles: 'tianbao:site-profiles' } as const;

function portalRegistry(): PortalRegistry {
  return new PortalRegistry({
    buildPatterns: () => (browser.runtime.getManifest().content_scripts ?? []).flatMap((c) => c.matches ?? []),
    getStored: async () => ((await browser.storage.local.get(STORAGE_KEYS.portals))[STORAGE_KEYS.portals] as string[] | undefined) ?? [],
    setStored: (patterns) => browser.storage.local.set({ [STORAGE_KEYS.portals]: patterns }),
    hasPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
    removePermission: async (pattern) => {
      await browser.permissions.remove({ origins: [pattern] });
    },
    registered: async () => (await browser.scripting.getRegisteredContentScripts()).map((s) => s.id),
    register: (id, pattern) =>
      browser.scripting.registerContentScripts([
        { id, matches: [pattern], js: ['content-scripts/portal.js'], allFrames: true, runAt: 'document_idle', persistAcrossSessions: true },
      ]),
    unregister: (id) => browser.scripting.unregisterContentScripts({ ids: [id] }),
    injectOpenTabs: async (pattern) => {
      const tabs = await browser.tabs.query({ url: pattern });
      const ran = await Promise.all(
        tabs.map((tab) =>
          tab.id === undefined
            ? false
            : browser.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: ['/content-scripts/portal.js'] }).then(
                () => true,
                () => false,
              ),
        ),
      );
      return ran.filter(Boolean).length;
    },
  });
}

/** Opens the side panel on the action click; where the browser has no side panel, a window with it. */
function wireSidePanel(): void {
  const sidePanel = (browser as unknown as { sidePanel?: { setPanelBehavior(o: { openPanelOnActionClick: boolean }): Promise<void> } }).sidePanel;
  if (sidePanel) {
    sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
    return;
  }
  // Firefox: the toolbar button (MV2 browserAction) opens and closes the sidebar.
  const legacy = browser as unknown as { browserAction?: typeof browser.action; sidebarAction?: { toggle(): Promise<void> } };
  const action = browser.action ?? legacy.browserAction;
  const sidebar = legacy.sidebarAction;
  if (sidebar) {
    action?.onClicked.addListener(() => void sidebar.toggle().catch(() => undefined));
    return;
  }
  action?.onClicked.addListener((tab) => {
    // The side panel entry exists once the UI is built; getURL's typed paths do not know query strings.
    const url = `${browser.runtime.getURL('/')}sidepanel.html${tab.id !== undefined ? `?tabId=${tab.id}` : ''}`;
    void browser.windows.create({ url, type: 'popup', width: 420, height: 760 });
  });
}

/** Whether a message comes from one of our own pages (side panel, options), not a content script. */
export function isExtensionPage(sender: Sender, runtimeId: string, extensionOrigin: string): boolean {
  return sender.id === runtimeId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

/** Tells every tab's content scripts that the site profiles changed (tabs without Tianbao refuse; fine). */
async function notifyProfilesChanged(): Promise<void> {
  const message = { channel: PAGE_CHANNEL, type: 'page.profileChanged', payload: {} };
  for (const tab of await browser.tabs.query({})) {
    if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
  }
}

/** On a first install, the options page opens on the first-run guide (入门指南). */
function wireFirstRun(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (!opensGuideOnInstall(reason)) return;
    void browser.tabs.create({ url: guideUrl(browser.runtime.getURL('/')) }).catch(() => undefined);
  });
}

/** Stores, once, when a portal page first showed the launcher (the guide's third step). */
function launcherSeenRecorder(): () => void {
  let recorded = false;
  return () => {
    if (recorded) return;
    recorded = true;
    void (async () => {
      const stored = (await browser.storage.local.get(UI_KEYS.launcherSeen))[UI_KEYS.launcherSeen];
      if (!launcherSeen(stored)) await browser.storage.local.set({ [UI_KEYS.launcherSeen]: Date.now() });
    })().catch(() => {
      recorded = false;
    });
  };
}

function emit<K extends EventType>(event: K, payload: EventOf<K>): void {
  // No page may be listening: Chrome rejects with "Receiving end does not exist", which is fine.
  browser.runtime.sendMessage(eventMessage(event, payload)).catch(() => undefined);
}

export function startBackground(): void {
  let persisted: boolean | null = null;
  const opening = TemplateLibrary.open();
  opening.catch((error: unknown) => console.error('[tianbao] library failed to open', error));
  void requestPersistence(globalThis.navigator?.storage).then((p) => {
    persisted = p;
  });
  let checkConfig: CheckConfig = DEFAULT_CHECK_CONFIG;
  const loadConfig = async () => {
    const stored = (await browser.storage.local.get(STORAGE_KEYS.checkConfig))[STORAGE_KEYS.checkConfig];
    try {
      checkConfig = stored === undefined ? DEFAULT_CHECK_CONFIG : parseCheckConfig(stored);
    } catch (error) {
      console.warn('[tianbao] stored check config is invalid; using defaults', error);
      checkConfig = DEFAULT_CHECK_CONFIG;
    }
  };
  void loadConfig();
  const profiles = new SiteProfileStore(async () => (await browser.storage.local.get(STORAGE_KEYS.siteProfiles))[STORAGE_KEYS.siteProfiles]);
  browser.storage.onChanged.addListener((changes) => {
    if (STORAGE_KEYS.checkConfig in changes) void loadConfig();
    if (STORAGE_KEYS.siteProfiles in changes) {
      profiles.invalidate();
      // Every frame of every tab that runs Tianbao asks for its profile again and re-detects.
      void notifyProfilesChanged();
    }
  });
  const hub = new PageHub(() => checkConfig);
  const portals = portalRegistry();
  void portals.ensureRegistered().catch((error: unknown) => console.warn('[tianbao] portal registration failed', error));
  browser.tabs.onRemoved.addListener((tabId) => hub.forgetTab(tabId));
  const handlers = {
    ...libraryHandlers(() => opening, { emit, persisted: () => persisted }),
    ...pageHandlers({
      hub,
      library: () => opening,
      portals,
      profiles,
      sendToFrame: (tabId, frameId, message) => browser.tabs.sendMessage(tabId, message, { frameId }),
      emit,
      hasOrigin: (pattern) => browser.permissions.contains({ origins: [pattern] }),
      tabsMatching: async (pattern) => (await browser.tabs.query({ url: pattern })).map((t) => t.id).filter((id): id is number => id !== undefined),
      markLauncherSeen: launcherSeenRecorder(),
    }),
  };
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== 'open-palette' || tab?.id === undefined) return;
    void browser.tabs.sendMessage(tab.id, { channel: PAGE_CHANNEL, type: 'page.openPalette', payload: {} }).catch(() => undefined);
  });
  wireSidePanel();
  wireFirstRun();
  const origin = browser.runtime.getURL('/');
  const listener = createMessageListener(protocol, handlers, {
    isExtensionPage: (sender) => isExtensionPage(sender, browser.runtime.id, origin),
    toWireError: (error) => {
      if (error instanceof LibraryError) return { code: error.code, message: error.message };
      if (error instanceof InputError) return { code: 'input', message: error.message };
      // Handlers' own refusals carry a code (no-tab, no-grid): passed on as they are.
      const code = (error as { code?: unknown } | null)?.code;
      if (error instanceof Error && typeof code === 'string' && /^[a-z-]+$/.test(code)) return { code, message: error.message };
      console.error('[tianbao] message handler failed', error);
      return { code: 'internal', message: `内部错误 / internal error: ${error instanceof Error ? error.message : String(error)}` };
    },
  });
  browser.runtime.onMessage.addListener(listener);
}
