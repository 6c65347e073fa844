/**
 * Vitest global setup for the e2e suite: build the replica portals, the extension (production build for
 * the replica's origin) and the plain build (the store package's, portals added at run time) once each,
 * skipped when up to date.
 */
import { buildExtension } from './extension';
import { buildPortal } from './portal-server';

export default async function setup(): Promise<void> {
  const started = performance.now();
  const built = await buildPortal();
  if (built) console.log(`e2e: built the replica portals in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const extStarted = performance.now();
  if (await buildExtension()) console.log(`e2e: built the extension in ${((performance.now() - extStarted) / 1000).toFixed(1)} s`);
  const plainStarted = performance.now();
  if (await buildExtension({ plain: true })) console.log(`e2e: built the plain extension in ${((performance.now() - plainStarted) / 1000).toFixed(1)} s`);
}
