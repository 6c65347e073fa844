/**
 * A plain HTML indicator grid for the browser bench: a <table> of native <select>s and <input>s with a
 * 新增指标 button (no framework), the kind of page issue #7's "native inputs ≤ 100 ms" target speaks of,
 * and with `rows` pre-filled rows a non-virtualised 500-row grid for detect + collect.
 */
import { DEFAULT_PROFILE } from '../lib/domain/taxonomy';
import { SYMBOLS } from '../lib/domain/symbols';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function nativeGridHtml(rows = 0): string {
  const level1 = DEFAULT_PROFILE.level1.map((l) => l.name);
  const level2 = DEFAULT_PROFILE.level1.flatMap((l) => l.level2.map((c) => c.name));
  const options = (list: readonly string[], selected?: string) =>
    ['<option value="">请选择</option>', ...list.map((o) => `<option value="${esc(o)}"${o === selected ? ' selected' : ''}>${esc(o)}</option>`)].join('');
  const cells = (v: { l1?: string; l2?: string; name?: string; symbol?: string; value?: string; unit?: string; note?: string }) =>
    `<tr><td><select name="yjzb">${options(level1, v.l1)}</select></td><td><select name="ejzb">${options(level2, v.l2)}</select></td>` +
    `<td><input name="sjzb" value="${esc(v.name ?? '')}"></td><td><select name="jsfh">${options(SYMBOLS, v.symbol)}</select></td>` +
    `<td><input name="zbz" value="${esc(v.value ?? '')}"></td><td><input name="jldw" value="${esc(v.unit ?? '')}"></td><td><input name="zbsm" value="${esc(v.note ?? '')}"></td></tr>`;
  const row = cells({});
  // Pre-filled rows: valid, uniquely named 产出/数量 indicators.
  const filled = Array.from({ length: rows }, (_, i) =>
    cells({ l1: '产出指标', l2: '数量指标', name: `设备维护数量${i + 1}`, symbol: '≥', value: String(10 + i), unit: '台', note: '按合同约定' }),
  ).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>绩效目标申报（原生表单）</title></head><body>
<h3>年度绩效指标</h3>
<button type="button" id="add">新增指标</button>
<table border="1" id="grid"><thead><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>计算符号</th><th>指标值</th><th>计量单位</th><th>指标值说明</th></tr></thead>
<tbody>${filled}</tbody></table>
<script>
{
  const row = ${JSON.stringify(row)};
  document.getElementById('add').addEventListener('click', () => document.querySelector('#grid tbody').insertAdjacentHTML('beforeend', row));
}
</script></body></html>`;
}
