/**
 * The legacy indicator grid (grid.html, inside content.html's frame): a SlickGrid over a DataView.
 * Cells are plain divs; an editor appears only when a cell is activated (click, then Enter or double
 * click) and its value reaches the DataView only on commit. One grid shows one set at a time; the tab
 * strip swaps the DataView's items, like the older systems' 页签.
 */
import $ from 'jquery';
import { type Column, type GridOption, SlickDataView, SlickGrid } from 'slickgrid';
import 'slickgrid/dist/styles/css/slick.grid.css';
import 'slickgrid/dist/styles/css/slick-default-theme.css';
import Sortable from 'sortablejs';
import { seed } from '../shared/seed';
import { blankRow, COLUMN_LABELS, type IndicatorSetKey, type PortalRow, SET_KEYS, SET_LABELS } from '../shared/model';
import { LEVEL1_OPTIONS, level2Fits, level2Options, SYMBOL_OPTIONS, UNIT_OPTIONS } from '../shared/options';
import { RERENDER_DELAY_MS, resolveRoute } from '../shared/states';
import type { PortalIssue } from '../shared/validate';
import type { LegacyPortalHost } from './bridge';
import { showDialog } from './dialog';
import { selectEditor, textEditor } from './editors';
import './legacy.css';

/** A DataView item: the portal row plus the id DataView requires. */
type GridRow = PortalRow & { id: number };

// SlickGrid 5's ESM build looks Sortable up on window (column reorder) before it creates a grid.
window.Sortable = Sortable;

function hostData(): LegacyPortalHost | null {
  try {
    if (window.parent !== window && window.parent.legacyPortal) return window.parent.legacyPortal;
  } catch {
    // Not same-origin (opened elsewhere): fall back to this page's own URL.
  }
  const route = resolveRoute(window.location.search, seed);
  return route.kind === 'project' ? { project: route.project, rerender: route.rerender, readOnly: false } : null;
}

let nextId = 1;
const withId = (row: PortalRow): GridRow => ({ ...blankRow(), ...row, id: nextId++ });
const strip = ({ id: _id, ...row }: GridRow): PortalRow => ({ ...row });

function start(): void {
  const host = hostData();
  const $root = $('#grid-root');
  if (!host) {
    $root.text('未指定项目。');
    return;
  }
  const sets: Record<IndicatorSetKey, GridRow[]> = {
    period: host.project.indicators.period.map(withId),
    annual: host.project.indicators.annual.map(withId),
  };
  let current: IndicatorSetKey = 'period';
  let issues: readonly PortalIssue[] = [];
  let readOnly = host.readOnly;

  const $tabs = $('<ul class="lg-tabs"></ul>');
  for (const set of SET_KEYS) {
    $('<li></li>').text(SET_LABELS[set]).attr('data-key', set).toggleClass('active', set === current).appendTo($tabs);
  }
  const $toolbar = $(
    '<div class="lg-toolbar lg-grid-toolbar">' +
      '<button type="button" class="lg-btn" id="btnAddRow">新增行</button>' +
      '<button type="button" class="lg-btn" id="btnDelRow">删除行</button>' +
      '<span class="lg-count"></span>' +
      '<span class="lg-hint">单击选中单元格，按回车或双击编辑，回车/Tab确认</span>' +
      '</div>',
  );
  const $grid = $('<div id="indicatorGrid" class="lg-grid"></div>');
  $root.append($tabs, $toolbar, $grid);

  const dataView = new SlickDataView<GridRow>({ inlineFilters: false });
  const columns: Column[] = [
    { id: 'seq', name: '序号', field: 'id', width: 46, minWidth: 40, maxWidth: 56, cssClass: 'lg-seq', formatter: (row) => String(row + 1) },
    { id: 'level1', name: COLUMN_LABELS.level1, field: 'level1', width: 110, editor: selectEditor(() => LEVEL1_OPTIONS) },
    {
      id: 'level2',
      name: COLUMN_LABELS.level2,
      field: 'level2',
      width: 120,
      editor: selectEditor((item) => level2Options(String(item.level1 ?? ''))),
    },
    { id: 'name', name: COLUMN_LABELS.name, field: 'name', width: 220, editor: textEditor() },
    { id: 'symbol', name: COLUMN_LABELS.symbol, field: 'symbol', width: 80, editor: selectEditor(() => SYMBOL_OPTIONS) },
    { id: 'value', name: COLUMN_LABELS.value, field: 'value', width: 110, editor: textEditor() },
    { id: 'unit', name: COLUMN_LABELS.unit, field: 'unit', width: 90, editor: textEditor(UNIT_OPTIONS) },
    { id: 'explanation', name: COLUMN_LABELS.explanation, field: 'explanation', width: 200, editor: textEditor() },
  ];
  const options: GridOption = {
    editable: !readOnly,
    enableCellNavigation: true,
    autoEdit: false,
    asyncEditorLoading: false,
    forceFitColumns: true,
    rowHeight: 26,
    headerRowHeight: 30,
    enableColumnReorder: false,
  };
  const grid = new SlickGrid<GridRow>($grid[0] as HTMLDivElement, dataView, columns, options);

  dataView.onRowCountChanged.subscribe(() => {
    grid.updateRowCount();
    grid.render();
    updateCount();
  });
  dataView.onRowsChanged.subscribe((_e, args) => {
    grid.invalidateRows(args.rows);
    grid.render();
  });

  let rerenderArmed = host.rerender;
  let rerenders = 0;
  /** `?rerender=1`: shortly after the first edit every row is re-created (new objects, new DOM). */
  function noteEdit(): void {
    if (!rerenderArmed) return;
    rerenderArmed = false;
    window.setTimeout(() => {
      // A reload keeps what was committed; an open editor is committed first rather than lost.
      grid.getEditorLock().commitCurrentEdit();
      sets[current] = dataView.getItems();
      for (const set of SET_KEYS) sets[set] = sets[set].map((r) => withId(strip(r)));
      dataView.setItems(sets[current]);
      grid.invalidateAllRows();
      grid.render();
      applyIssues();
      rerenders += 1;
      document.documentElement.dataset.portalRerenders = String(rerenders);
    }, RERENDER_DELAY_MS);
  }

  grid.onCellChange.subscribe((_e, args) => {
    const item = args.item as GridRow;
    const column = grid.getColumns()[args.cell];
    // Like the real portal: a new 一级 clears a 二级 that does not belong to it.
    if (column?.id === 'level1' && item.level2 && !level2Fits(item.level1, item.level2)) item.level2 = '';
    dataView.updateItem(item.id, item);
    noteEdit();
  });

  function updateCount(): void {
    $toolbar.find('.lg-count').text(`共 ${dataView.getLength()} 条`);
  }

  function applyIssues(): void {
    const marks: Record<number, Record<string, string>> = {};
    for (const issue of issues) {
      if (issue.set !== current || issue.row === undefined) continue;
      const rowMarks = (marks[issue.row - 1] ??= {});
      rowMarks[issue.field] = 'lg-cell-error';
    }
    grid.setCellCssStyles('issues', marks);
  }

  function switchTo(set: IndicatorSetKey): boolean {
    if (set === current) return true;
    if (!grid.getEditorLock().commitCurrentEdit()) return false;
    sets[current] = dataView.getItems();
    current = set;
    grid.resetActiveCell();
    dataView.setItems(sets[set]);
    grid.invalidateAllRows();
    grid.render();
    $tabs.find('li').each((_i, li) => {
      $(li).toggleClass('active', $(li).attr('data-key') === set);
    });
    applyIssues();
    updateCount();
    return true;
  }

  $tabs.on('click', 'li', (e) => {
    switchTo($(e.currentTarget).attr('data-key') as IndicatorSetKey);
  });

  $toolbar.on('click', '#btnAddRow', () => {
    if (readOnly || !grid.getEditorLock().commitCurrentEdit()) return;
    const item = withId(blankRow());
    dataView.addItem(item);
    const row = dataView.getLength() - 1;
    grid.scrollRowIntoView(row);
    grid.setActiveCell(row, 1);
    noteEdit();
  });

  $toolbar.on('click', '#btnDelRow', () => {
    if (readOnly) return;
    const active = grid.getActiveCell();
    if (!active) {
      void showDialog(document, { message: '请先单击选中要删除的指标行。' });
      return;
    }
    grid.getEditorLock().cancelCurrentEdit();
    const item = dataView.getItem(active.row);
    if (!item) return;
    grid.resetActiveCell();
    dataView.deleteItem(item.id);
    noteEdit();
  });

  dataView.setItems(sets[current]);
  updateCount();

  window.legacyGrid = {
    commitEdit: () => grid.getEditorLock().commitCurrentEdit(),
    collect: () => {
      sets[current] = dataView.getItems();
      return { period: sets.period.map(strip), annual: sets.annual.map(strip) };
    },
    showIssues: (found) => {
      issues = found;
      const first = found.find((i) => i.set !== undefined)?.set;
      if (first && !found.some((i) => i.set === current)) switchTo(first);
      applyIssues();
    },
    setReadOnly: (value) => {
      readOnly = value;
      grid.getEditorLock().commitCurrentEdit();
      grid.setOptions({ editable: !value });
      $toolbar.find('button').prop('disabled', value);
    },
  };
  if (readOnly) window.legacyGrid.setReadOnly(true);
}

$(start);
