/**
 * Condition waits for the page side: a MutationObserver on the document plus a macrotask tick, bounded by a
 * timeout. Never a fixed sleep: a wait ends as soon as its condition holds. Ticks use a MessageChannel, not
 * requestAnimationFrame, because a portal tab filled from the side panel may be in the background, where
 * frames stop and timers are throttled.
 */

/** Runs `fn` on the next macrotask (after the page framework's microtask re-render has flushed). */
export function nextTask(win: Window, fn: () => void): () => void {
  const channel = new (win as Window & typeof globalThis).MessageChannel();
  let cancelled = false;
  channel.port1.onmessage = () => {
    channel.port1.close();
    if (!cancelled) fn();
  };
  channel.port2.postMessage(null);
  return () => {
    cancelled = true;
    channel.port1.close();
  };
}

/** Resolves on the next macrotask. */
export function tick(win: Window): Promise<void> {
  return new Promise((resolve) => nextTask(win, resolve));
}

export class WaitTimeout extends Error {
  constructor(what: string, ms: number) {
    super(`等待超时(${ms} ms): ${what}`);
    this.name = 'WaitTimeout';
  }
}

/** Resolves with the first truthy value of `check`, re-checked on DOM mutations and animation frames. */
export function waitFor<T>(
  doc: Document,
  check: () => T | null | undefined | false,
  options: { timeout?: number; what?: string; signal?: AbortSignal } = {},
): Promise<T> {
  const { timeout = 3000, what = 'condition', signal } = options;
  const first = check();
  if (first) return Promise.resolve(first);
  const win = doc.defaultView!;
  return new Promise<T>((resolve, reject) => {
    let done = false;
    let pollTimer = 0;
    const finish = (fn: () => void) => {
      if (done) return;
      done = true;
      observer.disconnect();
      win.clearTimeout(timer);
      win.clearTimeout(pollTimer);
      signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const poll = () => {
      const value = check();
      if (value) finish(() => resolve(value));
      // Mutations wake the wait at once; the slow poll only covers conditions the DOM does not signal.
      else if (!done) pollTimer = win.setTimeout(poll, 25);
    };
    const observer = new win.MutationObserver(() => {
      const value = check();
      if (value) finish(() => resolve(value));
    });
    const onAbort = () => finish(() => reject(signal?.reason ?? new Error('aborted')));
    observer.observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });
    const timer = win.setTimeout(() => finish(() => reject(new WaitTimeout(what, timeout))), timeout);
    signal?.addEventListener('abort', onAbort);
    pollTimer = win.setTimeout(poll, 0);
  });
}

/**
 * Resolves once the DOM has had no mutation for one macrotask after at least one has passed — the page's
 * framework has flushed its re-render. Bounded by `timeout`.
 */
export function settled(doc: Document, timeout = 1500): Promise<void> {
  const win = doc.defaultView!;
  return new Promise<void>((resolve) => {
    let dirty = true;
    let cancelTick = () => {};
    const observer = new win.MutationObserver(() => {
      dirty = true;
    });
    const finish = () => {
      observer.disconnect();
      win.clearTimeout(timer);
      cancelTick();
      resolve();
    };
    const check = () => {
      if (!dirty) return finish();
      dirty = false;
      cancelTick = nextTask(win, check);
    };
    observer.observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });
    const timer = win.setTimeout(finish, timeout);
    cancelTick = nextTask(win, check);
  });
}
