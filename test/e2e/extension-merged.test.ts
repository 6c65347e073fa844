/**
 * Tianbao end to end on the merged-cell replica (/merged/, the 博思 family on vxe-table): 一级/二级 cells
 * merged across rows (rowspan), an indicator added by selecting its 二级 cell and pressing the toolbar's
 * 新增, cells edited on click (vxe inputs and selects whose panels live under <body>), 指标方向 and 指标性质
 * apart. Zero configuration: no site profile.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TemplateSet } from '@/lib/domain';
import { CATEGORY_ITEMS, CATEGORY_SET_NAME, saveCategorySet } from './support/category-set';
import { expectedRows, extensionSuite, fillThroughPalette, saveThroughGuard, tb, undoThroughPalette } from './support/suite';

const suite = extensionSuite();

async function freshPage(query: string): Promise<Page> {
  const page = await suite.session.newPage();
  await page.goto(`${suite.portal.origin}/merged/${query}`);
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await page.locator('.vxe-body--row').first().waitFor();
  return page;
}

let categorySet: TemplateSet | undefined;
async function theSet(): Promise<TemplateSet> {
  categorySet ??= await saveCategorySet(suite.session);
  return categorySet;
}

/** What the portal saves of a row (its own derived symbol, the category from its merged cells). */
const core = (r: { level1: string; level2: string; name: string; symbol: string; value: string; unit: string }) => ({
  level1: r.level1,
  level2: r.level2,
  name: r.name,
  symbol: r.symbol,
  value: r.value,
  unit: r.unit,
});

async function typeGoals(page: Page): Promise<void> {
  for (const [label, text] of [
    ['总体目标', '保障政务服务中心设备全年稳定运行。'],
    ['年度目标', '全年设备完好率不低于98%。'],
  ] as const) {
    await page.locator('.el-form-item').filter({ hasText: label }).locator('textarea').fill(text);
  }
}

describe('Tianbao on the merged-cell replica', () => {
  it('reads a blank form’s category skeleton without findings about its rows', async () => {
    const page = await freshPage('?state=blank');
    await tb(page, 'palette-launcher').waitFor({ timeout: 20_000 });
    await expect.poll(() => tb(page, 'findings-badge').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await tb(page, 'findings-badge').click();
    const text = (await page.locator('[data-tianbao] .findings').textContent()) ?? '';
    expect(text).toContain('缺少绩效目标');
    expect(text).not.toMatch(/指标不完整|缺少指标值|计量单位|「数量指标」|「服务对象满意度」/);
    await page.close();
  });

  it('fills 16 indicators under their own 二级 in both sets, verified, and the portal’s save takes them', async () => {
    const set = await theSet();
    const page = await freshPage('?state=blank');
    await typeGoals(page);
    const report = await fillThroughPalette(page, CATEGORY_SET_NAME, 180_000);
    expect(report).toContain('全部核对无误');
    const saved = await saveThroughGuard(page, 'state:blank');
    const want = expectedRows(set);
    for (const which of ['period', 'annual'] as const) {
      const got = (saved.indicators[which] as Array<Parameters<typeof core>[0]>).map(core);
      expect(got).toHaveLength(CATEGORY_ITEMS.length);
      for (const row of want[which]) expect(got).toContainEqual(core(row));
    }
    await page.close();
  });

  it('undo puts the saved model back as it was', async () => {
    await theSet();
    const page = await freshPage('?project=0');
    const before = await saveThroughGuard(page, 'project:0');
    await fillThroughPalette(page, CATEGORY_SET_NAME, 180_000);
    await undoThroughPalette(page, 120_000);
    const after = await saveThroughGuard(page, 'project:0');
    expect(after.indicators).toEqual(before.indicators);
    await page.close();
  });

  it('marks a value planted wrong after the fill, live, and stops 送审 at its guard', async () => {
    await theSet();
    const page = await freshPage('?state=blank');
    await typeGoals(page);
    await fillThroughPalette(page, CATEGORY_SET_NAME, 180_000);
    await tb(page, 'palette-search').press('Escape');
    // A person types a word into 目标值 of 设备巡检次数 and clicks elsewhere (vxe closes the edit on that mousedown).
    const pane = page.locator('#pane-period');
    const row = pane.locator('tr.vxe-body--row', { hasText: '设备巡检次数' });
    const headers = await pane.locator('th.vxe-header--column').allTextContents();
    const colid = await pane.locator('th.vxe-header--column').nth(headers.findIndex((h) => h.includes('目标值'))).getAttribute('colid');
    await row.locator(`td[colid="${colid}"]`).click();
    await row.locator(`td[colid="${colid}"] input`).fill('若干');
    await page.locator('.el-form-item').filter({ hasText: '项目名称' }).locator('.el-form-item__label').click();
    await expect.poll(() => row.locator(`td[colid="${colid}"]`).textContent()).toContain('若干');
    await expect.poll(() => tb(page, 'finding-mark').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => tb(page, 'findings-badge').textContent(), { timeout: 20_000 }).toMatch(/[1-9]\d* 个错误/);
    await page.getByRole('button', { name: '送审', exact: true }).click();
    await tb(page, 'submit-guard').waitFor();
    expect(await tb(page, 'submit-guard').textContent()).toContain('若干');
    await tb(page, 'submit-cancel').click();
    await tb(page, 'submit-guard').waitFor({ state: 'detached' });
    await page.close();
  });
});
