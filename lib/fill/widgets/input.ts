import { INPUT_SELECTOR, controlIn, isTextControl } from './controls';
import { blur, clean, setNativeValue } from './events';
import type { WidgetAdapter } from './types';

/** A text input or textarea in the cell (el-input, native inputs): the prototype setter plus input/change, then blur. */
export const inputAdapter: WidgetAdapter = {
  kind: 'input',
  matches: isTextControl,
  fits: (cell) => cell.matches(INPUT_SELECTOR) || cell.querySelector(INPUT_SELECTOR) !== null,
  read(cell, control) {
    const input = (control ?? controlIn(cell, isTextControl, INPUT_SELECTOR)) as HTMLInputElement;
    return clean(input.value);
  },
  write(cell, value) {
    const input = controlIn(cell, isTextControl, INPUT_SELECTOR) as HTMLInputElement;
    setNativeValue(input, value, { focus: 'events' });
    blur(input);
  },
  canWriteNow: () => true,
};
