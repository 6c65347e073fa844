/**
 * grid.html?set=period|annual — one tab page of the tree replica: the indicator set as a FASP2-style tree
 * data table (see datatable.ts). 一级 / 二级 rows are fixed, bold and not editable; a 二级 row's 新增 link
 * adds a blank 三级 row under it; a 三级 row's 删除 link asks 确定删除该指标吗？ in a page dialog. The
 * outer page reaches in through `window.treeGrid` (bridge.ts) for the row objects on save.
 */
import { seed } from '../shared/seed';
import type { IndicatorSetKey } from '../shared/model';
import { resolveRoute } from '../shared/states';
import type { TreePortalHost } from './bridge';
import { type DtColumn, DataTable, escapeHtml } from './datatable';
import { showMessage } from './dialog';
import { blankLeaf, buildTree, insertionIndex, replaceLeaves, SYMBOL_DICT, symbolText, toPortalRows, type TreeRow } from './tree-model';
import './tree.css';

const params = new URLSearchParams(window.location.search);
const set: IndicatorSetKey = params.get('set') === 'annual' ? 'annual' : 'period';
/** Page titles as the JSP tab pages carry them. */
const TITLES: Record<IndicatorSetKey, string> = { period: '总体绩效指标', annual: '年度绩效指标' };
document.title = TITLES[set];

/** Row height and body height of the data table, as its configuration sets them. */
const ROW_HEIGHT = 24;
const PAGE_HEIGHT = 360;

function hostData(): TreePortalHost | null {
  try {
    if (window.parent !== window && window.parent.treePortal) return window.parent.treePortal;
  } catch {
    // Opened from another origin: fall back to this page's own query.
  }
  const route = resolveRoute(window.location.search, seed);
  const brokenAdd = params.get('broken') === 'add';
  return route.kind === 'project' ? { project: route.project, readOnly: false, brokenAdd } : null;
}

type Field = 'sjzb' | 'zbz' | 'jldw' | 'zbzsm' | 'bz';

function start(): void {
  const host = hostData();
  const root = document.getElementById('grid-root')!;
  if (!host) {
    root.textContent = '未指定项目。';
    return;
  }
  let readOnly = host.readOnly;

  root.innerHTML =
    `<div class="toolbar gridbar">` +
    `<button type="button" class="btn" id="btnDelZb">删除指标</button>` +
    (set === 'annual' ? `<button type="button" class="btn" id="btnCopyZt">复制总体指标</button>` : '') +
    `<span class="dt-count" id="zbCount"></span>` +
    `<span class="hint">单击三级指标单元格编辑；点击别处确认</span></div>` +
    `<div id="tableHost"></div>`;

  const editable = (row: TreeRow) => row.level === 3 && !readOnly;
  const text = (field: Field, caption: string, width: number): DtColumn<TreeRow> => ({
    caption,
    width,
    field,
    render: (row) => escapeHtml(row[field]),
    oneditstart: editable,
    oneditend: (row) => {
      row[field] = row[field].trim();
    },
  });
  const columns: DtColumn<TreeRow>[] = [
    { caption: '一级指标', width: 96, field: 'yjzb', render: (row) => escapeHtml(row.yjzb), oneditstart: () => false },
    { caption: '二级指标', width: 116, field: 'ejzb', render: (row) => escapeHtml(row.ejzb), oneditstart: () => false },
    text('sjzb', '三级指标', 210),
    { caption: '计算符号', width: 70, field: 'jsfh', render: (row) => escapeHtml(symbolText(row.jsfh)), oneditstart: editable, dict: SYMBOL_DICT },
    text('zbz', '指标值', 90),
    text('jldw', '计量单位', 76),
    text('zbzsm', '指标值说明', 170),
    text('bz', '备注', 100),
    {
      caption: '操作',
      width: 64,
      render: (row, i) => {
        if (readOnly) return '';
        if (row.level === 2) return `<a href="javascript:void(0);" class="op" id="datatable3_l${i}_c8_add">新增</a>`;
        if (row.level === 3) return `<a href="javascript:void(0);" class="op" id="datatable3_l${i}_c8_del">删除</a>`;
        return '';
      },
    },
  ];

  const table: DataTable<TreeRow> = new DataTable<TreeRow>(document.getElementById('tableHost')!, {
    id: 'datatable3',
    columns,
    rowHeight: ROW_HEIGHT,
    pageHeight: PAGE_HEIGHT,
    buffer: 3,
    rowClass: (row) => `lv${row.level}`,
    onRowEdited: (row) => {
      if (row.rowstate !== 'insert') row.rowstate = 'update';
    },
    onAction: (action, index) => {
      if (readOnly) return;
      if (action === 'add') addUnder(index);
      else if (action === 'del') void remove(index);
    },
  });
  table.data = buildTree(host.project.indicators[set]);

  function updateCount(): void {
    const n = table.data.filter((r) => r.level === 3).length;
    document.getElementById('zbCount')!.textContent = `三级指标共 ${n} 项`;
  }

  /** 新增 on a 二级 row: a blank 三级 row at the end of that 二级's children. */
  function addUnder(index: number): void {
    if (host!.brokenAdd) return; // ?broken=add: the link is dead, as on a page whose script failed
    const parent = table.data[index];
    if (!parent || parent.level !== 2) return;
    const at = insertionIndex(table.data, index);
    table.data.splice(at, 0, blankLeaf(parent.guid));
    table.render();
    table.scrollToRow(at);
    updateCount();
  }

  async function remove(index: number): Promise<void> {
    const row = table.data[index];
    if (!row) return;
    if (row.level !== 3) {
      await showMessage(document, { kind: 'error', message: '一二级指标无法删除！' });
      return;
    }
    const answer = await showMessage(document, {
      kind: 'question',
      message: '确定删除该指标吗？',
      buttons: [
        { label: '确定', value: 'ok' },
        { label: '取消', value: 'cancel' },
      ],
    });
    if (answer !== 'ok') return;
    const at = table.data.indexOf(row);
    if (at < 0) return;
    table.data.splice(at, 1);
    table.render();
    updateCount();
  }

  document.getElementById('btnDelZb')!.addEventListener('click', () => {
    if (readOnly) return;
    const row = table.getSelected();
    const at = row ? table.data.indexOf(row) : -1;
    if (at < 0) {
      void showMessage(document, { message: '请先选择要删除的指标！' });
      return;
    }
    void remove(at);
  });

  document.getElementById('btnCopyZt')?.addEventListener('click', async () => {
    if (readOnly) return;
    const frame = window.parent.document.getElementById('frame_period') as HTMLIFrameElement | null;
    const period = frame?.contentWindow?.treeGrid;
    if (!period) {
      await showMessage(document, { kind: 'error', message: '总体绩效指标页面尚未加载完成。' });
      return;
    }
    const answer = await showMessage(document, {
      kind: 'question',
      message: '将用总体(中长期)绩效指标覆盖年度绩效指标，确定复制吗？',
      buttons: [
        { label: '确定', value: 'ok' },
        { label: '取消', value: 'cancel' },
      ],
    });
    if (answer !== 'ok') return;
    period.endEdit();
    table.dropEdit();
    table.data = replaceLeaves(toPortalRows(period.getRows()));
    table.render();
    updateCount();
  });

  window.treeGrid = {
    set,
    endEdit: () => table.commitEdit(),
    getRows: () => table.data,
    showErrors: (rows) => {
      const items = rows.map((i) => table.data[i]).filter((r): r is TreeRow => r !== undefined);
      table.mark(items);
      if (rows.length) table.scrollToRow(rows[0]!);
    },
    setReadOnly: (value) => {
      table.commitEdit();
      readOnly = value;
      document.querySelectorAll<HTMLButtonElement>('.gridbar button').forEach((b) => (b.disabled = value));
      table.render();
    },
    refresh: () => table.render(),
  };

  table.render();
  updateCount();
  if (readOnly) window.treeGrid.setReadOnly(true);
}

start();
