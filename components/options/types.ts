/** Shapes the options page passes between its sections. */
import type { ResponseOf } from '@/lib/messaging';

/** Counts, tags and built-in state of the library (`library.stats`). */
export type LibraryStats = ResponseOf<'library.stats'>;
