import { controlIn, isSelect, nativeOption } from './controls';
import { announceFocus, clean } from './events';
import type { WidgetAdapter } from './types';

/** Writes an option of a native `<select>` by its label (or, for 计算符号, by the sign it stands for). */
export function selectOption(select: HTMLSelectElement, value: string, symbolAware = false): void {
  const option = nativeOption(select, value, symbolAware);
  if (!option) throw new Error(`下拉框没有选项「${value}」`);
  const win = select.ownerDocument.defaultView!;
  // Focus announced by events, not moved (a real focus() per select forces a style recalculation).
  announceFocus(select);
  select.value = option.value;
  select.dispatchEvent(new win.Event('input', { bubbles: true, composed: true }));
  select.dispatchEvent(new win.Event('change', { bubbles: true, composed: true }));
}

/** The label a native select shows ('' for the empty option). */
export function selectedLabel(select: HTMLSelectElement): string {
  // options[selectedIndex], not selectedOptions (a new collection per call).
  const option = select.selectedIndex >= 0 ? select.options[select.selectedIndex] : undefined;
  return option && option.value !== '' ? clean(option.textContent ?? option.value) : '';
}

/** A native `<select>` in the cell. */
export const nativeSelectAdapter: WidgetAdapter = {
  kind: 'native-select',
  matches: isSelect,
  fits: (cell) => cell.matches('select') || cell.querySelector('select') !== null,
  read: (cell, control) => selectedLabel((control ?? controlIn(cell, isSelect, 'select')) as HTMLSelectElement),
  write(cell, value, ctx) {
    selectOption(controlIn(cell, isSelect, 'select') as HTMLSelectElement, value, ctx.field === 'symbol');
  },
  canWriteNow: () => true,
};
