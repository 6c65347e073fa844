import type { TemplateLibrary } from '../db/library';
import type { EventOf, EventType, Handlers, Sender } from '../messaging';
import { PAGE_CHANNEL } from '../page/protocol';
import type { PageHub } from './page-hub';
import type { PortalRegistry } from './portals';
import type { SiteProfileStore } from './profiles';

/** What the page handlers need from the background: the hub, the library, the portal registry, tab messaging. */
export interface PageHandlerDeps {
  hub: PageHub;
  library: () => Promise<TemplateLibrary>;
  portals: PortalRegistry;
  profiles: SiteProfileStore;
  /** browser.tabs.sendMessage to one frame. */
  sendToFrame: (tabId: number, frameId: number, message: unknown) => Promise<unknown>;
  emit: <K extends EventType>(event: K, payload: EventOf<K>) => void;
}

type PageHandlerTypes = 'page.profile' | 'page.report' | 'page.tabFindings' | 'page.captureSet' | 'page.tabState' | 'portals.list' | 'portals.add' | 'portals.remove';

function tabOf(sender: Sender): { tabId: number; frameId: number } {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw Object.assign(new Error('只能从页面标签内发送 / only from a tab'), { code: 'no-tab' });
  return { tabId, frameId: sender.frameId ?? 0 };
}

/** Handlers for the page.* and portals.* messages. */
export function pageHandlers(deps: PageHandlerDeps): Pick<Handlers, PageHandlerTypes> {
  const { hub } = deps;
  return {
    // The frame's own URL as the browser reports it (what the page claims only when the browser does not say).
    'page.profile': async ({ url }, sender) => ({ profile: await deps.profiles.forUrl(sender.url ?? url) }),
    'page.report': ({ part }, sender) => {
      const { tabId, frameId } = tabOf(sender);
      const result = hub.report(tabId, frameId, part);
      // The other frames of the tab mark their own fields (an amount frame learns of indicator problems).
      for (const other of hub.frames(tabId)) {
        if (other === frameId) continue;
        const message = {
          channel: PAGE_CHANNEL,
          type: 'page.findings',
          payload: { findings: result.findings, indicatorOffset: result.offsets.get(other) ?? 0, project: result.project },
        };
        deps.sendToFrame(tabId, other, message).catch(() => hub.forgetFrame(tabId, other));
      }
      deps.emit('page.changed', { tabId });
      return { findings: result.findings, indicatorOffset: result.offsets.get(frameId) ?? 0, project: result.project };
    },
    'page.tabFindings': (_req, sender) => ({ findings: hub.check(tabOf(sender).tabId)?.findings ?? [] }),
    'page.captureSet': async ({ name, projectName, goal, items, source }) => {
      const lib = await deps.library();
      const setName = name.trim() || projectName.trim() || `页面指标 ${new Date().toLocaleDateString('zh-CN')}`;
      const set = await lib.saveSet({ name: setName, projectName, goal, items, source: source || 'page' });
      return { setId: set.id, name: set.name, count: set.items.length };
    },
    'page.tabState': ({ tabId }) => hub.state(tabId),
    'portals.list': async () => ({ portals: await deps.portals.list() }),
    'portals.add': async ({ pattern }) => ({ portals: await deps.portals.add(pattern) }),
    'portals.remove': async ({ pattern }) => ({ portals: await deps.portals.remove(pattern) }),
  };
}
