/**
 * The side panel and the options page in the built extension (Debian's Chromium): axe-core scans with no
 * serious or critical violations in their empty and filled states, keyboard focus that shows, and the
 * test contract (data-testids, `sidepanel.html?tabId=`) driven end to end: import the seed fixture through
 * the options page, export a backup, fill and undo a set on the replica portal from the side panel.
 *
 * `TIANBAO_SCREENSHOTS=1` also writes docs/screenshots/sidepanel.png and options.png.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, launchBrowser, type PortalServer, startPortal } from './support';
import { backgroundRequest, E2E_PORT, EXTENSION_DIR } from './support/extension';
import { saveArtifactsOnFailure } from './support/failure-artifacts';
import { REPO_ROOT } from './support/portal-server';
import { htmlToPdf, tableHtml } from '../unit/parse/make-pdf';
import { encryptedPdf } from '../unit/parse/hostile-build';

const FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'baiyun-perf-targets.txt');
const SCREENSHOTS = process.env.TIANBAO_SCREENSHOTS ? join(REPO_ROOT, 'docs', 'screenshots') : null;

let portal: PortalServer;
let session: BrowserSession | undefined;
saveArtifactsOnFailure(() => session);

beforeAll(async () => {
  portal = await startPortal({ port: E2E_PORT });
  session = await launchBrowser({ extensionDir: EXTENSION_DIR, viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await session?.close();
  await portal?.close();
});

const url = (path: string) => `chrome-extension://${session!.extensionId}/${path}`;

/** Serious and critical axe violations, one line each (rule, impact, first targets). */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** The id of the first tab whose URL contains `part` (asked from an extension page). */
async function tabIdOf(page: Page, part: string): Promise<number> {
  const id = await page.evaluate(async (p) => {
    const chromeApi = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } } }).chrome;
    return (await chromeApi.tabs.query({})).find((t) => t.url?.includes(p))?.id ?? null;
  }, part);
  if (id === null) throw new Error(`no tab with ${part}`);
  return id;
}

/** Opens the side panel page for the first tab whose URL contains `part`, as `sidepanel.html?tabId=<id>`. */
async function openPanelFor(part: string, viewport = { width: 400, height: 900 }): Promise<Page> {
  const page = await session!.newPage();
  await page.setViewportSize(viewport);
  await page.goto(url('sidepanel.html'));
  await page.goto(url(`sidepanel.html?tabId=${await tabIdOf(page, part)}`));
  return page;
}

/** Whether the element that has focus after `keys` shows a focus outline. */
async function focusRingAfter(page: Page, keys: string[]): Promise<{ tag: string; outline: string }> {
  for (const key of keys) await page.keyboard.press(key);
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return { tag: el.tagName.toLowerCase(), outline: `${style.outlineStyle} ${style.outlineWidth}` };
  });
}

describe('options page', () => {
  it('is accessible when the library is empty, and says what to do next', async () => {
    const page = await session!.newPage();
    await page.goto(url('options.html'));
    await expect.poll(() => page.getByTestId('library-count').textContent()).toBe('0');
    await page.getByTestId('library-empty').waitFor();
    expect(await page.getByTestId('library-empty').textContent()).toContain('指标库还是空的');
    for (const id of ['import-file', 'export-json', 'portal-add']) expect(await page.getByTestId(id).count(), id).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await seriousViolations(page)).toEqual([]);
    const focus = await focusRingAfter(page, ['Tab']);
    expect(focus.outline).toMatch(/^solid 2px/);
    await page.close();
  });

  it('imports the seed fixture: preview with rejected rows and reasons, then commit', async () => {
    const page = await session!.newPage();
    await page.goto(url('options.html#import'));
    await page.getByTestId('import-file').setInputFiles(FIXTURE);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor({ timeout: 60_000 });
    const text = (await preview.textContent()) ?? '';
    expect(text).toContain('baiyun-perf-targets.txt');
    // The fixture's unnamed indicators are refused with their line numbers and reasons.
    expect(text).toMatch(/第 \d+ 行第 \d+ 条/);
    expect(text).toContain('指标名称为空');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    const stats = await backgroundRequest<{ templates: number; sets: number }>(page, 'library.stats', {});
    expect(stats.templates).toBeGreaterThan(90);
    await expect.poll(() => page.getByTestId('library-count').textContent()).toBe(String(stats.templates));
    await page.close();
  });

  it('reads a real table printed to PDF in the import worker, and refuses an encrypted PDF by name', async () => {
    // 湘潭 2023 申报表 (test/fixtures/real), printed by Chromium as a unit publishes it.
    const source = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'real', 'decl-hunan-xiangtan-2023.txt'), 'utf8');
    const rows = source.split(/\r?\n/).filter((l) => l.trim() !== '').map((l) => l.split('\t'));
    const dir = join(tmpdir(), 'tianbao-e2e-pdf');
    mkdirSync(dir, { recursive: true });
    const table = join(dir, 'xiangtan-2023.pdf');
    writeFileSync(table, await htmlToPdf(tableHtml(rows)));
    const locked = join(dir, 'locked.pdf');
    writeFileSync(locked, encryptedPdf());

    const page = await session!.newPage();
    await page.goto(url('options.html#import'));
    await page.getByTestId('import-file').setInputFiles(table);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor({ timeout: 60_000 });
    const text = (await preview.textContent()) ?? '';
    expect(text).toContain('xiangtan-2023.pdf');
    for (const name of ['雾炮车降尘抑尘服务配备车辆数', '雾炮车风炮射程', '市民满意度']) expect(text).toContain(name);
    expect(text).not.toContain('填表人');

    await page.close();

    // A fresh page: the one above holds its preview until it is committed or cancelled.
    const second = await session!.newPage();
    await second.goto(url('options.html#import'));
    await second.getByTestId('import-file').setInputFiles(locked);
    const error = second.getByTestId('import-error');
    await error.waitFor({ timeout: 60_000 });
    expect(await error.textContent()).toContain('locked.pdf');
    expect(await error.textContent()).toContain('PDF 已加密');
    await second.close();
  });

  it('lists, searches (pinyin initials) and exports the library', async () => {
    const page = await session!.newPage();
    await page.goto(url('options.html'));
    await page.getByTestId('template-table').waitFor();
    await page.getByTestId('library-search').fill('myd');
    await expect.poll(async () => page.getByTestId('template-table').getByRole('row').count()).toBeGreaterThan(1);
    await expect.poll(() => page.getByTestId('template-table').getByRole('row').nth(1).textContent()).toMatch(/满意度/);
    expect(await seriousViolations(page)).toEqual([]);

    const download = page.waitForEvent('download');
    await page.getByTestId('export-json').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^tianbao-library-\d{8}-\d{4}\.json$/);
    const backup = JSON.parse(readFileSync((await file.path())!, 'utf8')) as { format: string; templates: unknown[] };
    expect(backup.format).toBe('tianbao-library');
    expect(backup.templates.length).toBeGreaterThan(90);

    if (SCREENSHOTS) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.getByTestId('library-search').fill('');
      await page.evaluate(() => {
        (document.activeElement as HTMLElement | null)?.blur();
        window.scrollTo(0, 0);
      });
      await page.waitForTimeout(400);
      await page.screenshot({ path: join(SCREENSHOTS, 'options.png') });
    }
    await page.close();
  });
});

describe('rules page', () => {
  /** The stored check config, read from an extension page. */
  const storedConfig = (page: Page) =>
    page.evaluate(async () => {
      const chromeApi = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
      return (await chromeApi.storage.local.get('tianbao:check-config'))['tianbao:check-config'] ?? null;
    });

  afterAll(async () => {
    // The other tests expect the default rules.
    const page = await session!.newPage();
    await page.goto(url('options.html'));
    await page.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { remove(k: string): Promise<void> } } } }).chrome.storage.local.remove('tianbao:check-config'));
    await page.close();
  });

  it('edits the typo table and the per-一级 weights by keyboard, checks them beside the field, saves them for the checks, accessibly', async () => {
    const page = await session!.newPage();
    await page.goto(url('options.html#rules'));
    const typoCard = page.locator('.rule-card[data-rule="text.typo"]');
    await typoCard.locator('summary').click();
    const editor = typoCard.getByTestId('typo-editor');
    await editor.waitFor();
    const rows = editor.getByTestId('typo-row');
    const before = await rows.count();
    expect(before).toBeGreaterThan(0);

    // Add a row: focus lands in its first field; a duplicate is named beside the field at once.
    await editor.getByTestId('typo-add').focus();
    await page.keyboard.press('Enter');
    const wrong = rows.nth(before).locator('input[data-field="wrong"]');
    await expect.poll(() => wrong.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('设各');
    expect(await wrong.getAttribute('aria-invalid')).toBe('true');
    expect(await rows.nth(before).textContent()).toContain('与第 1 行重复');
    await wrong.fill('');
    // An entry the replica's errors project will trip on (its name has 交换平台).
    await page.keyboard.type('交换平台');
    await page.keyboard.press('Tab');
    await page.keyboard.type('交互平台');
    expect(await rows.nth(before).locator('[aria-invalid="true"]').count()).toBe(0);

    // Weights per 一级: the sum against 100 follows the typing; 50/30/10 is refused, 60/30/10 is fine.
    const weightsCard = page.locator('.rule-card[data-rule="weights.sum"]');
    await weightsCard.locator('summary').click();
    const weights = weightsCard.getByTestId('weights-editor');
    await weights.locator('input[data-level1="产出指标"]').fill('50');
    await weights.locator('input[data-level1="效益指标"]').fill('30');
    await weights.locator('input[data-level1="满意度指标"]').fill('10');
    expect(await weights.getByTestId('weights-sum').textContent()).toBe('90 / 100');
    expect(await weights.getByTestId('weights-status').getAttribute('data-state')).toBe('mismatch');
    await page.getByTestId('rules-save').click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: '处设置需要修改' }).count()).toBeGreaterThan(0);
    expect(await storedConfig(page)).toBeNull();

    await weights.locator('input[data-level1="产出指标"]').fill('60');
    expect(await weights.getByTestId('weights-sum').textContent()).toBe('100 / 100');
    expect(await seriousViolations(page)).toEqual([]);
    const focus = await focusRingAfter(page, ['Tab']);
    expect(focus.outline).toMatch(/^solid 2px/);

    await page.getByTestId('rules-save').click();
    await expect.poll(() => storedConfig(page)).toMatchObject({
      rules: {
        'text.typo': { typos: expect.arrayContaining([{ wrong: '交换平台', right: '交互平台', notAfter: '', notBefore: '' }]) },
        'weights.sum': { perLevel1: { 产出指标: 60, 效益指标: 30, 满意度指标: 10 } },
      },
    });
    if (SCREENSHOTS) {
      await weightsCard.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SCREENSHOTS, 'options-rules.png') });
    }
    await page.close();

    // The checks on a portal page use the saved table: the side panel lists the new typo with its correction.
    const portalPage = await session!.newPage();
    await portalPage.goto(`${portal.origin}/element/?state=errors`);
    await portalPage.locator('.el-table').first().waitFor();
    const panel = await openPanelFor('/element/?state=errors');
    const typo = panel.getByTestId('findings').locator('[data-testid="finding"][data-rule="text.typo"]');
    await expect.poll(() => typo.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await typo.first().textContent()).toContain('交互平台');
    await panel.close();
    await portalPage.close();
  });
});

describe('side panel', () => {
  // Each test can run alone: with no sets yet (the import test skipped), the example library provides them.
  beforeAll(async () => {
    const page = await session!.newPage();
    await page.goto(url('options.html'));
    const stats = await backgroundRequest<{ sets: number }>(page, 'library.stats', {});
    if (stats.sets === 0) await backgroundRequest(page, 'library.loadBuiltIn', { which: 'example' });
    await page.close();
  });

  it('says no form is detected on a page that is not a portal, accessibly', async () => {
    const other = await session!.newPage();
    await other.goto(`${portal.origin}/`);
    const page = await openPanelFor(`${portal.origin}/`);
    await page.getByTestId('no-portal').waitFor();
    expect(await page.getByTestId('no-portal').textContent()).toContain('未检测到填报页面');
    expect(await page.getByTestId('fill-button').isDisabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
    await other.close();
  });

  it('shows a portal tab’s findings by rule, reveals one, and is accessible', async () => {
    const portalPage = await session!.newPage();
    await portalPage.goto(`${portal.origin}/element/?state=errors`);
    await portalPage.locator('.el-table').first().waitFor();
    const page = await openPanelFor('/element/?state=errors');
    const findings = page.getByTestId('findings');
    await findings.waitFor({ timeout: 30_000 });
    await expect.poll(() => findings.getByTestId('finding').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule'))), { timeout: 30_000 }).toEqual(
      expect.arrayContaining(['totals.project', 'taxonomy.mismatch', 'value.annual-missing']),
    );
    expect(await page.getByTestId('project-status').textContent()).toContain('政务数据共享交换平台运维经费');
    expect(await seriousViolations(page)).toEqual([]);
    await findings.locator('[data-rule="taxonomy.mismatch"]').first().click();
    // The field is revealed on the portal page (the panel shows no "not found" note).
    await page.waitForTimeout(500);
    expect(await page.getByText('页面上找不到这条问题对应的字段').count()).toBe(0);
    await page.close();
    await portalPage.close();
  });

  it('fills a set searched by pinyin into a blank project and undoes it', async () => {
    const portalPage = await session!.newPage();
    await portalPage.goto(`${portal.origin}/element/?state=blank`);
    await portalPage.locator('.el-table').first().waitFor();
    const page = await openPanelFor('/element/?state=blank', { width: 420, height: 960 });
    await page.getByTestId('findings').waitFor({ timeout: 30_000 });

    await page.getByTestId('template-search').fill('zwyjf');
    const item = page.getByTestId('template-set').filter({ hasText: '政务云经费' });
    await item.first().waitFor();
    await item.first().click();
    expect(await page.getByTestId('set-preview').textContent()).toContain('实施周期指标值');
    await page.getByTestId('fill-button').click();
    const result = page.getByTestId('action-result');
    await result.waitFor({ timeout: 90_000 });
    expect(await result.textContent()).toMatch(/已填充 \d+ 个字段/);
    await expect.poll(() => page.getByTestId('undo-button').isEnabled(), { timeout: 15_000 }).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    if (SCREENSHOTS) {
      // Tall enough to show the project, its findings, the chosen set's preview and the fill result at once.
      await page.setViewportSize({ width: 420, height: 1900 });
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(SCREENSHOTS, 'sidepanel.png') });
      await page.setViewportSize({ width: 420, height: 960 });
    }

    await page.getByTestId('undo-button').click();
    // The panel reports the page's undo either way (the in-page undo engine's own tests check the rows).
    await expect.poll(() => result.textContent(), { timeout: 60_000 }).toMatch(/已撤销上次填充|撤销时有字段未能恢复/);
    await expect.poll(() => page.getByTestId('undo-button').isDisabled(), { timeout: 15_000 }).toBe(true);
    await page.close();
    await portalPage.close();
  });
});
