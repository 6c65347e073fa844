// @vitest-environment happy-dom
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { I18nProvider } from '../../../components/i18n';
import { reactRoot } from './react-root';
import { PortalsPanel } from '../../../components/options/portals-panel';
import type { Locale } from '../../../lib/i18n';
import { EXAMPLE_LAYOUT } from '../../../lib/ui/portals';
import { STORAGE_KEYS } from '../../../lib/ui/storage-keys';

const PATTERN = 'https://yth.czt.example.gov.cn/*';
const dom = reactRoot();

beforeEach(() => {
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (m: { type: string }) =>
    m.type === 'portals.list' ? { ok: true, data: { portals: [{ pattern: PATTERN, source: 'build' }] } } : { ok: false, error: { code: 'x', message: m.type } }) as never);
});

async function openForm(locale: Locale = 'zh-CN'): Promise<HTMLFormElement> {
  await act(async () => dom.root.render(<I18nProvider locale={locale}>{<PortalsPanel />}</I18nProvider>));
  await vi.waitFor(() => expect(dom.container.querySelector('.portal-item')).not.toBeNull());
  const button = [...dom.container.querySelectorAll<HTMLButtonElement>('.portal-item button')].find((b) => b.getAttribute('aria-expanded') !== null)!;
  await act(async () => button.click());
  return dom.container.querySelector<HTMLFormElement>('[data-testid="site-profile-form"]')!;
}

async function type(area: HTMLTextAreaElement, text: string): Promise<void> {
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
  await act(async () => {
    setter.call(area, text);
    area.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const byTestId = <E extends HTMLElement = HTMLElement>(form: Element, id: string) => form.querySelector<E>(`[data-testid="${id}"]`);

describe('site profile page mapping (options page)', () => {
  it('lists each problem with its JSON path, stores nothing while invalid, then saves the example', async () => {
    const form = await openForm();
    expect(dom.container.querySelector('[data-testid="portal-mapped"]')).toBeNull();
    const area = byTestId<HTMLTextAreaElement>(form, 'profile-layout')!;
    await type(area, JSON.stringify({ grid: { root: '#kpi', row: '.kpi-row' }, columns: [null, 'level1', { field: 'level2', widget: 'dropdown' }], addRow: 'button[' }));
    await act(async () => byTestId(form, 'profile-layout-check')!.click());
    const errors = byTestId(form, 'profile-layout-errors')!.textContent!;
    expect(errors).toContain('layout.columns[2].widget: 不认识的控件类型 "dropdown"');
    expect(area.getAttribute('aria-invalid')).toBe('true');

    // Fix the widget; the broken selector is still refused, now by the browser's own parser.
    await type(area, JSON.stringify({ grid: { root: '#kpi', row: '.kpi-row' }, addRow: 'button[' }));
    await act(async () => byTestId(form, 'site-profile-save')!.click());
    expect(byTestId(form, 'profile-layout-errors')!.textContent).toContain('layout.addRow: CSS 选择器无效："button["');
    expect(await browser.storage.local.get(STORAGE_KEYS.siteProfiles)).toEqual({});

    await act(async () => byTestId(form, 'profile-layout-example')!.click());
    await act(async () => byTestId(form, 'profile-layout-check')!.click());
    expect(byTestId(form, 'profile-layout-ok')).not.toBeNull();
    await act(async () => byTestId(form, 'site-profile-save')!.click());
    await vi.waitFor(async () => {
      const stored = (await browser.storage.local.get(STORAGE_KEYS.siteProfiles))[STORAGE_KEYS.siteProfiles];
      expect(stored).toEqual([{ pattern: PATTERN, name: '', taxonomy: '', note: '', layout: EXAMPLE_LAYOUT }]);
    });
    expect(dom.container.querySelector('[data-testid="portal-mapped"]')?.textContent).toBe('已配置页面映射');
  });

  it('shows a stored mapping that no longer validates, with its problems, instead of dropping it unseen', async () => {
    await browser.storage.local.set({ [STORAGE_KEYS.siteProfiles]: [{ pattern: PATTERN, name: '省平台', layout: { addRow: '.plus', columns: ['KPI'] } }] });
    const form = await openForm();
    expect(dom.container.querySelector('.portal-name')?.textContent).toBe('省平台');
    expect(JSON.parse(byTestId<HTMLTextAreaElement>(form, 'profile-layout')!.value)).toEqual({ addRow: '.plus', columns: ['KPI'] });
    expect(byTestId(form, 'profile-layout-errors')!.textContent).toContain('layout.columns[0].field: 不认识的字段 "KPI"');
  });

  it('words the problems in English too', async () => {
    const form = await openForm('en');
    await type(byTestId<HTMLTextAreaElement>(form, 'profile-layout')!, '{"colums": []}');
    await act(async () => byTestId(form, 'profile-layout-check')!.click());
    expect(byTestId(form, 'profile-layout-errors')!.textContent).toContain('layout: Unknown key "colums"');
  });
});
