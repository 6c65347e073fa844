/** Vitest global setup for the e2e suite: build the replica portals once (skipped when up to date). */
import { buildPortal } from './portal-server';

export default async function setup(): Promise<void> {
  const started = performance.now();
  const built = await buildPortal();
  if (built) console.log(`e2e: built the replica portals in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
