// @vitest-environment happy-dom
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { I18nProvider } from '../../../components/i18n';
import { FirstRunGuide } from '../../../components/options/first-run-guide';
import type { LibraryStats } from '../../../components/options/types';
import { STORAGE_KEYS } from '../../../lib/ui/storage-keys';
import { reactRoot } from './react-root';

const dom = reactRoot();

const A = 'https://yszx.example.gov.cn/*';
const B = 'https://other.example.gov.cn/*';

let portals: { pattern: string; source: 'build' | 'user'; granted: boolean; live: boolean }[];
let loadBuiltIn: ReturnType<typeof vi.fn>;

beforeEach(() => {
  portals = [];
  loadBuiltIn = vi.fn(() => ({ ok: true, data: { added: 40, merged: 0, updated: 0, setsAdded: 19, skipped: 1 } }));
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (m: { type: string; payload: unknown }) => {
    if (m.type === 'portals.status') return { ok: true, data: { portals } };
    if (m.type === 'library.loadBuiltIn') return loadBuiltIn(m.payload);
    return { ok: false, error: { code: 'unknown', message: m.type } };
  }) as never);
});

const stats = (sets: number): LibraryStats => ({ templates: sets * 3, sets, tags: [], starterLoaded: false, exampleLoaded: false, persisted: true });

async function render(s: LibraryStats | null, locale: 'zh-CN' | 'en' = 'zh-CN', onChanged = () => undefined) {
  await act(async () =>
    dom.root.render(
      <I18nProvider locale={locale}>
        <FirstRunGuide stats={s} onChanged={onChanged} />
      </I18nProvider>,
    ),
  );
  await act(async () => new Promise((r) => setTimeout(r, 0)));
}

const step = (id: string) => dom.container.querySelector(`[data-testid="guide-step-${id}"]`)!;

describe('FirstRunGuide', () => {
  it('shows three steps not done on a fresh install, in Chinese', async () => {
    await render(stats(0));
    expect(dom.container.querySelector('[data-testid="first-run-guide"]')).not.toBeNull();
    expect(['portal', 'library', 'open'].map((id) => step(id).getAttribute('data-done'))).toEqual(['false', 'false', 'false']);
    expect(step('portal').textContent).toContain('添加门户');
    expect(step('portal').textContent).toContain('还没有添加门户');
    expect(step('library').textContent).toContain('载入示例指标库');
    expect(step('open').textContent).toContain('Alt+Shift+F');
    expect(step('portal').querySelector('a')?.getAttribute('href')).toBe('#portals');
    expect(step('library').querySelector('a')?.getAttribute('href')).toBe('#import');
  });

  it('tells each portal 已生效 / 已授权 / 未授权 and ticks the steps from the real state', async () => {
    portals = [
      { pattern: A, source: 'user', granted: true, live: true },
      { pattern: B, source: 'user', granted: false, live: false },
    ];
    await browser.storage.local.set({ [STORAGE_KEYS.launcherSeen]: 1_764_000_000_000 });
    await render(stats(2));
    const items = [...dom.container.querySelectorAll('[data-testid="guide-portals"] li')];
    expect(items.map((li) => [li.querySelector('code')?.textContent, li.getAttribute('data-access'), li.querySelector('.badge')?.textContent])).toEqual([
      [A, 'live', '已生效'],
      [B, 'not-granted', '未授权'],
    ]);
    expect(['portal', 'library', 'open'].map((id) => step(id).getAttribute('data-done'))).toEqual(['true', 'true', 'true']);
    expect(step('library').textContent).toContain('已有 2 个指标集');
    expect(dom.container.textContent).toContain('三步都已完成');
  });

  it('shows a portal granted but with no tab reporting as 已授权, and follows the launcher flag as it is stored', async () => {
    portals = [{ pattern: A, source: 'build', granted: true, live: false }];
    await render(stats(0));
    expect(dom.container.querySelector('[data-access="granted"] .badge')?.textContent).toBe('已授权');
    expect(step('open').getAttribute('data-done')).toBe('false');
    await act(async () => {
      await browser.storage.local.set({ [STORAGE_KEYS.launcherSeen]: Date.now() });
    });
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(step('open').getAttribute('data-done')).toBe('true');
  });

  it('loads the example library from step 2', async () => {
    const onChanged = vi.fn();
    await render(stats(0), 'zh-CN', onChanged);
    const button = dom.container.querySelector<HTMLButtonElement>('[data-testid="guide-load-example"]')!;
    await act(async () => button.click());
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(loadBuiltIn).toHaveBeenCalledWith({ which: 'example' });
    expect(onChanged).toHaveBeenCalledOnce();
    expect(step('library').textContent).toContain('新增 19 个指标集');
  });

  it('speaks English second', async () => {
    portals = [{ pattern: A, source: 'user', granted: false, live: false }];
    await render(stats(1), 'en');
    expect(step('portal').textContent).toContain('Add your portal');
    expect(step('portal').textContent).toContain('Not granted');
    expect(step('library').textContent).toContain('The library holds 1 set.');
    expect(step('open').textContent).toContain('Alt+Shift+F');
  });
});

describe('AboutPanel → guide', () => {
  it('offers 查看入门指南, which opens the guide', async () => {
    const { AboutPanel } = await import('../../../components/options/about-panel');
    vi.spyOn(browser.runtime, 'getManifest').mockImplementation(() => ({ version: '0.1.0', permissions: [] }) as never);
    const onOpenGuide = vi.fn();
    await act(async () =>
      dom.root.render(
        <I18nProvider locale="zh-CN">
          <AboutPanel stats={stats(0)} onOpenGuide={onOpenGuide} />
        </I18nProvider>,
      ),
    );
    const button = dom.container.querySelector<HTMLButtonElement>('[data-testid="about-open-guide"]')!;
    expect(button.textContent).toBe('查看入门指南');
    await act(async () => button.click());
    expect(onOpenGuide).toHaveBeenCalledOnce();
  });
});
