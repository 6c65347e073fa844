/**
 * The tree replica's message box: an in-page modal (`div.msgbox` over `div.msgbox-mask`), never
 * window.alert / confirm. Used by the outer page (save messages, 送审) and the grid pages (删除).
 */

export interface MsgButton {
  label: string;
  value: string;
}

export interface MsgOptions {
  title?: string;
  message: string;
  /** A list under the message (the save check's problems). */
  details?: readonly string[];
  kind?: 'info' | 'error' | 'success' | 'question';
  /** Default: one 确定. */
  buttons?: readonly MsgButton[];
}

/** Shows a modal message box in `doc` and resolves with the pressed button's value. */
export function showMessage(doc: Document, options: MsgOptions): Promise<string> {
  const buttons = options.buttons ?? [{ label: '确定', value: 'ok' }];
  const el = (tag: string, cls: string, text = '') => {
    const node = doc.createElement(tag);
    node.className = cls;
    if (text) node.textContent = text;
    return node;
  };
  return new Promise((resolve) => {
    const mask = el('div', 'msgbox-mask');
    const box = el('div', `msgbox msgbox-${options.kind ?? 'info'}`);
    box.append(el('div', 'msgbox-title', options.title ?? '系统提示'));
    const body = el('div', 'msgbox-body');
    body.append(el('span', 'msgbox-icon', { info: 'i', error: '!', success: '√', question: '?' }[options.kind ?? 'info']));
    const text = el('div', 'msgbox-text');
    text.append(el('div', 'msgbox-message', options.message));
    if (options.details?.length) {
      const list = el('ul', 'msgbox-details');
      for (const d of options.details) list.append(el('li', '', d));
      text.append(list);
    }
    body.append(text);
    const foot = el('div', 'msgbox-btns');
    for (const b of buttons) {
      const button = el('button', 'btn', b.label) as HTMLButtonElement;
      button.type = 'button';
      button.addEventListener('click', () => {
        mask.remove();
        box.remove();
        resolve(b.value);
      });
      foot.append(button);
    }
    box.append(body, foot);
    doc.body.append(mask, box);
    (foot.firstElementChild as HTMLButtonElement | null)?.focus();
  });
}
