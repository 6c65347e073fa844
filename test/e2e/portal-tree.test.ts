/**
 * Tests of the tree replica (/tree/, a FASP2-style home-grown data table in tab iframes), no extension:
 * driven as a person with Playwright's real mouse and keyboard. Edits reach
 * `localStorage['replica-portal:saved']` only through the grid's own commit (an outside mousedown, Esc,
 * an arrow key); a scroll drops an open edit; text written into the DOM behind the grid's back is not saved.
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

const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exact = (text: string) => new RegExp(`^\\s*${escapeRe(text)}\\s*$`);

type SetKey = 'period' | 'annual';

/** Columns: c0 一级指标, c1 二级指标, c2 三级指标, c3 计算符号, c4 指标值, c5 计量单位, c6 指标值说明, c7 备注, c8 操作. */
const COL = { level1: 0, level2: 1, name: 2, symbol: 3, value: 4, unit: 5, explanation: 6, remark: 7, op: 8 } as const;

async function freshPage(path: string): Promise<Page> {
  const page = await session!.newPage();
  await page.goto(`${portal.origin}${path}`);
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  return page;
}

const grid = (page: Page, set: SetKey = 'period'): FrameLocator => page.frameLocator(`#frame_${set}`);

/** The rendered row whose 三级指标 cell reads `name`. */
const leafRow = (frame: FrameLocator, name: string): Locator => frame.locator('.dt-row.lv3').filter({ has: frame.locator('.c2', { hasText: exact(name) }) });
/** The rendered 二级 row named `name`. */
const level2Row = (frame: FrameLocator, name: string): Locator => frame.locator('.dt-row.lv2').filter({ has: frame.locator('.c1', { hasText: exact(name) }) });

async function waitForGrid(page: Page, set: SetKey = 'period'): Promise<void> {
  // A hidden tab frame's content is not visible: wait for it to exist.
  await grid(page, set).locator('#zbCount').filter({ hasText: /共 \d+ 项/ }).waitFor({ state: 'attached' });
}

/** Clicks a cell and waits for the grid's editor inside it. */
async function openEdit(cell: Locator): Promise<Locator> {
  await cell.click();
  const editor = cell.locator('span.edit[contenteditable]');
  await editor.waitFor();
  return editor;
}

/** A neutral place to press that commits an open edit (the header of 三级指标). */
const header = (frame: FrameLocator, caption = '三级指标') => frame.locator('.dt-head .h', { hasText: exact(caption) });

/** Click the cell, replace its text by typing, click elsewhere (the commit); waits for the cell to show it. */
async function typeInto(page: Page, frame: FrameLocator, cell: Locator, text: string): Promise<void> {
  const editor = await openEdit(cell);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.type(text);
  await header(frame).click();
  await editor.waitFor({ state: 'detached' });
}

async function clickSave(page: Page): Promise<void> {
  await page.locator('#mainToolbar').getByRole('button', { name: '保存', exact: true }).click();
}

async function closeMessage(scope: Page | FrameLocator, text: string): Promise<string> {
  const box = scope.locator('.msgbox', { hasText: text });
  await box.waitFor();
  const shown = await box.innerText();
  await box.getByRole('button', { name: '确定' }).click();
  await box.waitFor({ state: 'detached' });
  return shown;
}

async function saveOk(page: Page, key: string, after = ''): Promise<Awaited<ReturnType<typeof waitForSaved>>> {
  await clickSave(page);
  await closeMessage(page, '保存成功');
  return waitForSaved(page, key, after);
}

describe('tree replica (/tree/)', () => {
  it('lists the seed projects and opens one with the form, the tab strip and two grid frames', async () => {
    const page = await freshPage('/tree/');
    const rows = page.locator('#projectList tbody tr');
    await expect.poll(() => rows.count()).toBe(19);
    await page.getByRole('link', { name: '信息化项目管理经费', exact: true }).click();
    await waitForGrid(page);
    await waitForGrid(page, 'annual');
    // Label cells beside the fields, FASP ids.
    for (const [label, id] of [
      ['项目名称', 'xmmc'], ['资金使用单位', 'zgbm'], ['总计', 'zje'], ['财政拨款', 'czbk'],
      ['财政专户拨款', 'czzhbk'], ['其他资金', 'qtzj'], ['总体目标', 'ztmb'], ['年度目标', 'ndmb'],
    ] as const) {
      const next = await page.locator(`#${id}`).evaluate((el) => (el.closest('td')!.previousElementSibling as HTMLElement).innerText.replace('*', ''));
      expect(next).toBe(label);
    }
    expect(await page.locator('#zbTabs li').allInnerTexts()).toEqual(['总体(中长期)绩效指标', '年度绩效指标']);
    expect(await page.locator('#zbTabs li.active').innerText()).toBe('总体(中长期)绩效指标');
    expect(await page.locator('#frame_annual').evaluate((el) => getComputedStyle(el).display)).toBe('none');
    expect(page.frames().map((f) => new URL(f.url()).search).slice(1).sort()).toEqual(['?set=annual&project=0', '?set=period&project=0']);
    expect(await Promise.all(page.frames().slice(1).map((f) => f.title()))).toEqual(expect.arrayContaining(['总体绩效指标', '年度绩效指标']));

    const frame = grid(page);
    expect(await frame.locator('.dt-head .h').allInnerTexts()).toEqual(['一级指标', '二级指标', '三级指标', '计算符号', '指标值', '计量单位', '指标值说明', '备注', '操作']);
    expect(await frame.locator('th, td, [role]').count()).toBe(0);
    // 一级 and 二级 rows: the name in its own column, bold; 二级 rows carry 新增, 三级 rows 删除.
    const first = frame.locator('.dt-row').first();
    expect(await first.locator('.c0').innerText()).toBe('产出指标');
    expect(await first.evaluate((el) => getComputedStyle(el).fontWeight)).toBe('700');
    const quantity = level2Row(frame, '数量指标');
    expect(await quantity.locator('.c0').innerText()).toBe('');
    expect(await quantity.locator('.c8').innerText()).toBe('新增');
    const leaf = leafRow(frame, '专家评审');
    expect(await leaf.locator('.c0').innerText()).toBe('');
    expect(await leaf.locator('.c1').innerText()).toBe('');
    expect(await leaf.locator('.c8').innerText()).toBe('删除');
    expect(await leaf.locator('.c2').getAttribute('id')).toMatch(/^datatable3_l\d+_c2_d$/);
    expect(await leaf.locator('.c2').getAttribute('class')).toBe('c c2');

    // The other tab shows the 年度 frame.
    await page.locator('#zbTabs li', { hasText: '年度绩效指标' }).click();
    expect(await page.locator('#frame_period').evaluate((el) => getComputedStyle(el).display)).toBe('none');
    await leafRow(grid(page, 'annual'), '专家评审').waitFor();
    await page.close();
  });

  it('saves a 三级 cell typed in (click, type, click elsewhere) with 一级/二级 from the tree; Esc commits too', async () => {
    const page = await freshPage('/tree/?project=0');
    const frame = grid(page);
    await waitForGrid(page);
    await typeInto(page, frame, leafRow(frame, '专家评审').locator('.c2'), '专家评审会');
    await leafRow(frame, '专家评审会').waitFor();

    // Esc commits (it does not cancel).
    const value = leafRow(frame, '专家评审会').locator('.c4');
    const editor = await openEdit(value);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('35');
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    expect(await value.innerText()).toBe('35');

    // Enter and Tab do nothing: the edit stays open, no line break.
    const unit = leafRow(frame, '专家评审会').locator('.c5');
    const unitEditor = await openEdit(unit);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('次');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await unitEditor.innerText()).toBe('次');
    await header(frame).click();
    await unitEditor.waitFor({ state: 'detached' });

    const saved = await saveOk(page, 'project:0');
    expect(saved.portal).toBe('tree');
    expect(saved.indicators.period[0]).toEqual({
      level1: '产出指标', level2: '数量指标', name: '专家评审会', symbol: '≥', value: '35', unit: '次', explanation: '',
    });
    // Reopened from the save, like on a server.
    await page.reload();
    await leafRow(grid(page), '专家评审会').waitFor();
    await page.close();
  });

  it('commits on the mousedown and re-renders, so the click that committed opens nothing; arrows commit and move', async () => {
    const page = await freshPage('/tree/?project=0');
    const frame = grid(page);
    await waitForGrid(page);
    const a = leafRow(frame, '专家评审').locator('.c4');
    const b = leafRow(frame, '人才培训').locator('.c4');
    await openEdit(a);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('31');
    const before = await b.elementHandle();
    await b.click();
    // The pressed node was replaced by the re-render before the click: no editor anywhere yet.
    expect(await before!.evaluate((el) => el.isConnected)).toBe(false);
    expect(await frame.locator('span.edit').count()).toBe(0);
    expect(await a.innerText()).toBe('31');
    // A second click edits.
    const editor = await openEdit(b);
    // ArrowDown commits and moves to the same column one 三级 row down.
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('4');
    await page.keyboard.press('ArrowDown');
    await editor.waitFor({ state: 'detached' });
    await leafRow(frame, '合同尾款').locator('.c4 span.edit').waitFor();
    expect(await b.innerText()).toBe('4');
    // ArrowRight: the next column of the same row.
    await page.keyboard.press('ArrowRight');
    await leafRow(frame, '合同尾款').locator('.c5 span.edit').waitFor();
    await page.keyboard.press('Escape');
    await frame.locator('span.edit').waitFor({ state: 'detached' });
    const saved = await saveOk(page, 'project:0');
    expect(saved.indicators.period.slice(0, 3).map((r) => r.value)).toEqual(['31', '4', '90']);
    await page.close();
  });

  it('picks 计算符号 from the popup list; the pick counts only after the outside mousedown', async () => {
    const page = await freshPage('/tree/?project=0');
    const frame = grid(page);
    await waitForGrid(page);
    const sign = leafRow(frame, '人才培训').locator('.c3');
    const editor = await openEdit(sign);
    const popup = frame.locator('body > div.dt-popup');
    const list = popup.locator('select[size="10"]');
    await list.waitFor();
    expect(await list.locator('option').evaluateAll((os) => os.map((o) => `${(o as HTMLOptionElement).value}${o.textContent}`))).toEqual([
      '1≥', '2＞', '3＝', '4＜', '5≤', '6定性',
    ]);
    await list.locator('option', { hasText: '＜' }).click();
    expect(await editor.innerText()).toBe('＜');
    // Not committed yet: the row object still holds ≥ (code 1).
    const code = await frame.locator('body').evaluate(() => window.treeGrid!.getRows().find((r) => r.sjzb === '人才培训')!.jsfh);
    expect(code).toBe('1');
    await header(frame).click();
    await popup.waitFor({ state: 'detached' });
    expect(await sign.innerText()).toBe('＜');
    const saved = await saveOk(page, 'project:0');
    expect(saved.indicators.period[1]).toMatchObject({ name: '人才培训', symbol: '＜' });
    await page.close();
  });

  it('drops an edit when the body scrolls, and draws only the rows in view (?rows=200)', async () => {
    const page = await freshPage('/tree/?rows=200');
    const frame = grid(page);
    await frame.locator('#zbCount', { hasText: '共 200 项' }).waitFor();
    const drawn = await frame.locator('.dt-row').count();
    expect(drawn).toBeGreaterThan(10);
    expect(drawn).toBeLessThan(30);
    // The hidden 年度 frame draws a page's worth too.
    const hidden = await grid(page, 'annual').locator('.dt-row').count();
    expect(hidden).toBeGreaterThan(10);
    expect(hidden).toBeLessThan(30);

    const name = leafRow(frame, '培训人次（1）').locator('.c2');
    await openEdit(name);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('不会保存的名称');
    const view = frame.locator('.dt-view');
    await view.hover();
    await page.mouse.wheel(0, 600);
    await frame.locator('span.edit').waitFor({ state: 'detached' });
    await expect.poll(() => view.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    expect(await frame.locator('.dt-row').count()).toBeLessThan(30);
    // Scroll to the end: the last 二级 (服务对象满意度) holds the last generated row.
    await view.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await leafRow(frame, '服务对象满意度（16）').waitFor();
    expect(await frame.locator('.dt-row').count()).toBeLessThan(30);
    await view.evaluate((el) => (el.scrollTop = 0));
    await leafRow(frame, '培训人次（1）').waitFor();

    const saved = await saveOk(page, 'rows:200');
    expect(saved.indicators.period).toHaveLength(200);
    expect(saved.indicators.period.map((r) => r.name)).toContain('培训人次（1）');
    expect(saved.indicators.period.map((r) => r.name)).not.toContain('不会保存的名称');
    await page.close();
  });

  it('新增 on a 二级 row adds a 三级 row under it; 删除 asks in a page dialog; category rows refuse edits', async () => {
    const page = await freshPage('/tree/?project=0');
    const frame = grid(page);
    await waitForGrid(page);
    const count = frame.locator('#zbCount');
    expect(await count.innerText()).toContain('共 6 项');

    // Category rows: no editor on any cell.
    for (const row of [frame.locator('.dt-row.lv1').first(), level2Row(frame, '质量指标')]) {
      for (const col of [COL.level1, COL.level2, COL.name, COL.value]) {
        await row.locator(`.c${col}`).click();
        expect(await frame.locator('span.edit').count()).toBe(0);
      }
    }

    await level2Row(frame, '质量指标').getByText('新增', { exact: true }).click();
    await count.filter({ hasText: '共 7 项' }).waitFor();
    const added = level2Row(frame, '质量指标').locator('xpath=following-sibling::div[1]');
    expect(await added.getAttribute('class')).toContain('lv3');
    expect(await added.locator('.c2').innerText()).toBe('');
    await typeInto(page, frame, added.locator('.c2'), '验收合格率');
    const row = leafRow(frame, '验收合格率');
    await openEdit(row.locator('.c3'));
    await frame.locator('.dt-popup option', { hasText: '＝' }).click();
    await header(frame).click();
    await typeInto(page, frame, row.locator('.c4'), '100');
    await typeInto(page, frame, row.locator('.c5'), '%');
    // Still under 质量指标, before 时效指标.
    const order = await frame.locator('.dt-row').evaluateAll((rows) => rows.map((r) => (r.querySelector('.c1') as HTMLElement).innerText || (r.querySelector('.c2') as HTMLElement).innerText));
    expect(order.slice(order.indexOf('质量指标'), order.indexOf('质量指标') + 3)).toEqual(['质量指标', '验收合格率', '时效指标']);

    // 删除: 取消 keeps the row, 确定 removes it.
    await leafRow(frame, '人才培训').getByText('删除', { exact: true }).click();
    const box = frame.locator('.msgbox', { hasText: '确定删除该指标吗？' });
    await box.getByRole('button', { name: '取消' }).click();
    await box.waitFor({ state: 'detached' });
    expect(await count.innerText()).toContain('共 7 项');
    await leafRow(frame, '人才培训').getByText('删除', { exact: true }).click();
    await box.getByRole('button', { name: '确定' }).click();
    await count.filter({ hasText: '共 6 项' }).waitFor();
    expect(await leafRow(frame, '人才培训').count()).toBe(0);
    // A category row cannot be deleted (toolbar 删除指标 on a selected 二级 row).
    await level2Row(frame, '时效指标').locator('.c2').click();
    await frame.getByRole('button', { name: '删除指标' }).click();
    await closeMessage(frame, '一二级指标无法删除');

    const saved = await saveOk(page, 'project:0');
    const names = saved.indicators.period.map((r) => r.name);
    expect(names).not.toContain('人才培训');
    expect(saved.indicators.period.find((r) => r.name === '验收合格率')).toEqual({
      level1: '产出指标', level2: '质量指标', name: '验收合格率', symbol: '＝', value: '100', unit: '%', explanation: '',
    });
    await page.close();
  });

  it('with ?broken=add the 新增 links do nothing', async () => {
    const page = await freshPage('/tree/?project=14&broken=add');
    const frame = grid(page);
    await frame.locator('#zbCount', { hasText: '共 0 项' }).waitFor();
    await level2Row(frame, '数量指标').getByText('新增', { exact: true }).click();
    await page.waitForTimeout(300);
    expect(await frame.locator('#zbCount').innerText()).toContain('共 0 项');
    expect(await frame.locator('.dt-row.lv3').count()).toBe(0);
    await page.close();
  });

  it('refuses to save with the portal messages and stores nothing', async () => {
    const page = await freshPage('/tree/?state=errors');
    const frame = grid(page);
    await waitForGrid(page);
    // Break period rows: no unit, a text value, a value with '-', no name; a new row has no sign.
    await typeInto(page, frame, leafRow(frame, '数据共享接口数量').locator('.c5'), '');
    await typeInto(page, frame, leafRow(frame, '系统正常运行率').locator('.c4'), '很高');
    await typeInto(page, frame, leafRow(frame, '使用部门满意度').locator('.c4'), '90-95');
    await typeInto(page, frame, leafRow(frame, '跨部门数据共享应用场景').locator('.c2'), '');
    await level2Row(frame, '时效指标').getByText('新增', { exact: true }).click();
    await page.locator('#ztmb').fill('');
    await clickSave(page);
    const text = await closeMessage(page, '保存失败');
    for (const message of [
      '总体目标不能为空',
      '的计量单位为必录项，必须有值。',
      '定量指标的指标值为数值！',
      '指标值含 * _ - 不符合规范',
      '三级指标名称必填',
      '请先选择计算符号！',
      '年度绩效指标：第', // row 4 of the annual set has no value
    ]) {
      expect(text).toContain(message);
    }
    expect(text).toMatch(/总体\(中长期\)绩效指标：第\d+行的计量单位为必录项，必须有值。/);
    expect(await readSaved(page)).toBeNull();
    // The refused rows are marked.
    expect(await frame.locator('.dt-row.err').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('saves level1/level2 from the rows a 三级 sits under, including a pair outside the taxonomy (?state=errors)', async () => {
    const page = await freshPage('/tree/?state=errors');
    // The misplaced pair gets its own 二级 row under 效益指标.
    const frame = grid(page);
    await waitForGrid(page);
    const rows = await frame.locator('.dt-row').evaluateAll((els) => els.map((r) => [r.className.match(/lv\d/)![0], ...[0, 1, 2].map((c) => (r.querySelector(`.c${c}`) as HTMLElement).innerText)].join('|')));
    const at = rows.lastIndexOf('lv2||质量指标|');
    expect(rows.slice(at, at + 2)).toEqual(['lv2||质量指标|', 'lv3|||数据共享服务响应及时率']);
    expect(rows.slice(0, at).reverse().find((r) => r.startsWith('lv1'))).toBe('lv1|效益指标||');

    // Fill the missing annual value, then save.
    await page.locator('#zbTabs li', { hasText: '年度绩效指标' }).click();
    const annual = grid(page, 'annual');
    await typeInto(page, annual, leafRow(annual, '跨部门数据共享应用场景').locator('.c4'), '8');
    const saved = await saveOk(page, 'state:errors');
    const pairs = (set: 'period' | 'annual') => saved.indicators[set].map((r) => `${r.level1}/${r.level2}/${r.name}`);
    expect(pairs('period')).toEqual([
      '产出指标/数量指标/数据共享接口数量',
      '产出指标/质量指标/系统正常运行率',
      '效益指标/社会效益/跨部门数据共享应用场景',
      '效益指标/质量指标/数据共享服务响应及时率',
      '满意度指标/服务对象满意度/使用部门满意度',
    ]);
    expect(saved.indicators.annual.find((r) => r.name === '跨部门数据共享应用场景')!.value).toBe('8');
    await page.close();
  });

  it('ignores text written into cells or the editor behind the grid, until the grid commits it', async () => {
    const page = await freshPage('/tree/?project=0');
    const frame = grid(page);
    await waitForGrid(page);
    await leafRow(frame, '专家评审').locator('.c2').evaluate((el) => (el.textContent = '直接写入DOM的名称'));
    await leafRow(frame, '人才培训').locator('.c4').evaluate((el) => (el.textContent = '12345'));
    const first = await saveOk(page, 'project:0');
    expect(first.indicators.period.slice(0, 2).map((r) => [r.name, r.value])).toEqual([
      ['专家评审', '30'],
      ['人才培训', '3'],
    ]);

    // Editor text set by script is not in the row objects; a scroll drops it.
    const value = leafRow(frame, '专家评审').locator('.c4');
    const editor = await openEdit(value);
    await editor.evaluate((el) => (el.textContent = '77'));
    expect(await frame.locator('body').evaluate(() => window.treeGrid!.getRows().find((r) => r.sjzb === '专家评审')!.zbz)).toBe('30');
    await frame.locator('.dt-view').evaluate((el) => (el.scrollTop = 48));
    await editor.waitFor({ state: 'detached' });
    const second = await saveOk(page, 'project:0', first.savedAt);
    expect(second.indicators.period[0]!.value).toBe('30');

    // The same text committed by an outside mousedown counts.
    await frame.locator('.dt-view').evaluate((el) => (el.scrollTop = 0));
    const again = await openEdit(leafRow(frame, '专家评审').locator('.c4'));
    await again.evaluate((el) => (el.textContent = '77'));
    await header(frame).click();
    const third = await saveOk(page, 'project:0', second.savedAt);
    expect(third.indicators.period[0]!.value).toBe('77');
    await page.close();
  });

  it('copies 总体 into 年度, shows the replica notice for the library buttons, and 送审 confirms then saves submitted', async () => {
    const page = await freshPage('/tree/?project=0');
    await waitForGrid(page);
    await waitForGrid(page, 'annual');
    const period = grid(page);
    await typeInto(page, period, leafRow(period, '专家评审').locator('.c2'), '专家评审（总体）');

    await page.locator('#mainToolbar').getByRole('button', { name: '智能推荐' }).click();
    await closeMessage(page, '仿真环境未提供');

    await page.locator('#zbTabs li', { hasText: '年度绩效指标' }).click();
    const annual = grid(page, 'annual');
    await annual.getByRole('button', { name: '复制总体指标' }).click();
    await annual.locator('.msgbox').getByRole('button', { name: '确定' }).click();
    await leafRow(annual, '专家评审（总体）').waitFor();

    await page.locator('#mainToolbar').getByRole('button', { name: '送审' }).click();
    await page.locator('.msgbox', { hasText: '确定送审吗' }).getByRole('button', { name: '确定' }).click();
    await closeMessage(page, '送审成功');
    const saved = await waitForSaved(page, 'project:0');
    expect(saved.submitted).toBe(true);
    expect(saved.indicators.annual).toEqual(saved.indicators.period);
    expect(saved.indicators.annual[0]!.name).toBe('专家评审（总体）');
    // Read-only now: no 新增/删除 links, cells refuse edits.
    expect(await period.locator('a.op').count()).toBe(0);
    await page.locator('#zbTabs li', { hasText: '总体(中长期)绩效指标' }).click();
    await leafRow(period, '专家评审（总体）').locator('.c4').click();
    expect(await period.locator('span.edit').count()).toBe(0);
    await page.close();
  });
});
