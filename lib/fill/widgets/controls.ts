import { normaliseLabel, sameChoice } from '../labels';

export { sameChoice } from '../labels';

/** Text fields: inputs that take typing, and textareas. */
export const INPUT_SELECTOR = 'input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]):not([type="button"]), textarea';
export const EDITABLE_SELECTOR = '[contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]';

/** Input types that are not text fields (what INPUT_SELECTOR's :not()s leave out). */
const NOT_TEXT_INPUTS = new Set(['hidden', 'checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'file']);

/** `el.matches(INPUT_SELECTOR)` without the selector engine (asked for every cell of a big grid). */
export function isTextControl(el: Element): boolean {
  const tag = el.tagName;
  if (tag === 'TEXTAREA') return true;
  return tag === 'INPUT' && !NOT_TEXT_INPUTS.has((el.getAttribute('type') ?? '').toLowerCase());
}

export const isSelect = (el: Element): boolean => el.tagName === 'SELECT';

export function isEditable(el: Element): boolean {
  return el.hasAttribute('contenteditable') && (el as HTMLElement).isContentEditable !== false && el.getAttribute('contenteditable') !== 'false';
}

/** The cell itself, its lone child, or else the first element inside it that passes `test` (by `selector`). */
export function controlIn(cell: Element, test: (el: Element) => boolean, selector: string): Element | null {
  if (test(cell)) return cell;
  const only = cell.childElementCount === 1 ? cell.firstElementChild : null;
  if (only && test(only)) return only;
  return cell.querySelector(selector);
}

/** classList.contains behind a plain string test: most cells of a plain grid have no class at all. */
export function hasClass(el: Element, name: string): boolean {
  const cls = el.getAttribute('class');
  return cls !== null && cls.includes(name) && el.classList.contains(name);
}

export function optionText(el: Element): string {
  return normaliseLabel(el.textContent ?? '');
}

/** The option of a native select showing `value`: as written first (one pass, no string work), else as labels compare. */
export function nativeOption(select: HTMLSelectElement, value: string, symbolAware = false): HTMLOptionElement | undefined {
  const options = select.options;
  for (let i = 0; i < options.length; i += 1) {
    const o = options[i]!;
    if (o.value === value || o.text === value) return o;
  }
  const want = normaliseLabel(value);
  for (let i = 0; i < options.length; i += 1) {
    const o = options[i]!;
    if (normaliseLabel(o.textContent ?? '') === want || normaliseLabel(o.value) === want) return o;
  }
  if (symbolAware) {
    for (let i = 0; i < options.length; i += 1) {
      const o = options[i]!;
      if (o.value !== '' && sameChoice(o.textContent ?? '', value)) return o;
    }
  }
  return undefined;
}
