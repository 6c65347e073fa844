import type { TemplateLibrary } from '../db/library';
import type { EventOf, EventType, Handlers, ResponseOf, Sender } from '../messaging';
import { NOTHING_TO_UNDO, PAGE_CHANNEL } from '../page/protocol';
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
  /** browser.permissions.contains for one origin pattern (none: not granted). */
  hasOrigin?: (pattern: string) => Promise<boolean>;
  /** Ids of the open tabs whose URL matches a pattern (browser.tabs.query; none: no tabs). */
  tabsMatching?: (pattern: string) => Promise<number[]>;
  /** Records, once, that a portal page showed the launcher (the first report of a recognised form). */
  markLauncherSeen?: () => void;
}

type PageHandlerTypes =
  | 'page.profile'
  | 'page.report'
  | 'page.tabFindings'
  | 'page.captureSet'
  | 'page.tabState'
  | 'page.fillTab'
  | 'page.undoTab'
  | 'portals.list'
  | 'portals.status'
  | 'portals.add'
  | 'portals.remove';

type Summary = ResponseOf<'page.fillTab'>;

/** One summary of several frames' fills (in the order they ran). */
export function mergeSummaries(parts: readonly Summary[]): Summary {
  const merged: Summary = { ok: parts.every((p) => p.ok), written: 0, mismatches: [], skipped: 0, durationMs: 0 };
  for (const p of parts) {
    merged.written += p.written;
    merged.mismatches.push(...p.mismatches);
    merged.skipped += p.skipped;
    merged.durationMs += p.durationMs;
    if (p.failure && !merged.failure) {
      merged.failure = p.failure;
      if (p.rolledBack !== undefined) merged.rolledBack = p.rolledBack;
      if (p.kept !== undefined) merged.kept = p.kept;
    }
  }
  return merged;
}

/** The data of a content script's reply, or throws its error. */
function replyData<T>(reply: unknown, what: string): T {
  const r = reply as { ok?: boolean; data?: T; error?: { code?: string; message?: string } } | undefined;
  if (!r || typeof r !== 'object') throw Object.assign(new Error(`页面没有应答 ${what} / the page did not answer ${what}`), { code: 'no-page' });
  if (r.ok === false) throw Object.assign(new Error(r.error?.message ?? what), { code: r.error?.code ?? 'error' });
  return r.data as T;
}

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
      // A frame reports only once it recognised a form, and then the launcher is on the page.
      deps.markLauncherSeen?.();
      // The other frames of the tab mark their own fields (an amount frame learns of indicator problems).
      for (const other of hub.frames(tabId)) {
        if (other === frameId) continue;
        const message = {
          channel: PAGE_CHANNEL,
          type: 'page.findings',
          payload: {
            findings: result.findings,
            indicatorOffset: result.offsets.get(other) ?? 0,
            indicatorIndices: result.indices.get(other) ?? [],
            project: result.project,
          },
        };
        deps.sendToFrame(tabId, other, message).catch(() => hub.forgetFrame(tabId, other));
      }
      deps.emit('page.changed', { tabId });
      return {
        findings: result.findings,
        indicatorOffset: result.offsets.get(frameId) ?? 0,
        indicatorIndices: result.indices.get(frameId) ?? [],
        project: result.project,
      };
    },
    'page.tabFindings': (_req, sender) => ({ findings: hub.check(tabOf(sender).tabId)?.findings ?? [] }),
    'page.captureSet': async ({ name, projectName, goal, items, source }) => {
      const lib = await deps.library();
      const setName = name.trim() || projectName.trim() || `页面指标 ${new Date().toLocaleDateString('zh-CN')}`;
      const set = await lib.saveSet({ name: setName, projectName, goal, items, source: source || 'page' });
      return { setId: set.id, name: set.name, count: set.items.length };
    },
    'page.tabState': ({ tabId }) => hub.state(tabId),
    'page.fillTab': async ({ tabId: given, setId, overwrite, keepPartial }, sender) => {
      const tabId = given ?? tabOf(sender).tabId;
      // A page just loaded: its frames report within moments of recognising their grids.
      // Also a second grid frame (each set in its own tab frame) that has not reported yet.
      for (let waited = 0; !hub.gridFramesSettled(tabId) && waited < 3000; waited += 200) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const frames = hub.gridFrames(tabId);
      if (frames.length === 0) throw Object.assign(new Error('页面上没有识别到指标表格 / no indicator grid on this tab'), { code: 'no-grid' });
      const parts: Summary[] = [];
      for (const frameId of frames) {
        const payload = { setId, ...(overwrite !== undefined ? { overwrite } : {}), ...(keepPartial !== undefined ? { keepPartial } : {}) };
        const reply = await deps.sendToFrame(tabId, frameId, { channel: PAGE_CHANNEL, type: 'page.fill', payload });
        const part = replyData<Summary>(reply, 'page.fill');
        parts.push(part);
        if (part.failure) break;
      }
      deps.emit('page.changed', { tabId });
      return mergeSummaries(parts);
    },
    'page.undoTab': async ({ tabId: given }, sender) => {
      const tabId = given ?? tabOf(sender).tabId;
      const problems: string[] = [];
      let failure: ResponseOf<'page.undoTab'>['failure'];
      for (const frameId of hub.gridFrames(tabId).reverse()) {
        const reply = await deps.sendToFrame(tabId, frameId, { channel: PAGE_CHANNEL, type: 'page.undo', payload: {} });
        const result = replyData<ResponseOf<'page.undoTab'>>(reply, 'page.undo');
        // A frame with nothing to undo (its set was not part of the fill) is no problem.
        if (result.problems.length === 1 && result.problems[0] === NOTHING_TO_UNDO) continue;
        problems.push(...result.problems);
        failure ??= result.failure;
      }
      deps.emit('page.changed', { tabId });
      return { ok: problems.length === 0 && !failure, problems, ...(failure ? { failure } : {}) };
    },
    'portals.list': async () => ({ portals: await deps.portals.list() }),
    'portals.status': async () => {
      const portals = await deps.portals.list();
      const statuses = await Promise.all(
        portals.map(async (p) => {
          const granted = (await deps.hasOrigin?.(p.pattern).catch(() => false)) ?? false;
          // Tabs of an origin not granted cannot run Tianbao (and their URLs cannot be matched).
          const tabs = granted ? ((await deps.tabsMatching?.(p.pattern).catch(() => [])) ?? []) : [];
          return { ...p, granted, live: tabs.some((id) => hub.frames(id).length > 0) };
        }),
      );
      return { portals: statuses };
    },
    'portals.add': async ({ pattern }) => ({ portals: await deps.portals.add(pattern) }),
    'portals.remove': async ({ pattern }) => ({ portals: await deps.portals.remove(pattern) }),
  };
}
