/**
 * `npm run lint:ext`: lints the extension packages as a store would see them.
 *
 * 1. Firefox (.output/firefox-mv2): Mozilla's addons-linter. Errors fail; a warning or notice fails
 *    unless scripts/ext-lint/checks.ts lists it as expected, with the reason, which is printed.
 * 2. Chrome (.output/chrome-mv3): every declared permission is used by the built code and explained in
 *    README's "Permissions" section.
 *
 * Each package is built first when it is missing, older than the sources or built with portals (the
 * check is on the store package: a plain build, no TIANBAO_PORTALS). Exits 1 with a `lint:ext: FAILED`
 * line on any finding.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkPermissions, classifyLinterMessages, sourceAround, type ExtManifest, type LinterMessage } from './ext-lint/checks';

const root = join(import.meta.dirname, '..');
const out = join(root, '.output');
const SOURCES = ['entrypoints', 'lib', 'components', 'public', 'assets', 'wxt.config.ts', 'package.json', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(ext)).map((f) => join(dir, f));
}

/** The store package's manifest: no portal built in (no content script matches, no host permission). */
function isPlainBuild(manifest: ExtManifest): boolean {
  return !(manifest.host_permissions ?? []).length && !(manifest.content_scripts ?? []).some((script) => (script.matches ?? []).length > 0);
}

function ensureBuilt(dir: string, args: string[]): void {
  const manifest = join(out, dir, 'manifest.json');
  const sourcesAt = Math.max(...SOURCES.map((s) => newestMtime(join(root, s))));
  const why = !existsSync(manifest)
    ? 'missing'
    : statSync(manifest).mtimeMs < sourcesAt
      ? 'older than the sources'
      : isPlainBuild(JSON.parse(readFileSync(manifest, 'utf8')) as ExtManifest)
        ? null
        : 'built with TIANBAO_PORTALS';
  if (!why) return;
  console.log(`lint:ext: building ${dir} (${why})`);
  const env = { ...process.env };
  delete env.TIANBAO_PORTALS;
  delete env.TIANBAO_OUT_DIR;
  const started = Date.now();
  const run = spawnSync(join(root, 'node_modules/.bin/wxt'), ['build', ...args], { cwd: root, env, encoding: 'utf8' });
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    throw new Error(`wxt build ${args.join(' ')} failed`);
  }
  console.log(`lint:ext: built ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function lintFirefox(): number {
  const dir = join(out, 'firefox-mv2');
  let stdout: string;
  try {
    stdout = execFileSync(join(root, 'node_modules/.bin/addons-linter'), ['--output', 'json', dir], { encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (error) {
    // Non-zero exit on errors: the JSON report is still on stdout.
    stdout = (error as { stdout?: string }).stdout ?? '';
    if (!stdout.trim()) throw error;
  }
  const report = JSON.parse(stdout) as { errors: LinterMessage[]; warnings: LinterMessage[]; notices: LinterMessage[] };
  const messages = [...report.errors, ...report.warnings, ...report.notices];
  const sources = new Map<string, string>();
  const excerpt = (m: LinterMessage) => {
    if (!m.file) return '';
    if (!sources.has(m.file)) sources.set(m.file, existsSync(join(dir, m.file)) ? readFileSync(join(dir, m.file), 'utf8') : '');
    return sourceAround(sources.get(m.file) ?? '', m.line, m.column);
  };
  const { expected, unexpected } = classifyLinterMessages(messages, excerpt);
  console.log(`addons-linter (firefox-mv2): ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices; ${expected.length} expected, ${unexpected.length} to fix`);
  for (const { message, why } of expected) console.log(`  expected ${message.code} ${message.file}:${message.line}:${message.column} — ${why}`);
  for (const m of unexpected) console.log(`  ${(m._type ?? m.type ?? '').toUpperCase()} ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}:${m.column}` : ''} — ${m.message}`);
  return unexpected.length;
}

function checkChrome(): number {
  const dir = join(out, 'chrome-mv3');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ExtManifest;
  const code = filesUnder(dir, '.js').map((f) => readFileSync(f, 'utf8')).join('\n');
  const findings = checkPermissions(manifest, code, readFileSync(join(root, 'README.md'), 'utf8'));
  const declared = [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? []), ...(manifest.host_permissions ?? []), ...(manifest.optional_host_permissions ?? [])];
  console.log(`permissions (chrome-mv3): ${declared.join(', ')}; ${findings.length} findings`);
  for (const f of findings) console.log(`  ${f.problem.toUpperCase()} ${f.message}`);
  return findings.length;
}

const started = Date.now();
try {
  ensureBuilt('firefox-mv2', ['-b', 'firefox']);
  ensureBuilt('chrome-mv3', []);
  const problems = lintFirefox() + checkChrome();
  const took = `${((Date.now() - started) / 1000).toFixed(1)} s`;
  if (problems > 0) {
    console.error(`lint:ext: FAILED — ${problems} finding(s) in ${relative(root, out)}/ (${took})`);
    process.exit(1);
  }
  console.log(`lint:ext: clean (${took})`);
} catch (error) {
  console.error(`lint:ext: FAILED — ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
