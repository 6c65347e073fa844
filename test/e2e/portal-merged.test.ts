/**
 * Smoke tests of the merged-cell replica (/merged/, Vue 3 + vxe-table 4, Bosssoft style), no extension:
 * 一级/二级 cells are merged across rows (real rowspan); 新增 needs a selected 二级 cell; a person's
 * clicks, picks and keystrokes reach `localStorage['replica-portal:saved']` with the category of the row
 * and the sign derived from 指标方向/指标性质; the portal's own check blocks a bad save; values written
 * behind the grid's back do not reach the save; big sets are virtualised.
 */
import type { Locator, Page } from 'playwright-core';
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

type SetKey = 'period' | 'annual';

const exact = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

async function freshPage(path: string): Promise<Page> {
  const page = await session!.newPage();
  await page.goto(`${portal.origin}${path}`);
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await bodyRows(page, 'period').first().waitFor();
  return page;
}

const pane = (page: Page, set: SetKey): Locator => page.locator(`#pane-${set}`);
const bodyRows = (page: Page, set: SetKey): Locator => pane(page, set).locator('.vxe-table--body tr.vxe-body--row');

/** The `colid` vxe gives a column, found by its header caption (body cells carry the same colid). */
async function colId(page: Page, set: SetKey, title: string): Promise<string> {
  const th = pane(page, set)
    .locator('.vxe-table--header th.vxe-header--column')
    .filter({ has: page.locator('.vxe-cell--title', { hasText: exact(title) }) });
  const id = await th.first().getAttribute('colid');
  if (!id) throw new Error(`no column ${title}`);
  return id;
}

/**
 * A body cell by grid row and column caption. Rows covered by a merged 一级/二级 cell have no td of
 * their own for that column, so cells are found by colid, never by position.
 */
async function cell(page: Page, set: SetKey, row: number, title: string): Promise<Locator> {
  return bodyRows(page, set).nth(row).locator(`td[colid="${await colId(page, set, title)}"]`);
}

/** The (merged) category cell showing `text` in the 一级指标 or 二级指标 column. */
async function categoryCell(page: Page, set: SetKey, title: '一级指标' | '二级指标', text: string): Promise<Locator> {
  return pane(page, set).locator(`.vxe-table--body td[colid="${await colId(page, set, title)}"]`).filter({ hasText: exact(text) });
}

/** Click a text cell (cell-mode editing opens on click), type like a person. */
async function typeCell(page: Page, set: SetKey, row: number, title: string, text: string): Promise<void> {
  const target = await cell(page, set, row, title);
  await target.click();
  const input = target.locator('input.vxe-input--inner');
  await input.waitFor();
  await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/** Click a select cell, pick the option from its popup (under body), check the cell stays in edit. */
async function pickCell(page: Page, set: SetKey, row: number, title: string, option: string): Promise<void> {
  const target = await cell(page, set, row, title);
  await target.click();
  await target.locator('.vxe-select').waitFor();
  // The open panel (`ani--enter`); panels of selects opened before stay under body, emptied.
  const panel = page.locator('body > .vxe-select--panel.ani--enter');
  if (!(await panel.count())) await target.locator('.vxe-select input').click();
  await panel.locator('.vxe-select-option', { hasText: exact(option) }).click();
  await expect.poll(() => target.locator('.vxe-select input').inputValue()).toBe(option);
  // A click in the select's popup does not close the cell's edit.
  expect(await target.getAttribute('class')).toContain('col--active');
}

/** A mousedown outside the grid closes the open edit. */
async function closeEdit(page: Page): Promise<void> {
  await page.locator('.gov-card-title', { hasText: '绩效指标' }).click();
  await expect.poll(() => page.locator('.vxe-body--column.col--active').count()).toBe(0);
}

async function fillRow(
  page: Page,
  set: SetKey,
  row: number,
  values: { name: string; direction?: string; nature: string; value: string; unit?: string; remark?: string },
): Promise<void> {
  await typeCell(page, set, row, '三级指标', values.name);
  if (values.direction) await pickCell(page, set, row, '指标方向', values.direction);
  await pickCell(page, set, row, '指标性质', values.nature);
  await typeCell(page, set, row, '目标值', values.value);
  if (values.unit) await typeCell(page, set, row, '计量单位', values.unit);
  if (values.remark) await typeCell(page, set, row, '备注', values.remark);
  await closeEdit(page);
}

async function typeInto(page: Page, label: string, text: string): Promise<void> {
  const item = page.locator('.el-form-item').filter({ has: page.locator('.el-form-item__label', { hasText: exact(label) }) });
  await item.locator('input, textarea').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

async function save(page: Page): Promise<void> {
  await page.locator('.gov-actions').getByRole('button', { name: '保存', exact: true }).click();
}

async function addUnder(page: Page, set: SetKey, level2: string): Promise<void> {
  await (await categoryCell(page, set, '二级指标', level2)).click();
  await pane(page, set).getByRole('button', { name: '新增', exact: true }).click();
}

const rowspans = (page: Page, set: SetKey) =>
  pane(page, set)
    .locator('.vxe-table--body td[rowspan]')
    .evaluateAll((tds) => tds.map((td) => `${td.textContent?.trim()}:${td.getAttribute('rowspan')}`));

describe('merged-cell replica (/merged/)', () => {
  it('shows the category skeleton with 一级 cells merged across rows (td rowspan)', async () => {
    const page = await freshPage('/merged/?state=blank');
    // One row per 二级 of the default taxonomy: 4 + 4 + 1.
    await expect.poll(() => bodyRows(page, 'period').count()).toBe(9);
    expect(await rowspans(page, 'period')).toEqual(['产出指标:4', '效益指标:4']);
    // The merged cell is one td; the rows it covers have none in that column.
    const level1 = await colId(page, 'period', '一级指标');
    expect(await bodyRows(page, 'period').nth(1).locator(`td[colid="${level1}"]`).count()).toBe(0);
    expect(await (await categoryCell(page, 'period', '二级指标', '服务对象满意度')).count()).toBe(1);
    // Category cells do not open an editor.
    await (await categoryCell(page, 'period', '二级指标', '质量指标')).click();
    expect(await pane(page, 'period').locator('.vxe-table--body input').count()).toBe(0);
    await page.close();
  });

  it('新增 refuses without a selected 二级 cell, and adds a row under the selected one', async () => {
    const page = await freshPage('/merged/?state=blank');
    await pane(page, 'period').getByRole('button', { name: '新增', exact: true }).click();
    await page.locator('.el-message', { hasText: '请选择二级指标后再新增！' }).waitFor();
    await expect.poll(() => bodyRows(page, 'period').count()).toBe(9);

    // A selected 三级 cell is not a 二级 either.
    await (await cell(page, 'period', 0, '三级指标')).click();
    await closeEdit(page);
    await pane(page, 'period').getByRole('button', { name: '新增', exact: true }).click();
    await expect.poll(() => page.locator('.el-message', { hasText: '请选择二级指标后再新增！' }).count()).toBeGreaterThan(0);
    await expect.poll(() => bodyRows(page, 'period').count()).toBe(9);

    const quality = await categoryCell(page, 'period', '二级指标', '质量指标');
    await quality.click();
    await expect.poll(() => quality.getAttribute('class')).toContain('col--selected');
    await pane(page, 'period').getByRole('button', { name: '新增', exact: true }).click();
    await expect.poll(() => bodyRows(page, 'period').count()).toBe(10);
    expect(await rowspans(page, 'period')).toEqual(['产出指标:5', '质量指标:2', '效益指标:4']);
    // The new row is the third: right after 质量指标's own row, before 时效指标.
    // (vxe shows an empty cell as a full-width space, which trim() removes.)
    expect((await (await cell(page, 'period', 2, '三级指标')).innerText()).trim()).toBe('');
    expect(await bodyRows(page, 'period').nth(3).innerText()).toContain('时效指标');
    await page.close();
  });

  it('takes what a person types and picks, saves it with the row category and the derived sign, after refusing a bad save', async () => {
    const page = await freshPage('/merged/?state=blank');
    // The skeleton row of 数量指标 is filled in place; 质量指标 gets a second row through 新增.
    await fillRow(page, 'period', 0, { name: '设备巡检次数', direction: '大于', nature: '正向', value: 'abc', unit: '次', remark: '按月巡检' });
    await addUnder(page, 'period', '质量指标');
    await expect.poll(() => bodyRows(page, 'period').count()).toBe(10);
    await fillRow(page, 'period', 1, { name: '设备完好率', direction: '大于等于', nature: '正向', value: '98', unit: '%' });
    await fillRow(page, 'period', 2, { name: '故障率', direction: '小于等于', nature: '反向', value: '2', unit: '%' });
    // 社会效益 is row 6 (产出 ×5, then 经济效益): a 定性 row needs neither 指标方向 nor 计量单位.
    expect(await bodyRows(page, 'period').nth(6).innerText()).toContain('社会效益');
    await fillRow(page, 'period', 6, { name: '政务服务保障能力', nature: '定性', value: '明显提升' });
    await page.getByRole('tab', { name: '年度绩效指标' }).click();
    await fillRow(page, 'annual', 8, { name: '服务对象满意度', direction: '大于等于', nature: '正向', value: '90', unit: '%' });

    // The portal's own check: goals missing, a 定量 目标值 that is no number. Nothing is stored.
    await save(page);
    const box = page.locator('.el-message-box');
    await box.waitFor();
    const text = await box.innerText();
    expect(text).toContain('总体目标不能为空');
    expect(text).toContain('年度目标不能为空');
    expect(text).toContain('中长期(总体)绩效指标第1行：定量指标的目标值必须为数字');
    expect(text).not.toContain('第4行'); // skeleton rows are not indicators
    await box.getByRole('button', { name: '确定' }).click();
    expect(await readSaved(page)).toBeNull();

    await page.getByRole('tab', { name: '中长期(总体)绩效指标' }).click();
    await typeCell(page, 'period', 0, '目标值', '12');
    await closeEdit(page);
    await typeInto(page, '总体目标', '保障政务服务中心设备稳定运行。');
    await typeInto(page, '年度目标', '全年设备完好率不低于98%。');
    await save(page);
    await page.locator('.el-message--success', { hasText: '保存成功' }).waitFor();
    const saved = await waitForSaved(page, 'state:blank');
    expect(saved.portal).toBe('merged');
    expect(saved.goal).toBe('保障政务服务中心设备稳定运行。');
    expect(saved.indicators.period).toEqual([
      { level1: '产出指标', level2: '数量指标', name: '设备巡检次数', symbol: '＞', value: '12', unit: '次', explanation: '按月巡检', direction: '大于', nature: '正向' },
      { level1: '产出指标', level2: '质量指标', name: '设备完好率', symbol: '≥', value: '98', unit: '%', explanation: '', direction: '大于等于', nature: '正向' },
      { level1: '产出指标', level2: '质量指标', name: '故障率', symbol: '≤', value: '2', unit: '%', explanation: '', direction: '小于等于', nature: '反向' },
      { level1: '效益指标', level2: '社会效益', name: '政务服务保障能力', symbol: '定性', value: '明显提升', unit: '', explanation: '', direction: '', nature: '定性' },
    ]);
    expect(saved.indicators.annual).toEqual([
      { level1: '满意度指标', level2: '服务对象满意度', name: '服务对象满意度', symbol: '≥', value: '90', unit: '%', explanation: '', direction: '大于等于', nature: '正向' },
    ]);
    await page.close();
  });

  it('删除 asks first (取消 keeps the row), then removes the ticked row; a 二级 keeps its skeleton row', async () => {
    const page = await freshPage('/merged/?state=errors');
    const before = await bodyRows(page, 'period').count();
    const firstName = (await (await cell(page, 'period', 0, '三级指标')).innerText()).trim();
    expect(firstName).toBe('数据共享接口数量');
    await bodyRows(page, 'period').nth(0).locator('.vxe-cell--checkbox').click();
    await pane(page, 'period').getByRole('button', { name: '删除', exact: true }).click();
    const box = page.locator('.el-message-box', { hasText: '确定删除所选指标吗？' });
    await box.getByRole('button', { name: '取消' }).click();
    await box.waitFor({ state: 'hidden' });
    expect((await (await cell(page, 'period', 0, '三级指标')).innerText()).trim()).toBe(firstName);
    await pane(page, 'period').getByRole('button', { name: '删除', exact: true }).click();
    await box.getByRole('button', { name: '确定' }).click();
    // 数量指标 had one indicator: its row becomes the empty skeleton row, the category stays.
    await expect.poll(async () => (await (await cell(page, 'period', 0, '三级指标')).innerText()).trim()).toBe('');
    expect(await bodyRows(page, 'period').count()).toBe(before);
    expect(await bodyRows(page, 'period').nth(0).innerText()).toContain('数量指标');
    await page.close();
  });

  it('ignores cell text and editor values written behind the grid, but not typed ones', async () => {
    const page = await freshPage('/merged/?project=0');
    const nameCell = await cell(page, 'period', 0, '三级指标');
    const original = (await nameCell.innerText()).trim();
    expect(original).not.toBe('');
    const valueCol = await colId(page, 'period', '目标值');
    const originalValue = (await (await cell(page, 'period', 0, '目标值')).innerText()).trim();

    // Display text rewritten in place, and an open editor's input.value set without any event.
    await page.evaluate((col) => {
      const row = document.querySelector('#pane-period .vxe-table--body tr.vxe-body--row')!;
      row.querySelector(`td[colid="${col}"] .vxe-cell--label`)!.textContent = '999999';
    }, valueCol);
    await nameCell.click();
    const input = nameCell.locator('input.vxe-input--inner');
    await input.waitFor();
    await input.evaluate((el) => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setter.call(el, '直接写入DOM的名称');
    });
    await closeEdit(page);
    await save(page);
    await page.locator('.el-message--success', { hasText: '保存成功' }).waitFor();
    const untouched = await waitForSaved(page, 'project:0');
    expect(untouched.portal).toBe('merged');
    expect(untouched.indicators.period[0]).toMatchObject({ name: original, value: originalValue });

    // The same cell typed into does reach the model: the check above can fail.
    await typeCell(page, 'period', 0, '三级指标', '专家评审场次');
    await closeEdit(page);
    await save(page);
    const typed = await waitForSaved(page, 'project:0', untouched.savedAt);
    expect(typed.indicators.period[0]!.name).toBe('专家评审场次');
    // Every saved sign agrees with its raw 指标方向 / 指标性质.
    const sign: Record<string, string> = { 大于等于: '≥', 大于: '＞', 等于: '＝', 小于: '＜', 小于等于: '≤' };
    for (const row of [...typed.indicators.period, ...typed.indicators.annual] as unknown as { symbol: string; direction: string; nature: string }[]) {
      expect(row.symbol).toBe(row.nature === '定性' ? '定性' : sign[row.direction]);
    }
    await page.close();
  });

  it('virtualises a big set: ?rows=150 renders fewer rows than it has, and scrolling reaches the last', async () => {
    // Grid order is category order: the last row is the twelfth 服务对象满意度 (generated item 144).
    const page = await freshPage('/merged/?rows=150');
    await expect.poll(() => pane(page, 'period').locator('.grid-hint').innerText()).toContain('共 150 条指标');
    // 150 indicators + the skeleton row of 生态效益, which no generated row uses.
    const rendered = await bodyRows(page, 'period').count();
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(151);
    const body = pane(page, 'period').locator('.vxe-table--body-inner-wrapper').first();
    await body.hover();
    await expect
      .poll(
        async () => {
          await page.mouse.wheel(0, 2000);
          return bodyRows(page, 'period').last().innerText();
        },
        { timeout: 20_000 },
      )
      .toContain('服务对象满意度（12）');
    expect(await bodyRows(page, 'period').count()).toBeLessThan(151);
    await page.close();
  });
});
