/**
 * Background service worker: owns the template DB (IndexedDB in the extension origin) and answers the
 * typed messages of lib/messaging.ts. Listeners are registered synchronously on start, as MV3 requires;
 * the DB opens in parallel and handlers wait for it.
 */
import { browser } from 'wxt/browser';
import { LibraryError, TemplateLibrary } from '../db/library';
import { createMessageListener, type EventOf, type EventType, eventMessage, type Sender } from '../messaging';
import { InputError } from '../parse/errors';
import { libraryHandlers } from './library-handlers';
import { protocol } from './protocol';
import { requestPersistence } from './persist';

/** Whether a message comes from one of our own pages (side panel, options), not a content script. */
export function isExtensionPage(sender: Sender, runtimeId: string, extensionOrigin: string): boolean {
  return sender.id === runtimeId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

function emit<K extends EventType>(event: K, payload: EventOf<K>): void {
  // No page may be listening: Chrome rejects with "Receiving end does not exist", which is fine.
  browser.runtime.sendMessage(eventMessage(event, payload)).catch(() => undefined);
}

export function startBackground(): void {
  let persisted: boolean | null = null;
  const opening = TemplateLibrary.open();
  opening.catch((error: unknown) => console.error('[tianbao] library failed to open', error));
  void requestPersistence(globalThis.navigator?.storage).then((p) => {
    persisted = p;
  });
  const handlers = libraryHandlers(() => opening, { emit, persisted: () => persisted });
  const origin = browser.runtime.getURL('/');
  const listener = createMessageListener(protocol, handlers, {
    isExtensionPage: (sender) => isExtensionPage(sender, browser.runtime.id, origin),
    toWireError: (error) => {
      if (error instanceof LibraryError) return { code: error.code, message: error.message };
      if (error instanceof InputError) return { code: 'input', message: error.message };
      console.error('[tianbao] message handler failed', error);
      return { code: 'internal', message: `内部错误 / internal error: ${error instanceof Error ? error.message : String(error)}` };
    },
  });
  browser.runtime.onMessage.addListener(listener);
}
