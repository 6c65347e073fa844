/**
 * The events a person's actions fire, dispatched on the page's own elements: focus, typing, keys, clicks.
 * Legacy fields (`which`, `keyCode`, `button`, coordinates) go in the init dictionaries: a property set on
 * the event object would live only in the content script's isolated world, unseen by the page.
 */

export function clean(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * Fires the focus/focusin pair a person's click into a field fires, without moving the browser's focus:
 * a real `focus()` forces a style recalculation of the whole page on every field, which on a large
 * Element Plus grid costs more than the write itself, and it would pull the user's caret around.
 */
export function announceFocus(el: HTMLElement): void {
  const win = el.ownerDocument.defaultView!;
  el.dispatchEvent(new win.FocusEvent('focus', { bubbles: false, composed: true }));
  el.dispatchEvent(new win.FocusEvent('focusin', { bubbles: true, composed: true }));
}

/**
 * Sets an input's value through the prototype setter (bypassing framework wrappers) and fires the events a
 * person's typing fires. `focus: 'events'` announces focus by events only (batch writes into plain fields);
 * the default moves real focus (editors and filterable dropdowns that read the active element).
 */
export function setNativeValue(input: HTMLInputElement | HTMLTextAreaElement, value: string, options: { focus?: 'real' | 'events' } = {}): void {
  const win = input.ownerDocument.defaultView!;
  const proto = input instanceof win.HTMLTextAreaElement ? win.HTMLTextAreaElement.prototype : win.HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (options.focus === 'events') announceFocus(input);
  // An editor the page has just focused itself (SlickGrid's) needs no second focus(), which is not free.
  else if (input.ownerDocument.activeElement !== input) input.focus({ preventScroll: true });
  if (setter) setter.call(input, value);
  else input.value = value;
  input.dispatchEvent(new win.InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }));
  input.dispatchEvent(new win.Event('change', { bubbles: true, composed: true }));
}

/** Fires blur/focusout so frameworks that commit on blur (el-input-number) take the value. */
export function blur(input: HTMLElement): void {
  const win = input.ownerDocument.defaultView!;
  input.dispatchEvent(new win.FocusEvent('blur', { bubbles: false, composed: true }));
  input.dispatchEvent(new win.FocusEvent('focusout', { bubbles: true, composed: true }));
  // Only when it really has focus: blur() on another element still costs a style recalculation.
  if (input.ownerDocument.activeElement === input) input.blur();
}

/**
 * A keydown/keyup pair with the legacy `which`/`keyCode` that older grids (SlickGrid, IE-era tables) read.
 */
export function pressKey(target: HTMLElement, key: 'Enter' | 'Escape' | 'Tab', keyCode: number): void {
  const win = target.ownerDocument.defaultView!;
  for (const type of ['keydown', 'keyup'] as const) {
    const init = { key, code: key, keyCode, which: keyCode, bubbles: true, cancelable: true, composed: true } as KeyboardEventInit;
    target.dispatchEvent(new win.KeyboardEvent(type, init));
  }
}

/** The middle of an element's box in its frame's viewport (0, 0 when it has no box). */
export function centre(el: Element): { clientX: number; clientY: number } {
  const rect = el.getBoundingClientRect();
  return { clientX: Math.round(rect.left + rect.width / 2), clientY: Math.round(rect.top + rect.height / 2) };
}

type PointerType = 'pointerdown' | 'mousedown' | 'pointerup' | 'mouseup' | 'click' | 'dblclick';

/** One pointer or mouse event as a person's left button sends it, with coordinates and `button`/`which`. */
export function pointer(el: HTMLElement, type: PointerType, at = centre(el)): void {
  const win = el.ownerDocument.defaultView!;
  const init = {
    bubbles: true,
    cancelable: true,
    composed: true,
    view: win,
    button: 0,
    buttons: type === 'mousedown' || type === 'pointerdown' ? 1 : 0,
    which: 1,
    detail: type === 'dblclick' ? 2 : 1,
    ...at,
    screenX: at.clientX,
    screenY: at.clientY,
  } as MouseEventInit;
  const Ctor = type.startsWith('pointer') ? win.PointerEvent : win.MouseEvent;
  el.dispatchEvent(new Ctor(type, init));
}

/** A full pointer click as a person's (some widgets open on mousedown, others on click). */
export function click(el: HTMLElement): void {
  const at = centre(el);
  pointer(el, 'pointerdown', at);
  pointer(el, 'mousedown', at);
  pointer(el, 'pointerup', at);
  pointer(el, 'mouseup', at);
  pointer(el, 'click', at);
}

/**
 * A click on an element that the page may replace while it is pressed (grids that redraw their body on
 * the mousedown that commits the previous edit): after each event the element is looked up again with
 * `relocate`, and the next event goes to the live one — Chromium sends no click to a node that was
 * swapped out between mousedown and mouseup, and neither would a person's click reach the old node.
 */
export function pressLive(first: HTMLElement, relocate: () => HTMLElement | null): HTMLElement {
  let el = first;
  const live = () => {
    const now = el.isConnected ? el : relocate();
    if (now) el = now;
    return el;
  };
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'] as const) pointer(live(), type);
  return live();
}
