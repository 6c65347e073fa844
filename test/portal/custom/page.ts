/**
 * The custom replica's page: a portal built by hand on plain DOM, laid out so Tianbao's heuristics do not
 * recognise it — a div grid (no <table>, no column headers it knows: L1 / L2 / KPI / Op / Target / Unit /
 * Note), project fields captioned with abbreviations, set tabs named 多年 / 当年 (the selected one has the
 * class `cur`), an add-row button that only shows ＋, and a 计量单位 cell whose quick-pick <select> sits
 * beside the real <input> (recognising the widget from the DOM picks the wrong one). A site profile maps it.
 * Mounts into any document (the unit tests mount it in happy-dom); state lives in the project object.
 */
import { SET_KEYS, type IndicatorSetKey, type PortalProject, type PortalRow, blankRow } from '../shared/model';
import { LEVEL1_OPTIONS, SYMBOL_OPTIONS, UNIT_OPTIONS, level2Fits, level2Options, withCurrent } from '../shared/options';
import { type KeyValueStore, saveProject } from '../shared/storage';
import { validateProject } from '../shared/validate';

/** Tab captions of the two sets (deliberately not the words the heuristics know). */
export const CUSTOM_TABS: Readonly<Record<IndicatorSetKey, string>> = { period: '多年', annual: '当年' };
/** Column captions in page order (# and the delete tick box around the seven fields). */
export const CUSTOM_COLUMNS = ['#', 'L1', 'L2', 'KPI', 'Op', 'Target', 'Unit', 'Note', '✓'] as const;

export interface CustomPortal {
  project: PortalProject;
  /** The set the grid shows now. */
  current(): IndicatorSetKey;
  destroy(): void;
}

type RowField = keyof PortalRow;

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string> = {}, text = ''): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text) node.textContent = text;
  return node;
}

function fillSelect(select: HTMLSelectElement, options: readonly string[], value: string): void {
  const doc = select.ownerDocument;
  select.replaceChildren(el(doc, 'option', { value: '' }, '请选择'), ...options.map((o) => el(doc, 'option', { value: o }, o)));
  select.value = value;
}

/** Mounts the project form into `root`; 保存 writes `localStorage['replica-portal:saved']` through `store`. */
export function mountCustomPortal(root: HTMLElement, project: PortalProject, store: KeyValueStore): CustomPortal {
  const doc = root.ownerDocument;
  const win = doc.defaultView!;
  let set: IndicatorSetKey = 'period';

  const page = el(doc, 'div', { class: 'cp-page' });
  page.append(el(doc, 'h1', { class: 'cp-title' }, '项目绩效 · 自建系统'));

  // ---- project fields: captions the heuristics do not know ----
  const head = el(doc, 'div', { class: 'cp-head' });
  const field = (id: string, caption: string, value: string, multiline: boolean, onInput: (v: string) => void) => {
    const box = el(doc, 'div', { class: 'cp-field' });
    const control = multiline ? el(doc, 'textarea', { id, rows: '2' }) : el(doc, 'input', { id, type: 'text' });
    control.value = value;
    control.addEventListener('input', () => onInput(control.value));
    box.append(el(doc, 'span', { class: 'cp-cap' }, caption), control);
    head.append(box);
  };
  field('p-name', 'Proj.', project.name, false, (v) => (project.name = v));
  field('p-owner', 'Org.', project.owner, false, (v) => (project.owner = v));
  field('m-total', 'Σ', project.amounts.total, false, (v) => (project.amounts.total = v));
  field('m-fiscal', 'Fin.', project.amounts.fiscal, false, (v) => (project.amounts.fiscal = v));
  field('m-special', 'Spec.', project.amounts.specialAccount, false, (v) => (project.amounts.specialAccount = v));
  field('m-other', 'Oth.', project.amounts.other, false, (v) => (project.amounts.other = v));
  field('g-long', 'Aim (multi-year)', project.goal, true, (v) => (project.goal = v));
  field('g-year', 'Aim (this year)', project.annualGoal, true, (v) => (project.annualGoal = v));
  page.append(head);

  // ---- set tabs ----
  const tabs = el(doc, 'div', { class: 'cp-switch' });
  const tabEls = SET_KEYS.map((key) => {
    const t = el(doc, 'span', { class: 'cp-pill', 'data-set': key }, CUSTOM_TABS[key]);
    t.addEventListener('click', () => {
      set = key;
      renderTabs();
      renderRows();
    });
    return t;
  });
  tabs.append(...tabEls);
  page.append(tabs);
  const renderTabs = () => tabEls.forEach((t) => t.classList.toggle('cur', t.dataset.set === set));

  // ---- the div grid ----
  const grid = el(doc, 'div', { class: 'kpi-grid', id: 'kpi' });
  const headRow = el(doc, 'div', { class: 'kpi-hd' });
  for (const caption of CUSTOM_COLUMNS) headRow.append(el(doc, 'div', { class: 'kpi-h' }, caption));
  const body = el(doc, 'div', { class: 'kpi-body' });
  grid.append(headRow, body);
  page.append(grid);

  const tools = el(doc, 'div', { class: 'kpi-tools' });
  const plus = el(doc, 'button', { type: 'button', class: 'kpi-plus', title: '新行' }, '＋');
  const minus = el(doc, 'button', { type: 'button', class: 'kpi-minus', title: '删去勾选的行' }, '－');
  plus.addEventListener('click', () => {
    project.indicators[set].push(blankRow());
    renderRows();
  });
  minus.addEventListener('click', () => {
    const ticked = new Set(Array.from(body.querySelectorAll<HTMLInputElement>('input.kpi-tick')).flatMap((b, i) => (b.checked ? [i] : [])));
    project.indicators[set] = project.indicators[set].filter((_, i) => !ticked.has(i));
    renderRows();
  });
  tools.append(plus, minus);
  page.append(tools);

  function selectCell(row: PortalRow, key: RowField, options: readonly string[]): HTMLElement {
    const cell = el(doc, 'div', { class: 'kpi-c' });
    const select = el(doc, 'select', { 'data-field': key });
    fillSelect(select, withCurrent(options, row[key]), row[key]);
    select.addEventListener('change', () => {
      row[key] = select.value;
      if (key === 'level1') {
        // Like real portals: 二级 options follow 一级, and a 二级 that no longer fits is cleared.
        if (!level2Fits(row.level1, row.level2)) row.level2 = '';
        const l2 = select.closest('.kpi-row')?.querySelector<HTMLSelectElement>('select[data-field="level2"]');
        if (l2) fillSelect(l2, level2Options(row.level1, row.level2), row.level2);
      }
    });
    cell.append(select);
    return cell;
  }

  function inputCell(row: PortalRow, key: RowField): HTMLElement {
    const cell = el(doc, 'div', { class: 'kpi-c' });
    const input = el(doc, 'input', { type: 'text', 'data-field': key });
    input.value = row[key];
    input.addEventListener('input', () => (row[key] = input.value));
    cell.append(input);
    return cell;
  }

  /** 计量单位: the real value is the input; the select beside it only copies a common unit into it. */
  function unitCell(row: PortalRow): HTMLElement {
    const cell = inputCell(row, 'unit');
    const input = cell.querySelector('input')!;
    const pick = el(doc, 'select', { class: 'unit-pick', 'aria-label': '常用单位' });
    fillSelect(pick, UNIT_OPTIONS, '');
    pick.addEventListener('change', () => {
      if (pick.value) {
        input.value = pick.value;
        row.unit = pick.value;
      }
      pick.value = '';
    });
    cell.append(pick);
    return cell;
  }

  function renderRows(): void {
    const rows = project.indicators[set];
    body.replaceChildren(
      ...rows.map((row, i) => {
        const r = el(doc, 'div', { class: 'kpi-row' });
        const tick = el(doc, 'div', { class: 'kpi-c' });
        tick.append(el(doc, 'input', { type: 'checkbox', class: 'kpi-tick' }));
        r.append(
          el(doc, 'div', { class: 'kpi-c kpi-no' }, String(i + 1)),
          selectCell(row, 'level1', LEVEL1_OPTIONS),
          selectCell(row, 'level2', level2Options(row.level1, row.level2)),
          inputCell(row, 'name'),
          selectCell(row, 'symbol', SYMBOL_OPTIONS),
          inputCell(row, 'value'),
          unitCell(row),
          inputCell(row, 'explanation'),
          tick,
        );
        return r;
      }),
    );
  }

  // ---- save ----
  const actions = el(doc, 'div', { class: 'cp-actions' });
  const save = el(doc, 'button', { type: 'button', class: 'cp-save' }, '保存');
  const message = el(doc, 'div', { class: 'cp-message', role: 'status' });
  save.addEventListener('click', () => {
    const issues = validateProject(project);
    if (issues.length > 0) {
      message.className = 'cp-message bad';
      message.textContent = issues.map((i) => (i.set ? `${CUSTOM_TABS[i.set]}第${i.row}行：${i.message}` : i.message)).join('；');
      return;
    }
    saveProject(store, project, 'custom');
    message.className = 'cp-message ok';
    message.textContent = '已保存';
    win.dispatchEvent(new win.CustomEvent('replica-portal:saved', { detail: { key: project.key } }));
  });
  actions.append(save, message);
  page.append(actions);

  renderTabs();
  renderRows();
  root.append(page);
  return { project, current: () => set, destroy: () => page.remove() };
}
