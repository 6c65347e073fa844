/**
 * Vitest hook: a failed e2e test leaves screenshots of every open page and the console log under
 * test-results/e2e-artifacts/<file>-<test>/. Kept apart from browser.ts so scripts outside Vitest (the
 * demo) can use the launcher without importing Vitest.
 */
import { beforeEach } from 'vitest';
import type { BrowserSession } from './browser';

/**
 * Call at the top of a test file: whenever a test fails, the session's pages are screenshotted and its
 * console log saved under test-results/e2e-artifacts/<test name>/.
 */
export function saveArtifactsOnFailure(getSession: () => BrowserSession | undefined): void {
  beforeEach(({ task, onTestFailed }) => {
    const start = getSession()?.consoleLines.length ?? 0;
    onTestFailed(async () => {
      const session = getSession();
      if (!session) return;
      session.consoleLines.push(`[artifacts] ---- test "${task.name}" failed (its console output starts at line ${start + 1}) ----`);
      const dir = await session.saveArtifacts(`${task.file?.name ?? 'e2e'}-${task.name}`);
      console.error(`e2e: screenshots and console log of the failed test are in ${dir}`);
    });
  });
}
