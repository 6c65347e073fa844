// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Overlay, placePanel, saveSubmitButtonBoxes, type Box, type OverlayHandlers, type PanelPlacement } from '../../../lib/page/overlay';
import type { FillFailure, FillSummary } from '../../../lib/page/protocol';
import { failureLines, stringsFor } from '../../../lib/page/strings';

const VIEWPORT = { width: 1280, height: 800 };
const WIDTH = 620;
const panelLeft = (VIEWPORT.width - WIDTH) / 2;

/** A button box at `top`, `height` tall, centred horizontally unless `left` says otherwise. */
const button = (top: number, height = 32, left = 600, width = 80): Box => ({ left, top, right: left + width, bottom: top + height });

function covers(p: PanelPlacement, box: Box, width = WIDTH, viewport = VIEWPORT): boolean {
  const left = (viewport.width - width) / 2;
  return p.top < box.bottom && p.top + p.maxHeight > box.top && left < box.right && left + width > box.left;
}

describe('placePanel', () => {
  it('takes its usual place (12% from the top, up to 70% tall) when no button is in the way', () => {
    expect(placePanel(VIEWPORT, WIDTH, [])).toEqual({ top: 96, maxHeight: 560, clear: true });
    // Beside the panel, above or below the viewport: not in the way.
    expect(placePanel(VIEWPORT, WIDTH, [button(700, 32, 20), button(700, 32, panelLeft + WIDTH + 10), button(-100), button(900)])).toEqual({
      top: 96,
      maxHeight: 560,
      clear: true,
    });
  });

  it.each<[string, Box[], Partial<PanelPlacement>]>([
    ['a fixed footer with 保存 / 送审', [button(756, 36, 560), button(756, 36, 650)], { top: 96, maxHeight: 560 }],
    ['a footer just under the usual bottom edge', [button(600, 36)], { top: 32, maxHeight: 560 }],
    ['a toolbar at the top and a footer at the bottom', [button(10, 32, 300), button(760, 32, 900)], { top: 96, maxHeight: 560 }],
    ['a toolbar where the panel would start', [button(90, 40)], { top: 138 }],
    ['buttons in the middle of the page (the taller band below wins)', [button(380, 36)], { top: 424, maxHeight: 368 }],
    ['buttons at 1/4 and 3/4', [button(200, 32), button(600, 32)], { top: 240, maxHeight: 352 }],
  ])('keeps clear of %s, shrinking when it must', (_name, boxes, expected) => {
    const placement = placePanel(VIEWPORT, WIDTH, boxes);
    expect(placement).toMatchObject({ ...expected, clear: true });
    for (const box of boxes) expect(covers(placement, box), JSON.stringify(box)).toBe(false);
    expect(placement.top).toBeGreaterThanOrEqual(8);
    expect(placement.top + placement.maxHeight).toBeLessThanOrEqual(VIEWPORT.height - 8);
    expect(placement.maxHeight).toBeLessThanOrEqual(560);
  });

  it('falls back to its usual place, saying so, when no band between the buttons is tall enough', () => {
    const boxes = [button(100), button(220), button(340), button(460), button(580), button(700)];
    expect(placePanel(VIEWPORT, WIDTH, boxes)).toEqual({ top: 96, maxHeight: 560, clear: false });
  });

  it('fits a short viewport', () => {
    const viewport = { width: 800, height: 300 };
    const boxes = [button(262, 30, 380)];
    const placement = placePanel(viewport, 600, boxes);
    expect(placement.clear).toBe(true);
    expect(covers(placement, boxes[0]!, 600, viewport)).toBe(false);
    expect(placement.maxHeight).toBeGreaterThanOrEqual(150);
  });
});

describe('failureLines', () => {
  const failure: FillFailure = { step: 'write', set: 'annual', row: 2, field: 'unit', message: '下拉框里没有选项「个」', messageEn: 'the dropdown has no option “个”' };

  it('says where the fill stopped and why, Chinese first, then what became of its changes', () => {
    expect(failureLines(failure, 'fill', { rolledBack: true })).toEqual([
      { zh: '填充在「写入字段」这一步出错：年度 第3行「计量单位」', en: 'The fill stopped at “writing a field”: annual set, row 3, unit' },
      { zh: '原因：下拉框里没有选项「个」', en: 'Why: the dropdown has no option “个”' },
      { zh: '已撤回本次填充的全部改动', en: 'Everything this fill changed was put back' },
    ]);
    expect(failureLines(failure, 'fill', { kept: true })[2]).toEqual({ zh: '已保留已填入的部分', en: 'The part that landed was kept' });
    expect(failureLines(failure, 'fill', { rolledBack: false })[2]!.zh).toContain('未能全部撤回');
    expect(failureLines(failure, 'fill')).toHaveLength(2);
  });

  it.each([
    [{ step: 'add-rows', set: 'period' as const, message: '新增按钮没有反应', messageEn: 'the add button did nothing' }, '填充在「新增指标行」这一步出错：中长期'],
    [{ step: 'deadline', message: '页面 30 秒未响应', messageEn: 'no response in 30 s' }, '填充在「等待页面响应」这一步出错'],
    [{ step: 'something-new', row: 0, field: 'level2', message: '未知', messageEn: 'unknown' }, '填充在「something-new」这一步出错：第1行「二级指标」'],
  ])('names the step, set, row and field it knows (%#)', (f, zh) => {
    expect(failureLines(f, 'fill')[0]!.zh).toBe(zh);
  });

  it('tells an undo that stopped without a fill outcome', () => {
    const lines = failureLines({ step: 'delete-rows', set: 'period', row: 5, message: '确认框没有出现', messageEn: 'no confirm dialog' }, 'undo', { rolledBack: true });
    expect(lines.map((l) => l.zh)).toEqual(['撤销在「删除新增的行」这一步出错：中长期 第6行', '原因：确认框没有出现']);
    expect(lines[0]!.en).toBe('The undo stopped at “deleting the added rows”: period set, row 6');
  });
});

describe('Overlay', () => {
  const t = stringsFor('zh-CN');
  let overlay: Overlay;
  let handlers: OverlayHandlers;

  beforeEach(() => {
    document.body.innerHTML = '<input id="page-field"><div id="footer"><button id="save">保 存</button><button id="submit"><span>送审</span></button><a href="#">保存草稿</a></div>';
    handlers = { onOpenPalette: vi.fn(), onQuery: vi.fn(), onChoose: vi.fn(), onUndo: vi.fn(), onCapture: vi.fn(), onReveal: vi.fn() };
    overlay = new Overlay(document, t, handlers);
  });
  afterEach(() => {
    overlay.destroy();
    vi.restoreAllMocks();
  });

  const q = <E extends Element = HTMLElement>(testid: string) => overlay.host.shadowRoot!.querySelector<E>(`[data-testid="${testid}"]`);
  const palette = () => overlay.host.shadowRoot!.querySelector<HTMLElement>('.panel')!;
  const esc = (target: EventTarget) => {
    const event = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true });
    target.dispatchEvent(event);
    return event;
  };

  const mismatches = (n: number): FillSummary['mismatches'] =>
    Array.from({ length: n }, (_, i) => ({ set: i % 2 ? 'annual' : 'period', row: i, field: 'value', expected: `${i}`, actual: '' }) as const);

  it('closes the palette with Esc when the focus is in the page, and with Esc inside it', () => {
    overlay.openPalette();
    expect(overlay.paletteOpen).toBe(true);
    const field = document.getElementById('page-field')!;
    field.focus();
    const pageKey = vi.fn();
    document.addEventListener('keydown', pageKey);
    const event = esc(field);
    expect(overlay.paletteOpen).toBe(false);
    expect(event.defaultPrevented).toBe(true);
    expect(pageKey).not.toHaveBeenCalled();

    overlay.openPalette();
    esc(q('palette-search')!);
    expect(overlay.paletteOpen).toBe(false);

    // Nothing of Tianbao's open: the page keeps its Esc.
    const later = esc(field);
    expect(later.defaultPrevented).toBe(false);
    expect(pageKey).toHaveBeenCalledTimes(1);
    document.removeEventListener('keydown', pageKey);
  });

  it('closes the report (not the palette) with its close button; Esc closes both', () => {
    overlay.openPalette();
    overlay.showReport('done', { ok: true, written: 24, mismatches: [], skipped: 0, durationMs: 900 }, true);
    const report = q('fill-report')!;
    expect(report.hidden).toBe(false);
    expect(report.classList.contains('ok')).toBe(true);
    expect(report.textContent).toContain('已填充 24 个字段,全部核对无误');
    q<HTMLButtonElement>('fill-report-close')!.click();
    expect(report.hidden).toBe(true);
    expect(overlay.paletteOpen).toBe(true);
    overlay.showMessage('已撤销本次填充');
    expect(report.hidden).toBe(false);
    esc(document.body);
    expect(overlay.paletteOpen).toBe(false);
  });

  it('leaves Esc to the submit guard while it is open', async () => {
    overlay.openPalette();
    const choice = overlay.askBeforeSubmit([{ key: 'k', rule: 'goal.missing', severity: 'error', project: 'p', message: '缺少绩效目标' }]);
    esc(q('submit-cancel')!);
    await expect(choice).resolves.toBe('back');
    expect(overlay.paletteOpen).toBe(true);
    esc(document.body);
    expect(overlay.paletteOpen).toBe(false);
  });

  it('keeps a report of 48 failed fields bounded: a 40vh box whose body scrolls', () => {
    overlay.openPalette();
    overlay.showReport('done', { ok: false, written: 10, mismatches: mismatches(48), skipped: 0, durationMs: 900 }, true);
    const report = q('fill-report')!;
    expect(report.classList.contains('bad')).toBe(true);
    const items = report.querySelectorAll('.body [data-testid="fill-mismatches"] li');
    expect(items).toHaveLength(48);
    expect(items[1]!.textContent).toBe('年度 第2行「指标值」：应为「1」，页面上是「空」');
    const style = overlay.host.shadowRoot!.querySelector('style')!.textContent!;
    expect(style).toMatch(/\.report \{[^}]*max-height: 40vh[^}]*overflow: hidden/);
    expect(style).toMatch(/\.report \.body \{[^}]*min-height: 0[^}]*overflow: auto/);
    expect(style).toMatch(/\.panel \{[^}]*overflow: hidden/);
    // The report's title and close button stay outside the scrolling body.
    expect(report.querySelector('.title')!.textContent).toBe('48 个字段未能填入,请核对:');
    expect(report.querySelector('.body [data-testid="fill-report-close"]')).toBeNull();
  });

  it('shows a failed fill first: where and why in Chinese then English, what was put back, then the fields', () => {
    overlay.openPalette();
    const failure: FillFailure = { step: 'write', set: 'period', row: 4, field: 'symbol', message: '计算符号下拉框没有打开', messageEn: 'the symbol dropdown did not open' };
    overlay.showReport('done', { ok: false, written: 7, mismatches: mismatches(3), skipped: 2, durationMs: 5000, failure, rolledBack: true }, false);
    const report = q('fill-report')!;
    expect(report.classList.contains('bad')).toBe(true);
    expect(report.querySelector('.title')!.textContent).toBe('填充未完成');
    const block = q('fill-failure')!;
    const lines = [...block.querySelectorAll('p')].map((p) => [p.getAttribute('lang'), p.textContent]);
    expect(lines).toEqual([
      ['zh-CN', '填充在「写入字段」这一步出错：中长期 第5行「计算符号」'],
      ['en', 'The fill stopped at “writing a field”: period set, row 5, symbol'],
      ['zh-CN', '原因：计算符号下拉框没有打开'],
      ['en', 'Why: the symbol dropdown did not open'],
      ['zh-CN', '已撤回本次填充的全部改动'],
      ['en', 'Everything this fill changed was put back'],
    ]);
    const body = report.querySelector('.body')!;
    expect(body.firstElementChild).toBe(block);
    expect(body.querySelectorAll('[data-testid="fill-mismatches"] li')).toHaveLength(3);
    expect(body.textContent).toContain('2 个已有内容的字段未覆盖');
    expect(q('fill-undo')!.hidden).toBe(true);

    overlay.showReport('done', { ok: false, written: 7, mismatches: [], skipped: 0, durationMs: 5000, failure, kept: true }, true);
    expect(q('fill-failure')!.textContent).toContain('已保留已填入的部分');
    expect(q('fill-failure')!.textContent).toContain('The part that landed was kept');
    expect(q('fill-undo')!.hidden).toBe(false);
  });

  it('shows progress without a verdict class while filling', () => {
    overlay.openPalette();
    overlay.showReport('filling');
    const report = q('fill-report')!;
    expect(report.className).toBe('report');
    expect(report.textContent).toContain('正在填充…');
  });

  it('shows an undo result: done, or its problems as a scrolling list, and where it stopped', () => {
    overlay.openPalette();
    overlay.showUndoResult({ ok: true, problems: [] });
    expect(q('fill-report')!.textContent).toContain('已撤销本次填充');
    expect(q('fill-report')!.classList.contains('ok')).toBe(true);

    const problems = Array.from({ length: 40 }, (_, i) => `第${i + 1}行未能恢复`);
    overlay.showUndoResult({ ok: false, problems, failure: { step: 'delete-rows', set: 'annual', row: 30, message: '确认框没有出现', messageEn: 'no confirm dialog' } });
    const report = q('fill-report')!;
    expect(report.classList.contains('bad')).toBe(true);
    expect(report.querySelector('.title')!.textContent).toBe('撤销未完成');
    expect(q('fill-failure')!.textContent).toContain('撤销在「删除新增的行」这一步出错：年度 第31行');
    expect(report.querySelectorAll('.body [data-testid="undo-problems"] li')).toHaveLength(40);

    overlay.showUndoResult({ ok: false, problems: ['a'] });
    expect(report.querySelector('.title')!.textContent).toBe('撤销时有问题');
    expect(q('fill-failure')).toBeNull();
  });

  it('keeps a long message inside the report', () => {
    overlay.openPalette();
    overlay.showMessage(`撤销时有问题: ${'第3行未能恢复;'.repeat(200)}`, 'bad');
    const style = overlay.host.shadowRoot!.querySelector('style')!.textContent!;
    expect(style).toMatch(/\.report \.title \{[^}]*overflow: auto/);
    expect(q('fill-report')!.querySelector('.title')!.textContent!.length).toBeGreaterThan(1000);
  });

  it('exposes the 出错时保留已填入的部分 choice, off by default', () => {
    expect(overlay.keepPartial).toBe(false);
    overlay.openPalette();
    const box = q<HTMLInputElement>('palette-keep-partial')!;
    expect(box.type).toBe('checkbox');
    expect(box.checked).toBe(false);
    expect(box.closest('footer')!.textContent).toContain('出错时保留已填入的部分');
    box.click();
    expect(overlay.keepPartial).toBe(true);
    overlay.closePalette();
    overlay.openPalette();
    expect(overlay.keepPartial).toBe(true);
  });

  it('finds the page’s visible 保存 / 送审 buttons and places the palette clear of them', () => {
    const rects: Record<string, Box> = { save: button(756, 36, 560), submit: button(756, 36, 660) };
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      const r = rects[this.id] ?? { left: 0, top: 0, right: 0, bottom: 0 };
      return { ...r, x: r.left, y: r.top, width: r.right - r.left, height: r.bottom - r.top, toJSON: () => r } as DOMRect;
    });
    expect(saveSubmitButtonBoxes(document)).toEqual([rects.save, rects.submit]);

    // A footer taller than the usual bottom edge: the palette shrinks to end above it.
    rects.save = button(560, 36, 560);
    rects.submit = button(560, 36, 660);
    overlay.openPalette();
    const top = parseFloat(palette().style.top);
    const maxHeight = parseFloat(palette().style.maxHeight);
    expect(top + maxHeight).toBeLessThanOrEqual(560 - 8);
    expect(maxHeight).toBeGreaterThan(300);
    expect(palette().dataset.clear).toBe('true');
  });

  it('stops listening once destroyed', () => {
    overlay.openPalette();
    overlay.destroy();
    const event = esc(document.body);
    expect(event.defaultPrevented).toBe(false);
    expect(overlay.host.isConnected).toBe(false);
  });
});
