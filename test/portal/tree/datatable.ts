/**
 * A home-grown data table in the manner of FASP2's `datatable3.0.js` / `editdatatable.js` (PORTALS.md A),
 * written the way that code is: string-built `innerHTML`, events delegated from `document.body` and read
 * from `window.event`, row and column found by splitting the element's id.
 *
 * - Header: a row of `<span class="h h{col}">` caption cells (no `<th>`, no roles).
 * - Body: `div.dt-view` (fixed height, scrolls) > `div#{id}_body` whose `innerHTML` is rebuilt on every
 *   scroll and after every commit; it holds only the visible rows (+ a small buffer), each a
 *   `div.dt-row` of `<span id="{id}_l{row}_c{col}_d" class="c c{col}">` cells. A hidden frame
 *   (clientHeight 0) renders `pageHeight` worth of rows.
 * - Edit: a click on a cell asks the column's `oneditstart`; if allowed, the cell is emptied and the one
 *   reused `<span class="edit" contenteditable>` editor is put inside it, focused, holding the value.
 *   A `mousedown` anywhere outside the edited cell commits (editor `innerText` written to the row object's
 *   field → the column's `oneditend` → row marked updated → body re-rendered); Esc commits too; arrow keys commit and move; Enter and Tab do nothing;
 *   blur does nothing; scrolling drops the edit without saving.
 * - Dictionary columns open a `div.dt-popup` appended to `<body>` holding a `<select size=10>`; picking an
 *   option sets the editor's text; a mousedown inside the popup does not commit.
 */

/** One column of the table. */
export interface DtColumn<R> {
  /** Header caption. */
  caption: string;
  /** Width in px. */
  width: number;
  /** The row object's property the cell edits (a dictionary column holds the code). */
  field?: string;
  /** The cell's HTML for a row (escape text with `escapeHtml`). */
  render(row: R, index: number): string;
  /** Whether the cell may be edited now; no function = never. */
  oneditstart?(row: R, index: number): boolean;
  /** Runs after a commit wrote the value into the row object (may tidy it). */
  oneditend?(row: R, index: number, value: string): void;
  /** A dictionary column: the popup's options (value code → text). */
  dict?: ReadonlyArray<{ code: string; text: string }>;
}

export interface DtOptions<R> {
  /** Element id prefix (`datatable3`): cells are `{id}_l{row}_c{col}_d`. */
  id: string;
  columns: ReadonlyArray<DtColumn<R>>;
  rowHeight: number;
  /** The body's CSS height; also what a hidden frame renders. */
  pageHeight: number;
  /** Rows rendered above and below the visible ones. */
  buffer: number;
  /** Extra classes of a row's div. */
  rowClass(row: R, index: number): string;
  /** A row was edited (after `oneditend`). */
  onRowEdited?(row: R, index: number): void;
  /** A click on an element with id `{id}_l{row}_c{col}_{action}` (links in cells). */
  onAction?(action: string, row: number, col: number): void;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

interface EditState<R> {
  row: number;
  col: number;
  item: R;
}

/** A row object's property, read as text. */
function fieldOf(row: object, field: string | undefined): string {
  const v = field ? (row as Record<string, unknown>)[field] : undefined;
  return v === undefined || v === null ? '' : String(v);
}

export class DataTable<R extends object> {
  data: R[] = [];
  readonly root: HTMLDivElement;
  private readonly doc: Document;
  private readonly view: HTMLDivElement;
  private readonly body: HTMLDivElement;
  /** The one editor, moved into whichever cell is edited. */
  private readonly editor: HTMLSpanElement;
  private popup: HTMLDivElement | null = null;
  private editing: EditState<R> | null = null;
  private renderedTop = -1;
  private marked = new Set<R>();
  private selected: R | null = null;
  /** How many times the body was rebuilt (tests and the README read it off `data-renders`). */
  renders = 0;

  constructor(host: HTMLElement, private readonly opts: DtOptions<R>) {
    this.doc = host.ownerDocument;
    const id = opts.id;
    const width = opts.columns.reduce((s, c) => s + c.width, 0);
    const style = this.doc.createElement('style');
    style.textContent =
      opts.columns.map((c, i) => `#${id} .c${i}, #${id} .h${i} { width: ${c.width}px; }`).join('\n') +
      `\n#${id} .dt-row { height: ${opts.rowHeight}px; line-height: ${opts.rowHeight - 1}px; width: ${width}px; }` +
      `\n#${id} .dt-head { width: ${width}px; }\n#${id} .dt-body { width: ${width}px; }`;
    this.doc.head.append(style);
    host.innerHTML =
      `<div id="${id}" class="datatable">` +
      `<div id="${id}_head" class="dt-head">` +
      opts.columns.map((c, i) => `<span class="h h${i}" id="${id}_h_c${i}">${escapeHtml(c.caption)}</span>`).join('') +
      `</div><div id="${id}_view" class="dt-view" style="height:${opts.pageHeight}px"><div id="${id}_body" class="dt-body"></div></div></div>`;
    this.root = host.firstElementChild as HTMLDivElement;
    this.view = this.doc.getElementById(`${id}_view`) as HTMLDivElement;
    this.body = this.doc.getElementById(`${id}_body`) as HTMLDivElement;
    this.editor = this.doc.createElement('span');
    this.editor.className = 'edit';
    this.editor.setAttribute('contenteditable', 'true');

    // IE-era wiring: one listener per event on document.body; the handlers take no argument and read
    // the event from window.event.
    this.doc.body.addEventListener('mousedown', () => this.bodyMouseDown());
    this.doc.body.addEventListener('click', () => this.bodyClick());
    this.doc.body.addEventListener('keydown', () => this.bodyKeyDown());
    this.view.addEventListener('scroll', () => this.viewScroll());
    this.doc.defaultView?.addEventListener('resize', () => this.render());
  }

  /** The current event, the IE way. */
  private event<E extends Event>(): { e: E; t: HTMLElement } | null {
    const e = this.doc.defaultView?.event as E | undefined;
    if (!e) return null;
    const t = (e.srcElement || e.target) as HTMLElement | null;
    return t ? { e, t } : null;
  }

  private cellId(row: number, col: number): string {
    return `${this.opts.id}_l${row}_c${col}_d`;
  }

  /** Row, column and kind from an id `{id}_l{row}_c{col}_{kind}`; null for other elements. */
  private parseId(id: string): { row: number; col: number; kind: string } | null {
    const parts = id.split('_');
    if (parts.length !== 4 || parts[0] !== this.opts.id || parts[1]!.charAt(0) !== 'l' || parts[2]!.charAt(0) !== 'c') return null;
    const row = parseInt(parts[1]!.substring(1), 10);
    const col = parseInt(parts[2]!.substring(1), 10);
    if (isNaN(row) || isNaN(col)) return null;
    return { row, col, kind: parts[3]! };
  }

  /** Rebuilds the body's innerHTML with the rows in view. */
  render(): void {
    const h = this.opts.rowHeight;
    const n = this.data.length;
    const top = this.view.scrollTop;
    const viewHeight = this.view.clientHeight || this.opts.pageHeight;
    const first = Math.max(0, Math.floor(top / h) - this.opts.buffer);
    const last = Math.min(n, Math.ceil((top + viewHeight) / h) + this.opts.buffer);
    this.body.style.height = `${n * h}px`;
    let html = '';
    for (let i = first; i < last; i += 1) {
      const item = this.data[i]!;
      let cls = `dt-row ${this.opts.rowClass(item, i)}`;
      if (this.marked.has(item)) cls += ' err';
      if (this.selected === item) cls += ' sel';
      html += `<div class="${cls}" id="${this.opts.id}_l${i}" style="top:${i * h}px">`;
      for (let c = 0; c < this.opts.columns.length; c += 1) {
        html += `<span id="${this.cellId(i, c)}" class="c c${c}">${this.opts.columns[c]!.render(item, i)}</span>`;
      }
      html += '</div>';
    }
    this.body.innerHTML = html;
    this.renderedTop = this.view.scrollTop;
    this.renders += 1;
    this.doc.documentElement.setAttribute('data-renders', String(this.renders));
    // An edit survives only a render of its own (a move); put the editor back into its new cell.
    if (this.editing) {
      const cell = this.doc.getElementById(this.cellId(this.editing.row, this.editing.col));
      if (cell) {
        cell.innerHTML = '';
        cell.appendChild(this.editor);
      }
    }
  }

  /** Scrolls row `index` into view (rendering at once, so the scroll event that follows is not a user's). */
  scrollToRow(index: number): void {
    const h = this.opts.rowHeight;
    const viewHeight = this.view.clientHeight || this.opts.pageHeight;
    if (index * h < this.view.scrollTop) this.view.scrollTop = index * h;
    else if ((index + 1) * h > this.view.scrollTop + viewHeight) this.view.scrollTop = (index + 1) * h - viewHeight;
    if (this.view.scrollTop !== this.renderedTop) this.render();
  }

  isEditing(): boolean {
    return this.editing !== null;
  }

  /** Starts editing a cell; false when the column's `oneditstart` refuses. */
  startEdit(row: number, col: number): boolean {
    const column = this.opts.columns[col];
    const item = this.data[row];
    if (!column || item === undefined || !column.field || !column.oneditstart || !column.oneditstart(item, row)) return false;
    this.scrollToRow(row);
    const cell = this.doc.getElementById(this.cellId(row, col));
    if (!cell) return false;
    this.editing = { row, col, item };
    cell.innerHTML = '';
    const current = fieldOf(item, column.field);
    this.editor.innerText = column.dict ? (column.dict.find((d) => d.code === current)?.text ?? '') : current;
    cell.appendChild(this.editor);
    this.editor.focus();
    const range = this.doc.createRange();
    range.selectNodeContents(this.editor);
    range.collapse(false);
    const sel = this.doc.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
    if (column.dict) this.openPopup(cell, column, item);
    return true;
  }

  /** Commits an open edit: the editor's text is written into the row object, then `oneditend` runs. */
  commitEdit(): void {
    const state = this.editing;
    if (!state) return;
    const column = this.opts.columns[state.col]!;
    const text = this.editor.innerText.replace(/[\r\n]+/g, '');
    this.editing = null;
    this.closePopup();
    let value = text;
    if (column.dict) {
      // The editor shows the option's text; the row holds its code. Text that is no option keeps the old code.
      const entry = column.dict.find((d) => d.text === text.trim() || d.code === text.trim());
      value = entry ? entry.code : text.trim() ? fieldOf(state.item, column.field) : '';
    }
    (state.item as Record<string, unknown>)[column.field!] = value;
    column.oneditend?.(state.item, state.row, value);
    this.opts.onRowEdited?.(state.item, state.row);
    this.editor.remove();
    this.render();
  }

  /** Ends an open edit without saving it (what a scroll does). */
  dropEdit(): void {
    if (!this.editing) return;
    this.editing = null;
    this.closePopup();
    this.editor.remove();
    this.render();
  }

  /** Marks rows (red) until the next call. */
  mark(items: Iterable<R>): void {
    this.marked = new Set(items);
    this.render();
  }

  getSelected(): R | null {
    return this.selected;
  }

  private openPopup(cell: HTMLElement, column: DtColumn<R>, item: R): void {
    if (!this.popup) {
      this.popup = this.doc.createElement('div');
      this.popup.className = 'dt-popup';
      this.popup.id = `${this.opts.id}_popup`;
      const select = this.doc.createElement('select');
      select.size = 10;
      select.id = `${this.opts.id}_popup_select`;
      select.addEventListener('change', () => this.pick(select.value));
      this.popup.appendChild(select);
    }
    const select = this.popup.firstElementChild as HTMLSelectElement;
    select.innerHTML = (column.dict ?? []).map((d) => `<option value="${escapeHtml(d.code)}">${escapeHtml(d.text)}</option>`).join('');
    select.value = fieldOf(item, column.field);
    this.doc.body.appendChild(this.popup);
    this.popup.style.display = 'block';
    const rect = cell.getBoundingClientRect();
    const win = this.doc.defaultView!;
    const below = rect.bottom + this.popup.offsetHeight <= win.innerHeight;
    this.popup.style.left = `${rect.left + win.scrollX}px`;
    this.popup.style.top = `${(below ? rect.bottom : Math.max(0, rect.top - this.popup.offsetHeight)) + win.scrollY}px`;
  }

  private closePopup(): void {
    if (this.popup) {
      this.popup.style.display = 'none';
      this.popup.remove();
    }
  }

  /** A dictionary pick: the editor shows the option's text (committed only by an outside mousedown). */
  private pick(code: string): void {
    const state = this.editing;
    if (!state) return;
    const entry = this.opts.columns[state.col]!.dict?.find((d) => d.code === code);
    if (entry) this.editor.innerText = entry.text;
  }

  private bodyMouseDown(): void {
    if (!this.editing) return;
    const ev = this.event<MouseEvent>();
    if (!ev) return;
    const cell = this.editor.parentNode;
    if (cell && cell.contains(ev.t)) return;
    if (this.popup && this.popup.contains(ev.t)) return;
    this.commitEdit();
  }

  private bodyClick(): void {
    const ev = this.event<MouseEvent>();
    if (!ev) return;
    let t: HTMLElement | null = ev.t;
    if (this.popup && this.popup.contains(t)) {
      if (t.tagName === 'OPTION') this.pick((t as HTMLOptionElement).value);
      return;
    }
    // Walk up to the first element whose id the table knows (a link in a cell, or the cell itself).
    let hit: ReturnType<DataTable<R>['parseId']> = null;
    while (t && t !== this.doc.body) {
      if (t.id && (hit = this.parseId(t.id))) break;
      t = t.parentElement;
    }
    if (!hit) return;
    if (hit.kind !== 'd') {
      if (ev.e.preventDefault) ev.e.preventDefault();
      this.opts.onAction?.(hit.kind, hit.row, hit.col);
      return;
    }
    if (this.editing && this.editing.row === hit.row && this.editing.col === hit.col) return;
    const item = this.data[hit.row];
    if (item !== undefined && this.selected !== item) {
      this.selected = item;
      const rowEl = this.doc.getElementById(`${this.opts.id}_l${hit.row}`);
      this.body.querySelectorAll('.dt-row.sel').forEach((r) => r.classList.remove('sel'));
      rowEl?.classList.add('sel');
    }
    if (this.editing) this.commitEdit();
    this.startEdit(hit.row, hit.col);
  }

  private bodyKeyDown(): void {
    if (!this.editing) return;
    const ev = this.event<KeyboardEvent>();
    if (!ev) return;
    const code = ev.e.keyCode;
    const inPopup = this.popup !== null && this.popup.contains(ev.t);
    if (code === 27) {
      ev.e.preventDefault();
      this.commitEdit();
      return;
    }
    if (inPopup) return; // the list box keeps its own keys (arrows change the option)
    if (code === 13 || code === 9) {
      ev.e.preventDefault();
      return;
    }
    if (code >= 37 && code <= 40) {
      ev.e.preventDefault();
      const { row, col } = this.editing;
      this.commitEdit();
      const next = this.neighbour(row, col, code);
      if (next) this.startEdit(next.row, next.col);
    }
  }

  /** The nearest editable cell from (row, col) in an arrow key's direction. */
  private neighbour(row: number, col: number, key: number): { row: number; col: number } | null {
    const editable = (r: number, c: number) => {
      const column = this.opts.columns[c];
      const item = this.data[r];
      return Boolean(column?.oneditstart && item !== undefined && column.oneditstart(item, r));
    };
    const dr = key === 38 ? -1 : key === 40 ? 1 : 0;
    const dc = key === 37 ? -1 : key === 39 ? 1 : 0;
    for (let r = row + dr, c = col + dc; r >= 0 && r < this.data.length && c >= 0 && c < this.opts.columns.length; r += dr, c += dc) {
      if (editable(r, c)) return { row: r, col: c };
    }
    return null;
  }

  private viewScroll(): void {
    if (this.view.scrollTop === this.renderedTop) return;
    if (this.editing) {
      // Scrolling drops the edit: what was typed is lost.
      this.editing = null;
      this.closePopup();
      this.editor.remove();
    }
    this.render();
  }
}
