/** Vite plugin: `import seed from 'virtual:portal-seed'` gives the pages the seed projects as JSON. */
import type { Plugin } from 'vite';
import { FIXTURE_PATH, loadSeed } from './load-seed';

const VIRTUAL_ID = 'virtual:portal-seed';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

export function portalSeedPlugin(): Plugin {
  return {
    name: 'tianbao-portal-seed',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : null;
    },
    load(id) {
      if (id !== RESOLVED_ID) return null;
      this.addWatchFile(FIXTURE_PATH);
      return `export default ${JSON.stringify(loadSeed())};`;
    },
  };
}
