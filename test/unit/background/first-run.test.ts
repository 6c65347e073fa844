import { describe, expect, it, vi } from 'vitest';
import { pageHandlers, type PageHandlerDeps } from '@/lib/background/page-handlers';
import { PageHub } from '@/lib/background/page-hub';
import type { PortalRegistry } from '@/lib/background/portals';
import { SiteProfileStore } from '@/lib/background/profiles';

const A = 'https://a.example.gov.cn/*';
const B = 'https://b.example.gov.cn/*';
const C = 'https://c.example.gov.cn/*';

function handlers(extra: Partial<PageHandlerDeps> = {}) {
  const hub = new PageHub();
  const h = pageHandlers({
    hub,
    library: () => Promise.reject(new Error('not used')),
    portals: {
      list: async () => [
        { pattern: A, source: 'build' },
        { pattern: B, source: 'user' },
        { pattern: C, source: 'user' },
      ],
    } as unknown as PortalRegistry,
    profiles: new SiteProfileStore(async () => undefined),
    sendToFrame: () => Promise.resolve(undefined),
    emit: () => undefined,
    ...extra,
  });
  return { hub, h };
}

describe('portals.status (background)', () => {
  it('tells each portal granted, not granted, or live on a tab that reported', async () => {
    const tabsMatching = vi.fn(async (pattern: string) => (pattern === A ? [7] : pattern === B ? [8] : [9]));
    const { h } = handlers({ hasOrigin: async (p) => p !== C, tabsMatching });
    await h['page.report']({ part: { url: 'https://a.example.gov.cn/form' } }, { tab: { id: 7 }, frameId: 0 });
    const { portals } = await h['portals.status']({}, {});
    expect(portals).toEqual([
      { pattern: A, source: 'build', granted: true, live: true },
      { pattern: B, source: 'user', granted: true, live: false },
      { pattern: C, source: 'user', granted: false, live: false },
    ]);
    // An origin not granted: its tabs are not even looked up.
    expect(tabsMatching).not.toHaveBeenCalledWith(C);
  });

  it('counts a portal not live once its tab is gone, and not granted when the browser cannot say', async () => {
    const { hub, h } = handlers({ hasOrigin: async (p) => (p === B ? Promise.reject(new Error('no')) : true), tabsMatching: async () => [7] });
    await h['page.report']({ part: { url: 'https://a.example.gov.cn/form' } }, { tab: { id: 7 }, frameId: 0 });
    hub.forgetTab(7);
    const { portals } = await h['portals.status']({}, {});
    expect(portals.map((p) => [p.granted, p.live])).toEqual([
      [true, false],
      [false, false],
      [true, false],
    ]);
  });
});

describe('the launcher seen flag (background)', () => {
  it('is recorded when a portal frame reports a recognised form', async () => {
    const markLauncherSeen = vi.fn();
    const { h } = handlers({ markLauncherSeen });
    expect(markLauncherSeen).not.toHaveBeenCalled();
    await h['page.report']({ part: { url: 'https://a.example.gov.cn/form', indicators: [] } }, { tab: { id: 3 }, frameId: 0 });
    expect(markLauncherSeen).toHaveBeenCalledOnce();
  });
});
