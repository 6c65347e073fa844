/**
 * SlickGrid cell editors of the legacy replica. Like the real grids: the editor exists only while a
 * cell is being edited, and its value reaches the DataView only on commit — Enter or Tab (SlickGrid's
 * own keys), or blur when focus leaves the editor for good.
 */
import type { Editor, EditorArguments, EditorConstructor, EditorValidationResult } from 'slickgrid';

type Item = Record<string, unknown>;

/** Commits the grid's current edit when focus leaves this editor (and the grid did not already). */
function commitOnBlur(args: EditorArguments, editor: Editor, element: HTMLElement): void {
  element.addEventListener('blur', () => {
    const doc = element.ownerDocument;
    // Deferred: an Enter/Tab/click-on-cell commit runs first and destroys the editor; only a real
    // blur (a click outside the grid, another frame taking focus) finds it still open.
    doc.defaultView?.setTimeout(() => {
      if (args.grid.getCellEditor() !== editor) return;
      if (doc.hasFocus() && doc.activeElement === element) return;
      // SlickGrid refocuses its own focus sink after a commit; on a blur that would pull focus back
      // out of the field the person just clicked (even in another frame), so it is held off here.
      const grid = args.grid as unknown as { setFocus: () => void };
      grid.setFocus = () => undefined;
      try {
        args.grid.getEditorLock().commitCurrentEdit();
      } finally {
        delete (grid as { setFocus?: () => void }).setFocus;
      }
    }, 0);
  });
}

/** Plain text editor (三级指标, 指标值, 指标值说明); `options` adds a datalist for free entry with suggestions. */
export class LegacyTextEditor implements Editor {
  private readonly input: HTMLInputElement;
  private defaultValue = '';

  constructor(private readonly args: EditorArguments, options: readonly string[] = []) {
    const doc = args.container.ownerDocument;
    this.input = doc.createElement('input');
    this.input.type = 'text';
    this.input.className = 'editor-text';
    if (options.length) {
      const list = doc.createElement('datalist');
      list.id = `lg-list-${String(args.column.id)}`;
      for (const o of options) list.append(new Option(o, o));
      args.container.append(list);
      this.input.setAttribute('list', list.id);
    }
    args.container.append(this.input);
    commitOnBlur(args, this, this.input);
    this.init();
  }

  init(): void {
    this.input.focus();
  }

  destroy(): void {
    this.input.remove();
    this.args.container.querySelector('datalist')?.remove();
  }

  focus(): void {
    this.input.focus();
  }

  loadValue(item: Item): void {
    this.defaultValue = String(item[String(this.args.column.field)] ?? '');
    this.input.value = this.defaultValue;
    // SlickGrid reloads the editor while committing; selecting then would pull focus back from a
    // field the person just clicked in another frame.
    const doc = this.input.ownerDocument;
    if (doc.hasFocus() && doc.activeElement === this.input) this.input.select();
  }

  serializeValue(): string {
    return this.input.value;
  }

  applyValue(item: Item, state: string): void {
    item[String(this.args.column.field)] = state;
  }

  isValueChanged(): boolean {
    return this.input.value !== this.defaultValue;
  }

  validate(): EditorValidationResult {
    return { valid: true, msg: null };
  }
}

/** `<select>` editor (一级指标, 二级指标, 计算符号); `optionsFor` may depend on the row (二级 follows 一级). */
export class LegacySelectEditor implements Editor {
  private readonly select: HTMLSelectElement;
  private defaultValue = '';

  constructor(
    private readonly args: EditorArguments,
    private readonly optionsFor: (item: Item) => readonly string[],
  ) {
    const doc = args.container.ownerDocument;
    this.select = doc.createElement('select');
    this.select.className = 'editor-select';
    args.container.append(this.select);
    commitOnBlur(args, this, this.select);
    this.init();
  }

  init(): void {
    this.select.focus();
  }

  destroy(): void {
    this.select.remove();
  }

  focus(): void {
    this.select.focus();
  }

  loadValue(item: Item): void {
    this.defaultValue = String(item[String(this.args.column.field)] ?? '');
    const options = this.optionsFor(item);
    this.select.replaceChildren(new Option('--请选择--', ''), ...options.map((o) => new Option(o, o)));
    if (this.defaultValue && !options.includes(this.defaultValue)) this.select.append(new Option(this.defaultValue, this.defaultValue));
    this.select.value = this.defaultValue;
  }

  serializeValue(): string {
    return this.select.value;
  }

  applyValue(item: Item, state: string): void {
    item[String(this.args.column.field)] = state;
  }

  isValueChanged(): boolean {
    return this.select.value !== this.defaultValue;
  }

  validate(): EditorValidationResult {
    return { valid: true, msg: null };
  }
}

/** A text editor class for a column (SlickGrid constructs editors itself: `new column.editor(args)`). */
export function textEditor(options: readonly string[] = []): EditorConstructor {
  // SlickGrid types the constructor generically over the grid's row type; these editors work on any row.
  return class extends LegacyTextEditor {
    constructor(args: EditorArguments) {
      super(args, options);
    }
  } as unknown as EditorConstructor;
}

/** A select editor class for a column, with options computed from the row being edited. */
export function selectEditor(optionsFor: (item: Item) => readonly string[]): EditorConstructor {
  return class extends LegacySelectEditor {
    constructor(args: EditorArguments) {
      super(args, optionsFor);
    }
  } as unknown as EditorConstructor;
}
