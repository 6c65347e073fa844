import { defineConfig } from 'wxt';
import { parsePortalList } from './lib/portals';

/**
 * Build-time portal list: comma-separated match patterns (an organisation ships Tianbao pre-configured;
 * the demo and e2e builds set it to the replica portal's origin). Other origins are granted at runtime.
 */
const portals = parsePortalList(process.env.TIANBAO_PORTALS);

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
    permissions: ['storage', 'unlimitedStorage', 'scripting', 'activeTab', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: portals,
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'open-palette': { suggested_key: { default: 'Alt+Shift+F' }, description: '__MSG_commandOpenPalette__' },
    },
  }),
  vite: () => ({
    define: { __TIANBAO_PORTALS__: JSON.stringify(portals) },
    // The options page reads imports in a module worker; its parsers load xlsx/docx code on demand.
    worker: { format: 'es' as const },
  }),
});
