/**
 * A React root in happy-dom for component tests: a fresh container and root (and a reset fake browser)
 * before each test, unmounted and removed after it, with spies restored. Call at the top of a test file,
 * before the file's own hooks (which then run after these).
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface ReactRoot {
  readonly container: HTMLElement;
  readonly root: Root;
}

export function reactRoot(): ReactRoot {
  let container: HTMLElement | undefined;
  let root: Root | undefined;
  beforeEach(() => {
    fakeBrowser.reset();
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(() => {
    act(() => root?.unmount());
    container?.remove();
    vi.restoreAllMocks();
  });
  return {
    get container() {
      if (!container) throw new Error('no container outside a test');
      return container;
    },
    get root() {
      if (!root) throw new Error('no React root outside a test');
      return root;
    },
  };
}
