/**
 * content.html, the legacy system's main frame: the project list, or one project's form with the
 * indicator grid in a further frame (grid.html). Form fields update the page's model on `change` only,
 * as jQuery-era pages do: a value set on an input without its events never reaches what 保存 sends.
 */
import $ from 'jquery';
import { seed } from '../shared/seed';
import { normaliseMoneyText } from '../../../lib/domain/money';
import { groupThousands } from '../shared/format';
import { cloneProject, FIELD_LABELS, type PortalProject } from '../shared/model';
import { resolveRoute } from '../shared/states';
import { findSaved, readSaved, saveProject, submitProject } from '../shared/storage';
import { validateProject } from '../shared/validate';
import type { LegacyGridApi } from './bridge';
import { showDialog } from './dialog';
import './legacy.css';

const route = resolveRoute(window.location.search, seed);

function esc(text: string): string {
  return $('<div>').text(text).html();
}

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
        `<tr><td class="c">${p.index + 1}</td><td><a href="content.html?project=${p.index}">${esc(p.name)}</a></td>` +
        `<td class="r">${groupThousands(p.amounts.total)}</td><td class="r">${groupThousands(p.amounts.fiscal)}</td>` +
        `<td class="r">${groupThousands(p.amounts.specialAccount)}</td><td class="r">${groupThousands(p.amounts.other)}</td>` +
        `<td class="c">${p.indicators.period.length}/${p.indicators.annual.length}</td><td class="c">${status(p)}</td>` +
        `<td class="c"><a href="content.html?project=${p.index}">填报</a></td></tr>`,
    )
    .join('');
  $('#content').html(
    `<div class="lg-location">当前位置：预算编制 &gt; 项目库管理 &gt; 绩效目标填报</div>` +
      (notice ? `<div class="lg-notice">${esc(notice)}</div>` : '') +
      `<div class="lg-panel"><div class="lg-panel-title">项目绩效目标填报列表</div>` +
      `<div class="lg-summary">单位：${esc(seed.unit)}<span class="lg-gap"></span>合计：${seed.total ? groupThousands(seed.total) : '—'} 万元` +
        `<span class="lg-gap"></span>项目数：${seed.projects.length}</div>` +
      `<table class="lg-table" id="projectList"><thead><tr><th>序号</th><th>项目名称</th><th>总计</th><th>财政拨款</th>` +
      `<th>财政专户拨款</th><th>其他资金</th><th>指标数(中长期/年度)</th><th>状态</th><th>操作</th></tr></thead>` +
      `<tbody>${rows}</tbody></table></div>`,
  );
}

/** FASP-style field ids (pinyin initials), as the older systems name them. */
const AMOUNT_IDS = { total: 'zje', fiscal: 'czbk', specialAccount: 'czzhbk', other: 'qtzj' } as const;

function renderProject(start: PortalProject, rerender: boolean, submittedAtStart: boolean): void {
  const model = cloneProject(start);
  let submitted = submittedAtStart;
  window.legacyPortal = { project: model, rerender, readOnly: submitted };

  const amountCell = (field: keyof typeof AMOUNT_IDS) =>
    `<th>${FIELD_LABELS[field]}</th><td><input type="text" class="lg-input lg-amount" id="${AMOUNT_IDS[field]}" ` +
    `value="${esc(model.amounts[field])}"> 万元</td>`;
  $('#content').html(
    `<div class="lg-location">当前位置：预算编制 &gt; 项目库管理 &gt; 绩效目标填报 &gt; <span>${esc(model.name || '新建项目')}</span></div>` +
      `<div class="lg-toolbar lg-main-toolbar">` +
      `<button type="button" class="lg-btn lg-btn-primary" id="btnSave">保存</button>` +
      `<button type="button" class="lg-btn" id="btnSubmit">送审</button>` +
      `<button type="button" class="lg-btn" id="btnBack">返回</button>` +
      `<span class="lg-state" id="projectState">${submitted ? '状态：已送审' : '状态：编辑中'}</span></div>` +
      `<div class="lg-panel"><div class="lg-panel-title">项目基本信息</div>` +
      `<table class="lg-form"><tbody>` +
      `<tr><th><em>*</em>${FIELD_LABELS.name}</th><td><input type="text" class="lg-input lg-wide" id="xmmc" value="${esc(model.name)}"></td>` +
      `<th>${FIELD_LABELS.owner}</th><td><input type="text" class="lg-input lg-wide" id="zgbm" value="${esc(model.owner)}" readonly></td></tr>` +
      `<tr>${amountCell('total')}${amountCell('fiscal')}</tr>` +
      `<tr>${amountCell('specialAccount')}${amountCell('other')}</tr>` +
      `<tr><th><em>*</em>${FIELD_LABELS.goal}</th><td colspan="3"><textarea class="lg-textarea" id="ztmb" rows="3">${esc(model.goal)}</textarea></td></tr>` +
      `<tr><th><em>*</em>${FIELD_LABELS.annualGoal}</th><td colspan="3"><textarea class="lg-textarea" id="ndmb" rows="3">${esc(model.annualGoal)}</textarea></td></tr>` +
      `</tbody></table></div>` +
      `<div class="lg-panel"><div class="lg-panel-title">绩效指标</div>` +
      `<iframe id="gridFrame" name="gridFrame" class="lg-grid-frame" title="绩效指标" src="grid.html"></iframe></div>`,
  );

  $('#xmmc').on('change', (e) => {
    model.name = String($(e.currentTarget).val() ?? '');
  });
  $('#ztmb').on('change', (e) => {
    model.goal = String($(e.currentTarget).val() ?? '');
  });
  $('#ndmb').on('change', (e) => {
    model.annualGoal = String($(e.currentTarget).val() ?? '');
  });
  for (const field of Object.keys(AMOUNT_IDS) as (keyof typeof AMOUNT_IDS)[]) {
    $(`#${AMOUNT_IDS[field]}`).on('change', (e) => {
      const text = String($(e.currentTarget).val() ?? '').trim();
      // The page formats amounts to two places on change; unreadable text is kept for the save check.
      model.amounts[field] = text === '' ? '' : normaliseMoneyText(text);
      $(e.currentTarget).val(model.amounts[field]);
    });
  }

  const gridApi = (): LegacyGridApi | undefined =>
    ($('#gridFrame')[0] as HTMLIFrameElement | undefined)?.contentWindow?.legacyGrid;

  const setReadOnly = () => {
    $('#content').find('input, textarea').prop('readonly', true);
    $('#btnSave, #btnSubmit').prop('disabled', true);
    $('#projectState').text('状态：已送审');
    gridApi()?.setReadOnly(true);
  };
  if (submitted) setReadOnly();

  /** What 保存 would send, after the grid committed its open editor; null when the page refuses. */
  async function check(): Promise<PortalProject | null> {
    const grid = gridApi();
    if (!grid) {
      await showDialog(document, { kind: 'error', message: '指标表格尚未加载完成，请稍候再试。' });
      return null;
    }
    if (!grid.commitEdit()) {
      await showDialog(document, { kind: 'error', message: '当前单元格输入有误，请修改后再保存。' });
      return null;
    }
    const data: PortalProject = { ...cloneProject(model), indicators: grid.collect() };
    const issues = validateProject(data);
    grid.showIssues(issues);
    $('.lg-field-error').removeClass('lg-field-error');
    const ids: Record<string, string> = { name: 'xmmc', goal: 'ztmb', annualGoal: 'ndmb', ...AMOUNT_IDS };
    for (const issue of issues) if (!issue.set && ids[issue.field]) $(`#${ids[issue.field]}`).addClass('lg-field-error');
    if (issues.length === 0) return data;
    await showDialog(document, {
      kind: 'error',
      message: `保存失败，共有${issues.length}处问题，请修改：`,
      details: [...issues.slice(0, 15).map((i) => i.message), ...(issues.length > 15 ? [`……另有${issues.length - 15}处`] : [])],
    });
    return null;
  }

  let busy = false;
  $('#btnSave').on('click', async () => {
    if (busy || submitted) return;
    busy = true;
    try {
      const data = await check();
      if (!data) return;
      saveProject(window.localStorage, data, 'legacy');
      await showDialog(document, { kind: 'success', message: '保存成功！' });
    } finally {
      busy = false;
    }
  });

  $('#btnSubmit').on('click', async () => {
    if (busy || submitted) return;
    busy = true;
    try {
      const data = await check();
      if (!data) return;
      const answer = await showDialog(document, {
        kind: 'question',
        message: '送审后将不能修改，确定送审吗？',
        buttons: [
          { label: '确定', value: 'ok', primary: true },
          { label: '取消', value: 'cancel' },
        ],
      });
      if (answer !== 'ok') return;
      submitProject(window.localStorage, data, 'legacy');
      submitted = true;
      setReadOnly();
      await showDialog(document, { kind: 'success', message: '送审成功！' });
    } finally {
      busy = false;
    }
  });

  $('#btnBack').on('click', () => {
    window.location.href = 'content.html';
  });
}

$(() => {
  if (route.kind === 'list') {
    renderList(route.notice);
    return;
  }
  const saved = route.fromSeed ? findSaved(window.localStorage, route.project.key) : null;
  renderProject(saved ?? route.project, route.rerender, saved?.submitted ?? false);
});
