/**
 * The runtime protocol map the background validates requests with: every area's message schemas,
 * joined. Its type must be the `Protocol` of lib/messaging.ts, so an area left out is a compile error.
 */
import { libraryMessages } from '../library/messages';
import { pageMessages } from '../page/messages';
import type { MessageSpec, Protocol } from '../messaging';

export const protocol: Protocol & Record<string, MessageSpec> = { ...libraryMessages, ...pageMessages };
