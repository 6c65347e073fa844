import { SAVE_LABELS, SUBMIT_LABELS, buttonMatches } from '../fill/labels';
import type { FillFailure, FillSummary, PageFinding } from './protocol';
import { failureLines, type Strings } from './strings';

/**
 * Tianbao's in-page UI, all inside one open shadow root whose host carries `data-tianbao`, so it never
 * restyles the portal and the portal's CSS never reaches it. Plain DOM (no framework) to keep the content
 * script small; every piece of data is set as text, never as HTML.
 */

/** A palette entry: a template set from the library. */
export interface PaletteItem {
  id: string;
  name: string;
  detail: string;
  suggested: boolean;
}

/** A finding with the page element it is about (null when it has no place on the page). */
export interface MarkedFinding {
  finding: PageFinding;
  element: HTMLElement | null;
}

const STYLE = `
:host { all: initial; }
* { box-sizing: border-box; font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", system-ui, sans-serif; }
.layer { position: absolute; left: 0; top: 0; width: 0; height: 0; z-index: 2147483000; }
.mark { position: absolute; pointer-events: auto; border: 2px solid #e6553a; border-radius: 4px; background: rgba(230,85,58,.06); }
.mark.warning { border-color: #e6a23c; background: rgba(230,162,60,.06); }
.mark.info { border-color: #409eff; border-style: dashed; background: transparent; }
.mark.flash { box-shadow: 0 0 0 4px rgba(64,158,255,.45); }
.launcher { position: absolute; pointer-events: auto; white-space: nowrap; display: inline-flex; align-items: center; gap: 6px; padding: 4px 10px; border: 1px solid #2f6fde;
  border-radius: 14px; background: #fff; color: #2f6fde; font-size: 12px; cursor: pointer; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
.launcher:hover, .launcher:focus-visible { background: #2f6fde; color: #fff; outline: none; }
.launcher .logo { font-weight: 700; }
.panel { position: fixed; z-index: 2147483001; top: 12vh; left: 50%; transform: translateX(-50%); width: min(620px, 92vw); max-height: 70vh; display: flex; flex-direction: column; overflow: hidden;
  background: #fff; border-radius: 8px; box-shadow: 0 12px 40px rgba(0,0,0,.25); border: 1px solid #dcdfe6; color: #303133; font-size: 14px; pointer-events: auto; }
.panel header { flex: none; display: flex; align-items: center; gap: 8px; padding: 10px 12px; border-bottom: 1px solid #ebeef5; }
.panel header input { flex: 1; font-size: 14px; padding: 8px 10px; border: 1px solid #c0c4cc; border-radius: 4px; outline: none; }
.panel header input:focus { border-color: #2f6fde; box-shadow: 0 0 0 2px rgba(47,111,222,.2); }
/* Squeezed between the page's buttons, the list gives way before the report (down to a label and one item). */
.panel .list { flex: 1 4 auto; min-height: 72px; overflow: auto; padding: 6px 0; margin: 0; list-style: none; }
.panel .group { padding: 6px 14px 2px; font-size: 12px; color: #909399; }
.panel .item { padding: 8px 14px; cursor: pointer; display: flex; justify-content: space-between; gap: 12px; }
.panel .item[aria-selected="true"], .panel .item:hover { background: #ecf3ff; }
.panel .item .name { font-weight: 600; }
.panel .item .detail { color: #909399; font-size: 12px; white-space: nowrap; }
.panel .empty { padding: 18px 14px; color: #909399; line-height: 1.6; }
.panel footer { flex: none; display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 8px 12px; border-top: 1px solid #ebeef5; font-size: 13px; }
.panel footer .grow { flex: 1; }
button.btn { font-size: 13px; padding: 5px 12px; border-radius: 4px; border: 1px solid #dcdfe6; background: #fff; color: #303133; cursor: pointer; }
button.btn:hover, button.btn:focus-visible { border-color: #2f6fde; color: #2f6fde; outline: none; }
button.btn.primary { background: #2f6fde; border-color: #2f6fde; color: #fff; }
button.btn.primary:hover, button.btn.primary:focus-visible { background: #1d5bc7; color: #fff; }
button.btn.danger { background: #e6553a; border-color: #e6553a; color: #fff; }
.panel footer label.keep { display: inline-flex; align-items: center; gap: 4px; color: #606266; cursor: pointer; user-select: none; }
.panel footer label.keep input { margin: 0; }
/* The report: never taller than 40vh (less when the panel is squeezed between the page's buttons); its body scrolls. */
.report { position: relative; flex: 0 1 auto; min-height: 64px; max-height: 40vh; display: flex; flex-direction: column; padding: 8px 36px 8px 12px;
  border-top: 1px solid #ebeef5; font-size: 13px; line-height: 1.6; overflow: hidden; }
.report.ok { color: #2e8b57; }
.report.bad { color: #c0392b; }
.report .title { flex: 0 1 auto; min-height: 1.6em; overflow: auto; overflow-wrap: anywhere; font-weight: 600; }
.report .body { flex: 1 1 auto; min-height: 0; overflow: auto; overscroll-behavior: contain; overflow-wrap: anywhere;
  /* Shadows at an edge with more to scroll to (the covers move with the content, the shadows stay). */
  background: linear-gradient(#fff 30%, rgba(255,255,255,0)) top / 100% 20px no-repeat local, linear-gradient(rgba(255,255,255,0), #fff 70%) bottom / 100% 20px no-repeat local,
    radial-gradient(farthest-side at 50% 0, rgba(0,0,0,.14), transparent) top / 100% 8px no-repeat scroll, radial-gradient(farthest-side at 50% 100%, rgba(0,0,0,.14), transparent) bottom / 100% 8px no-repeat scroll; }
.report .body:empty { display: none; }
.report .close { position: absolute; top: 6px; right: 8px; width: 24px; height: 24px; padding: 0; border: none; border-radius: 4px; background: transparent; color: #909399;
  font-size: 18px; line-height: 24px; cursor: pointer; }
.report .close:hover, .report .close:focus-visible { background: #f2f3f5; color: #303133; outline: none; }
.report ul { margin: 4px 0 0; padding-left: 18px; color: #606266; font-weight: 400; }
.report .note { color: #606266; }
.failure { margin: 4px 0 6px; padding: 6px 10px; border-left: 3px solid #e6553a; background: #fef0ec; border-radius: 0 4px 4px 0; }
.failure p { margin: 0; }
.failure p.zh { color: #303133; }
.failure p.en { color: #909399; font-size: 12px; margin-bottom: 4px; }
.failure p.en:last-child { margin-bottom: 0; }
.badge { position: fixed; z-index: 2147483001; left: 12px; bottom: 12px; pointer-events: auto; padding: 6px 12px; border-radius: 16px; font-size: 12px; cursor: pointer; border: none;
  background: #67c23a; color: #fff; box-shadow: 0 2px 8px rgba(0,0,0,.2); }
.badge.error { background: #e6553a; }
.badge.warning { background: #e6a23c; }
.findings { position: fixed; z-index: 2147483002; left: 12px; bottom: 48px; width: min(420px, 90vw); max-height: 50vh; overflow: auto; background: #fff; border: 1px solid #dcdfe6;
  border-radius: 8px; box-shadow: 0 8px 24px rgba(0,0,0,.2); pointer-events: auto; font-size: 13px; color: #303133; }
.findings li { list-style: none; padding: 8px 12px; border-bottom: 1px solid #f2f3f5; cursor: pointer; line-height: 1.5; }
.findings li:hover, .findings li:focus-visible { background: #f5f7fa; outline: none; }
.findings ul { margin: 0; padding: 0; }
.sev { display: inline-block; min-width: 34px; margin-right: 6px; padding: 0 4px; border-radius: 3px; font-size: 11px; color: #fff; text-align: center; }
.sev.error { background: #e6553a; } .sev.warning { background: #e6a23c; } .sev.info { background: #909399; }
.backdrop { position: fixed; z-index: 2147483005; inset: 0; background: rgba(0,0,0,.35); pointer-events: auto; }
.dialog { position: fixed; z-index: 2147483006; top: 18vh; left: 50%; transform: translateX(-50%); width: min(560px, 92vw); background: #fff; border-radius: 8px; pointer-events: auto;
  box-shadow: 0 12px 40px rgba(0,0,0,.3); color: #303133; font-size: 14px; }
.dialog h2 { margin: 0; padding: 14px 18px 6px; font-size: 16px; color: #c0392b; }
.dialog p { margin: 0; padding: 0 18px 8px; color: #606266; font-size: 13px; }
.dialog ul { margin: 0 18px; padding: 0; max-height: 40vh; overflow: auto; border: 1px solid #f2f3f5; border-radius: 4px; }
.dialog li { list-style: none; padding: 6px 10px; border-bottom: 1px solid #f2f3f5; font-size: 13px; line-height: 1.5; }
.dialog .actions { display: flex; justify-content: flex-end; gap: 10px; padding: 14px 18px; }
[hidden] { display: none !important; }
`;

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: { className?: string; text?: string; testid?: string; attrs?: Record<string, string> } = {},
  children: Node[] = [],
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  if (props.testid) node.setAttribute('data-testid', props.testid);
  for (const [k, v] of Object.entries(props.attrs ?? {})) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

/** Page coordinates of an element's box (for absolutely positioned overlay pieces). */
function pageRect(target: Element): { left: number; top: number; width: number; height: number } | null {
  const rect = target.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return null;
  const win = target.ownerDocument.defaultView!;
  return { left: rect.left + win.scrollX, top: rect.top + win.scrollY, width: rect.width, height: rect.height };
}

/** A box in viewport coordinates (CSS px), as getBoundingClientRect gives it. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Where the palette goes: its top edge and the height it may take (both CSS px, viewport coordinates). */
export interface PanelPlacement {
  top: number;
  maxHeight: number;
  /** False when no band between the page's buttons was tall enough: the usual place, which may cover one. */
  clear: boolean;
}

/** Space kept from the viewport's edges and from the page's buttons. */
const EDGE_PX = 8;
const BUTTON_GAP_PX = 8;
/** Below this the palette is no use (search box, two items, footer); it then takes its usual place. */
const MIN_PANEL_PX = 120;

/**
 * Places the palette (centred, `width` wide) so it never covers the page's own 保存 / 送审 buttons: the
 * free horizontal bands between the buttons it would overlap are its candidates, the one that lets it be
 * tallest (up to 70% of the viewport) wins, nearest its usual place (12% from the top) on a tie. It is
 * shrunk to the band when the band is shorter. Pure: rects in, placement out.
 */
export function placePanel(viewport: { width: number; height: number }, width: number, avoid: readonly Box[]): PanelPlacement {
  const vh = viewport.height;
  const cap = Math.round(vh * 0.7);
  const preferred = Math.round(vh * 0.12);
  const usual: PanelPlacement = { top: preferred, maxHeight: cap, clear: true };
  const left = (viewport.width - width) / 2;
  const right = left + width;
  const bands = avoid
    .filter((b) => b.right > left - BUTTON_GAP_PX && b.left < right + BUTTON_GAP_PX && b.bottom > 0 && b.top < vh && b.right > 0 && b.left < viewport.width)
    .map((b) => [b.top - BUTTON_GAP_PX, b.bottom + BUTTON_GAP_PX] as const)
    .sort((a, b) => a[0] - b[0]);
  if (bands.length === 0) return usual;
  const gaps: [number, number][] = [];
  let from = EDGE_PX;
  for (const [top, bottom] of bands) {
    if (top > from) gaps.push([from, top]);
    from = Math.max(from, bottom);
  }
  if (vh - EDGE_PX > from) gaps.push([from, vh - EDGE_PX]);
  let best: PanelPlacement | null = null;
  for (const [start, end] of gaps) {
    const maxHeight = Math.floor(Math.min(cap, end - start));
    const top = Math.round(Math.max(start, Math.min(preferred, end - maxHeight)));
    const better =
      !best || maxHeight > best.maxHeight || (maxHeight === best.maxHeight && Math.abs(top - preferred) < Math.abs(best.top - preferred));
    if (better) best = { top, maxHeight, clear: true };
  }
  const minimum = Math.min(MIN_PANEL_PX, Math.round(vh * 0.5));
  return best && best.maxHeight >= minimum ? best : { ...usual, clear: false };
}

const BUTTON_SELECTOR = 'button, [role="button"], input[type="button"], input[type="submit"], a';

/** The boxes of the page's visible 保存 / 送审 (SAVE_LABELS, SUBMIT_LABELS) buttons in this document's viewport. */
export function saveSubmitButtonBoxes(doc: Document): Box[] {
  const win = doc.defaultView;
  if (!win) return [];
  const boxes: Box[] = [];
  for (const button of doc.querySelectorAll<HTMLElement>(BUTTON_SELECTOR)) {
    const label = button instanceof HTMLInputElement ? button.value : (button.textContent ?? '');
    if (!buttonMatches(label, SAVE_LABELS) && !buttonMatches(label, SUBMIT_LABELS)) continue;
    const rect = button.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    if (rect.bottom <= 0 || rect.top >= win.innerHeight || rect.right <= 0 || rect.left >= win.innerWidth) continue;
    boxes.push({ left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom });
  }
  return boxes;
}

/** What an undo reply says (lib/page/protocol.ts `page.undo`). */
export interface UndoResult {
  ok: boolean;
  problems: string[];
  failure?: FillFailure;
}

export interface OverlayHandlers {
  onOpenPalette(): void;
  onQuery(text: string): void;
  onChoose(item: PaletteItem): void;
  onUndo(): void;
  onCapture(): void;
  onReveal(finding: PageFinding): void;
}

export class Overlay {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly layer: HTMLElement;
  private readonly marks: HTMLElement;
  private launcher: HTMLButtonElement | null = null;
  private anchor: () => HTMLElement | null = () => null;
  private palette: HTMLElement | null = null;
  private list: HTMLElement | null = null;
  private input: HTMLInputElement | null = null;
  private reportBox: HTMLElement | null = null;
  private undoButton: HTMLButtonElement | null = null;
  private keepPartialBox: HTMLInputElement | null = null;
  private guardsOpen = 0;
  /** Ends the overlay's own page listeners (Esc, resize, scroll) when it is destroyed. */
  private readonly listeners = new AbortController();
  private items: PaletteItem[] = [];
  private selected = 0;
  private badge: HTMLButtonElement | null = null;
  private findingsBox: HTMLElement | null = null;
  private marked: MarkedFinding[] = [];
  private frame = 0;

  constructor(
    private readonly doc: Document,
    private readonly t: Strings,
    private readonly handlers: OverlayHandlers,
  ) {
    this.host = doc.createElement('tianbao-ui');
    this.host.setAttribute('data-tianbao', '');
    this.root = this.host.attachShadow({ mode: 'open' });
    this.root.append(el(doc, 'style', { text: STYLE }));
    this.layer = el(doc, 'div', { className: 'layer' });
    this.marks = el(doc, 'div');
    this.layer.append(this.marks);
    this.root.append(this.layer);
    doc.documentElement.append(this.host);
    const win = doc.defaultView!;
    const { signal } = this.listeners;
    // Esc closes the palette (and its report) wherever the focus is, the page included.
    doc.addEventListener('keydown', (e) => this.onDocumentKey(e), { capture: true, signal });
    win.addEventListener('resize', () => this.reposition(), { passive: true, signal });
    win.addEventListener('scroll', () => this.reposition(), { capture: true, passive: true, signal });
  }

  /** Re-positions marks and the launcher on the next frame (after scroll, resize or re-render). */
  reposition(): void {
    const win = this.doc.defaultView!;
    if (this.frame) return;
    this.frame = win.requestAnimationFrame(() => {
      this.frame = 0;
      this.placeLauncher();
      this.placeMarks();
      this.placePalette();
    });
  }

  /** Shows the launcher button at the top-right corner of the grid `anchor` returns (looked up each time). */
  showLauncher(anchor: () => HTMLElement | null): void {
    this.anchor = anchor;
    if (!this.launcher) {
      this.launcher = el(this.doc, 'button', {
        className: 'launcher',
        testid: 'palette-launcher',
        attrs: { type: 'button', title: this.t.launcherTitle, 'aria-label': this.t.launcherTitle },
      }, [el(this.doc, 'span', { className: 'logo', text: '填' }), el(this.doc, 'span', { text: this.t.launcher })]);
      this.launcher.addEventListener('click', () => this.handlers.onOpenPalette());
      this.layer.append(this.launcher);
    }
    this.placeLauncher();
  }

  private placeLauncher(): void {
    if (!this.launcher) return;
    const anchor = this.anchor();
    const rect = anchor?.isConnected ? pageRect(anchor) : null;
    this.launcher.hidden = rect === null;
    if (!rect) return;
    this.launcher.style.left = `${Math.max(0, rect.left + rect.width - 120)}px`;
    this.launcher.style.top = `${Math.max(0, rect.top - 30)}px`;
  }

  get paletteOpen(): boolean {
    return this.palette !== null && !this.palette.hidden;
  }

  /**
   * Whether the person ticked 出错时保留已填入的部分: a fill that fails keeps the fields that landed instead of
   * putting everything back. The controller reads it when a fill starts (`page.fill`'s `keepPartial`).
   */
  get keepPartial(): boolean {
    return this.keepPartialBox?.checked ?? false;
  }

  /** Opens the palette with its search box focused, placed clear of the page's 保存 / 送审 buttons. */
  openPalette(): void {
    if (!this.palette) this.buildPalette();
    this.palette!.hidden = false;
    this.placePalette();
    this.input!.focus();
    this.input!.select();
  }

  closePalette(): void {
    if (this.palette) this.palette.hidden = true;
  }

  /** Puts the open palette where it covers none of the page's 保存 / 送审 buttons (on open, resize, scroll). */
  private placePalette(): void {
    if (!this.palette || this.palette.hidden) return;
    const win = this.doc.defaultView!;
    const viewport = { width: win.innerWidth, height: win.innerHeight };
    const width = this.palette.getBoundingClientRect().width || Math.min(620, viewport.width * 0.92);
    const placement = placePanel(viewport, width, saveSubmitButtonBoxes(this.doc));
    this.palette.style.top = `${placement.top}px`;
    this.palette.style.maxHeight = `${placement.maxHeight}px`;
    this.palette.dataset.clear = String(placement.clear);
  }

  private onDocumentKey(e: KeyboardEvent): void {
    // The submit guard answers its own Esc (返回修改).
    if (e.key !== 'Escape' || this.guardsOpen > 0) return;
    if (this.paletteOpen) this.closePalette();
    else if (this.findingsBox && !this.findingsBox.hidden) this.findingsBox.hidden = true;
    else return;
    // One Esc closes one thing: the topmost, which is Tianbao's panel.
    e.stopPropagation();
    e.preventDefault();
  }

  private buildPalette(): void {
    const d = this.doc;
    this.input = el(d, 'input', {
      testid: 'palette-search',
      attrs: { type: 'search', placeholder: this.t.searchPlaceholder, 'aria-label': this.t.searchPlaceholder, role: 'combobox', 'aria-expanded': 'true', 'aria-controls': 'tb-palette-list' },
    });
    const close = el(d, 'button', { className: 'btn', text: this.t.close, attrs: { type: 'button' } });
    close.addEventListener('click', () => this.closePalette());
    this.list = el(d, 'ul', { className: 'list', attrs: { role: 'listbox', id: 'tb-palette-list' } });
    this.reportBox = el(d, 'div', { className: 'report', testid: 'fill-report', attrs: { role: 'status', 'aria-live': 'polite' } });
    this.reportBox.hidden = true;
    this.undoButton = el(d, 'button', { className: 'btn', text: this.t.undo, testid: 'fill-undo', attrs: { type: 'button' } });
    this.undoButton.hidden = true;
    this.undoButton.addEventListener('click', () => this.handlers.onUndo());
    const capture = el(d, 'button', { className: 'btn', text: this.t.capture, testid: 'capture-set', attrs: { type: 'button' } });
    capture.addEventListener('click', () => this.handlers.onCapture());
    this.keepPartialBox = el(d, 'input', { testid: 'palette-keep-partial', attrs: { type: 'checkbox' } });
    const keep = el(d, 'label', { className: 'keep', attrs: { title: this.t.keepPartialTitle } }, [this.keepPartialBox, el(d, 'span', { text: this.t.keepPartial })]);
    const footer = el(d, 'footer', {}, [capture, keep, el(d, 'span', { className: 'grow' }), this.undoButton, el(d, 'span', { text: this.t.shortcut, className: 'detail' })]);
    this.palette = el(d, 'div', { className: 'panel', attrs: { role: 'dialog', 'aria-label': this.t.launcher } }, [
      el(d, 'header', {}, [this.input, close]),
      this.list,
      this.reportBox,
      footer,
    ]);
    this.palette.hidden = true;
    this.input.addEventListener('input', () => this.handlers.onQuery(this.input!.value));
    this.palette.addEventListener('keydown', (e) => this.onKey(e));
    this.root.append(this.palette);
  }

  private onKey(e: KeyboardEvent): void {
    e.stopPropagation();
    if (e.key === 'Escape') {
      this.closePalette();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (this.items.length === 0) return;
      this.selected = (this.selected + (e.key === 'ArrowDown' ? 1 : -1) + this.items.length) % this.items.length;
      this.renderItems();
    } else if (e.key === 'Enter' && e.target === this.input) {
      e.preventDefault();
      const item = this.items[this.selected];
      if (item) this.handlers.onChoose(item);
    }
  }

  /** Replaces the palette's list (suggested sets first). */
  setItems(items: PaletteItem[]): void {
    this.items = items;
    this.selected = 0;
    this.renderItems();
  }

  private renderItems(): void {
    if (!this.list) return;
    const d = this.doc;
    this.list.replaceChildren();
    if (this.items.length === 0) {
      this.list.append(el(d, 'li', { className: 'empty', text: this.t.empty }));
      return;
    }
    let group: boolean | null = null;
    this.items.forEach((item, i) => {
      if (item.suggested !== group) {
        group = item.suggested;
        this.list!.append(el(d, 'li', { className: 'group', text: item.suggested ? this.t.suggested : this.t.results, attrs: { role: 'presentation' } }));
      }
      const li = el(d, 'li', { className: 'item', testid: 'palette-item', attrs: { role: 'option', 'aria-selected': String(i === this.selected), 'data-set-id': item.id } }, [
        el(d, 'span', { className: 'name', text: item.name }),
        el(d, 'span', { className: 'detail', text: item.detail }),
      ]);
      li.addEventListener('click', () => this.handlers.onChoose(item));
      this.list!.append(li);
    });
    (this.list.querySelector('[aria-selected="true"]') as HTMLElement | null)?.scrollIntoView?.({ block: 'nearest' });
  }

  /**
   * Shows progress, then the fill report: what landed, what did not (set, row, field, what it shows) and,
   * when the fill stopped, where and why (Chinese, then English) and whether its changes were put back.
   */
  showReport(state: 'filling' | 'done', summary?: FillSummary, canUndo = false): void {
    if (state === 'filling' || !summary) {
      this.renderReport('', this.t.filling, [], canUndo);
      return;
    }
    const body: Node[] = [];
    let title: string;
    if (summary.failure) {
      title = this.t.fillStopped;
      body.push(this.failureBlock(summary.failure, 'fill', summary));
    } else {
      title = summary.ok ? this.t.fillDone(summary.written) : this.t.fillPartial(summary.mismatches.length);
    }
    if (summary.mismatches.length > 0) {
      if (summary.failure) body.push(el(this.doc, 'div', { className: 'note', text: this.t.fillPartial(summary.mismatches.length) }));
      body.push(this.lineList(summary.mismatches.map((m) => this.t.mismatch(m.set, m.row, m.field, m.expected, m.actual)), 'fill-mismatches'));
    }
    if (summary.skipped > 0) body.push(el(this.doc, 'div', { className: 'note', text: this.t.fillSkipped(summary.skipped) }));
    this.renderReport(summary.ok && !summary.failure ? 'ok' : 'bad', title, body, canUndo);
  }

  /** A message in the report area (undo result, capture result, errors); a long one scrolls inside it. */
  showMessage(text: string, tone: 'ok' | 'bad' = 'ok', canUndo = false): void {
    this.renderReport(tone, text, [], canUndo);
  }

  /** The undo's result: done, or what could not be restored (a list that scrolls) and where it stopped. */
  showUndoResult(result: UndoResult, canUndo = false): void {
    if (result.ok && !result.failure && result.problems.length === 0) {
      this.renderReport('ok', this.t.undone, [], canUndo);
      return;
    }
    const body: Node[] = [];
    if (result.failure) body.push(this.failureBlock(result.failure, 'undo'));
    if (result.problems.length > 0) {
      body.push(el(this.doc, 'div', { className: 'note', text: this.t.undoProblemsCount(result.problems.length) }));
      body.push(this.lineList(result.problems, 'undo-problems'));
    }
    this.renderReport('bad', result.failure ? this.t.undoStopped : this.t.undoHadProblems, body, canUndo);
  }

  /** Hides the report (its close button); the palette stays open. */
  closeReport(): void {
    if (this.reportBox) this.reportBox.hidden = true;
  }

  private renderReport(tone: '' | 'ok' | 'bad', title: string, body: Node[], canUndo: boolean): void {
    if (!this.palette) this.buildPalette();
    const d = this.doc;
    const box = this.reportBox!;
    box.hidden = false;
    box.className = tone ? `report ${tone}` : 'report';
    const close = el(d, 'button', { className: 'close', text: '×', testid: 'fill-report-close', attrs: { type: 'button', title: this.t.reportClose, 'aria-label': this.t.reportClose } });
    close.addEventListener('click', () => this.closeReport());
    box.replaceChildren(el(d, 'div', { className: 'title', text: title }), el(d, 'div', { className: 'body', attrs: { tabindex: '-1' } }, body), close);
    this.undoButton!.hidden = !canUndo;
    this.placePalette();
  }

  /** Where a fill or undo stopped and why, Chinese first and English under it; for a fill, what became of its changes. */
  private failureBlock(failure: FillFailure, kind: 'fill' | 'undo', outcome?: { rolledBack?: boolean; kept?: boolean }): HTMLElement {
    const d = this.doc;
    const lines = failureLines(failure, kind, outcome);
    return el(
      d,
      'div',
      { className: 'failure', testid: 'fill-failure', attrs: { 'data-step': failure.step } },
      lines.flatMap((line) => [el(d, 'p', { className: 'zh', text: line.zh, attrs: { lang: 'zh-CN' } }), el(d, 'p', { className: 'en', text: line.en, attrs: { lang: 'en' } })]),
    );
  }

  private lineList(lines: string[], testid: string): HTMLElement {
    return el(this.doc, 'ul', { testid }, lines.map((line) => el(this.doc, 'li', { text: line })));
  }

  /** Draws a mark over each finding's field and updates the badge. */
  setFindings(marked: MarkedFinding[]): void {
    this.marked = marked;
    this.placeMarks();
    const errors = marked.filter((m) => m.finding.severity === 'error').length;
    const warnings = marked.filter((m) => m.finding.severity === 'warning').length;
    if (!this.badge) {
      this.badge = el(this.doc, 'button', { className: 'badge', testid: 'findings-badge', attrs: { type: 'button' } });
      this.badge.addEventListener('click', () => this.toggleFindings());
      this.root.append(this.badge);
    }
    this.badge.textContent = marked.length === 0 ? `✓ ${this.t.noFindings}` : this.t.findings(errors, warnings);
    this.badge.className = `badge ${errors > 0 ? 'error' : warnings > 0 ? 'warning' : ''}`;
    if (this.findingsBox && !this.findingsBox.hidden) this.renderFindingsList();
  }

  private placeMarks(): void {
    this.marks.replaceChildren();
    for (const { finding, element } of this.marked) {
      if (!element || !element.isConnected) continue;
      const rect = pageRect(element);
      if (!rect) continue;
      const mark = el(this.doc, 'div', {
        className: `mark ${finding.severity}`,
        testid: 'finding-mark',
        attrs: { title: finding.message, 'data-rule': finding.rule, 'data-key': finding.key },
      });
      Object.assign(mark.style, { left: `${rect.left - 2}px`, top: `${rect.top - 2}px`, width: `${rect.width + 4}px`, height: `${rect.height + 4}px` });
      // The mark shows the message on hover but must not take the clicks meant for the field under it.
      mark.style.pointerEvents = 'none';
      this.marks.append(mark);
    }
  }

  private toggleFindings(): void {
    if (!this.findingsBox) {
      this.findingsBox = el(this.doc, 'div', { className: 'findings', attrs: { role: 'region', 'aria-label': this.t.launcher } });
      this.root.append(this.findingsBox);
    } else {
      this.findingsBox.hidden = !this.findingsBox.hidden;
    }
    if (!this.findingsBox.hidden) this.renderFindingsList();
  }

  private renderFindingsList(): void {
    const ul = el(this.doc, 'ul');
    for (const { finding } of this.marked) {
      const li = el(this.doc, 'li', { attrs: { tabindex: '0', 'data-rule': finding.rule } }, [
        el(this.doc, 'span', { className: `sev ${finding.severity}`, text: finding.severity === 'error' ? '错误' : finding.severity === 'warning' ? '提醒' : '提示' }),
        el(this.doc, 'span', { text: finding.message }),
      ]);
      const reveal = () => this.handlers.onReveal(finding);
      li.addEventListener('click', reveal);
      li.addEventListener('keydown', (e) => e.key === 'Enter' && reveal());
      ul.append(li);
    }
    if (this.marked.length === 0) ul.append(el(this.doc, 'li', { text: this.t.noFindings }));
    this.findingsBox!.replaceChildren(ul);
  }

  /** Briefly highlights the mark of a finding. */
  flash(key: string): void {
    const mark = this.marks.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
    if (!mark) return;
    mark.classList.add('flash');
    this.doc.defaultView!.setTimeout(() => mark.classList.remove('flash'), 1200);
  }

  /** The pre-submission dialog. Resolves with the person's choice; Tianbao never decides for them. */
  askBeforeSubmit(findings: PageFinding[]): Promise<'back' | 'anyway'> {
    const d = this.doc;
    return new Promise((resolve) => {
      const list = el(d, 'ul');
      for (const f of findings.slice(0, 30)) {
        list.append(el(d, 'li', { attrs: { 'data-rule': f.rule } }, [el(d, 'span', { className: `sev ${f.severity}`, text: f.severity === 'error' ? '错误' : '提醒' }), el(d, 'span', { text: f.message })]));
      }
      if (findings.length > 30) list.append(el(d, 'li', { text: this.t.guardMore(findings.length - 30) }));
      const back = el(d, 'button', { className: 'btn primary', text: this.t.guardBack, testid: 'submit-cancel', attrs: { type: 'button' } });
      const anyway = el(d, 'button', { className: 'btn', text: this.t.guardAnyway, testid: 'submit-anyway', attrs: { type: 'button' } });
      const backdrop = el(d, 'div', { className: 'backdrop' });
      const dialog = el(d, 'div', { className: 'dialog', testid: 'submit-guard', attrs: { role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'tb-guard-title' } }, [
        el(d, 'h2', { text: this.t.guardTitle, attrs: { id: 'tb-guard-title' } }),
        el(d, 'p', { text: this.t.guardIntro }),
        list,
        el(d, 'div', { className: 'actions' }, [anyway, back]),
      ]);
      let settled = false;
      const done = (choice: 'back' | 'anyway') => {
        if (settled) return;
        settled = true;
        this.guardsOpen -= 1;
        backdrop.remove();
        dialog.remove();
        resolve(choice);
      };
      this.guardsOpen += 1;
      back.addEventListener('click', () => done('back'));
      anyway.addEventListener('click', () => done('anyway'));
      dialog.addEventListener('keydown', (e) => {
        e.stopPropagation();
        if (e.key === 'Escape') done('back');
      });
      this.root.append(backdrop, dialog);
      back.focus();
    });
  }

  destroy(): void {
    if (this.frame) this.doc.defaultView?.cancelAnimationFrame(this.frame);
    this.listeners.abort();
    this.host.remove();
  }
}
