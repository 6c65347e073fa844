import { describe, expect, it } from 'vitest';
import { isSingleOriginPattern, type PortalApis, PortalRegistry, scriptId } from '@/lib/background/portals';

/** The browser as PortalRegistry sees it: storage, granted origins, registered scripts, open tabs. */
function fakeBrowser(granted: string[] = [], openTabs: Record<string, number> = {}) {
  const state = { stored: [] as string[], registered: new Set<string>(), injected: [] as string[] };
  const tick = () => new Promise<void>((r) => setTimeout(r, 1));
  const apis: PortalApis = {
    buildPatterns: () => [],
    getStored: async () => [...state.stored],
    setStored: async (p) => {
      state.stored = [...p];
    },
    hasPermission: async (p) => granted.includes(p),
    removePermission: async () => undefined,
    registered: async () => {
      await tick();
      return [...state.registered];
    },
    register: async (id) => {
      await tick();
      // Chrome refuses a second registration of one id.
      if (state.registered.has(id)) throw new Error(`Duplicate script ID '${id}'`);
      state.registered.add(id);
    },
    unregister: async (id) => {
      state.registered.delete(id);
    },
    injectOpenTabs: async (p) => {
      state.injected.push(p);
      return openTabs[p] ?? 0;
    },
  };
  return { apis, state };
}

const PORTAL = 'http://127.0.0.1:5199/*';

describe('PortalRegistry', () => {
  it('registers a granted portal and runs it in the tabs already open on it', async () => {
    const { apis, state } = fakeBrowser([PORTAL], { [PORTAL]: 1 });
    const list = await new PortalRegistry(apis).add('http://127.0.0.1:5199');
    expect(list).toEqual([{ pattern: PORTAL, source: 'user' }]);
    expect([...state.registered]).toEqual([scriptId(PORTAL)]);
    expect(state.injected).toEqual([PORTAL]);
  });

  it('an add racing the start-up registration (the add woke the worker) registers once, without an error', async () => {
    const { apis, state } = fakeBrowser([PORTAL]);
    const registry = new PortalRegistry(apis);
    state.stored = [PORTAL];
    const startUp = registry.ensureRegistered();
    await expect(registry.add(PORTAL)).resolves.toHaveLength(1);
    await startUp;
    expect([...state.registered]).toEqual([scriptId(PORTAL)]);
  });

  it.each(['*://*/*', 'https://*.gov.cn/*', 'http://*/*', '<all_urls>', 'ftp://x/*', 'abc'])('refuses %s and registers nothing', async (pattern) => {
    const { apis, state } = fakeBrowser([pattern]);
    await expect(new PortalRegistry(apis).add(pattern)).rejects.toMatchObject({ code: expect.stringMatching(/^(broad|invalid)-pattern$/) });
    expect(state.stored).toEqual([]);
    expect(state.registered.size).toBe(0);
  });

  it('refuses an origin the browser has not granted', async () => {
    const { apis, state } = fakeBrowser([]);
    await expect(new PortalRegistry(apis).add(PORTAL)).rejects.toMatchObject({ code: 'no-permission' });
    expect(state.registered.size).toBe(0);
  });

  it('removing a portal unregisters it', async () => {
    const { apis, state } = fakeBrowser([PORTAL]);
    const registry = new PortalRegistry(apis);
    await registry.add(PORTAL);
    expect(await registry.remove(PORTAL)).toEqual([]);
    expect(state.registered.size).toBe(0);
    expect(state.stored).toEqual([]);
  });
});

it('a single-origin pattern names one host (and port)', () => {
  expect(isSingleOriginPattern('https://yth.czt.gd.gov.cn/*')).toBe(true);
  expect(isSingleOriginPattern('http://127.0.0.1:5199/*')).toBe(true);
  expect(isSingleOriginPattern('http://[::1]:8080/*')).toBe(true);
  expect(isSingleOriginPattern('https://*.gov.cn/*')).toBe(false);
  expect(isSingleOriginPattern('*://yth.gov.cn/*')).toBe(false);
  expect(isSingleOriginPattern('https://yth.gov.cn/app/*')).toBe(false);
});
