/**
 * Node side: reads the seed fixture through the foundation importer and converts it to the replicas'
 * starting data. Imported by the Vite config (never by a page), so page bundles do not carry the parser.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseText } from '../../../lib/parse/index';
import type { PortalSeed } from '../shared/model';
import { toPortalSeed } from './to-portal';

/** The seed fixture (never edited). */
export const FIXTURE_PATH = fileURLToPath(new URL('../../fixtures/baiyun-perf-targets.txt', import.meta.url));

/** Parses the fixture; an importer failure fails the build rather than serving made-up data. */
export function loadSeed(fixturePath = FIXTURE_PATH): PortalSeed {
  const text = readFileSync(fixturePath, 'utf8');
  return toPortalSeed(parseText(text, { file: 'baiyun-perf-targets.txt' }), 'test/fixtures/baiyun-perf-targets.txt');
}
