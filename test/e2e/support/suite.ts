/**
 * The shared setup of the extension suites: the replica portals served, Debian's Chromium with the built
 * extension, the example library loaded — torn down after the file; a failed test saves screenshots and
 * the console. Plus what the suites compute their expectations with.
 */
import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { TemplateSet } from '@/lib/domain';
import { cellsForItem } from '@/lib/fill/plan';
import type { FillField } from '@/lib/fill/types';
import { type BrowserSession, launchBrowser } from './browser';
import { backgroundRequest, EXTENSION_DIR, extensionPage } from './extension';
import { saveArtifactsOnFailure } from './failure-artifacts';
import { type PortalServer, startPortal } from './portal-server';
import type { SavedProject } from '../../portal/shared/model';
import { readSaved, waitForSaved } from './saved';

export interface ExtensionSuite {
  readonly portal: PortalServer;
  readonly session: BrowserSession;
  /** The example library's sets, as the background holds them. */
  readonly sets: readonly TemplateSet[];
  /** An example set by name (throws, naming the sets there are, when it is missing). */
  setNamed(name: string): TemplateSet;
}

/** Registers the file's beforeAll/afterAll and returns the suite's state (valid inside tests). */
export function extensionSuite(): ExtensionSuite {
  let portal: PortalServer | undefined;
  let session: BrowserSession | undefined;
  let sets: TemplateSet[] = [];
  saveArtifactsOnFailure(() => session);
  beforeAll(async () => {
    portal = await startPortal();
    session = await launchBrowser({ extensionDir: EXTENSION_DIR });
    const ext = await extensionPage(session);
    await backgroundRequest(ext, 'library.loadBuiltIn', { which: 'example' });
    sets = (await backgroundRequest<{ hits: { item: TemplateSet }[] }>(ext, 'library.searchSets', { text: '', limit: 100 })).hits.map((h) => h.item);
    await ext.close();
  });
  afterAll(async () => {
    await session?.close();
    await portal?.close();
  });
  return {
    get portal() {
      if (!portal) throw new Error('the replica portal is not started (used outside a test?)');
      return portal;
    },
    get session() {
      if (!session) throw new Error('the browser is not started (used outside a test?)');
      return session;
    },
    get sets() {
      return sets;
    },
    setNamed(name) {
      const set = sets.find((s) => s.name === name);
      if (!set) throw new Error(`example set ${name} not loaded (have: ${sets.map((s) => s.name).join(', ')})`);
      return set;
    },
  };
}

/** The fields every replica saves (指标性质 only where a portal keeps it apart). */
type SavedField = Exclude<FillField, 'nature'>;

/** The portal rows a fill of `set` must produce, per indicator set, as the portal's model holds them. */
export function expectedRows(set: TemplateSet): { period: Array<Record<SavedField, string>>; annual: Array<Record<SavedField, string>> } {
  // The replicas save the fields every portal has; 指标性质 only where a portal keeps it apart (/merged/).
  const rows = (which: 'period' | 'annual') =>
    set.items.flatMap((item) => {
      const cells = cellsForItem(item, which);
      if (!cells) return [];
      const { nature: _nature, ...saved } = cells;
      return [saved];
    });
  return { period: rows('period'), annual: rows('annual') };
}

/** The indicator fields of saved rows (the portal stores more, e.g. ids). */
export function pick(rows: ReadonlyArray<Record<SavedField, string>>): Array<Record<SavedField, string>> {
  return rows.map((r) => ({ level1: r.level1, level2: r.level2, name: r.name, symbol: r.symbol, value: r.value, unit: r.unit, explanation: r.explanation }));
}

/** A Tianbao test id inside its shadow-root UI (`[data-tianbao]`), in a page or a frame. */
export function tb(scope: Page | Frame | FrameLocator, testid: string): Locator {
  return scope.locator(`[data-tianbao] [data-testid="${testid}"]`);
}

/**
 * Opens Tianbao's palette in `scope` (the page, or the frame holding the grid), searches `setName`, checks
 * it is the first hit, fills it with Enter and returns the fill report's text.
 */
export async function fillThroughPalette(scope: Page | FrameLocator, setName: string, reportTimeout = 60_000): Promise<string> {
  await tb(scope, 'palette-launcher').click();
  await tb(scope, 'palette-search').fill(setName);
  await expect.poll(() => tb(scope, 'palette-item').first().locator('.name').textContent(), { timeout: 15_000 }).toBe(setName);
  await tb(scope, 'palette-search').press('Enter');
  const report = scope.locator('[data-tianbao] [data-testid="fill-report"].ok, [data-tianbao] [data-testid="fill-report"].bad');
  await report.waitFor({ timeout: reportTimeout });
  return (await report.textContent()) ?? '';
}

/** Undoes the last fill from the palette in `scope` and waits for the report to say so. */
export async function undoThroughPalette(scope: Page | FrameLocator, timeout: number): Promise<void> {
  await tb(scope, 'palette-launcher').click();
  await tb(scope, 'fill-undo').click();
  await expect.poll(() => scope.locator('[data-tianbao] [data-testid="fill-report"]').textContent(), { timeout }).toContain('已撤销');
  // Undo deletes the added rows through the page's own confirm dialog: none may be left open over the page
  // (one closing takes a moment; one left open stays).
  // The replicas' own dialogs only (Tianbao's palette is a dialog too, and stays open here).
  await expect.poll(() => scope.locator('.el-message-box:visible, .lg-dialog:visible').count(), { timeout: 5000 }).toBe(0);
}

/** Clicks the page's 保存; if Tianbao's guard asks, the person chooses 仍然提交 (the choice is theirs). */
export async function saveThroughGuard(page: Page, key: string): Promise<SavedProject> {
  const before = (await readSaved(page))?.projects.find((p) => p.key === key)?.savedAt ?? '';
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await Promise.race([tb(page, 'submit-guard').waitFor({ timeout: 5000 }).then(() => tb(page, 'submit-anyway').click()), waitForSaved(page, key, before, 5000)]).catch(
    () => undefined,
  );
  return waitForSaved(page, key, before, 15_000);
}
