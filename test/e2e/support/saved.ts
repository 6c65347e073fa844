/** Reads what a replica's 保存 wrote to `localStorage['replica-portal:saved']`, from the test side. */
import type { Frame, Page } from 'playwright-core';
import { SAVED_KEY, type SavedDocument, type SavedProject } from '../../portal/shared/model';

/** The saved document as the page's localStorage holds it, or null when nothing was saved. */
export async function readSaved(target: Page | Frame): Promise<SavedDocument | null> {
  const text = await target.evaluate((key) => window.localStorage.getItem(key), SAVED_KEY);
  return text ? (JSON.parse(text) as SavedDocument) : null;
}

/** Waits until a save of `key` newer than `after` (ISO time or '') is stored, and returns it. */
export async function waitForSaved(target: Page | Frame, key: string, after = '', timeout = 10_000): Promise<SavedProject> {
  const handle = await target.waitForFunction(
    ({ storageKey, projectKey, since }) => {
      const text = window.localStorage.getItem(storageKey);
      if (!text) return null;
      const doc = JSON.parse(text) as { projects: { key: string; savedAt: string }[] };
      const project = doc.projects.find((p) => p.key === projectKey);
      return project && project.savedAt > since ? JSON.stringify(project) : null;
    },
    { storageKey: SAVED_KEY, projectKey: key, since: after },
    { timeout },
  );
  return JSON.parse((await handle.jsonValue()) as string) as SavedProject;
}
