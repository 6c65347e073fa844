import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPortal } from '@/lib/page/controller';
import { parsePortalList } from '@/lib/portals';

// Evaluated at build time: portals a build ships with go in the manifest; with none, the background
// registers this script at run time for the origins the person grants.
declare const __TIANBAO_PORTALS__: string[] | undefined;
const BUILD_PORTALS: string[] =
  typeof __TIANBAO_PORTALS__ !== 'undefined' ? __TIANBAO_PORTALS__ : parsePortalList(globalThis.process?.env?.TIANBAO_PORTALS);

export default defineContentScript({
  matches: BUILD_PORTALS.length > 0 ? BUILD_PORTALS : ['https://portal.invalid/*'],
  registration: BUILD_PORTALS.length > 0 ? 'manifest' : 'runtime',
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    startPortal({
      doc: document,
      signal: ctx.signal,
      send: (message) => browser.runtime.sendMessage(message),
      listen: (handler) => {
        const listener = (message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void) => {
          const pending = handler(message);
          if (!pending) return false;
          void pending.then(sendResponse);
          return true;
        };
        browser.runtime.onMessage.addListener(listener);
        ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
      },
      language: browser.i18n.getUILanguage(),
    });
  },
});
