import { waitFor } from '../wait';
import { hasClass } from './controls';
import { clean, click, pressKey, setNativeValue } from './events';
import { selectOption } from './native-select';
import type { WidgetAdapter } from './types';

/**
 * SlickGrid-style cell: activate it, open the editor with Enter (`which` 13), set the editor, commit with
 * Enter, and wait until the editor is gone. The cell node is looked up again by the caller on retry: a
 * commit re-renders the row and detaches the old nodes.
 */
export const slickCellAdapter: WidgetAdapter = {
  kind: 'slick-cell',
  matches: (el) => hasClass(el, 'slick-cell'),
  read(cell) {
    // An open editor shows the value being typed; the cell's text is the committed value.
    const editor = cell.querySelector<HTMLInputElement | HTMLSelectElement>('input, select, textarea');
    if (editor) return clean(editor instanceof HTMLSelectElement ? (editor.selectedOptions[0]?.textContent ?? '') : editor.value);
    return clean(cell.textContent ?? '');
  },
  async write(cell, value, ctx) {
    const doc = cell.ownerDocument;
    click(cell);
    const editorIn = () => {
      const active = doc.querySelector<HTMLElement>('.slick-cell.active.editable, .slick-cell.editable') ?? null;
      return active?.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea') ?? null;
    };
    let editor = editorIn();
    if (!editor) {
      const active = doc.querySelector<HTMLElement>('.slick-cell.active') ?? cell;
      pressKey(active, 'Enter', 13);
      editor = await waitFor(doc, editorIn, { timeout: ctx.timeout ?? 1500, what: '单元格编辑器', signal: ctx.signal });
    }
    if (editor instanceof HTMLSelectElement) selectOption(editor, value, ctx.field === 'symbol');
    else setNativeValue(editor, value);
    pressKey(editor, 'Enter', 13);
    await waitFor(doc, () => !editor!.isConnected || !doc.querySelector('.slick-cell.editable'), {
      timeout: ctx.timeout ?? 1500,
      what: '提交单元格',
      signal: ctx.signal,
    });
  },
};
