import { defineConfig } from 'wxt';
import { finishManifest, OPTIONAL_ORIGINS } from './lib/manifest';
import { parsePortalList } from './lib/portals';

/**
 * Build-time portal list: comma-separated match patterns (an organisation ships Tianbao pre-configured;
 * the demo and e2e builds set it to the replica portal's origin). Other origins are granted at runtime.
 */
const portals: readonly string[] = Object.freeze(parsePortalList(process.env.TIANBAO_PORTALS));

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  // The e2e suite and the demo build into their own folder (TIANBAO_OUT_DIR), beside the plain build.
  outDir: process.env.TIANBAO_OUT_DIR || '.output',
  // Explicit imports everywhere: auto-imports from components/ clashed with names declared in lib/.
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // Firefox has sidebar_action (from the sidepanel entrypoint) instead of the sidePanel permission.
    // No activeTab: nothing runs on a tab the person merely clicked (README "Permissions"; npm run lint:ext).
    permissions: ['storage', 'unlimitedStorage', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // A copy: WXT pushes the content script's match patterns into this array.
    host_permissions: [...portals],
    // Firefox MV2 gets these as optional_permissions (finishManifest below).
    optional_host_permissions: [...OPTIONAL_ORIGINS],
    action: { default_title: '__MSG_extName__' },
    // Firefox: the add-on ID AMO and addons-linter ask for, and Tianbao's data consent (it sends nothing
    // anywhere: everything stays in the browser's storage). Chrome warns on the key, so Firefox only.
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'tianbao@tianbao', data_collection_permissions: { required: ['none'] } } } }
      : {}),
    commands: {
      'open-palette': { suggested_key: { default: 'Alt+Shift+F' }, description: '__MSG_commandOpenPalette__' },
    },
  }),
  hooks: {
    // Drops the run-time registration placeholder from the permissions; MV2 optional origins (lib/manifest.ts).
    'build:manifestGenerated': (wxt, manifest) => {
      finishManifest(manifest as Parameters<typeof finishManifest>[0], {
        browser: wxt.config.browser,
        manifestVersion: wxt.config.manifestVersion,
        portals,
      });
    },
  },
  vite: () => ({
    define: { __TIANBAO_PORTALS__: JSON.stringify(portals) },
    // The options page reads imports in a module worker; its parsers load xlsx/docx code on demand.
    worker: { format: 'es' as const },
  }),
});
