/**
 * The legacy system's own message box (a FASP-style "系统提示" window). In-page, never window.alert /
 * confirm: native dialogs block the page and are not what these systems show.
 */
import $ from 'jquery';

export interface DialogButton {
  label: string;
  value: string;
  primary?: boolean;
}

/** Shows a modal message box in `doc` and resolves with the pressed button's value. */
export function showDialog(
  doc: Document,
  options: { title?: string; message: string; details?: readonly string[]; kind?: 'info' | 'error' | 'success' | 'question'; buttons?: DialogButton[] },
): Promise<string> {
  const buttons = options.buttons ?? [{ label: '确定', value: 'ok', primary: true }];
  const icon = { info: 'i', error: '×', success: '√', question: '?' }[options.kind ?? 'info'];
  return new Promise((resolve) => {
    const $mask = $('<div class="lg-mask"></div>', doc);
    const $box = $('<div class="lg-dialog" role="dialog"></div>', doc);
    $box.append($('<div class="lg-dialog-title"></div>', doc).text(options.title ?? '系统提示'));
    const $body = $('<div class="lg-dialog-body"></div>', doc);
    $body.append($(`<span class="lg-dialog-icon lg-icon-${options.kind ?? 'info'}"></span>`, doc).text(icon));
    const $text = $('<div class="lg-dialog-text"></div>', doc).append($('<p class="lg-dialog-message"></p>', doc).text(options.message));
    if (options.details?.length) {
      const $list = $('<ol class="lg-dialog-details"></ol>', doc);
      for (const d of options.details) $list.append($('<li></li>', doc).text(d));
      $text.append($list);
    }
    $body.append($text);
    $box.append($body);
    const $foot = $('<div class="lg-dialog-foot"></div>', doc);
    for (const b of buttons) {
      $('<button type="button" class="lg-btn"></button>', doc)
        .toggleClass('lg-btn-primary', Boolean(b.primary))
        .text(b.label)
        .on('click', () => {
          $mask.remove();
          $box.remove();
          resolve(b.value);
        })
        .appendTo($foot);
    }
    $box.append($foot);
    $(doc.body).append($mask, $box);
    $foot.find('.lg-btn-primary').first().trigger('focus');
  });
}
