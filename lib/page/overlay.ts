import type { FillSummary, PageFinding } from './protocol';
import type { Strings } from './strings';

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
.panel { position: fixed; z-index: 2147483001; top: 12vh; left: 50%; transform: translateX(-50%); width: min(620px, 92vw); max-height: 70vh; display: flex; flex-direction: column;
  background: #fff; border-radius: 8px; box-shadow: 0 12px 40px rgba(0,0,0,.25); border: 1px solid #dcdfe6; color: #303133; font-size: 14px; pointer-events: auto; }
.panel header { display: flex; align-items: center; gap: 8px; padding: 10px 12px; border-bottom: 1px solid #ebeef5; }
.panel header input { flex: 1; font-size: 14px; padding: 8px 10px; border: 1px solid #c0c4cc; border-radius: 4px; outline: none; }
.panel header input:focus { border-color: #2f6fde; box-shadow: 0 0 0 2px rgba(47,111,222,.2); }
.panel .list { overflow: auto; padding: 6px 0; margin: 0; list-style: none; }
.panel .group { padding: 6px 14px 2px; font-size: 12px; color: #909399; }
.panel .item { padding: 8px 14px; cursor: pointer; display: flex; justify-content: space-between; gap: 12px; }
.panel .item[aria-selected="true"], .panel .item:hover { background: #ecf3ff; }
.panel .item .name { font-weight: 600; }
.panel .item .detail { color: #909399; font-size: 12px; white-space: nowrap; }
.panel .empty { padding: 18px 14px; color: #909399; line-height: 1.6; }
.panel footer { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 8px 12px; border-top: 1px solid #ebeef5; font-size: 13px; }
.panel footer .grow { flex: 1; }
button.btn { font-size: 13px; padding: 5px 12px; border-radius: 4px; border: 1px solid #dcdfe6; background: #fff; color: #303133; cursor: pointer; }
button.btn:hover, button.btn:focus-visible { border-color: #2f6fde; color: #2f6fde; outline: none; }
button.btn.primary { background: #2f6fde; border-color: #2f6fde; color: #fff; }
button.btn.primary:hover, button.btn.primary:focus-visible { background: #1d5bc7; color: #fff; }
button.btn.danger { background: #e6553a; border-color: #e6553a; color: #fff; }
.report { padding: 8px 12px; border-top: 1px solid #ebeef5; font-size: 13px; line-height: 1.6; }
.report.ok { color: #2e8b57; }
.report.bad { color: #c0392b; }
.report ul { margin: 4px 0 0; padding-left: 18px; color: #606266; }
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
  }

  /** Re-positions marks and the launcher on the next frame (after scroll, resize or re-render). */
  reposition(): void {
    const win = this.doc.defaultView!;
    if (this.frame) return;
    this.frame = win.requestAnimationFrame(() => {
      this.frame = 0;
      this.placeLauncher();
      this.placeMarks();
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

  /** Opens the palette with its search box focused. */
  openPalette(): void {
    if (!this.palette) this.buildPalette();
    this.palette!.hidden = false;
    this.input!.focus();
    this.input!.select();
  }

  closePalette(): void {
    if (this.palette) this.palette.hidden = true;
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
    this.reportBox = el(d, 'div', { className: 'report', testid: 'fill-report' });
    this.reportBox.hidden = true;
    this.undoButton = el(d, 'button', { className: 'btn', text: this.t.undo, testid: 'fill-undo', attrs: { type: 'button' } });
    this.undoButton.hidden = true;
    this.undoButton.addEventListener('click', () => this.handlers.onUndo());
    const capture = el(d, 'button', { className: 'btn', text: this.t.capture, testid: 'capture-set', attrs: { type: 'button' } });
    capture.addEventListener('click', () => this.handlers.onCapture());
    const footer = el(d, 'footer', {}, [capture, el(d, 'span', { className: 'grow' }), this.undoButton, el(d, 'span', { text: this.t.shortcut, className: 'detail' })]);
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

  /** Shows progress, then the fill report: what landed, what did not (which field, what it shows). */
  showReport(state: 'filling' | 'done', summary?: FillSummary, canUndo = false): void {
    if (!this.palette) this.buildPalette();
    const box = this.reportBox!;
    box.hidden = false;
    box.replaceChildren();
    box.className = 'report';
    if (state === 'filling' || !summary) {
      box.textContent = this.t.filling;
    } else if (summary.ok) {
      box.classList.add('ok');
      box.append(el(this.doc, 'div', { text: this.t.fillDone(summary.written) }));
    } else {
      box.classList.add('bad');
      box.append(el(this.doc, 'div', { text: this.t.fillPartial(summary.mismatches.length) }));
      const ul = el(this.doc, 'ul');
      for (const m of summary.mismatches) {
        ul.append(el(this.doc, 'li', { text: `${this.t.fieldSet[m.set] ?? m.set} 第${m.row + 1}行 ${m.field}: 应为「${m.expected}」,实际为「${m.actual}」` }));
      }
      box.append(ul);
    }
    if (summary && summary.skipped > 0) box.append(el(this.doc, 'div', { text: this.t.fillSkipped(summary.skipped) }));
    this.undoButton!.hidden = !canUndo;
  }

  /** A one-line message in the report area (undo result, capture result, errors). */
  showMessage(text: string, tone: 'ok' | 'bad' = 'ok', canUndo = false): void {
    if (!this.palette) this.buildPalette();
    const box = this.reportBox!;
    box.hidden = false;
    box.className = `report ${tone}`;
    box.textContent = text;
    this.undoButton!.hidden = !canUndo;
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
      const done = (choice: 'back' | 'anyway') => {
        backdrop.remove();
        dialog.remove();
        resolve(choice);
      };
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
    this.host.remove();
  }
}
