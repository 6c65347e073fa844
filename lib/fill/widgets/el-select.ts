import { normaliseLabel } from '../labels';
import { waitFor } from '../wait';
import { hasClass, optionText, sameChoice } from './controls';
import { clean, click, pressKey, setNativeValue } from './events';
import type { WidgetAdapter, WriteContext } from './types';

function elSelectRoot(cell: Element): HTMLElement | null {
  return (cell.matches('.el-select') ? cell : cell.querySelector('.el-select')) as HTMLElement | null;
}

/** The dropdown list an el-select controls (teleported to body; named by the input's aria-controls). */
function elSelectOptions(root: HTMLElement): HTMLElement[] {
  const input = root.querySelector<HTMLInputElement>('input');
  const id = input?.getAttribute('aria-controls');
  const list = id ? root.ownerDocument.getElementById(id) : null;
  const scope = list?.closest('.el-select-dropdown, .el-popper') ?? list;
  return scope ? Array.from(scope.querySelectorAll<HTMLElement>('.el-select-dropdown__item, [role="option"]')) : [];
}

function finder(root: HTMLElement, value: string, field?: string): () => HTMLElement | undefined {
  const want = normaliseLabel(value);
  return () => {
    const options = elSelectOptions(root).filter((o) => !o.classList.contains('is-disabled'));
    return options.find((o) => optionText(o) === want) ?? (field === 'symbol' ? options.find((o) => sameChoice(o.textContent ?? '', value)) : undefined);
  };
}

async function writeElSelect(cell: Element, value: string, ctx: WriteContext): Promise<void> {
  const root = elSelectRoot(cell)!;
  const doc = root.ownerDocument;
  const find = finder(root, value, ctx.field);
  // Options of a persistent el-select exist while closed: picking one directly is what a click does.
  let option = find();
  const typeable = root.querySelector<HTMLInputElement>('input.el-select__input');
  // A persistent el-select renders its options while closed: when the value is not among them, opening
  // the dropdown will not add it — go straight to typing it (filterable + allow-create), no wait.
  const openFirst = !(elSelectOptions(root).length > 0 && typeable && !typeable.readOnly);
  if (!option && openFirst) {
    click(root.querySelector<HTMLElement>('.el-select__wrapper') ?? root);
    option = await waitFor(doc, find, { timeout: 300, what: `选项「${value}」`, signal: ctx.signal }).catch(() => undefined);
  }
  if (!option) {
    // Free entry (filterable + allow-create): type the value, then take the option it creates.
    const input = root.querySelector<HTMLInputElement>('input.el-select__input');
    if (!input || input.readOnly) throw new Error(`下拉框没有选项「${value}」`);
    setNativeValue(input, value);
    option = await waitFor(doc, find, { timeout: ctx.timeout ?? 1500, what: `选项「${value}」`, signal: ctx.signal });
  }
  click(option);
  const wrapper = root.querySelector<HTMLElement>('.el-select__wrapper');
  if (root.querySelector('input')?.getAttribute('aria-expanded') === 'true' && wrapper) {
    // Close the dropdown again, as a person's click elsewhere would.
    pressKey(root.querySelector('input')!, 'Escape', 27);
  }
}

/** Element Plus el-select (options teleported to body). */
export const elSelectAdapter: WidgetAdapter = {
  kind: 'el-select',
  matches: (el) => hasClass(el, 'el-select'),
  fits: (cell) => elSelectRoot(cell) !== null,
  read(cell) {
    const root = elSelectRoot(cell)!;
    const shown = root.querySelector('.el-select__placeholder:not(.is-transparent), .el-select__tags-text');
    return clean(shown?.textContent ?? '');
  },
  write: writeElSelect,
  canWriteNow(cell, value) {
    const root = elSelectRoot(cell);
    return root !== null && finder(root, value)() !== undefined;
  },
};
