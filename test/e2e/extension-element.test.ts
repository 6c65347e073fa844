/**
 * Tianbao end to end on the modern replica (Vue 3 + Element Plus): the production build with
 * TIANBAO_PORTALS set to the replica's origin, loaded into Debian's Chromium. Every assertion about what
 * the portal received reads localStorage['replica-portal:saved'], never the DOM.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectedRows, pick, tb, extensionSuite, fillThroughPalette, undoThroughPalette, saveThroughGuard } from './support/suite';

const suite = extensionSuite();

async function freshPage(query: string): Promise<Page> {
  const page = await suite.session.newPage();
  await page.goto(`${suite.portal.origin}/element/${query}`);
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await page.locator('.el-table').first().waitFor();
  return page;
}

async function typeGoals(page: Page): Promise<void> {
  await page.getByPlaceholder('请输入项目实施期总体目标').fill('保障政务服务中心设备全年稳定运行。');
  await page.getByPlaceholder('请输入本年度目标').fill('全年设备完好率不低于98%。');
}

describe('modern replica (Element Plus)', () => {
  it('fills a set through the in-page palette; 保存 sends exactly its values in both indicator sets; undo restores', async () => {
    const page = await freshPage('?state=blank');
    await typeGoals(page);
    const set = suite.setNamed('信息化项目管理经费');
    const report = await fillThroughPalette(page, set.name);
    expect(report).toContain('全部核对无误');
    const saved = await saveThroughGuard(page, 'state:blank');
    const expected = expectedRows(set);
    expect(pick(saved.indicators.period)).toEqual(pick(expected.period));
    expect(pick(saved.indicators.annual)).toEqual(pick(expected.annual));

    // Undo: the saved model after 保存 matches the state before the fill (both sets empty).
    await undoThroughPalette(page, 30_000);
    const afterUndo = await saveThroughGuard(page, 'state:blank');
    expect(afterUndo.indicators.period).toEqual([]);
    expect(afterUndo.indicators.annual).toEqual([]);
  });

  it('marks the deliberate errors in the page and clears a mark when the field is fixed', async () => {
    const page = await freshPage('?state=errors');
    const marks = page.locator('[data-tianbao] [data-testid="finding-mark"]');
    await expect.poll(async () => (await marks.evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')))).sort(), { timeout: 20_000 }).toEqual(
      expect.arrayContaining(['taxonomy.mismatch', 'totals.project']),
    );
    expect(await tb(page, 'findings-badge').textContent()).toMatch(/[1-9]\d* 个错误/);
    // Fix the total the way a person does: 125.00 = 120.00 + 5.00 + 0.00.
    const total = page.locator('.el-form-item', { hasText: '总计' }).locator('input').first();
    await total.fill('125.00');
    await total.blur();
    await expect.poll(() => page.locator('[data-tianbao] [data-testid="finding-mark"][data-rule="totals.project"]').count(), { timeout: 20_000 }).toBe(0);
    expect(await page.locator('[data-tianbao] [data-testid="finding-mark"][data-rule="taxonomy.mismatch"]').count()).toBeGreaterThan(0);
  });

  it('guards 送审: 返回修改 keeps the page, 仍然提交 lets the portal submit', async () => {
    const page = await freshPage('?state=errors');
    // The portal itself refuses an empty value; give row 4 of 年度 its value so only Tianbao's findings remain.
    await page.getByRole('tab', { name: '年度绩效指标' }).click();
    const annualPane = page.locator('.el-tab-pane:visible');
    await annualPane.locator('.el-table__body tr').nth(3).locator('td').nth(6).locator('input').fill('10');
    await expect.poll(() => tb(page, 'findings-badge').textContent(), { timeout: 20_000 }).toMatch(/[1-9]\d* 个错误/);

    await page.getByRole('button', { name: '送审', exact: true }).click();
    await tb(page, 'submit-guard').waitFor();
    expect(await tb(page, 'submit-guard').textContent()).toContain('总计');
    await tb(page, 'submit-cancel').click();
    await tb(page, 'submit-guard').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => window.localStorage.getItem('replica-portal:submitted'))).toBeNull();

    await page.getByRole('button', { name: '送审', exact: true }).click();
    await tb(page, 'submit-anyway').click();
    // The portal's own confirmation, then its submit.
    await page.locator('.el-message-box').getByRole('button', { name: /确定/ }).click();
    await expect
      .poll(() => page.evaluate(() => window.localStorage.getItem('replica-portal:submitted')), { timeout: 15_000 })
      .toContain('state:errors');
  });

  it('captures the page’s indicators as a new set that search then finds', async () => {
    // A project the example library does not hold, so the captured set is new.
    const page = await freshPage('?state=errors');
    const name = '政务数据共享交换平台运维经费';
    await tb(page, 'palette-launcher').click();
    await tb(page, 'palette-search').fill(name);
    const items = tb(page, 'palette-item').filter({ hasText: name });
    await expect.poll(() => page.locator('[data-tianbao] .list li').count()).toBeGreaterThan(0);
    expect(await items.count()).toBe(0);
    await tb(page, 'capture-set').click();
    await expect.poll(() => page.locator('[data-tianbao] [data-testid="fill-report"]').textContent(), { timeout: 15_000 }).toContain('已保存指标集');
    await tb(page, 'palette-search').fill('');
    await tb(page, 'palette-search').fill('数据共享交换');
    await expect.poll(() => items.count(), { timeout: 15_000 }).toBe(1);
  });

  it('a grid re-rendered in the middle of a fill still ends complete and verified', async () => {
    const page = await freshPage('?state=blank&rerender=1');
    await typeGoals(page);
    const set = suite.setNamed('信息化项目管理经费');
    const report = await fillThroughPalette(page, set.name);
    expect(report).toContain('全部核对无误');
    expect(Number(await page.evaluate(() => document.documentElement.dataset.portalRerenders ?? '0'))).toBeGreaterThan(0);
    const saved = await saveThroughGuard(page, 'state:blank');
    const expected = expectedRows(set);
    expect(pick(saved.indicators.period)).toEqual(pick(expected.period));
    expect(pick(saved.indicators.annual)).toEqual(pick(expected.annual));
  });
});
