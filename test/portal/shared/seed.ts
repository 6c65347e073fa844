/** The seed projects the pages start from (generated on the Node side by seed/seed-plugin.ts). */
import raw from 'virtual:portal-seed';
import type { PortalSeed } from './model';

export const seed = raw as PortalSeed;
