import { EDITABLE_SELECTOR, isEditable } from './controls';
import { blur, clean } from './events';
import type { WidgetAdapter } from './types';

function editableIn(cell: Element): HTMLElement {
  return (isEditable(cell) ? cell : cell.querySelector(EDITABLE_SELECTOR)) as HTMLElement;
}

/** Puts text into a contenteditable element as typing would: focus, replace the text, input events. */
export function typeInto(el: HTMLElement, value: string): void {
  const win = el.ownerDocument.defaultView!;
  if (el.ownerDocument.activeElement !== el) el.focus({ preventScroll: true });
  el.dispatchEvent(new win.InputEvent('beforeinput', { bubbles: true, cancelable: true, composed: true, inputType: 'insertText', data: value }));
  el.textContent = value;
  el.dispatchEvent(new win.InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }));
}

/** A cell that is itself editable text (or holds an always-open contenteditable). */
export const contenteditableAdapter: WidgetAdapter = {
  kind: 'contenteditable',
  matches: isEditable,
  fits: (cell) => cell.matches(EDITABLE_SELECTOR) || cell.querySelector(EDITABLE_SELECTOR) !== null,
  read: (cell) => clean(editableIn(cell).textContent ?? ''),
  write(cell, value) {
    const el = editableIn(cell);
    typeInto(el, value);
    blur(el);
  },
  canWriteNow: () => true,
};
