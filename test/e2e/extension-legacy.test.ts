/**
 * Tianbao end to end on the legacy replica (jQuery + SlickGrid in nested iframes): the project form and
 * its buttons live in one frame, the grid in a frame inside it. Each frame's content script reports its
 * part; the background merges them, so findings, the guard and the fill work across the frames.
 */
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readSaved, waitForSaved } from './support';
import { extensionPage } from './support/extension';
import { expectedRows, pick, tb, extensionSuite, fillThroughPalette, undoThroughPalette } from './support/suite';

const suite = extensionSuite();

const main = (page: Page): FrameLocator => page.frameLocator('#mainFrame');
const grid = (page: Page): FrameLocator => main(page).frameLocator('#gridFrame');

async function freshPage(query: string): Promise<Page> {
  const page = await suite.session.newPage();
  await page.goto(`${suite.portal.origin}/legacy/${query}`);
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await grid(page).locator('.slick-header-column').first().waitFor();
  return page;
}

async function typeGoals(page: Page): Promise<void> {
  await main(page).locator('#ztmb').fill('保障政务服务中心设备全年稳定运行。');
  await main(page).locator('#ndmb').fill('全年设备完好率不低于98%。');
}

/** 保存 in the form frame; if Tianbao's guard asks, the person chooses 仍然提交; then the portal's own OK. */
async function save(page: Page, key: string) {
  const before = (await readSaved(page))?.projects.find((p) => p.key === key)?.savedAt ?? '';
  const m = main(page);
  await m.locator('#btnSave').click();
  await Promise.race([
    tb(m, 'submit-guard').waitFor({ timeout: 5000 }).then(() => tb(m, 'submit-anyway').click()),
    waitForSaved(page, key, before, 5000),
  ]).catch(() => undefined);
  const saved = await waitForSaved(page, key, before, 15_000);
  await m.locator('.lg-dialog').getByRole('button', { name: '确定' }).click().catch(() => undefined);
  return saved;
}

function contentFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().includes('/legacy/content.html'));
  if (!frame) throw new Error('no content frame');
  return frame;
}

/** The side panel acting on the tab whose URL contains `part` (`sidepanel.html?tabId=<id>`). */
async function openPanelFor(part: string): Promise<Page> {
  const panel = await extensionPage(suite.session);
  const tabId = await panel.evaluate(async (p) => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } } }).chrome;
    return (await api.tabs.query({})).find((t) => t.url?.includes(p))?.id ?? null;
  }, part);
  if (tabId === null) throw new Error(`no tab for ${part}`);
  await panel.setViewportSize({ width: 420, height: 960 });
  await panel.goto(`chrome-extension://${suite.session.extensionId}/sidepanel.html?tabId=${tabId}`);
  return panel;
}

describe('legacy replica (SlickGrid in nested iframes)', () => {
  it('side panel: findings from both frames by rule, then a fill into the nested grid that 保存 saves exactly', async () => {
    const errors = await freshPage('?state=errors');
    const panel = await openPanelFor('/legacy/?state=errors');
    const findings = panel.getByTestId('findings');
    await expect
      .poll(() => findings.getByTestId('finding').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule'))), { timeout: 30_000 })
      .toEqual(expect.arrayContaining(['totals.project', 'taxonomy.mismatch', 'value.annual-missing']));
    await panel.close();
    await errors.close();

    const page = await freshPage('?state=blank');
    await typeGoals(page);
    const set = suite.setNamed('信息化项目管理经费');
    const fillPanel = await openPanelFor('/legacy/?state=blank');
    await fillPanel.getByTestId('template-search').fill(set.name);
    await fillPanel.getByTestId('template-set').filter({ hasText: set.name }).first().click();
    await fillPanel.getByTestId('fill-button').click();
    const result = fillPanel.getByTestId('action-result');
    await result.waitFor({ timeout: 90_000 });
    expect(await result.textContent()).toMatch(/已填充 \d+ 个字段/);
    const saved = await save(page, 'state:blank');
    const expected = expectedRows(set);
    expect(pick(saved.indicators.period)).toEqual(pick(expected.period));
    expect(pick(saved.indicators.annual)).toEqual(pick(expected.annual));
    await fillPanel.close();
  });

  it('fills a set through the in-page palette; 保存 sends exactly its values in both indicator sets; undo restores', async () => {
    const page = await freshPage('?state=blank');
    await typeGoals(page);
    const set = suite.setNamed('信息化项目管理经费');
    expect(await fillThroughPalette(grid(page), set.name)).toContain('全部核对无误');
    const saved = await save(page, 'state:blank');
    const expected = expectedRows(set);
    expect(pick(saved.indicators.period)).toEqual(pick(expected.period));
    expect(pick(saved.indicators.annual)).toEqual(pick(expected.annual));

    const g = grid(page);
    await undoThroughPalette(g, 60_000);
    const afterUndo = await save(page, 'state:blank');
    expect(afterUndo.indicators.period).toEqual([]);
    expect(afterUndo.indicators.annual).toEqual([]);
  });

  it('reads every row of a virtualised 40-row grid (SlickGrid renders only those in view): a fill goes after row 40 in both sets', async () => {
    const page = await freshPage('?rows=40');
    const g = grid(page);
    const rendered = await g.locator('.slick-row').count();
    expect(rendered).toBeLessThan(40); // the point of the test: most rows are not in the DOM
    const before = await save(page, 'rows:40');
    expect(before.indicators.period).toHaveLength(40);
    const set = suite.setNamed('信息化项目管理经费');
    expect(await fillThroughPalette(grid(page), set.name)).toContain('全部核对无误');
    const saved = await save(page, 'rows:40');
    const expected = expectedRows(set);
    for (const which of ['period', 'annual'] as const) {
      expect(pick(saved.indicators[which].slice(0, 40))).toEqual(pick(before.indicators[which]));
      expect(pick(saved.indicators[which].slice(40))).toEqual(pick(expected[which]));
    }
  });

  it('marks the deliberate errors in both frames and clears a mark when the field is fixed', async () => {
    const page = await freshPage('?state=errors');
    const mainMarks = main(page).locator('[data-tianbao] [data-testid="finding-mark"]');
    const gridMarks = grid(page).locator('[data-tianbao] [data-testid="finding-mark"]');
    await expect.poll(() => mainMarks.evaluateAll((els) => els.map((e) => e.getAttribute('data-rule'))), { timeout: 20_000 }).toContain('totals.project');
    await expect.poll(() => gridMarks.evaluateAll((els) => els.map((e) => e.getAttribute('data-rule'))), { timeout: 20_000 }).toContain('taxonomy.mismatch');
    const total = contentFrame(page).locator('th:has-text("总计") + td input');
    await total.fill('125.00');
    await total.press('Tab');
    await expect.poll(() => main(page).locator('[data-tianbao] [data-testid="finding-mark"][data-rule="totals.project"]').count(), { timeout: 20_000 }).toBe(0);
  });

  it('guards 送审 across frames: 返回修改 keeps the page, 仍然提交 lets the portal submit', async () => {
    const page = await freshPage('?state=errors');
    const m = main(page);
    // The portal itself refuses an empty value: give 年度 row 4 its value through the grid, as a person does.
    const g = grid(page);
    await g.locator('.lg-tabs li', { hasText: '年度绩效指标' }).click();
    const valueCell = g.locator('.slick-row').filter({ has: g.locator('.slick-cell.l0', { hasText: /^\s*4\s*$/ }) }).locator('.slick-cell.l5');
    await valueCell.click();
    await valueCell.press('Enter');
    await valueCell.locator('input').fill('10');
    await valueCell.locator('input').press('Enter');
    await expect.poll(() => tb(g, 'findings-badge').textContent(), { timeout: 20_000 }).toMatch(/[1-9]\d* 个错误/);

    await m.locator('#btnSubmit').click();
    await tb(m, 'submit-guard').waitFor();
    await tb(m, 'submit-cancel').click();
    await tb(m, 'submit-guard').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => window.localStorage.getItem('replica-portal:submitted'))).toBeNull();

    await m.locator('#btnSubmit').click();
    await tb(m, 'submit-anyway').click();
    await m.locator('.lg-dialog').getByRole('button', { name: /确定/ }).first().click();
    await expect
      .poll(() => page.evaluate(() => window.localStorage.getItem('replica-portal:submitted')), { timeout: 15_000 })
      .toContain('state:errors');
  });

  it('captures the grid’s indicators as a new set that search then finds', async () => {
    const page = await freshPage('?state=errors');
    const g = grid(page);
    const name = '政务数据共享交换平台运维经费';
    await tb(g, 'palette-launcher').click();
    await tb(g, 'capture-set').click();
    await expect.poll(() => g.locator('[data-tianbao] [data-testid="fill-report"]').textContent(), { timeout: 20_000 }).toContain('已保存指标集');
    await tb(g, 'palette-search').fill('数据共享交换');
    await expect.poll(() => tb(g, 'palette-item').filter({ hasText: name }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
  });

  it('a grid re-created in the middle of a fill still ends complete and verified', async () => {
    const page = await freshPage('?state=blank&rerender=1');
    await typeGoals(page);
    const set = suite.setNamed('信息化项目管理经费');
    expect(await fillThroughPalette(grid(page), set.name)).toContain('全部核对无误');
    const gridFrame = page.frames().find((f) => f.url().includes('/legacy/grid.html'))!;
    expect(Number(await gridFrame.evaluate(() => document.documentElement.dataset.portalRerenders ?? '0'))).toBeGreaterThan(0);
    const saved = await save(page, 'state:blank');
    const expected = expectedRows(set);
    expect(pick(saved.indicators.period)).toEqual(pick(expected.period));
    expect(pick(saved.indicators.annual)).toEqual(pick(expected.annual));
  });
});
