// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { I18nProvider } from '../../../components/i18n';
import { reactRoot } from './react-root';
import { AboutPanel } from '../../../components/options/about-panel';

const dom = reactRoot();
let manifest: { version: string; permissions: string[] };

beforeEach(() => {
  manifest = { version: '0.1.0', permissions: ['storage'] };
  vi.spyOn(browser.runtime, 'getManifest').mockImplementation(() => manifest as never);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function stubStorage(storage: Partial<StorageManager>) {
  vi.stubGlobal('navigator', Object.assign(Object.create(navigator) as Navigator, { storage }));
}

async function render(persistedInBackground: boolean | null) {
  await act(async () =>
    dom.root.render(
      <I18nProvider locale="zh-CN">
        <AboutPanel stats={{ templates: 3, sets: 1, tags: [], persisted: persistedInBackground } as never} />
      </I18nProvider>,
    ),
  );
  await act(async () => new Promise((r) => setTimeout(r, 0)));
}

describe('AboutPanel', () => {
  it('shows the storage used and asks the page for persistence when the background could not', async () => {
    const persist = vi.fn(async () => true);
    stubStorage({ estimate: async () => ({ usage: 2 * 1024 * 1024, quota: 1e9 }), persisted: async () => false, persist });
    await render(null);
    expect(dom.container.textContent).toContain('2.0 MB');
    expect(dom.container.textContent).toContain('0.1.0');
    expect(persist).toHaveBeenCalledOnce();
    expect(dom.container.textContent).toContain('已开启：浏览器不会自动清理这些数据。');
  });

  it('says when storage is not persistent and the browser refuses', async () => {
    stubStorage({ estimate: async () => ({ usage: 10, quota: 1e9 }), persisted: async () => false, persist: async () => false });
    await render(null);
    expect(dom.container.textContent).toContain('未开启');
    expect(dom.container.textContent).toContain('10 B');
  });

  it('counts unlimited storage as protected when persisted() says no', async () => {
    manifest.permissions.push('unlimitedStorage');
    stubStorage({ estimate: async () => ({ usage: 10, quota: 1e9 }), persisted: async () => false, persist: async () => false });
    await render(null);
    expect(dom.container.querySelector('[data-testid="about-persisted"]')?.textContent).toContain('不受限存储');
  });

  it('falls back to what the background said where the page cannot ask', async () => {
    stubStorage({});
    await render(true);
    expect(dom.container.textContent).toContain('已开启');
    expect(dom.container.textContent).toContain('浏览器未提供');
  });
});
