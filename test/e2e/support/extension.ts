/**
 * The extension under test: the production build with TIANBAO_PORTALS set to the replica's origin, built
 * once into .output/e2e (skipped while a hash of its inputs is unchanged); the plain build (what
 * `npm run zip` packs: no TIANBAO_PORTALS, portals added at run time) beside it in .output/e2e-plain; and
 * helpers to talk to its background from an extension page the way the side panel and options page do.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
/** The plain build's folder: beside the e2e build (`<TIANBAO_E2E_OUT>-plain` when that is set). */
export const PLAIN_OUT = `${EXTENSION_OUT}-plain`;
export const PLAIN_DIR = join(PLAIN_OUT, 'chrome-mv3');

function walk(dir: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else out.push(path);
  }
}

/** Hash of everything the extension bundle is built from, plus the portal origins it is built for ('' = none). */
export function extensionInputsHash(portals: string = E2E_PORTALS): string {
  const files: string[] = [];
  for (const dir of ['entrypoints', 'components', 'lib', 'public']) walk(join(REPO_ROOT, dir), files);
  for (const file of ['wxt.config.ts', 'package-lock.json', 'tsconfig.json']) files.push(join(REPO_ROOT, file));
  const hash = createHash('sha256').update(portals);
  for (const file of files.filter((f) => existsSync(f) && statSync(f).isFile()).sort()) {
    hash.update(relative(REPO_ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/**
 * Builds the extension unless an identical build is there; returns whether it built. Default: for the
 * e2e origin into EXTENSION_OUT. `plain: true`: the store build (no TIANBAO_PORTALS, the same code and
 * manifest `npm run zip` packs) into PLAIN_OUT.
 */
export async function buildExtension(options: { force?: boolean; plain?: boolean } = {}): Promise<boolean> {
  const portals = options.plain ? '' : E2E_PORTALS;
  const out = options.plain ? PLAIN_OUT : EXTENSION_OUT;
  const hashFile = join(out, '.inputs-hash');
  const hash = extensionInputsHash(portals);
  if (!options.force && existsSync(hashFile) && existsSync(join(out, 'chrome-mv3', 'manifest.json')) && readFileSync(hashFile, 'utf8') === hash) {
    return false;
  }
  const wxt = join(REPO_ROOT, 'node_modules', 'wxt', 'bin', 'wxt.mjs');
  const env: NodeJS.ProcessEnv = { ...process.env, TIANBAO_PORTALS: portals, TIANBAO_OUT_DIR: out };
  // The plain build must not inherit a TIANBAO_PORTALS from the shell.
  if (options.plain) delete env.TIANBAO_PORTALS;
  await execFileAsync(process.execPath, [wxt, 'build'], { cwd: REPO_ROOT, env, maxBuffer: 32 * 1024 * 1024 });
  writeFileSync(hashFile, hash);
  return true;
}

/**
 * A copy of the plain build whose manifest also lists `origin` (a match pattern) in `host_permissions`,
 * nothing else changed. For tests only: adding a portal asks the browser for that origin's permission,
 * and Chromium's prompt cannot be answered by automation; an origin the manifest already holds is
 * granted at install, so `permissions.request` resolves true without a prompt. Tianbao still sees no
 * content script in the manifest and registers it at run time, as in the store package. Returns the
 * copy's folder (rewritten on each call; the same path each time, so the extension id stays the same).
 */
export function preGrantedPlainBuild(origin: string = E2E_PORTALS): string {
  const dir = join(PLAIN_OUT, 'chrome-mv3-granted');
  rmSync(dir, { recursive: true, force: true });
  cpSync(PLAIN_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[]; content_scripts?: unknown[] };
  if (manifest.content_scripts?.length) throw new Error(`${PLAIN_DIR} is not the plain build: its manifest has content_scripts`);
  manifest.host_permissions = [...(manifest.host_permissions ?? []), origin];
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return dir;
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
