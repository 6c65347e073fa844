/**
 * Smoke tests of the modern replica (/element/, Vue 3 + Element Plus), no extension: a person's way
 * of filling reaches `localStorage['replica-portal:saved']`, and writing the DOM behind the widgets'
 * backs does not.
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

async function freshPage(path: string): Promise<Page> {
  const page = await session!.newPage();
  await page.goto(`${portal.origin}${path}`);
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  return page;
}

const exact = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

function formItem(page: Page, label: string): Locator {
  return page.locator('.el-form-item').filter({ has: page.locator('.el-form-item__label', { hasText: exact(label) }) });
}

/** Grid columns: 0 selection, 1 序号, 2 一级, 3 二级, 4 三级, 5 计算符号, 6 指标值, 7 计量单位, 8 指标值说明. */
function cell(page: Page, set: 'period' | 'annual', row: number, column: number): Locator {
  return page.locator(`#pane-${set} .el-table__body tr.el-table__row`).nth(row).locator('td').nth(column);
}

/** Opens an el-select like a person (click), waits for its own dropdown, clicks the option, checks the label. */
async function choose(page: Page, target: Locator, option: string): Promise<void> {
  await target.locator('.el-select__wrapper').click();
  const listId = await target.locator('input').getAttribute('aria-controls');
  await page.locator(`[id="${listId}"] .el-select-dropdown__item`).filter({ hasText: exact(option) }).click();
  await target.locator('.el-select__selected-item:not(.is-hidden)', { hasText: exact(option) }).waitFor();
}

/** Types into an el-input like a person: click, select what is there, type. */
async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await target.locator('input, textarea').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

async function fillRow(
  page: Page,
  set: 'period' | 'annual',
  row: number,
  values: { level1: string; level2: string; name: string; symbol: string; value: string; unit: string; explanation?: string },
): Promise<void> {
  await choose(page, cell(page, set, row, 2), values.level1);
  await choose(page, cell(page, set, row, 3), values.level2);
  await typeInto(page, cell(page, set, row, 4), values.name);
  await choose(page, cell(page, set, row, 5), values.symbol);
  await typeInto(page, cell(page, set, row, 6), values.value);
  // 计量单位 is filterable with free entry: type, then Enter picks the first (or the created) option.
  const unit = cell(page, set, row, 7);
  await unit.locator('.el-select__wrapper').click();
  await page.keyboard.type(values.unit);
  await page.keyboard.press('Enter');
  await unit.locator('.el-select__selected-item:not(.is-hidden)', { hasText: exact(values.unit) }).waitFor();
  if (values.explanation) await typeInto(page, cell(page, set, row, 8), values.explanation);
}

async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: '保存', exact: true }).click();
}

describe('modern replica (/element/)', () => {
  it('serves the seed list: 19 projects with their amounts and the printed 合计', async () => {
    const page = await freshPage('/element/');
    const rows = page.locator('.project-list .el-table__body tr.el-table__row');
    await rows.first().waitFor();
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(19);
    await expect.poll(() => page.locator('.gov-summary').innerText()).toContain('10,540.32');
    const first = rows.filter({ hasText: '信息化项目管理经费' }).first();
    expect(await first.innerText()).toContain('712.97');
    await page.close();
  });

  it('takes what a person types, picks and saves into replica-portal:saved, after refusing an incomplete form', async () => {
    const page = await freshPage('/element/');
    await page.locator('a.gov-link', { hasText: exact('12345热线运作经费') }).click();
    await page.waitForURL(/\?project=\d+$/);
    const key = `project:${new URL(page.url()).searchParams.get('project')}`;
    await page.getByRole('tab', { name: '中长期(总体)绩效指标' }).waitFor();

    // Save-time validation: an empty row and no goals are refused, and nothing is stored.
    await page.locator('#pane-period').getByRole('button', { name: '新增指标' }).click();
    await save(page);
    const issues = page.locator('.gov-issues');
    await issues.waitFor();
    const issueText = await issues.innerText();
    expect(issueText).toContain('总体目标不能为空');
    expect(issueText).toContain('中长期(总体)绩效指标第1行：计量单位不能为空');
    expect(await readSaved(page)).toBeNull();

    await typeInto(page, formItem(page, '总计'), '12.5');
    await page.keyboard.press('Tab');
    await typeInto(page, formItem(page, '财政拨款'), '12.5');
    await page.keyboard.press('Tab');
    await typeInto(page, formItem(page, '总体目标'), '保障12345热线平稳运行，提升诉求办理质效。');
    await typeInto(page, formItem(page, '年度目标'), '全年受理群众诉求不少于5万件，群众满意度不低于90%。');

    await fillRow(page, 'period', 0, {
      level1: '产出指标', level2: '数量指标', name: '受理群众诉求数量', symbol: '≥', value: '50000', unit: '工单', explanation: '按年度工单统计',
    });
    await page.locator('#pane-period').getByRole('button', { name: '新增指标' }).click();
    await fillRow(page, 'period', 1, {
      level1: '满意度指标', level2: '服务对象满意度', name: '群众满意度', symbol: '≥', value: '90', unit: '%',
    });
    await page.getByRole('tab', { name: '年度绩效指标' }).click();
    await page.locator('#pane-annual').getByRole('button', { name: '新增指标' }).click();
    await fillRow(page, 'annual', 0, {
      level1: '效益指标', level2: '社会效益', name: '诉求按时办结率', symbol: '＝', value: '100', unit: '%',
    });

    await save(page);
    await page.locator('.el-message--success', { hasText: '保存成功' }).waitFor();
    const saved = await waitForSaved(page, key);
    expect(saved.name).toBe('12345热线运作经费');
    expect(saved.portal).toBe('element');
    expect(saved.amounts).toEqual({ total: '12.50', fiscal: '12.50', specialAccount: '0.00', other: '0.00' });
    expect(saved.goal).toBe('保障12345热线平稳运行，提升诉求办理质效。');
    expect(saved.annualGoal).toBe('全年受理群众诉求不少于5万件，群众满意度不低于90%。');
    expect(saved.indicators.period).toEqual([
      { level1: '产出指标', level2: '数量指标', name: '受理群众诉求数量', symbol: '≥', value: '50000', unit: '工单', explanation: '按年度工单统计' },
      { level1: '满意度指标', level2: '服务对象满意度', name: '群众满意度', symbol: '≥', value: '90', unit: '%', explanation: '' },
    ]);
    expect(saved.indicators.annual).toEqual([
      { level1: '效益指标', level2: '社会效益', name: '诉求按时办结率', symbol: '＝', value: '100', unit: '%', explanation: '' },
    ]);
    expect(saved.submitted).toBe(false);

    // 送审: confirm in the portal's own dialog, then the project is marked submitted.
    await page.getByRole('button', { name: '送审', exact: true }).click();
    await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click();
    await page.locator('.el-message--success', { hasText: '送审成功' }).waitFor();
    const submitted = await waitForSaved(page, key, saved.savedAt);
    expect(submitted.submitted).toBe(true);
    const list = await page.evaluate(() => JSON.parse(window.localStorage.getItem('replica-portal:submitted') ?? '[]') as { key: string }[]);
    expect(list.map((e) => e.key)).toEqual([key]);
    await page.close();
  });

  it('ignores values written into the DOM behind the widgets (input.value, option labels), but not typed ones', async () => {
    const page = await freshPage('/element/?project=0');
    const name = cell(page, 'period', 0, 4).locator('input');
    await name.waitFor();
    const original = await name.inputValue();
    expect(original).not.toBe('');

    await page.evaluate(() => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const nameInput = document.querySelectorAll<HTMLInputElement>('#pane-period .el-table__body tr.el-table__row')[0]!
        .querySelectorAll('td')[4]!.querySelector('input')!;
      setter.call(nameInput, '直接写入DOM的名称');
      const total = [...document.querySelectorAll('.el-form-item')]
        .find((item) => item.querySelector('.el-form-item__label')?.textContent?.trim() === '总计')!
        .querySelector('input')!;
      setter.call(total, '999.99');
      const level1 = document.querySelectorAll('#pane-period .el-table__body tr.el-table__row')[0]!
        .querySelectorAll('td')[2]!.querySelector('.el-select__selected-item span')!;
      level1.textContent = '效益指标';
    });
    await save(page);
    await page.locator('.el-message--success', { hasText: '保存成功' }).waitFor();
    const untouched = await waitForSaved(page, 'project:0');
    expect(untouched.indicators.period[0]!.name).toBe(original);
    expect(untouched.indicators.period[0]!.level1).toBe('产出指标');
    expect(untouched.amounts.total).toBe('712.97');

    // The same fields through the widgets do reach the model: the check above can fail.
    await typeInto(page, cell(page, 'period', 0, 4), '专家评审场次');
    await choose(page, cell(page, 'period', 0, 2), '效益指标');
    await choose(page, cell(page, 'period', 0, 3), '社会效益');
    await save(page);
    const typed = await waitForSaved(page, 'project:0', untouched.savedAt);
    expect(typed.indicators.period[0]).toMatchObject({ name: '专家评审场次', level1: '效益指标', level2: '社会效益' });
    await page.close();
  });

  it.each([
    ['blank', '/element/?state=blank', 0, 0],
    ['errors', '/element/?state=errors', 5, 5],
    ['rows=40', '/element/?rows=40', 40, 40],
  ])('serves the %s starting state', async (_name, path, periodRows, annualRows) => {
    const page = await freshPage(path);
    await page.getByRole('tab', { name: '年度绩效指标' }).waitFor();
    await expect.poll(() => page.locator('#pane-period .el-table__body tr.el-table__row').count()).toBe(periodRows);
    expect(await page.locator('#pane-annual .el-table__body tr.el-table__row').count()).toBe(annualRows);
    await page.close();
  });

  it('with ?rerender=1 re-creates the grid rows after the first edit and keeps the edit', async () => {
    const page = await freshPage('/element/?project=0&rerender=1');
    const nameCell = cell(page, 'period', 0, 4);
    await nameCell.locator('input').waitFor();
    const before = await nameCell.locator('input').elementHandle();
    // One input event (a fill), so the re-render cannot land between keystrokes of this check.
    await nameCell.locator('input').fill('改名后的指标');
    await page.waitForFunction(() => document.documentElement.dataset.portalRerenders === '1');
    expect(await before!.evaluate((el) => el.isConnected)).toBe(false);
    expect(await nameCell.locator('input').inputValue()).toBe('改名后的指标');
    await page.close();
  });
});
