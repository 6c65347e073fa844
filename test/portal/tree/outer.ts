/**
 * /tree/ — the outer page of the tree replica (a FASP2 performance module page): the project list, or one
 * project's form with a toolbar and a tab strip whose panes are two iframes (grid.html?set=period…,
 * grid.html?set=annual…), both loaded at start, the inactive one display:none. 保存 closes the open edit
 * in every tab frame, reads their row objects through `contentWindow.treeGrid`, runs the portal's check
 * and writes `localStorage['replica-portal:saved']` ("portal": "tree"). Form fields reach the page's
 * model on `change` only, as in the legacy replica.
 */
import { normaliseMoneyText } from '../../../lib/domain/money';
import { groupThousands } from '../shared/format';
import { cloneProject, FIELD_LABELS, type IndicatorSetKey, type PortalProject, SET_KEYS } from '../shared/model';
import { seed } from '../shared/seed';
import { resolveRoute } from '../shared/states';
import { findSaved, readSaved, saveProject, submitProject } from '../shared/storage';
import type { TreeGridApi } from './bridge';
import { escapeHtml } from './datatable';
import { showMessage } from './dialog';
import { toPortalRows } from './tree-model';
import { TREE_SET_LABELS, validateTree } from './validate';
import './tree.css';

const route = resolveRoute(window.location.search, seed);
const content = document.getElementById('content')!;

function renderList(notice?: string): void {
  const saved = readSaved(window.localStorage);
  const status = (p: PortalProject) => {
    const s = saved?.projects.find((x) => x.key === p.key);
    if (s?.submitted) return '已送审';
    if (s) return '已保存';
    return p.indicators.period.length + p.indicators.annual.length === 0 ? '未填报' : '待送审';
  };
  const rows = seed.projects
    .map(
      (p) =>
        `<tr><td class="ac">${p.index + 1}</td><td><a href="?project=${p.index}">${escapeHtml(p.name)}</a></td>` +
        `<td class="ar">${groupThousands(p.amounts.total)}</td><td class="ar">${groupThousands(p.amounts.fiscal)}</td>` +
        `<td class="ar">${groupThousands(p.amounts.specialAccount)}</td><td class="ar">${groupThousands(p.amounts.other)}</td>` +
        `<td class="ac">${status(p)}</td><td class="ac"><a href="?project=${p.index}">填报</a></td></tr>`,
    )
    .join('');
  content.innerHTML =
    (notice ? `<div class="notice">${escapeHtml(notice)}</div>` : '') +
    `<div class="paneltitle">项目绩效目标填报列表</div>` +
    `<div class="summary">单位：${escapeHtml(seed.unit)}&emsp;合计：${seed.total ? groupThousands(seed.total) : '—'} 万元&emsp;` +
    `<a href="?state=blank">空白项目</a>&emsp;<a href="?state=errors">含错误的项目</a></div>` +
    `<table class="listtable" id="projectList"><thead><tr><td>序号</td><td>项目名称</td><td>总计</td><td>财政拨款</td>` +
    `<td>财政专户拨款</td><td>其他资金</td><td>状态</td><td>操作</td></tr></thead><tbody>${rows}</tbody></table>`;
}

/** FASP-style field ids (pinyin initials), the same as the legacy replica's. */
const AMOUNT_IDS = { total: 'zje', fiscal: 'czbk', specialAccount: 'czzhbk', other: 'qtzj' } as const;
const FIELD_IDS: Record<string, string> = { name: 'xmmc', goal: 'ztmb', annualGoal: 'ndmb', ...AMOUNT_IDS };

function renderProject(start: PortalProject, submittedAtStart: boolean, brokenAdd: boolean): void {
  const model = cloneProject(start);
  let submitted = submittedAtStart;
  window.treePortal = { project: model, readOnly: submitted, brokenAdd };

  const star = '<font color="red">*</font>';
  const amount = (field: keyof typeof AMOUNT_IDS) =>
    `<td class="label">${FIELD_LABELS[field]}</td><td class="field"><input type="text" class="inp money" id="${AMOUNT_IDS[field]}" ` +
    `value="${escapeHtml(model.amounts[field])}">万元</td>`;
  // The grid frames get the page's query (set first), as the JSP tab pages are opened.
  const query = new URLSearchParams(window.location.search);
  const frameSrc = (set: IndicatorSetKey) => {
    const q = new URLSearchParams(query);
    q.delete('set');
    return `grid.html?set=${set}${q.toString() ? `&${q.toString()}` : ''}`;
  };
  content.innerHTML =
    `<div class="toolbar" id="mainToolbar">` +
    `<button type="button" class="btn" id="btnSave">保存</button>` +
    `<button type="button" class="btn" id="btnSubmit">送审</button>` +
    `<span class="sep"></span>` +
    `<button type="button" class="btn na" id="btnTxzb">挑选指标</button>` +
    `<button type="button" class="btn na" id="btnFzsnzb">复制上年指标</button>` +
    `<button type="button" class="btn na" id="btnZntj">智能推荐</button>` +
    `<button type="button" class="btn na" id="btnNrzbk">纳入指标库</button>` +
    `<span class="sep"></span>` +
    `<button type="button" class="btn" id="btnBack">返回</button>` +
    `<span class="state" id="projectState">${submitted ? '状态：已送审' : '状态：编辑中'}</span></div>` +
    `<div class="paneltitle">项目基本信息</div>` +
    `<table class="formtable" id="projectForm"><tbody>` +
    `<tr><td class="label">${star}${FIELD_LABELS.name}</td><td class="field"><input type="text" class="inp wide" id="xmmc" value="${escapeHtml(model.name)}"></td>` +
    `<td class="label">${FIELD_LABELS.owner}</td><td class="field"><input type="text" class="inp wide" id="zgbm" value="${escapeHtml(model.owner)}" readonly></td></tr>` +
    `<tr>${amount('total')}${amount('fiscal')}</tr>` +
    `<tr>${amount('specialAccount')}${amount('other')}</tr>` +
    `<tr><td class="label">${star}${FIELD_LABELS.goal}</td><td class="field" colspan="3"><textarea class="txa" id="ztmb" rows="3">${escapeHtml(model.goal)}</textarea></td></tr>` +
    `<tr><td class="label">${star}${FIELD_LABELS.annualGoal}</td><td class="field" colspan="3"><textarea class="txa" id="ndmb" rows="3">${escapeHtml(model.annualGoal)}</textarea></td></tr>` +
    `</tbody></table>` +
    `<ul class="tabs" id="zbTabs">` +
    SET_KEYS.map((set, i) => `<li id="tab_${set}"${i === 0 ? ' class="active"' : ''}>${TREE_SET_LABELS[set]}</li>`).join('') +
    `</ul><div class="tabbody">` +
    SET_KEYS.map(
      (set, i) =>
        `<iframe id="frame_${set}" name="frame_${set}" class="tabframe" frameborder="0" src="${frameSrc(set)}"${i === 0 ? '' : ' style="display:none"'}></iframe>`,
    ).join('') +
    `</div>`;

  const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const onChange = (id: string, write: (value: string) => void) => {
    byId<HTMLInputElement>(id).addEventListener('change', () => write(byId<HTMLInputElement>(id).value));
  };
  onChange('xmmc', (v) => (model.name = v));
  onChange('ztmb', (v) => (model.goal = v));
  onChange('ndmb', (v) => (model.annualGoal = v));
  for (const field of Object.keys(AMOUNT_IDS) as (keyof typeof AMOUNT_IDS)[]) {
    const input = byId<HTMLInputElement>(AMOUNT_IDS[field]);
    input.addEventListener('change', () => {
      const text = input.value.trim();
      // Formatted to two places on change; unreadable text is kept for the save check.
      model.amounts[field] = text === '' ? '' : normaliseMoneyText(text);
      input.value = model.amounts[field];
    });
  }

  const frame = (set: IndicatorSetKey) => byId<HTMLIFrameElement>(`frame_${set}`);
  const grid = (set: IndicatorSetKey): TreeGridApi | undefined => frame(set).contentWindow?.treeGrid;

  function showTab(set: IndicatorSetKey): void {
    for (const s of SET_KEYS) {
      byId(`tab_${s}`).className = s === set ? 'active' : '';
      frame(s).style.display = s === set ? '' : 'none';
    }
    grid(set)?.refresh();
  }
  byId('zbTabs').addEventListener('click', (e) => {
    const li = (e.target as HTMLElement).closest('li');
    if (li) showTab(li.id.replace('tab_', '') as IndicatorSetKey);
  });

  const setReadOnly = () => {
    content.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea').forEach((el) => (el.readOnly = true));
    content.querySelectorAll<HTMLButtonElement>('#mainToolbar button').forEach((b) => (b.disabled = b.id !== 'btnBack'));
    byId('projectState').textContent = '状态：已送审';
    for (const set of SET_KEYS) grid(set)?.setReadOnly(true);
  };
  if (submitted) setReadOnly();

  /** What 保存 sends, read from the tab frames' row objects; null when the page refuses. */
  async function check(): Promise<PortalProject | null> {
    const period = grid('period');
    const annual = grid('annual');
    if (!period || !annual) {
      await showMessage(document, { kind: 'error', message: '绩效指标页面尚未加载完成，请稍候再试。' });
      return null;
    }
    const grids = { period, annual };
    grids.period.endEdit();
    grids.annual.endEdit();
    const sets = { period: grids.period.getRows(), annual: grids.annual.getRows() };
    const issues = validateTree(model, sets);
    content.querySelectorAll('.fielderr').forEach((el) => el.classList.remove('fielderr'));
    for (const issue of issues) if (!issue.set && FIELD_IDS[issue.field]) byId(FIELD_IDS[issue.field]!).classList.add('fielderr');
    for (const set of SET_KEYS) grids[set].showErrors(issues.filter((i) => i.set === set && i.row !== undefined).map((i) => i.row!));
    if (issues.length === 0) {
      return { ...cloneProject(model), indicators: { period: toPortalRows(sets.period), annual: toPortalRows(sets.annual) } };
    }
    const firstSet = issues.find((i) => i.set)?.set;
    if (firstSet && !issues.some((i) => !i.set)) showTab(firstSet);
    await showMessage(document, {
      kind: 'error',
      message: `保存失败，共有${issues.length}处问题：`,
      details: [...issues.slice(0, 15).map((i) => i.message), ...(issues.length > 15 ? [`……另有${issues.length - 15}处`] : [])],
    });
    return null;
  }

  let busy = false;
  const guarded = (run: () => Promise<void>) => async () => {
    if (busy || submitted) return;
    busy = true;
    try {
      await run();
    } finally {
      busy = false;
    }
  };

  byId('btnSave').addEventListener(
    'click',
    guarded(async () => {
      const data = await check();
      if (!data) return;
      saveProject(window.localStorage, data, 'tree');
      await showMessage(document, { kind: 'success', message: '保存成功！' });
    }),
  );

  byId('btnSubmit').addEventListener(
    'click',
    guarded(async () => {
      const answer = await showMessage(document, {
        kind: 'question',
        message: '送审后将不能修改，确定送审吗？',
        buttons: [
          { label: '确定', value: 'ok' },
          { label: '取消', value: 'cancel' },
        ],
      });
      if (answer !== 'ok') return;
      const data = await check();
      if (!data) return;
      submitProject(window.localStorage, data, 'tree');
      submitted = true;
      setReadOnly();
      await showMessage(document, { kind: 'success', message: '送审成功！' });
    }),
  );

  for (const button of content.querySelectorAll<HTMLButtonElement>('#mainToolbar .na')) {
    button.addEventListener('click', () => {
      void showMessage(document, { message: `仿真环境未提供“${button.textContent ?? ''}”功能。` });
    });
  }

  byId('btnBack').addEventListener('click', () => {
    window.location.href = window.location.pathname;
  });
}

if (route.kind === 'list') renderList(route.notice);
else {
  const saved = route.fromSeed ? findSaved(window.localStorage, route.project.key) : null;
  const brokenAdd = new URLSearchParams(window.location.search).get('broken') === 'add';
  renderProject(saved ?? route.project, saved?.submitted ?? false, brokenAdd);
}
