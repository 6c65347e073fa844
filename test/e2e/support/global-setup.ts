/**
 * Vitest global setup for the e2e suite: build the replica portals and the extension (production build
 * for the replica's origin) once each, skipped when up to date.
 */
import { buildExtension } from './extension';
import { buildPortal } from './portal-server';

export default async function setup(): Promise<void> {
  const started = performance.now();
  const built = await buildPortal();
  if (built) console.log(`e2e: built the replica portals in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const extStarted = performance.now();
  if (await buildExtension()) console.log(`e2e: built the extension in ${((performance.now() - extStarted) / 1000).toFixed(1)} s`);
}
