/**
 * Launches the system Chromium through playwright-core (persistent context, so an unpacked extension
 * can load), records every page's console, and saves screenshots + the console log of a failed test
 * under test-results/e2e-artifacts/.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { findChromium } from './chromium';
import { REPO_ROOT } from './portal-server';

/** Flags that work for Debian's Chromium here (no sandbox in containers, no background traffic). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

export const ARTIFACTS_DIR = join(REPO_ROOT, 'test-results', 'e2e-artifacts');

/** A launched browser with its console log. */
export interface BrowserSession {
  context: BrowserContext;
  /** The unpacked extension's id, when one was loaded. */
  extensionId?: string;
  /** Console messages and page errors of every page so far, one line each. */
  consoleLines: string[];
  /** A new tab. */
  newPage(): Promise<Page>;
  /** Writes a screenshot of every open page and the console log under `test-results/e2e-artifacts/<label>/`. */
  saveArtifacts(label: string): Promise<string>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** An unpacked extension to load (e.g. `.output/chrome-mv3`). */
  extensionDir?: string;
  /** Default true; set `HEADFUL=1` to watch. */
  headless?: boolean;
  viewport?: { width: number; height: number };
  /**
   * A profile folder to use and keep (e.g. to launch again on it: a browser restart). Without it a fresh
   * profile is made and `close()` removes it.
   */
  userDataDir?: string;
}

function safeName(label: string): string {
  return label.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 120) || 'test';
}

/** Starts Chromium with a fresh profile (`close()` removes it again) or on `options.userDataDir` (kept). */
export async function launchBrowser(options: LaunchOptions = {}): Promise<BrowserSession> {
  const executablePath = findChromium();
  const keepProfile = options.userDataDir !== undefined;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'tianbao-e2e-')));
  if (keepProfile) await mkdir(userDataDir, { recursive: true });
  const args: string[] = [...CHROMIUM_ARGS];
  if (options.extensionDir) {
    const dir = resolve(options.extensionDir);
    args.push(`--disable-extensions-except=${dir}`, `--load-extension=${dir}`);
  }
  const headless = options.headless ?? process.env.HEADFUL !== '1';
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless,
      args,
      locale: 'zh-CN',
      viewport: options.viewport ?? { width: 1440, height: 900 },
    });
  } catch (error) {
    if (!keepProfile) await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }

  const consoleLines: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${page.url()} ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${page.url()} ${e.message}`));
    page.on('crash', () => consoleLines.push(`[crash] ${page.url()}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);

  let extensionId: string | undefined;
  if (options.extensionDir) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    extensionId = new URL(worker.url()).host;
  }

  return {
    context,
    extensionId,
    consoleLines,
    newPage: () => context.newPage(),
    async saveArtifacts(label) {
      const dir = join(ARTIFACTS_DIR, safeName(label));
      await mkdir(dir, { recursive: true });
      const pages = context.pages();
      for (const [i, page] of pages.entries()) {
        await page.screenshot({ path: join(dir, `page-${i + 1}.png`), fullPage: true, timeout: 10_000 }).catch((e: Error) => {
          consoleLines.push(`[artifacts] screenshot of ${page.url()} failed: ${e.message}`);
        });
      }
      await writeFile(join(dir, 'console.log'), consoleLines.join('\n') + '\n');
      return dir;
    },
    async close() {
      await context.close().catch(() => undefined);
      if (!keepProfile) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
