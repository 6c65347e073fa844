/**
 * Department-level exports (单位名称 | 项目名称 | 预算数 | 年度目标 | 一级 | 二级 | 三级 | 指标性质 | 指标值 | 度量单位 |
 * 权重 | 指标方向性): small inline tables in the shapes staff export them — CSV, tab text, text copied from
 * a web page with merged cells dropped.
 */
import { describe, expect, it } from 'vitest';
import type { FormSnapshot } from '@/lib/domain';
import { parseFileBytes, parseRows, parseText, ReadingTrace } from '@/lib/parse';
import { parseDepartmentRows } from '@/lib/parse/department-export';
import { parseCsv } from '@/lib/parse/read-file';

const HEADER = '单位名称,项目名称,预算数,年度目标,一级指标,二级指标,三级指标,指标性质,指标值,度量单位,权重,指标方向性';

/** A 元 export: title, 金额单位, a department subtotal, two projects of one unit, a footer. */
const YUAN_CSV = [
  '部门预算项目绩效目标申报表(2024年度),,,,,,,,,,,',
  '金额单位:元,,,,,,,,,,,',
  HEADER,
  '301-某县农业农村局部门,,"1,234,567.89",,,,,,,,,',
  '301001-某县农业农村局,耕地保护补助,"1,000,050.00",完成耕地保护任务,产出指标,数量指标,补助面积,≥,5000,亩,30,正向指标',
  ',,,,产出指标,质量指标,补助发放准确率,=,100,%,30,正向指标',
  ',,,,效益指标,社会效益指标,群众知晓率,≥,90,%,30,正向指标',
  ',,,,满意度指标,服务对象满意度指标,农户满意度,≥,90,%,10,正向指标',
  ',农技推广经费,"234,517.89",开展农技培训,产出指标,数量指标,培训人次,≥,300,人次,50,正向指标',
  ',,,,产出指标,成本指标,人均培训成本,≤,700,元,50,反向指标',
  '填表人:,,,,联系电话:,,,,,,,',
  '单位负责人签字:,,,,审核意见:,,,,,,,',
  '年 月 日,,,,,,,,,,,',
].join('\n');

function read(csv: string, trace?: ReadingTrace): FormSnapshot {
  return parseRows(parseCsv(csv), { file: 'dept.csv', ...(trace ? { trace } : {}) });
}

describe('department export: CSV in 元 with a subtotal and a footer', () => {
  const trace = new ReadingTrace();
  const s = read(YUAN_CSV, trace);

  it('is read as a department export with one project per project name', () => {
    expect(s.layout).toBe('department-export');
    expect(s.projects.map((p) => [p.name, p.owner, p.amounts.total, p.goal])).toEqual([
      ['耕地保护补助', '301001-某县农业农村局', '100.01', '完成耕地保护任务'],
      ['农技推广经费', '301001-某县农业农村局', '23.45', '开展农技培训'],
    ]);
    expect(s.projects.map((p) => p.indicators.length)).toEqual([4, 2]);
    expect(s.projects[0]!.source).toEqual({ line: 5, file: 'dept.csv' });
    expect(s.projects[0]!.sets).toEqual({ period: false, annual: true });
  });

  it('takes the subtotal row for a unit, not a project or an indicator', () => {
    expect(s.units).toEqual([
      { name: '301-某县农业农村局部门', amounts: { total: '123.46', fiscal: '0.00', specialAccount: '0.00', other: '0.00' }, source: { line: 4, file: 'dept.csv' } },
    ]);
  });

  it('reads categories against the profile, the symbol column, units and weights', () => {
    const [first, second] = s.projects;
    expect(first!.indicators[0]).toMatchObject({
      level1: '产出指标',
      level2: '数量指标',
      name: '补助面积',
      period: null,
      annual: { symbol: '≥', value: '5000', unit: '亩' },
      weight: '30',
      source: { line: 5, file: 'dept.csv' },
    });
    expect(first!.indicators[1]!.annual).toMatchObject({ symbol: '＝', value: '100', unit: '%' });
    expect(first!.indicators[2]!.level2).toBe('社会效益');
    expect(second!.indicators[1]).toMatchObject({ level2: '成本指标', annual: { symbol: '≤', value: '700', unit: '元' }, weight: '50' });
  });

  it('reads no footer line as an indicator and marks header, title, subtotal and footer lines', () => {
    const names = s.projects.flatMap((p) => p.indicators.map((i) => i.name));
    expect(names.some((n) => /填表人|联系电话|签字|审核意见|年 月 日/.test(n))).toBe(false);
    const kinds = (kind: string) => trace.marks.filter((m) => m.kind === kind).map((m) => m.line);
    expect(kinds('title')).toEqual([1, 2]);
    expect(trace.marks).toContainEqual({ line: 2, kind: 'title', note: '金额单位:元' });
    expect(kinds('header')).toEqual([3]);
    expect(kinds('footer')).toEqual([11, 12, 13]);
    expect(trace.marks).toContainEqual({ line: 4, kind: 'subtotal', note: '单位小计' });
  });

  it('gives no guess warning where symbol and direction are printed', () => {
    expect(s.warnings.filter((w) => /没有计算符号/.test(w.message))).toEqual([]);
  });

  it('says once that only the budget total is printed, not its parts', () => {
    expect(s.warnings.filter((w) => /只列预算数/.test(w.message))).toEqual([{ line: 3, message: expect.stringContaining('财政拨款') }]);
  });
});

describe('department export: a web page table with rowspan / colspan (cells repeated by the reader)', () => {
  const html = `<html><body>
    <p>部门预算项目绩效目标申报表(2023年度)</p><p>金额单位:元</p>
    <table>
      <tr><td>单位名称</td><td>项目名称</td><td>预算数</td><td>年度目标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标性质</td><td>指标值</td><td>度量单位</td><td>权重</td><td>指标方向性</td></tr>
      <tr><td colspan="2">820-某镇部门</td><td>1,000,000.00</td><td colspan="9"></td></tr>
      <tr><td rowspan="3">820001-某镇人民政府</td><td rowspan="2">村级运转经费</td><td rowspan="2">600,000.00</td><td rowspan="2">保障村级运转</td>
          <td>产出指标</td><td>数量指标</td><td>村数量</td><td>=</td><td>11</td><td>个</td><td>50</td><td>正向指标</td></tr>
      <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>群众满意度</td><td>≥</td><td>95</td><td>%</td><td>50</td><td>正向指标</td></tr>
      <tr><td>环境整治经费</td><td>400,000.00</td><td>整治村容</td><td>效益指标</td><td>生态效益指标</td><td>垃圾清运率</td><td>≥</td><td>95</td><td>%</td><td>100</td><td>正向指标</td></tr>
    </table>
    <p>单位负责人签字:</p>
  </body></html>`;

  it('reads one project per project name, the subtotal as a unit, and no footer indicator', async () => {
    const s = await parseFileBytes(new TextEncoder().encode(html), 'dept.html');
    expect(s.layout).toBe('department-export');
    expect(s.units.map((u) => [u.name, u.amounts.total])).toEqual([['820-某镇部门', '100.00']]);
    expect(s.projects.map((p) => [p.name, p.owner, p.amounts.total, p.goal, p.indicators.map((i) => i.name)])).toEqual([
      ['村级运转经费', '820001-某镇人民政府', '60.00', '保障村级运转', ['村数量', '群众满意度']],
      ['环境整治经费', '820001-某镇人民政府', '40.00', '整治村容', ['垃圾清运率']],
    ]);
  });
});

describe('department export: money parts, both value sets, repeated headers and unit headings', () => {
  const csv = [
    '单位名称,项目名称,资金总额,财政拨款,其他资金,绩效目标,一级指标,二级指标,三级指标,实施期指标值,年度指标值,计量单位',
    '某市教育局,,,,,,,,,,,',
    ',校舍维修,100,80,20,完成校舍维修,产出指标,数量指标,维修面积,≥5000,≥2000,平方米',
    '单位名称,项目名称,资金总额,财政拨款,其他资金,绩效目标,一级指标,二级指标,三级指标,实施期指标值,年度指标值,计量单位',
    ',,,,,,满意度指标,服务对象满意度指标,师生满意度,≥90%,≥90%,',
  ].join('\n');
  const trace = new ReadingTrace();
  const s = read(csv, trace);

  it('reads 财政拨款 and 其他资金 beside the total, and says nothing about missing parts', () => {
    expect(s.projects[0]!.amounts).toEqual({ total: '100.00', fiscal: '80.00', specialAccount: '0.00', other: '20.00' });
    expect(s.warnings.filter((w) => /只列预算数/.test(w.message))).toEqual([]);
  });

  it('fills both sets from 实施期 and 年度 value columns', () => {
    const p = s.projects[0]!;
    expect(p.sets).toEqual({ period: true, annual: true });
    expect(p.indicators.map((i) => [i.name, i.period?.value, i.annual?.value, i.annual?.unit])).toEqual([
      ['维修面积', '5000', '2000', '平方米'],
      ['师生满意度', '90', '90', '%'],
    ]);
  });

  it('takes a unit heading row for the owner and reads past a repeated header', () => {
    expect(s.projects).toHaveLength(1);
    expect(s.projects[0]!.owner).toBe('某市教育局');
    expect(trace.marks).toContainEqual({ line: 4, kind: 'header', note: '重复的表头' });
    expect(trace.marks).toContainEqual({ line: 2, kind: 'title', note: '单位名称行' });
  });
});

describe('department export: tab text in 万元 with 定量/定性 and 正向/反向', () => {
  const text = [
    '2023年部门项目支出绩效目标表',
    ['部门名称', '项目名称', '预算数(万元)', '年度绩效目标', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '计量单位', '指标方向'].join('\t'),
    ['某区文化馆', '文化惠民演出', '12.5', '全年送戏下乡', '产出指标', '数量指标', '演出场次', '定量', '20', '场', '正向'].join('\t'),
    ['', '', '', '', '产出指标', '成本指标', '单场演出成本', '定量', '0.6', '万元', '反向'].join('\t'),
    ['', '', '', '', '效益指标', '社会效益指标', '丰富群众文化生活', '定性', '明显提升', '', ''].join('\t'),
    ['', '', '', '', '满意度指标', '服务对象满意度指标', '观众满意度', '定量', '≥90%', '', '正向'].join('\t'),
  ].join('\n');
  const s = parseText(text, { file: 'dept.txt' });

  it('reads money in 万元 as printed in the 预算数 header', () => {
    expect(s.layout).toBe('department-export');
    expect(s.projects).toHaveLength(1);
    expect(s.projects[0]).toMatchObject({ name: '文化惠民演出', owner: '某区文化馆', amounts: { total: '12.50' }, goal: '全年送戏下乡' });
  });

  it('turns 正向 into ≥, 反向 into ≤, 定性 into a qualitative value, and keeps a symbol typed in the value', () => {
    const values = s.projects[0]!.indicators.map((i) => i.annual && [i.annual.symbol, i.annual.value, i.annual.unit]);
    expect(values).toEqual([
      ['≥', '20', '场'],
      ['≤', '0.6', '万元'],
      ['定性', null, ''],
      ['≥', '90', '%'],
    ]);
    expect(s.projects[0]!.indicators[2]!.annual!.text).toBe('明显提升');
  });

  it('states no money-unit warning when the header names the unit', () => {
    expect(s.warnings.filter((w) => /金额单位/.test(w.message))).toEqual([]);
  });
});

describe('department export: guesses are warned with their line', () => {
  it('warns when a bare value has neither a symbol nor a direction column', () => {
    const csv = [
      '单位名称,项目名称,项目金额,绩效目标,一级指标,二级指标,三级指标,指标值,度量单位',
      '某镇人民政府,道路养护,8.00,养护村道,产出指标,数量指标,养护里程,12,公里',
    ].join('\n');
    const s = read(csv);
    expect(s.projects[0]!.indicators[0]!.annual).toMatchObject({ symbol: '＝', value: '12', unit: '公里' });
    const guess = s.warnings.find((w) => /没有计算符号/.test(w.message));
    expect(guess).toMatchObject({ line: 2 });
    expect(guess!.message).toContain('养护里程');
  });

  it('reads amounts as 万元 and says so when no money unit is stated', () => {
    const csv = [HEADER, '某局,某项目,50,目标,产出指标,数量指标,件数,≥,3,件,100,正向指标'].join('\n');
    const s = read(csv);
    expect(s.projects[0]!.amounts.total).toBe('50.00');
    expect(s.warnings).toContainEqual({ line: 2, message: expect.stringContaining('未写明金额单位') });
  });

  it('warns about a 度量单位 cell that holds a number instead of a unit', () => {
    const csv = [HEADER, '某局,某项目,50,目标,产出指标,时效指标,完成时间,=,"44,561","44,561",100,正向指标'].join('\n');
    const s = read(csv);
    expect(s.warnings.some((w) => w.line === 2 && /度量单位/.test(w.message))).toBe(true);
  });
});

describe('department export: 指标性质 and 指标方向 swapped', () => {
  it('reads `正向 | =` filled into 指标性质 | 指标方向 as the symbol = and the direction 正向', () => {
    const csv = [
      '金额单位:万元',
      '单位名称,项目名称,预算数,年度目标,一级指标,二级指标,三级指标,指标性质,指标方向,指标值,计量单位',
      '某社,某经费,3,目标,产出指标,数量指标,出差人次,正向,=,24,人次',
      ',,,,产出指标,成本指标,出差总成本,反向,=,1,万元',
    ].join('\n');
    const s = read(csv);
    expect(s.projects[0]!.indicators.map((i) => [i.annual?.symbol, i.annual?.value, i.annual?.unit])).toEqual([
      ['＝', '24', '人次'],
      ['＝', '1', '万元'],
    ]);
    expect(s.warnings.filter((w) => /没有计算符号/.test(w.message))).toEqual([]);
  });
});

describe('department export: rounding 元 to 万元', () => {
  it.each([
    ['12,345.00', '1.23'],
    ['12,350.00', '1.24'],
    ['3,309,840.00', '330.98'],
    ['10000', '1.00'],
  ])('%s 元 → %s 万元 (half up)', (yuan, wan) => {
    const csv = ['金额单位:元', HEADER, `某局,某项目,"${yuan}",目标,产出指标,数量指标,件数,≥,3,件,100,正向指标`].join('\n');
    expect(read(csv).projects[0]!.amounts.total).toBe(wan);
  });
});

describe('department export: continuation rows', () => {
  it('keeps one project when an export repeats the merged name on every row', () => {
    const csv = [
      '金额单位:万元',
      HEADER,
      '某局,某项目,10,目标,产出指标,数量指标,件数,≥,3,件,50,正向指标',
      '某局,某项目,10,目标,满意度指标,服务对象满意度指标,满意度,≥,90,%,50,正向指标',
      '某局,另一项目,5,目标二,产出指标,数量指标,次数,≥,2,次,100,正向指标',
    ].join('\n');
    const s = read(csv);
    expect(s.projects.map((p) => [p.name, p.indicators.length])).toEqual([
      ['某项目', 2],
      ['另一项目', 1],
    ]);
  });

  it('re-aligns rows copied from a web page, where merged cells were dropped, on their 一级 word', () => {
    const text = [
      '| 单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 权重 | 指标方向性 |',
      '| 820-某镇部门 | 900,000.00 |',
      '| 820001-某镇人民政府 | 村级运转经费 | 600,000.00 | 保障村级运转 | 产出指标 | 数量指标 | 村数量 | = | 11 | 个 | 50 | 正向指标 |',
      '| 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥ | 95 | % | 50 | 正向指标 |',
      '| 环境整治经费 | 300,000.00 | 整治村容 | 效益指标 | 生态效益指标 | 垃圾清运率 | ≥ | 95 | % | 100 | 正向指标 |',
    ].join('\n');
    const s = parseText(`金额单位:元\n${text}`, { file: 'web.txt' });
    expect(s.layout).toBe('department-export');
    expect(s.units.map((u) => [u.name, u.amounts.total])).toEqual([['820-某镇部门', '90.00']]);
    expect(s.projects.map((p) => [p.name, p.owner, p.amounts.total, p.goal, p.indicators.length])).toEqual([
      ['村级运转经费', '820001-某镇人民政府', '60.00', '保障村级运转', 2],
      ['环境整治经费', '820001-某镇人民政府', '30.00', '整治村容', 1],
    ]);
    expect(s.projects[0]!.indicators[1]).toMatchObject({ level1: '满意度指标', name: '群众满意度', weight: '50', annual: { symbol: '≥', value: '95', unit: '%' } });
  });

  it('never takes a bare amount that looks like a category code (`3`) for the 一级 anchor', () => {
    const csv = ['金额单位:万元', HEADER, '某局,某项目,3,目标,产出指标,数量指标,件数,≥,3,件,100,正向指标'].join('\n');
    const s = read(csv);
    expect(s.projects.map((p) => [p.name, p.amounts.total, p.indicators.length])).toEqual([['某项目', '3.00', 1]]);
  });

  it('carries a merged 一级 / 二级 down to the rows below it', () => {
    const csv = [
      '金额单位:万元',
      HEADER,
      '某局,某项目,10,目标,产出指标,数量指标,件数,≥,3,件,40,正向指标',
      ',,,,,,次数,≥,2,次,30,正向指标',
      ',,,,,质量指标,合格率,≥,95,%,30,正向指标',
    ].join('\n');
    const s = read(csv);
    expect(s.projects[0]!.indicators.map((i) => [i.level1, i.level2, i.name])).toEqual([
      ['产出指标', '数量指标', '件数'],
      ['产出指标', '数量指标', '次数'],
      ['产出指标', '质量指标', '合格率'],
    ]);
  });
});

describe('department export: what it does not take', () => {
  it('does not recognise a single-project 申报表 (项目名称 in the header block, indicator header apart)', () => {
    const rows = parseCsv(
      [
        '项目名称,某项目,,',
        '资金总额(万元),10,,',
        '一级指标,二级指标,三级指标,指标值',
        '产出指标,数量指标,件数,≥3件',
      ].join('\n'),
    );
    expect(parseDepartmentRows.recognises(rows)).toBe(false);
    expect(parseRows(rows).layout).not.toBe('department-export');
  });

  it('does not recognise the multi-project export list (项目名称 | 总计 | 绩效指标)', () => {
    const rows = parseCsv(['项目名称,总计,财政拨款,财政专户拨款,其他资金,绩效目标,绩效指标', '某项目,1.00,1.00,,,目标,1-产出指标'].join('\n'));
    expect(parseDepartmentRows.recognises(rows)).toBe(false);
    expect(parseDepartmentRows(rows)).toBeNull();
  });

  it('needs the 一级 / 二级 / 三级 columns in the same row as 项目名称', () => {
    const rows = parseCsv(['单位名称,项目名称,预算数,一级指标,二级指标,指标值', '某局,某项目,1,产出指标,数量指标,3'].join('\n'));
    expect(parseDepartmentRows.recognises(rows)).toBe(false);
  });
});
