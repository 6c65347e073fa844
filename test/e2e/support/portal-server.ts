/**
 * Serves the replica portals for e2e tests and the demo: builds them once with Vite into
 * test/portal/dist (skipped when the inputs did not change) and serves that folder statically on
 * 127.0.0.1. A static build starts in milliseconds and never re-optimises dependencies mid-test,
 * which a dev server can do on a clean clone.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const PORTAL_DIR = join(REPO_ROOT, 'test', 'portal');
/** The built replica; TIANBAO_PORTAL_DIST gives parallel workers their own. */
export const PORTAL_DIST = process.env.TIANBAO_PORTAL_DIST ? resolve(process.env.TIANBAO_PORTAL_DIST) : join(PORTAL_DIR, 'dist');
const HASH_FILE = '.inputs-hash';

/**
 * Everything the built pages depend on: the replica sources, the domain model they import, the importer
 * the seed goes through, the fixture and the lockfile. (Not all of lib/: other work there must not force
 * a rebuild on every run.)
 */
function inputFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (path !== PORTAL_DIST && !entry.name.startsWith('dist') && entry.name !== 'node_modules') walk(path);
      } else files.push(path);
    }
  };
  walk(PORTAL_DIR);
  walk(join(REPO_ROOT, 'lib', 'domain'));
  walk(join(REPO_ROOT, 'lib', 'parse'));
  files.push(join(REPO_ROOT, 'test', 'fixtures', 'baiyun-perf-targets.txt'), join(REPO_ROOT, 'package-lock.json'));
  return files.filter((f) => existsSync(f)).sort();
}

/** A hash of the build inputs (paths and contents). */
export function portalInputsHash(): string {
  const hash = createHash('sha256');
  for (const file of inputFiles()) {
    hash.update(relative(REPO_ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Builds test/portal/dist unless a build of the same inputs is already there. Returns whether it built. */
export async function buildPortal(options: { force?: boolean } = {}): Promise<boolean> {
  const hash = portalInputsHash();
  const stamp = join(PORTAL_DIST, HASH_FILE);
  if (!options.force && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return false;
  const vite = join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  try {
    await execFileAsync(process.execPath, [vite, 'build', '--config', join(PORTAL_DIR, 'vite.config.ts'), '--logLevel', 'warn'], {
      cwd: REPO_ROOT,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`Building the replica portals failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
  writeFileSync(stamp, hash);
  return true;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

/** Maps a URL path to a file in `root` the way the dev server does (`/element/` → element/index.html). */
export function resolveStaticPath(root: string, urlPath: string): { file: string } | { redirect: string } | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const target = normalize(join(root, decoded));
  if (target !== root && !target.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  if (existsSync(target) && statSync(target).isDirectory()) {
    if (!decoded.endsWith('/')) return { redirect: `${urlPath}/` };
    const index = join(target, 'index.html');
    return existsSync(index) ? { file: index } : null;
  }
  return existsSync(target) ? { file: target } : null;
}

/** A running replica portal server. */
export interface PortalServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  origin: string;
  close(): Promise<void>;
}

/** Builds if needed, then serves the replicas on 127.0.0.1 (a free port unless `port` is given). */
export async function startPortal(options: { port?: number; build?: boolean } = {}): Promise<PortalServer> {
  if (options.build !== false) await buildPortal();
  if (!existsSync(join(PORTAL_DIST, 'element', 'index.html'))) {
    throw new Error(`No portal build in ${PORTAL_DIST}; run: npx vite build --config test/portal/vite.config.ts`);
  }
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const found = resolveStaticPath(PORTAL_DIST, url.pathname);
    if (found && 'redirect' in found) {
      res.writeHead(301, { location: found.redirect + url.search });
      res.end();
      return;
    }
    if (!found || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(found ? 405 : 404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(found ? 'Method Not Allowed' : 'Not Found');
      return;
    }
    readFile(found.file).then(
      (body) => {
        res.writeHead(200, {
          'content-type': TYPES[extname(found.file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
      () => {
        res.writeHead(500);
        res.end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
