/**
 * Run-time portals on the plain build — the store package's code and manifest (`npm run zip`, no
 * TIANBAO_PORTALS): no content script in the manifest; the person adds the portal in 门户设置 and the
 * background registers the content script (`scripting.registerContentScripts`). For the test only, the
 * replica's origin is pre-granted in a copy of the build's manifest (support/extension.ts
 * preGrantedPlainBuild: Chromium's permission prompt cannot be answered by automation).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TemplateSet } from '@/lib/domain';
import { type BrowserSession, launchBrowser } from './support/browser';
import { backgroundRequest, extensionPage, preGrantedPlainBuild } from './support/extension';
import { saveArtifactsOnFailure } from './support/failure-artifacts';
import { type PortalServer, startPortal } from './support/portal-server';
import { expectedRows, fillThroughPalette, pick, saveThroughGuard, tb } from './support/suite';

/** How long a page is given after `load` before "no launcher" is believed (the script runs at document_idle). */
const SETTLE_MS = 2000;

let portal: PortalServer;
let session: BrowserSession | undefined;
let extensionDir: string;
let profileDir: string;
/** The page open on the replica before the portal is added (kept open through the first tests). */
let portalTab: Page;
let pattern: string;

saveArtifactsOnFailure(() => session);

interface Registered {
  id: string;
  matches?: string[];
  js?: string[];
  allFrames?: boolean;
  persistAcrossSessions?: boolean;
}

/** What `chrome.scripting.getRegisteredContentScripts()` returns, asked from an extension page. */
async function registeredScripts(): Promise<Registered[]> {
  const page = await extensionPage(session!, 'options.html');
  try {
    return await page.evaluate(() =>
      (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<Registered[]> } } }).chrome.scripting.getRegisteredContentScripts(),
    );
  } finally {
    await page.close();
  }
}

async function openPortalsPanel(): Promise<Page> {
  const page = await extensionPage(session!, 'options.html#portals');
  await page.locator('[data-testid="portal-add"]').waitFor();
  return page;
}

async function openBlank(page?: Page): Promise<Page> {
  const tab = page ?? (await session!.newPage());
  await tab.goto(`${portal.origin}/element/?state=blank`);
  await tab.evaluate(() => window.localStorage.clear());
  await tab.reload();
  await tab.locator('.el-table').first().waitFor();
  return tab;
}

/** Asserts the page has no Tianbao after it settled (nothing injected it). */
async function expectNoLauncher(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForTimeout(SETTLE_MS);
  expect(await page.locator('[data-tianbao]').count()).toBe(0);
}

async function exampleSet(name: string): Promise<TemplateSet> {
  const ext = await extensionPage(session!);
  try {
    const { hits } = await backgroundRequest<{ hits: { item: TemplateSet }[] }>(ext, 'library.searchSets', { text: '', limit: 100 });
    const set = hits.map((h) => h.item).find((s) => s.name === name);
    if (!set) throw new Error(`example set ${name} not loaded`);
    return set;
  } finally {
    await ext.close();
  }
}

/** Fills 信息化项目管理经费 through the palette and checks what 保存 sends. */
async function fillAndVerify(page: Page): Promise<void> {
  const set = await exampleSet('信息化项目管理经费');
  // The replica saves only with its goals filled, as a person would have them.
  await page.getByPlaceholder('请输入项目实施期总体目标').fill('保障政务服务中心设备全年稳定运行。');
  await page.getByPlaceholder('请输入本年度目标').fill('全年设备完好率不低于98%。');
  expect(await fillThroughPalette(page, set.name)).toContain('全部核对无误');
  const saved = await saveThroughGuard(page, 'state:blank');
  const expected = expectedRows(set);
  expect(pick(saved.indicators.period)).toEqual(pick(expected.period));
  expect(pick(saved.indicators.annual)).toEqual(pick(expected.annual));
}

beforeAll(async () => {
  portal = await startPortal();
  pattern = `${portal.origin}/*`;
  extensionDir = preGrantedPlainBuild();
  profileDir = await mkdtemp(join(tmpdir(), 'tianbao-e2e-runtime-'));
  session = await launchBrowser({ extensionDir, userDataDir: profileDir });
  const ext = await extensionPage(session);
  await backgroundRequest(ext, 'library.loadBuiltIn', { which: 'example' });
  await ext.close();
});

afterAll(async () => {
  await session?.close();
  await portal?.close();
  if (profileDir) await rm(profileDir, { recursive: true, force: true });
});

describe('run-time portals (the plain build, as the store package installs)', () => {
  it('ships no content script: nothing registered, the replica has no launcher', async () => {
    const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8')) as { content_scripts?: unknown[] };
    expect(manifest.content_scripts ?? []).toEqual([]);
    expect(await registeredScripts()).toEqual([]);
    portalTab = await openBlank();
    await expectNoLauncher(portalTab);
  });

  it('adding the address in 门户设置 registers Tianbao; the tab already open gets the launcher without a reload and fills', async () => {
    const options = await openPortalsPanel();
    await options.locator('[data-testid="portal-address"]').fill(`${portal.origin}/element/?state=blank`);
    await options.locator('[data-testid="portal-add"]').click();
    await expect.poll(() => options.locator('[data-testid="portal-outcome"]').textContent(), { timeout: 15_000 }).toContain(`已添加 ${pattern}`);
    await expect(options.locator(`[data-testid="portal-item"][data-pattern="${pattern}"]`).count()).resolves.toBe(1);
    await options.close();

    const scripts = await registeredScripts();
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatchObject({ matches: [pattern], js: ['content-scripts/portal.js'], allFrames: true, persistAcrossSessions: true });

    // The tab opened before the portal was added: the background ran the script in it.
    await tb(portalTab, 'palette-launcher').waitFor({ timeout: 15_000 });
    expect(await portalTab.locator('[data-tianbao]').count()).toBe(1);
    await fillAndVerify(portalTab);
  });

  it('after a reload the registered script runs on its own', async () => {
    await openBlank(portalTab);
    await tb(portalTab, 'palette-launcher').waitFor({ timeout: 15_000 });
    expect(await portalTab.locator('[data-tianbao]').count()).toBe(1);
  });

  it('survives a service-worker restart', async () => {
    const worker = session!.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${session!.extensionId}/`));
    expect(worker).toBeDefined();
    // A mark in the worker's global scope: a restarted worker no longer has it.
    await worker!.evaluate(() => {
      (globalThis as { e2eMark?: number }).e2eMark = 1;
    });
    // Stop it as Chrome does when idle: Target.closeTarget on its target (Puppeteer's worker.close() does the
    // same). ServiceWorker.stopAllWorkers from a page session leaves an extension's worker running.
    const cdp = await session!.context.newCDPSession(portalTab);
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${session!.extensionId}/`));
    expect(target).toBeDefined();
    await cdp.send('Target.closeTarget', { targetId: target!.targetId });
    await cdp.detach();

    // A new tab gets the script from Chrome's registration, then wakes the worker (the fill needs it).
    const tab = await openBlank();
    await tb(tab, 'palette-launcher').waitFor({ timeout: 15_000 });
    await fillAndVerify(tab);
    expect(await worker!.evaluate(() => (globalThis as { e2eMark?: number }).e2eMark)).toBeUndefined();
    // The restarted worker found its registration in place: still one script, the portal still listed.
    expect((await registeredScripts()).map((s) => s.matches)).toEqual([[pattern]]);
    await tab.close();
  });

  it('survives a browser restart (same profile)', async () => {
    const id = session!.extensionId;
    await session!.close();
    session = await launchBrowser({ extensionDir, userDataDir: profileDir });
    expect(session.extensionId).toBe(id);
    portalTab = await openBlank();
    await tb(portalTab, 'palette-launcher').waitFor({ timeout: 15_000 });
    await fillAndVerify(portalTab);
    expect((await registeredScripts()).map((s) => s.matches)).toEqual([[pattern]]);
    const options = await openPortalsPanel();
    await options.locator(`[data-testid="portal-item"][data-pattern="${pattern}"]`).waitFor();
    await options.close();
  });

  it('removing the portal unregisters it; after a reload the launcher is gone', async () => {
    const options = await openPortalsPanel();
    await options.locator(`[data-testid="portal-item"][data-pattern="${pattern}"] [data-testid="portal-remove"]`).click();
    await expect.poll(() => options.locator('[data-testid="portal-outcome"]').textContent(), { timeout: 15_000 }).toContain(`已移除 ${pattern}`);
    expect(await options.locator('[data-testid="portal-item"]').count()).toBe(0);
    await options.close();
    expect(await registeredScripts()).toEqual([]);

    await portalTab.reload();
    await expectNoLauncher(portalTab);
  });

  it.each([
    ['ftp://x', '地址无效'],
    ['abc', '地址无效'],
    ['*://*/*', '只能添加一个网站的地址'],
    ['https://*.gov.cn/*', '只能添加一个网站的地址'],
  ])('refuses %s with a clear message and registers nothing', async (address, message) => {
    const options = await openPortalsPanel();
    const input = options.locator('[data-testid="portal-address"]');
    await input.fill(address);
    await options.locator('[data-testid="portal-add"]').click();
    // The field's error, as the input names it (aria-describedby).
    await expect.poll(() => input.getAttribute('aria-invalid'), { timeout: 5000 }).toBe('true');
    const errorId = await input.getAttribute('aria-describedby');
    expect(await options.locator(`[id="${errorId}"]`).textContent()).toContain(message);
    // The background refuses the pattern too, whoever sends it (no prompt, nothing stored or registered).
    const asPattern = address.includes('://') && address.endsWith('/*') ? address : null;
    if (asPattern) {
      await expect(backgroundRequest(options, 'portals.add', { pattern: asPattern })).rejects.toThrow(/只能添加一个网站|不是有效的网址规则/);
    }
    expect(await backgroundRequest<{ portals: unknown[] }>(options, 'portals.list', {})).toEqual({ portals: [] });
    await options.close();
    expect(await registeredScripts()).toEqual([]);
  });
});
