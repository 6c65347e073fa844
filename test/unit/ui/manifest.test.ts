import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { finishManifest, OPTIONAL_ORIGINS, RUNTIME_PLACEHOLDER, type ManifestLike } from '../../../lib/manifest';

// What WXT 0.21 generates before the hook (copied from real builds, trimmed to the keys that matter).
const chromeGenerated = (hosts: string[]): ManifestLike => ({
  manifest_version: 3,
  permissions: ['storage', 'unlimitedStorage', 'scripting', 'activeTab', 'sidePanel'],
  host_permissions: hosts,
  optional_host_permissions: ['http://*/*', 'https://*/*'],
  side_panel: { default_path: 'sidepanel.html' },
});
const firefoxGenerated = (hosts: string[]): ManifestLike => ({
  manifest_version: 2,
  // MV2: WXT moves host permissions into `permissions` and drops optional_host_permissions.
  permissions: ['storage', 'unlimitedStorage', 'scripting', 'activeTab', ...hosts],
  sidebar_action: { default_panel: 'sidepanel.html', default_title: '填报助手' },
  browser_action: { default_title: '__MSG_extName__' },
});

describe('finishManifest', () => {
  it('Chrome without built-in portals asks for no host at install, and for any origin at run time', () => {
    const m = finishManifest(chromeGenerated([RUNTIME_PLACEHOLDER]), { browser: 'chrome', manifestVersion: 3, portals: [] });
    expect(m.host_permissions).toBeUndefined();
    expect(JSON.stringify(m)).not.toContain('portal.invalid');
    expect(m.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(m.permissions).toContain('sidePanel');
  });

  it('Chrome with built-in portals keeps them as host permissions', () => {
    const portals = ['http://127.0.0.1:5174/*', 'https://yth.czt.example.gov.cn/*'];
    const m = finishManifest(chromeGenerated([...portals]), { browser: 'chrome', manifestVersion: 3, portals });
    expect(m.host_permissions).toEqual(portals);
    expect(m.optional_host_permissions).toEqual([...OPTIONAL_ORIGINS]);
  });

  it('Firefox MV2 puts the optional origins in optional_permissions and drops the placeholder', () => {
    const m = finishManifest(firefoxGenerated([RUNTIME_PLACEHOLDER]), { browser: 'firefox', manifestVersion: 2, portals: [] });
    expect(m.permissions).toEqual(['storage', 'unlimitedStorage', 'scripting', 'activeTab']);
    expect(m.optional_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(m).not.toHaveProperty('optional_host_permissions');
    expect(m).not.toHaveProperty('host_permissions');
    expect(m.sidebar_action).toEqual({ default_panel: 'sidepanel.html', default_title: '__MSG_extName__' });
  });

  it('Firefox MV2 with built-in portals keeps them in permissions', () => {
    const portals = ['http://127.0.0.1:5174/*'];
    const m = finishManifest(firefoxGenerated(portals), { browser: 'firefox', manifestVersion: 2, portals });
    expect(m.permissions).toContain('http://127.0.0.1:5174/*');
    expect(m.optional_permissions).toEqual([...OPTIONAL_ORIGINS]);
  });

  it('Firefox MV2 merges optional origins that were still given as optional_host_permissions', () => {
    const m = finishManifest(
      { manifest_version: 2, permissions: [], optional_permissions: ['downloads'], optional_host_permissions: ['https://*.gov.cn/*'] },
      { browser: 'firefox', manifestVersion: 2, portals: [] },
    );
    expect(m.optional_permissions).toEqual(['downloads', 'https://*.gov.cn/*', 'http://*/*', 'https://*/*']);
  });

  it('the placeholder is the one the content script is given', () => {
    const entry = readFileSync(new URL('../../../entrypoints/portal.content/index.ts', import.meta.url), 'utf8');
    expect(entry).toContain(`'${RUNTIME_PLACEHOLDER}'`);
  });
});
