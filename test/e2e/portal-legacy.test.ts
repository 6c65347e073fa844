/**
 * Smoke tests of the legacy replica (/legacy/, jQuery + SlickGrid in nested iframes), no extension:
 * a person's way of filling (click a cell, Enter, type or pick, Enter/Tab/blur) reaches
 * `localStorage['replica-portal:saved']`; cell text or input values written behind the grid's back do not.
 */
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, launchBrowser, type PortalServer, readSaved, startPortal, waitForSaved } from './support';
import { saveArtifactsOnFailure } from './support/failure-artifacts';

let portal: PortalServer;
let session: BrowserSession | undefined;
saveArtifactsOnFailure(() => session);

beforeAll(async () => {
  portal = await startPortal();
  session = await launchBrowser();
});

afterAll(async () => {
  await session?.close();
  await portal?.close();
});

const exact = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

async function freshPage(path: string): Promise<Page> {
  const page = await session!.newPage();
  await page.goto(`${portal.origin}${path}`);
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  return page;
}

const mainFrame = (page: Page): FrameLocator => page.frameLocator('#mainFrame');
const gridFrame = (page: Page): FrameLocator => mainFrame(page).frameLocator('#gridFrame');

/** Grid columns: l0 序号, l1 一级, l2 二级, l3 三级, l4 计算符号, l5 指标值, l6 计量单位, l7 指标值说明. */
function cell(page: Page, row: number, column: number): Locator {
  const grid = gridFrame(page);
  return grid
    .locator('.slick-row')
    .filter({ has: grid.locator('.slick-cell.l0', { hasText: exact(String(row + 1)) }) })
    .locator(`.slick-cell.l${column}`);
}

/** Click the cell, Enter opens its editor. */
async function openEditor(page: Page, target: Locator, selector: string): Promise<Locator> {
  await target.click();
  await page.keyboard.press('Enter');
  const editor = target.locator(selector);
  await editor.waitFor();
  return editor;
}

/** Edits a text cell; `commit` is the key that commits it (Enter or Tab). */
async function typeCell(page: Page, row: number, column: number, text: string, commit: 'Enter' | 'Tab' = 'Enter'): Promise<void> {
  const target = cell(page, row, column);
  await openEditor(page, target, 'input.editor-text');
  await page.keyboard.type(text);
  await page.keyboard.press(commit);
  await target.locator('input.editor-text').waitFor({ state: 'detached' });
  await target.filter({ hasText: exact(text) }).waitFor();
}

async function pickCell(page: Page, row: number, column: number, option: string): Promise<void> {
  const target = cell(page, row, column);
  const select = await openEditor(page, target, 'select.editor-select');
  await select.selectOption({ label: option });
  await page.keyboard.press('Enter');
  await target.locator('select').waitFor({ state: 'detached' });
  await target.filter({ hasText: exact(option) }).waitFor();
}

async function fillRow(
  page: Page,
  row: number,
  values: { level1: string; level2: string; name: string; symbol: string; value: string; unit: string },
): Promise<void> {
  await pickCell(page, row, 1, values.level1);
  await pickCell(page, row, 2, values.level2);
  await typeCell(page, row, 3, values.name, 'Tab');
  await pickCell(page, row, 4, values.symbol);
  await typeCell(page, row, 5, values.value);
  await typeCell(page, row, 6, values.unit);
}

async function clickSave(page: Page): Promise<void> {
  await mainFrame(page).getByRole('button', { name: '保存', exact: true }).click();
}

async function closeDialog(page: Page, text: string): Promise<void> {
  const dialog = mainFrame(page).locator('.lg-dialog', { hasText: text });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: '确定' }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('legacy replica (/legacy/)', () => {
  it('serves an outer page with a menu frame and a main frame listing the 19 seed projects', async () => {
    const page = await freshPage('/legacy/');
    await page.frameLocator('#menuFrame').getByRole('link', { name: '绩效目标填报' }).click();
    const rows = mainFrame(page).locator('#projectList tbody tr');
    await rows.first().waitFor();
    // The menu click reloads the main frame: wait for the list the new frame shows, not the old one.
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(19);
    expect(await mainFrame(page).locator('.lg-summary').innerText()).toContain('10,540.32');
    expect(await rows.filter({ hasText: '智慧白云建设经费' }).innerText()).toContain('3,200.00');
    await page.close();
  });

  it('takes what a person types and picks in the grid and form, and saves it into replica-portal:saved', async () => {
    const page = await freshPage('/legacy/');
    await mainFrame(page).getByRole('link', { name: '政府雇员公用经费', exact: true }).click();
    const projectIndex = await mainFrame(page).locator('body').evaluate(() => new URLSearchParams(window.location.search).get('project'));
    const key = `project:${projectIndex}`;
    await gridFrame(page).locator('.lg-count', { hasText: '共 0 条' }).waitFor();

    // An empty row is refused by the portal's own save check, and nothing is stored.
    await gridFrame(page).getByRole('button', { name: '新增行' }).click();
    await clickSave(page);
    const refusal = mainFrame(page).locator('.lg-dialog', { hasText: '保存失败' });
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('中长期(总体)绩效指标第1行：计量单位不能为空');
    await closeDialog(page, '保存失败');
    expect(await readSaved(page)).toBeNull();

    const total = mainFrame(page).locator('#qtzj');
    await total.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('1.5');
    await page.keyboard.press('Tab');
    expect(await total.inputValue()).toBe('1.50');
    await mainFrame(page).locator('#zje').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('19.2');
    await page.keyboard.press('Tab');

    await fillRow(page, 0, { level1: '产出指标', level2: '数量指标', name: '保障政府雇员人数', symbol: '≥', value: '59', unit: '人' });

    // Blur commits too: type into 指标值说明, then click into the form in the parent frame.
    const explanation = cell(page, 0, 7);
    await openEditor(page, explanation, 'input.editor-text');
    await page.keyboard.type('按在岗雇员计');
    await mainFrame(page).locator('#ndmb').click();
    await explanation.locator('input.editor-text').waitFor({ state: 'detached' });
    await explanation.filter({ hasText: exact('按在岗雇员计') }).waitFor();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('保障政府雇员日常办公需要。');

    await gridFrame(page).getByText('年度绩效指标', { exact: true }).click();
    await gridFrame(page).locator('.lg-count', { hasText: '共 0 条' }).waitFor();
    await gridFrame(page).getByRole('button', { name: '新增行' }).click();
    await fillRow(page, 0, { level1: '满意度指标', level2: '服务对象满意度', name: '雇员满意度', symbol: '≥', value: '90', unit: '%' });

    await clickSave(page);
    await closeDialog(page, '保存成功');
    const saved = await waitForSaved(page, key);
    expect(saved.name).toBe('政府雇员公用经费');
    expect(saved.portal).toBe('legacy');
    expect(saved.amounts).toMatchObject({ total: '19.20', other: '1.50' });
    expect(saved.annualGoal).toBe('保障政府雇员日常办公需要。');
    expect(saved.indicators.period).toEqual([
      { level1: '产出指标', level2: '数量指标', name: '保障政府雇员人数', symbol: '≥', value: '59', unit: '人', explanation: '按在岗雇员计' },
    ]);
    expect(saved.indicators.annual).toEqual([
      { level1: '满意度指标', level2: '服务对象满意度', name: '雇员满意度', symbol: '≥', value: '90', unit: '%', explanation: '' },
    ]);

    // 送审 through the portal's own confirmation box.
    await mainFrame(page).getByRole('button', { name: '送审', exact: true }).click();
    await mainFrame(page).locator('.lg-dialog', { hasText: '确定送审吗' }).getByRole('button', { name: '确定' }).click();
    await closeDialog(page, '送审成功');
    const submitted = await waitForSaved(page, key, saved.savedAt);
    expect(submitted.submitted).toBe(true);
    await page.close();
  });

  it('ignores cell text and input values written behind the grid and the form, but not edits through them', async () => {
    const page = await freshPage('/legacy/?project=0');
    const nameCell = cell(page, 0, 3);
    await nameCell.waitFor();
    const original = (await nameCell.innerText()).trim();
    expect(original).not.toBe('');

    await nameCell.evaluate((el) => {
      el.textContent = '直接写入DOM的名称';
    });
    await cell(page, 0, 5).evaluate((el) => {
      el.textContent = '12345';
    });
    await mainFrame(page).locator('#zje').evaluate((el: HTMLInputElement) => {
      el.value = '999.99';
    });
    await clickSave(page);
    await closeDialog(page, '保存成功');
    const untouched = await waitForSaved(page, 'project:0');
    expect(untouched.indicators.period[0]!.name).toBe(original);
    expect(untouched.indicators.period[0]!.value).not.toBe('12345');
    expect(untouched.amounts.total).toBe('712.97');

    // A value typed into an editor that was never committed does not count either, until it is.
    const valueCell = cell(page, 0, 5);
    const editor = await openEditor(page, valueCell, 'input.editor-text');
    await editor.evaluate((el: HTMLInputElement) => {
      el.value = '77';
    });
    expect(await gridFrame(page).locator('body').evaluate(() => window.legacyGrid!.collect().period[0]!.value)).not.toBe('77');
    await page.keyboard.press('Enter');
    await valueCell.filter({ hasText: exact('77') }).waitFor();

    await typeCell(page, 0, 3, '专家评审场次');
    await clickSave(page);
    await closeDialog(page, '保存成功');
    const typed = await waitForSaved(page, 'project:0', untouched.savedAt);
    expect(typed.indicators.period[0]).toMatchObject({ name: '专家评审场次', value: '77' });
    await page.close();
  });

  it.each([
    ['blank', '/legacy/?state=blank', 0, 0],
    ['errors', '/legacy/?state=errors', 5, 5],
    ['rows=500', '/legacy/?rows=500', 500, 500],
  ])('serves the %s starting state', async (_name, path, periodRows, annualRows) => {
    const page = await freshPage(path);
    const count = gridFrame(page).locator('.lg-count');
    await count.filter({ hasText: `共 ${periodRows} 条` }).waitFor();
    await gridFrame(page).getByText('年度绩效指标', { exact: true }).click();
    await count.filter({ hasText: `共 ${annualRows} 条` }).waitFor();
    await page.close();
  });

  it('with ?rerender=1 re-creates the grid rows after the first commit and keeps the value', async () => {
    const page = await freshPage('/legacy/?project=0&rerender=1');
    const nameCell = cell(page, 0, 3);
    await nameCell.waitFor();
    const before = await nameCell.elementHandle();
    await typeCell(page, 0, 3, '改名后的指标');
    await gridFrame(page).locator('html[data-portal-rerenders="1"]').waitFor({ state: 'attached' });
    expect(await before!.evaluate((el) => el.isConnected)).toBe(false);
    expect((await cell(page, 0, 3).innerText()).trim()).toBe('改名后的指标');
    await page.close();
  });
});
