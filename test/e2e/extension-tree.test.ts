/**
 * Tianbao end to end on the category-tree replica (/tree/, the FASP2 family): fixed 一级/二级 rows, 三级
 * rows added by the 新增 link on their 二级 row, <span> cells edited on click through one contenteditable
 * editor committed by an outside mousedown, a 计算符号 popup under <body>, virtualised rows, and each set's
 * grid in its own tab frame. Zero configuration: no site profile.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TemplateSet } from '@/lib/domain';
import { readSaved, waitForSaved } from './support';
import { CATEGORY_ITEMS, CATEGORY_SET_NAME, saveCategorySet } from './support/category-set';
import { expectedRows, extensionSuite, fillThroughPalette, pick, tb, undoThroughPalette } from './support/suite';

const suite = extensionSuite();

const frame = (page: Page, set: 'period' | 'annual'): FrameLocator => page.frameLocator(`#frame_${set}`);

async function freshPage(query: string): Promise<Page> {
  const page = await suite.session.newPage();
  await page.goto(`${suite.portal.origin}/tree/${query}`);
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await frame(page, 'period').locator('.dt-row').first().waitFor();
  return page;
}

/** 保存 in the outer page; Tianbao's guard (if it asks) is answered 仍然提交; then the portal's own OK. */
async function save(page: Page, key: string) {
  const before = (await readSaved(page))?.projects.find((p) => p.key === key)?.savedAt ?? '';
  await page.locator('#btnSave').click();
  await Promise.race([tb(page, 'submit-guard').waitFor({ timeout: 5000 }).then(() => tb(page, 'submit-anyway').click()), waitForSaved(page, key, before, 5000)]).catch(
    () => undefined,
  );
  const saved = await waitForSaved(page, key, before, 15_000).catch(async (error: unknown) => {
    throw new Error(`the portal did not save: ${(await page.locator('.msgbox:visible').first().textContent().catch(() => '')) || String(error)}`);
  });
  // The portal's 保存成功 box, answered as a person does.
  await page.locator('.msgbox:visible').getByRole('button', { name: '确定' }).click({ timeout: 5000 }).catch(() => undefined);
  return saved;
}

let categorySet: TemplateSet | undefined;
async function theSet(): Promise<TemplateSet> {
  categorySet ??= await saveCategorySet(suite.session);
  return categorySet;
}

describe('Tianbao on the category-tree replica', () => {
  it('reads a blank tree without taking its category rows for indicators', async () => {
    const page = await freshPage('?state=blank');
    await tb(frame(page, 'period'), 'palette-launcher').waitFor({ timeout: 20_000 });
    // Findings may be about the empty goals or the missing indicators, never about a category row.
    await expect.poll(() => tb(page, 'findings-badge').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await tb(page, 'findings-badge').click();
    const text = (await page.locator('[data-tianbao] .findings').textContent()) ?? '';
    expect(text).toContain('缺少绩效目标');
    for (const category of ['数量指标', '质量指标', '社会效益', '服务对象满意度', '产出指标']) expect(text).not.toContain(`「${category}」`);
    expect(text).not.toMatch(/指标不完整|缺少指标值|计量单位/);
    await page.close();
  });

  it('fills 16 indicators under their own 二级 in both sets, every value verified, and the portal’s save takes them', async () => {
    const set = await theSet();
    const page = await freshPage('?state=blank');
    await page.locator('#ztmb').fill('保障政务服务中心设备全年稳定运行。');
    await page.locator('#ndmb').fill('全年设备完好率不低于98%。');
    await page.locator('#ztmb').dispatchEvent('change');
    await page.locator('#ndmb').dispatchEvent('change');
    const report = await fillThroughPalette(frame(page, 'period'), CATEGORY_SET_NAME, 120_000);
    expect(report).toContain('全部核对无误');
    const saved = await save(page, 'state:blank');
    const want = expectedRows(set);
    const strip = (rows: ReturnType<typeof pick>) => rows.map((r) => ({ ...r, explanation: r.explanation ?? '' }));
    for (const which of ['period', 'annual'] as const) {
      const got = strip(pick(saved.indicators[which] as never));
      expect(got).toHaveLength(CATEGORY_ITEMS.length);
      for (const row of strip(pick(want[which]))) expect(got).toContainEqual(row);
    }
    await page.close();
  });

  it('undo puts the saved model back as it was', async () => {
    await theSet();
    const page = await freshPage('?project=0');
    await frame(page, 'period').locator('.dt-row').first().waitFor();
    const before = await save(page, 'project:0');
    await fillThroughPalette(frame(page, 'period'), CATEGORY_SET_NAME, 120_000);
    await undoThroughPalette(frame(page, 'period'), 120_000);
    const after = await save(page, 'project:0');
    expect(after.indicators).toEqual(before.indicators);
    await page.close();
  });

  it('a grid whose 新增 does nothing ends in a report naming the step within 10 s, the grid as it was', async () => {
    await theSet();
    const page = await freshPage('?state=blank&broken=add');
    const g = frame(page, 'period');
    const rowsBefore = await g.locator('.dt-row').count();
    const started = Date.now();
    await tb(g, 'palette-launcher').click();
    await tb(g, 'palette-search').fill(CATEGORY_SET_NAME);
    await expect.poll(() => tb(g, 'palette-item').first().locator('.name').textContent(), { timeout: 15_000 }).toBe(CATEGORY_SET_NAME);
    await tb(g, 'palette-search').press('Enter');
    await tb(g, 'fill-failure').waitFor({ timeout: 30_000 });
    const elapsed = Date.now() - started;
    const failure = (await tb(g, 'fill-failure').textContent()) ?? '';
    expect(failure).toMatch(/新增/);
    expect(failure).toContain('已撤回');
    expect(elapsed).toBeLessThan(30_000); // generous bound for a loaded machine; the engine's own step deadline is 8 s
    expect(await g.locator('.dt-row').count()).toBe(rowsBefore);
    await page.close();
  });

  it('marks a value planted wrong after the fill, live, and stops 送审 at its guard', async () => {
    await theSet();
    const page = await freshPage('?state=blank');
    await page.locator('#ztmb').fill('保障政务服务中心设备全年稳定运行。');
    await page.locator('#ndmb').fill('全年设备完好率不低于98%。');
    await page.locator('#ztmb').dispatchEvent('change');
    await page.locator('#ndmb').dispatchEvent('change');
    const g = frame(page, 'period');
    await fillThroughPalette(g, CATEGORY_SET_NAME, 120_000);
    await tb(g, 'palette-search').press('Escape');
    // A person scrolls back up, types a word into 指标值 of 设备巡检次数 and clicks elsewhere (the grid commits
    // on that mousedown).
    await g.locator('.dt-view').evaluate((el) => el.scrollTo(0, 0));
    const value = g.locator('.dt-row', { hasText: '设备巡检次数' }).locator('span.c4');
    await value.click();
    await value.locator('span.edit[contenteditable]').waitFor();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('若干');
    await g.locator('.dt-head .h', { hasText: '三级指标' }).click();
    await expect.poll(() => g.locator('.dt-row', { hasText: '设备巡检次数' }).locator('span.c4').textContent()).toBe('若干');
    await expect.poll(() => tb(g, 'finding-mark').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    // The grid frame's badge counts the tab's findings; the form frame's, those it can mark (goals, money).
    await expect.poll(() => tb(g, 'findings-badge').textContent(), { timeout: 20_000 }).toMatch(/[1-9]\d* 个错误/);
    await page.locator('#btnSubmit').click();
    await tb(page, 'submit-guard').waitFor();
    expect(await tb(page, 'submit-guard').textContent()).toContain('若干');
    await tb(page, 'submit-cancel').click();
    await tb(page, 'submit-guard').waitFor({ state: 'detached' });
    await page.close();
  });
});
