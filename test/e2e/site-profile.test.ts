/**
 * Site profiles end to end: the custom replica (test/portal/custom: a div grid with captions the
 * heuristics do not know) is not recognised; a profile stored through the options page (门户设置 → 站点设置 →
 * 页面映射) reaches the already open page, which recognises the form without a reload; a palette fill then
 * lands exactly the set's values in what the replica's 保存 sends (localStorage['replica-portal:saved']).
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { E2E_PORTALS } from './support/extension';
import { expectedRows, tb, extensionSuite, fillThroughPalette, undoThroughPalette, saveThroughGuard } from './support/suite';

const suite = extensionSuite();

/** What the options page stored under the site-profiles key (read in the extension page). */
function storedProfiles(options: Page): Promise<unknown> {
  return options.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    return (await api.storage.local.get('tianbao:site-profiles'))['tianbao:site-profiles'];
  });
}

/** Opens the build portal's 站点设置 in the options page. */
async function openProfileForm(options: Page): Promise<Locator> {
  await options.goto(`chrome-extension://${suite.session.extensionId}/options.html#portals`);
  const item = options.locator('.portal-item', { hasText: E2E_PORTALS });
  await item.waitFor();
  await item.getByRole('button', { name: '站点设置' }).click();
  const form = options.getByTestId('site-profile-form');
  await form.waitFor();
  return form;
}

describe('site profile on the custom replica', () => {
  it('is not recognised alone; a profile saved in the options page maps it; a palette fill saves the set’s values', async () => {
    const set = suite.sets.find((s) => s.name === '信息化项目管理经费');
    if (!set) throw new Error(`example set not loaded (have: ${suite.sets.map((s) => s.name).join(', ')})`);

    const page = await suite.session.newPage();
    await page.goto(`${suite.portal.origin}/custom/?state=blank`);
    await page.evaluate(() => window.localStorage.clear());
    await page.reload();
    await page.locator('#kpi').waitFor();
    // The content script runs here (the build's pattern covers the replica) but recognises nothing: give it
    // its first detection and the profile request, then there is still no launcher.
    await page.waitForTimeout(2500);
    expect(await tb(page, 'palette-launcher').count()).toBe(0);

    // The options page refuses a wrong mapping, naming the JSON path; then saves the example.
    const options = await suite.session.newPage();
    const form = await openProfileForm(options);
    const mapping = form.getByTestId('profile-layout');
    await mapping.fill(JSON.stringify({ grid: { root: '#kpi', row: '.kpi-row' }, columns: [null, 'level1', { field: 'level2', widget: 'dropdown' }] }));
    await form.getByTestId('profile-layout-check').click();
    await expect.poll(() => form.getByTestId('profile-layout-errors').textContent()).toContain('layout.columns[2].widget: 不认识的控件类型 "dropdown"');
    await form.getByTestId('site-profile-save').click();
    expect(await form.getByTestId('profile-layout-errors').count()).toBe(1);
    expect(await storedProfiles(options)).toBeUndefined();

    await form.getByTestId('profile-layout-example').click();
    await form.getByTestId('profile-layout-check').click();
    await form.getByTestId('profile-layout-ok').waitFor();
    await form.getByTestId('site-profile-save').click();
    await options.getByText('站点设置已保存。').waitFor();
    const stored = (await storedProfiles(options)) as { pattern: string; layout?: { frames?: string[] } }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ pattern: E2E_PORTALS, layout: { frames: ['/custom/*'] } });

    // The open page hears of the change and recognises its form, without a reload.
    await tb(page, 'palette-launcher').waitFor({ timeout: 15_000 });

    await page.locator('#g-long').fill('保障信息化项目稳定运行。');
    await page.locator('#g-year').fill('全年系统正常运行率不低于99%。');
    expect(await fillThroughPalette(page, set.name)).toContain('全部核对无误');

    // 保存; if Tianbao's guard asks, the person lets it through.
    const saved = await saveThroughGuard(page, 'state:blank');
    expect(saved.portal).toBe('custom');
    expect(saved.indicators.period).toEqual(expectedRows(set).period);
    expect(saved.indicators.annual).toEqual(expectedRows(set).annual);
    expect(saved.indicators.period.length).toBeGreaterThan(0);

    // Undo goes through the mapped delete button (its label is only ｢－｣): both sets are empty again.
    await undoThroughPalette(page, 60_000);
    const undone = await saveThroughGuard(page, 'state:blank');
    expect(undone.indicators.period).toEqual([]);
    expect(undone.indicators.annual).toEqual([]);

    // Removing the mapping takes the recognition away again (the page re-detects without it).
    const again = await openProfileForm(options);
    await again.getByTestId('profile-layout').fill('');
    await again.getByTestId('site-profile-save').click();
    await options.getByText('站点设置已保存。').waitFor();
    await tb(page, 'palette-launcher').waitFor({ state: 'detached', timeout: 15_000 });
  });
});
