import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEBIAN_CHROMIUM, findChromium } from '../../e2e/support/chromium';
import { resolveStaticPath } from '../../e2e/support/portal-server';

describe('findChromium', () => {
  const only = (...paths: string[]) => (p: string) => paths.includes(p);

  it.each([
    [{ CHROME_PATH: '/opt/chrome/chrome' }, only('/opt/chrome/chrome', DEBIAN_CHROMIUM), '/opt/chrome/chrome'],
    [{}, only(DEBIAN_CHROMIUM), DEBIAN_CHROMIUM],
    [{ CHROME_PATH: ' ' }, only(DEBIAN_CHROMIUM), DEBIAN_CHROMIUM],
  ])('env %j → %s', (env, exists, expected) => {
    expect(findChromium(env, exists)).toBe(expected);
  });

  it('says to install Debian’s chromium package when there is none', () => {
    expect(() => findChromium({}, only())).toThrow(/apt-get install chromium/);
  });

  it('refuses a CHROME_PATH that does not exist rather than silently using another browser', () => {
    expect(() => findChromium({ CHROME_PATH: '/nope' }, only(DEBIAN_CHROMIUM))).toThrow(/CHROME_PATH=\/nope/);
  });
});

describe('resolveStaticPath', () => {
  const root = mkdtempSync(join(tmpdir(), 'portal-static-'));
  mkdirSync(join(root, 'element'));
  writeFileSync(join(root, 'element', 'index.html'), '<p>');
  writeFileSync(join(root, 'index.html'), '<p>');

  it.each([
    ['/', { file: join(root, 'index.html') }],
    ['/element/', { file: join(root, 'element', 'index.html') }],
    ['/element', { redirect: '/element/' }],
    ['/element/index.html', { file: join(root, 'element', 'index.html') }],
    ['/missing.js', null],
    ['/../etc/passwd', null],
    ['/%2e%2e/%2e%2e/etc/passwd', null],
    ['/%E0%A4%A', null],
  ])('%s', (path, expected) => {
    expect(resolveStaticPath(root, path)).toEqual(expected);
  });
});
