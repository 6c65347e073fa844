/**
 * The extension under test: the production build with TIANBAO_PORTALS set to the replica's origin, built
 * once into .output/e2e (skipped while a hash of its inputs is unchanged), and helpers to talk to its
 * background from an extension page the way the side panel and options page do.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import type { BrowserSession } from './browser';
import { REPO_ROOT } from './portal-server';

const execFileAsync = promisify(execFile);

/** A port for tests that want a fixed one; the build's pattern matches every port of 127.0.0.1. */
export const E2E_PORT = Number(process.env.TIANBAO_E2E_PORT) || 5199;
/** The match pattern the e2e build ships: a Chrome pattern without a port matches any port. */
export const E2E_PORTALS = 'http://127.0.0.1/*';
/** Where the e2e build goes; TIANBAO_E2E_OUT gives parallel workers (helpers, benches) their own. */
export const EXTENSION_OUT = process.env.TIANBAO_E2E_OUT ? resolve(process.env.TIANBAO_E2E_OUT) : join(REPO_ROOT, '.output', 'e2e');
export const EXTENSION_DIR = join(EXTENSION_OUT, 'chrome-mv3');
const HASH_FILE = join(EXTENSION_OUT, '.inputs-hash');

function walk(dir: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else out.push(path);
  }
}

/** Hash of everything the extension bundle is built from, plus the portal origin it is built for. */
export function extensionInputsHash(): string {
  const files: string[] = [];
  for (const dir of ['entrypoints', 'components', 'lib', 'public']) walk(join(REPO_ROOT, dir), files);
  for (const file of ['wxt.config.ts', 'package-lock.json', 'tsconfig.json']) files.push(join(REPO_ROOT, file));
  const hash = createHash('sha256').update(E2E_PORTALS);
  for (const file of files.filter((f) => existsSync(f) && statSync(f).isFile()).sort()) {
    hash.update(relative(REPO_ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Builds the extension for the e2e origin unless an identical build is there. Returns whether it built. */
export async function buildExtension(options: { force?: boolean } = {}): Promise<boolean> {
  const hash = extensionInputsHash();
  if (!options.force && existsSync(HASH_FILE) && existsSync(join(EXTENSION_DIR, 'manifest.json')) && readFileSync(HASH_FILE, 'utf8') === hash) {
    return false;
  }
  const wxt = join(REPO_ROOT, 'node_modules', 'wxt', 'bin', 'wxt.mjs');
  await execFileAsync(process.execPath, [wxt, 'build'], {
    cwd: REPO_ROOT,
    env: { ...process.env, TIANBAO_PORTALS: E2E_PORTALS, TIANBAO_OUT_DIR: EXTENSION_OUT },
    maxBuffer: 32 * 1024 * 1024,
  });
  writeFileSync(HASH_FILE, hash);
  return true;
}

/** An extension page to send messages from (the background accepts library edits only from its own pages). */
export async function extensionPage(session: BrowserSession, path = 'sidepanel.html'): Promise<Page> {
  const page = await session.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/${path}`);
  return page;
}

/** Sends one typed request to the background from an extension page and returns its data. */
export async function backgroundRequest<T = unknown>(page: Page, type: string, payload: unknown): Promise<T> {
  const reply = (await page.evaluate(
    // Runs in the extension page, where `chrome` is the extension API.
    ([t, p]) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ channel: 'tianbao', type: t, payload: p }),
    [type, payload] as const,
  )) as { ok: boolean; data?: T; error?: { message: string } };
  if (!reply?.ok) throw new Error(`${type} failed: ${reply?.error?.message ?? 'no reply'}`);
  return reply.data as T;
}
