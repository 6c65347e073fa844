/**
 * `npm run demo`: builds Tianbao (demo configuration: the production build for the replica's origin),
 * serves the replica portals, and opens Debian's Chromium with the extension loaded on the modern replica,
 * the example library pre-loaded. Without a display it runs the same walkthrough headless and writes a
 * screenshot of each step and the check report to demo-output/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { runCli } from '../lib/cli/run';
import { findChromium } from '../test/e2e/support/chromium';
import { launchBrowser, type BrowserSession } from '../test/e2e/support/browser';
import { backgroundRequest, buildExtension, EXTENSION_DIR, extensionPage } from '../test/e2e/support/extension';
import { REPO_ROOT, startPortal } from '../test/e2e/support/portal-server';

const OUT = join(REPO_ROOT, 'demo-output');
const PORT = Number(process.env.PORT) || 5174;

function say(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** Branded Google Chrome 137+ ignores --load-extension: tell the person how to load it by hand. */
function manualSteps(origin: string): string {
  return [
    '手动加载 / Load Tianbao by hand:',
    '  1. 打开 chrome://extensions ,开启右上角“开发者模式” / open chrome://extensions and turn on Developer mode',
    `  2. 点击“加载已解压的扩展程序”,选择 ${EXTENSION_DIR} / "Load unpacked" → ${EXTENSION_DIR}`,
    `  3. 打开仿真门户 / open the replica portal: ${origin}/element/?state=blank`,
  ].join('\n');
}

async function shot(page: Page, name: string): Promise<string> {
  const file = join(OUT, name);
  await page.screenshot({ path: file });
  say(`  ✓ ${name}`);
  return file;
}

const tb = (page: Page, id: string) => page.locator(`[data-tianbao] [data-testid="${id}"]`);

async function walkthrough(session: BrowserSession, origin: string): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const list = await session.newPage();
  await list.goto(`${origin}/element/`);
  await list.locator('.el-table').first().waitFor();
  await shot(list, '01-portal-project-list.png');

  const page = await session.newPage();
  await page.goto(`${origin}/element/?state=blank`);
  await page.locator('.el-table').first().waitFor();
  await page.getByPlaceholder('请输入项目实施期总体目标').fill('保障政务服务中心信息化项目全生命周期管理。');
  await page.getByPlaceholder('请输入本年度目标').fill('完成年度专家评审、测评与监理服务。');
  await tb(page, 'palette-launcher').waitFor();
  await shot(page, '02-blank-project-with-launcher.png');

  await tb(page, 'palette-launcher').click();
  await tb(page, 'palette-item').first().waitFor();
  await shot(page, '03-palette-suggestions.png');
  await tb(page, 'palette-search').fill('信息化项目管理经费');
  await page.waitForFunction(() => {
    const root = document.querySelector('[data-tianbao]')?.shadowRoot;
    return root?.querySelector('[data-testid="palette-item"] .name')?.textContent === '信息化项目管理经费';
  });
  await tb(page, 'palette-search').press('Enter');
  await page.locator('[data-tianbao] [data-testid="fill-report"].ok, [data-tianbao] [data-testid="fill-report"].bad').waitFor({ timeout: 60_000 });
  await shot(page, '04-filled-and-verified.png');
  await page.keyboard.press('Escape');

  const errors = await session.newPage();
  await errors.goto(`${origin}/element/?state=errors`);
  await tb(errors, 'finding-mark').first().waitFor({ timeout: 20_000 });
  await tb(errors, 'findings-badge').click();
  await shot(errors, '05-findings-marked.png');
  await tb(errors, 'findings-badge').click();
  await errors.getByRole('button', { name: '送审', exact: true }).click();
  await tb(errors, 'submit-guard').waitFor();
  await shot(errors, '06-submit-guard.png');
  await tb(errors, 'submit-cancel').click();

  const ext = await extensionPage(session);
  const tabId = await ext.evaluate(async (url) => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } } }).chrome;
    const tabs = await api.tabs.query({});
    return tabs.find((t) => t.url === url)?.id ?? null;
  }, errors.url());
  if (tabId !== null) {
    await ext.setViewportSize({ width: 420, height: 900 });
    await ext.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tabId=${tabId}`);
    await ext.locator('[data-testid="findings"]').waitFor({ timeout: 20_000 }).catch(() => undefined);
    await shot(ext, '07-side-panel.png');
  }
  const options = await extensionPage(session, 'options.html');
  await options.locator('body').waitFor();
  await options.locator('[data-testid="library-count"]').waitFor({ timeout: 20_000 }).catch(() => undefined);
  await shot(options, '08-options-library.png');

  let report = '';
  const io = { stdout: { write: (t: string) => (report += t) }, stderr: { write: (t: string) => (report += t) } };
  await runCli(['check', join(REPO_ROOT, 'test', 'fixtures', 'baiyun-perf-targets.txt')], io);
  writeFileSync(join(OUT, 'check-report.txt'), report);
  say('  ✓ check-report.txt (tianbao check on the published table)');
}

async function main(): Promise<void> {
  say('填报助手 Tianbao demo');
  say('1/3 构建扩展与仿真门户 / building the extension and the replica portals …');
  await buildExtension();
  const portal = await startPortal({ port: PORT });
  const origin = portal.origin;
  say(`    仿真门户 / replica portal: ${origin}/element/  ·  ${origin}/legacy/`);

  let chromium: string;
  try {
    chromium = findChromium();
  } catch (error) {
    say(String(error instanceof Error ? error.message : error));
    for (const chrome of ['/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']) {
      if (existsSync(chrome)) say(manualSteps(origin));
    }
    await portal.close();
    process.exitCode = 1;
    return;
  }
  const version = (() => {
    try {
      return execFileSync(chromium, ['--version'], { encoding: 'utf8' }).trim();
    } catch {
      return chromium;
    }
  })();
  if (/Google Chrome/.test(version)) say(manualSteps(origin));

  const headless = !process.env.DISPLAY;
  say(`2/3 启动 ${version}${headless ? '(无显示器,无头模式)' : ''} / starting Chromium${headless ? ' headless' : ''} …`);
  const session = await launchBrowser({ extensionDir: EXTENSION_DIR, headless, viewport: { width: 1440, height: 900 } });
  const ext = await extensionPage(session);
  await backgroundRequest(ext, 'library.loadBuiltIn', { which: 'example' });
  await backgroundRequest(ext, 'library.loadBuiltIn', { which: 'starter' });
  await ext.close();

  if (headless) {
    say(`3/3 演示流程截图 / walkthrough screenshots → ${OUT}`);
    try {
      await walkthrough(session, origin);
    } finally {
      await session.close();
      await portal.close();
    }
    say(`完成 / done: ${OUT}`);
    return;
  }
  say('3/3 浏览器已打开:在“绩效指标”表格右上角点击“填报助手”,或按 Alt+Shift+F。Ctrl+C 退出。');
  const page = await session.newPage();
  await page.goto(`${origin}/element/?state=blank`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    session.context.once('close', () => resolve());
  });
  await session.close();
  await portal.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
