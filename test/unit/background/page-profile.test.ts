import { describe, expect, it } from 'vitest';
import { pageHandlers } from '@/lib/background/page-handlers';
import { SiteProfileStore } from '@/lib/background/profiles';
import type { PageHub } from '@/lib/background/page-hub';
import type { PortalRegistry } from '@/lib/background/portals';
import { EXAMPLE_LAYOUT } from '@/lib/ui/portals';

function handlers(stored: unknown) {
  return pageHandlers({
    hub: {} as PageHub,
    library: () => Promise.reject(new Error('not used')),
    portals: {} as PortalRegistry,
    profiles: new SiteProfileStore(async () => stored),
    sendToFrame: () => Promise.resolve(undefined),
    emit: () => undefined,
  });
}

describe('page.profile (background)', () => {
  const stored = [{ pattern: 'http://127.0.0.1/*', name: '仿真', layout: EXAMPLE_LAYOUT }];

  it('answers a frame with the profile for its own URL as the browser reports it', async () => {
    const h = handlers(stored);
    const custom = await h['page.profile']({ url: 'http://127.0.0.1:5199/element/' }, { tab: { id: 1 }, frameId: 0, url: 'http://127.0.0.1:5199/custom/?state=blank' });
    expect(custom.profile).toEqual({ pattern: 'http://127.0.0.1/*', name: '仿真', layout: EXAMPLE_LAYOUT });
    const element = await h['page.profile']({ url: 'http://127.0.0.1:5199/custom/' }, { tab: { id: 1 }, frameId: 0, url: 'http://127.0.0.1:5199/element/' });
    expect(element.profile).toBeNull();
  });

  it('falls back to the URL the frame gives when the browser does not say, and answers null for nothing stored', async () => {
    expect((await handlers(stored)['page.profile']({ url: 'http://127.0.0.1:5199/custom/' }, {})).profile?.name).toBe('仿真');
    expect((await handlers(undefined)['page.profile']({ url: 'http://127.0.0.1:5199/custom/' }, {})).profile).toBeNull();
  });
});
