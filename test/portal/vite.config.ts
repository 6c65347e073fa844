/**
 * The replica portals: `npm run portal` serves them on http://127.0.0.1:$PORT (default 5174);
 * `vite build --config test/portal/vite.config.ts` writes test/portal/dist for the e2e suite.
 */
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { portalSeedPlugin } from './seed/seed-plugin';

const root = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const page = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export const DEFAULT_PORT = 5174;

export default defineConfig({
  root,
  base: '/',
  // Own cache so the portal never fights WXT's dev server over node_modules/.vite.
  cacheDir: fileURLToPath(new URL('../../node_modules/.vite-portal', import.meta.url)),
  plugins: [vue(), portalSeedPlugin()],
  clearScreen: false,
  server: {
    host: '127.0.0.1',
    port: Number(process.env.PORT) || DEFAULT_PORT,
    strictPort: true,
    fs: { allow: [repoRoot] },
  },
  preview: {
    host: '127.0.0.1',
    port: Number(process.env.PORT) || DEFAULT_PORT,
    strictPort: true,
  },
  optimizeDeps: {
    include: ['vue', 'element-plus', 'element-plus/es/locale/lang/zh-cn', 'slickgrid', 'jquery', 'sortablejs', 'vxe-table', 'vxe-pc-ui'],
  },
  build: {
    outDir: process.env.TIANBAO_PORTAL_DIST || fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      // zod's sources carry /*@__PURE__*/ comments Rollup cannot place; the warning is noise here.
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
      input: {
        home: page('./index.html'),
        element: page('./element/index.html'),
        legacy: page('./legacy/index.html'),
        legacyMenu: page('./legacy/menu.html'),
        legacyContent: page('./legacy/content.html'),
        legacyGrid: page('./legacy/grid.html'),
        custom: page('./custom/index.html'),
        tree: page('./tree/index.html'),
        treeGrid: page('./tree/grid.html'),
        merged: page('./merged/index.html'),
      },
    },
  },
});
