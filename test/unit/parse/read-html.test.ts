import { describe, expect, it } from 'vitest';
import { readHtmlRows } from '@/lib/parse/read-html';

const cells = (html: string): string[][] => readHtmlRows(html).map((r) => r.cells);

describe('readHtmlRows', () => {
  it('repeats rowspan and colspan cells in every position they cover', () => {
    const html = `<table>
      <tr><td rowspan="3">绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td></tr>
      <tr><td rowspan="2">产出指标</td><td>数量指标</td><td>培训</td></tr>
      <tr><td>质量指标</td><td>合格率</td></tr>
      <tr><td colspan="2">合计</td><td>x</td><td>y</td></tr>
    </table>`;
    expect(cells(html)).toEqual([
      ['绩效指标', '一级指标', '二级指标', '三级指标'],
      ['绩效指标', '产出指标', '数量指标', '培训'],
      ['绩效指标', '产出指标', '质量指标', '合格率'],
      ['合计', '合计', 'x', 'y'],
    ]);
  });

  it('fills a span that reaches past the last cell of a shorter row', () => {
    const html = '<table><tr><td>a</td><td rowspan="2">b</td></tr><tr><td>c</td></tr><tr><td>d</td></tr></table>';
    expect(cells(html)).toEqual([['a', 'b'], ['c', 'b'], ['d']]);
  });

  it('reads tag soup as a browser does: no tbody, unclosed cells, th, entities, <br>', () => {
    const html = '<table><tr><th>项目名称<td>A&amp;B&nbsp;项目<tr><td>年度目标<td>目标1<br>目标2</table>';
    expect(cells(html)).toEqual([
      ['项目名称', 'A&B 项目'],
      ['年度目标', '目标1 目标2'],
    ]);
  });

  it('gives text outside tables as one-cell rows, in document order, and skips scripts and styles', () => {
    const html = `<html><head><title>标题</title><style>p{color:red}</style></head><body>
      <h2>2024年项目支出绩效目标申报表</h2><script>var x = '<td>no</td>';</script>
      <p>单位:<b>万元</b></p>
      <table><tr><td>项目名称</td><td>X</td></tr></table>
      <div>填报人:张三<br>日期:2024</div></body></html>`;
    expect(cells(html)).toEqual([
      ['2024年项目支出绩效目标申报表'],
      ['单位:万元'],
      ['项目名称', 'X'],
      ['填报人:张三'],
      ['日期:2024'],
    ]);
  });

  it('reads a layout table holding a data table as blocks around the inner grid', () => {
    const html = `<table><tr><td><p>批复表</p>
      <table><tr><td>一级指标</td><td>指标值</td></tr><tr><td>产出指标</td><td>5个</td></tr></table>
      </td></tr></table>`;
    expect(cells(html)).toEqual([['批复表'], ['一级指标', '指标值'], ['产出指标', '5个']]);
  });

  it('numbers rows by source line, or 1, 2, 3 on request', () => {
    const html = '<p>title</p>\n<table>\n<tr><td>a</td></tr>\n\n<tr><td>b</td></tr>\n</table>';
    expect(readHtmlRows(html).map((r) => r.line)).toEqual([1, 3, 5]);
    expect(readHtmlRows(html, { lineNumbers: 'sequence' }).map((r) => r.line)).toEqual([1, 2, 3]);
  });

  it.each([
    ['huge colspan', '<table><tr><td colspan="100000">a</td></tr></table>', 50],
    ['rowspan=0 runs to the end', '<table><tr><td rowspan="0">a</td><td>b</td></tr><tr><td>c</td></tr></table>', 2],
    ['negative span', '<table><tr><td colspan="-3">a</td><td>b</td></tr></table>', 2],
  ])('bounds %s', (_name, html, maxWidth) => {
    const rows = readHtmlRows(html);
    expect(Math.max(...rows.map((r) => r.cells.length))).toBeLessThanOrEqual(maxWidth);
  });

  it('survives deep nesting without overflowing the stack', () => {
    const html = '<div>'.repeat(20000) + '深' + '</div>'.repeat(20000);
    expect(cells(html)).toEqual([['深']]);
  });

  it('gives nothing for an empty or text-free document', () => {
    expect(readHtmlRows('')).toEqual([]);
    expect(readHtmlRows('<table><tr><td> </td></tr></table>')).toEqual([]);
  });
});
