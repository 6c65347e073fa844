/**
 * Structures seen in real published 申报表 (issue 17), each in a small inline table: label and column
 * wordings of other provinces, swapped 指标性质 / 指标方向 columns, template hints left in names, score
 * ranges beside categories, numbers in the unit column, approval rows of a 财政局's 股室.
 */
import { describe, expect, it } from 'vitest';
import type { FormSnapshot, IndicatorValue } from '@/lib/domain';
import { parseDeclarationRows } from '@/lib/parse/declaration';
import { buildValue } from '@/lib/parse/declaration-indicators';
import { categoryText, columnHeader, headerLabel, isFooterRow, nameTemplateHint } from '@/lib/parse/declaration-vocab';
import { textToRows } from '@/lib/parse/text-grid';

function read(lines: string[]): FormSnapshot {
  const snapshot = parseDeclarationRows(textToRows(lines.join('\n')), { file: 't.txt' });
  expect(snapshot).not.toBeNull();
  return snapshot!;
}

function v(x: IndicatorValue | null): string {
  if (!x) return '-';
  if (x.symbol === '定性') return `定性:${x.text}`;
  return `${x.symbol ?? '?'}${x.value ?? '**'}${x.unit}`;
}

function rows(s: FormSnapshot): string[] {
  return s.projects.flatMap((p) => p.indicators.map((i) => `${i.level1}/${i.level2}/${i.name}: ${v(i.annual)}${i.weight ? ` w=${i.weight}` : ''}`));
}

describe('header labels of other provinces', () => {
  it.each([
    ['项目支出名称', { field: 'name' }],
    ['项目支出实施期', { field: 'ignore' }],
    ['年度本级 预算金额', { field: 'total', scope: 'annual' }],
    ['该项目支出上级资金', { field: 'ignore' }],
    ['年度资金申请总额', { field: 'total', scope: 'annual' }],
    ['主管部门及编码', { field: 'ownerMain' }],
    ['业务主管部门', { field: 'ownerMain' }],
    ['当年其他资金', { field: 'other', scope: 'annual' }],
    ['其中: 财政拨款数', { field: 'fiscal' }],
    ['投入目标 (万元)', { field: 'moneyGroup', unit: '万元' }],
    ['归口科室', { field: 'ignore' }],
    ['年度主要目标 和成果', { field: 'annualGoal' }],
  ])('%s', (text, expected) => {
    expect(headerLabel(text)).toEqual(expected);
  });

  it('does not take 项目支出 prose or a plain 本级 unit name for a label', () => {
    expect(headerLabel('项目支出用于购买服务')).toBeUndefined();
    expect(headerLabel('某局(本级)')).toBeUndefined();
  });
});

describe('column captions', () => {
  it.each([
    ['指标值及单位', { role: 'value' }],
    ['指标值(长期)', { role: 'value', scope: 'period' }],
    ['指标值(年度)', { role: 'value', scope: 'annual' }],
    ['指标值(万元)', undefined],
  ])('%s', (text, expected) => {
    expect(columnHeader(text)).toEqual(expected);
  });
});

describe('a Hunan 申报表 (项目支出名称, 年度本级预算金额, 指标值及单位)', () => {
  const s = read([
    '2023年项目支出绩效目标申报表',
    '填报单位:(盖章) 单位:万元',
    '项目支出名称\t道路保洁服务\t预算部门\t某市环卫处',
    '年度本级 预算金额\t120万\t该项目支出上级资金\t0',
    '项目支出实施期\t2023.01-2023.12',
    '本年度绩效目标\t道路保洁覆盖全市主干道',
    '本年度 绩效指标\t一级指标\t二级指标\t三级指标\t指标值及单位\t绩效标准',
    '\t产出指标\t数量指标\t保洁车辆数\t6辆\t计划标准',
    '\t\t质量指标\t路面保洁质量\t优良\t计划标准',
    '\t满意度指标\t服务对象满意度指标\t市民满意度\t≥90%\t计划标准',
  ]);

  it('reads the name, the 本级 budget as the total and the 上级 line as no amount', () => {
    const p = s.projects[0]!;
    expect(p.name).toBe('道路保洁服务');
    expect(p.owner).toBe('某市环卫处');
    expect(p.amounts.total).toBe('120.00');
    expect(p.annualGoal).toBe('道路保洁覆盖全市主干道');
  });

  it('reads the value with its unit from the 指标值及单位 column', () => {
    expect(rows(s)).toEqual([
      '产出指标/数量指标/保洁车辆数: ＝6辆',
      '产出指标/质量指标/路面保洁质量: 定性:优良',
      '满意度指标/服务对象满意度/市民满意度: ≥90%',
    ]);
  });
});

describe('money written as 250万', () => {
  it('reads a bare 万 after the number as 万元 even where the table states 元', () => {
    const s = read([
      '单位:元',
      '项目名称\t某项目',
      '年度资金总额\t250万',
      '一级指标\t二级指标\t三级指标\t指标值',
      '产出指标\t数量指标\t车辆数\t10辆',
    ]);
    expect(s.projects[0]!.amounts.total).toBe('250.00');
  });
});

describe('指标性质 and 指标方向 printed with their contents swapped (Inner Mongolia)', () => {
  const s = read([
    '项目名称\t市场管理经费',
    '资金总额\t3',
    '一级指标\t二级指标\t三级指标\t指标性质\t指标方向\t目标值\t计量单位\t分值\t备注',
    '产出指标\t数量指标\t出差人次\t正向\t=\t24\t人/次\t4\t',
    '产出指标\t时效指标\t资金到位时间\t正向\t=\t44,561\t44,561\t10\t',
    '产出指标\t成本指标\t出差总成本\t反向\t\t1\t万元\t4\t',
  ]);

  it('keeps 正向/反向 out of the name, takes `=` as the sign and keeps the weight', () => {
    expect(rows(s)).toEqual([
      '产出指标/数量指标/出差人次: ＝24人/次 w=4',
      '产出指标/时效指标/资金到位时间: ＝4456144,561 w=10',
      // No sign printed: the direction (反向 in the 指标性质 column) gives ≤.
      '产出指标/成本指标/出差总成本: ≤1万元 w=4',
    ]);
  });

  it('keeps a number in the unit column as printed and says it may be a date serial', () => {
    const w = s.warnings.find((x) => x.line === 5 && /计量单位是数字/.test(x.message));
    expect(w?.message).toContain('2021-12-31');
  });
});

describe('numbers in the unit cell', () => {
  it('are never glued to the value', () => {
    expect(buildValue('44,561', '=', '44,561')).toMatchObject({ symbol: '＝', value: '44561', unit: '44,561' });
    expect(buildValue('24', '=', '人次')).toMatchObject({ symbol: '＝', value: '24', unit: '人次' });
  });
});

describe('template hints in names (扶贫 templates)', () => {
  it.each([
    ['受益建档立卡贫困人口数(≥**人)', '受益建档立卡贫困人口数', '≥**人'],
    ['*资产股权年收益率( ≥**% )', '资产股权年收益率', '≥**%'],
    ['受益建档立卡贫困人口数≥**人', '受益建档立卡贫困人口数', '≥**人'],
    ['乡村旅游带动增加贫困村收入(≥**万元)', '乡村旅游带动增加贫困村收入', '≥**万元'],
    ['★游客满意度', '游客满意度', undefined],
    ['项目(工程)验收合格率', '项目(工程)验收合格率', undefined],
    ['**', '**', undefined],
  ])('%s', (text, name, hint) => {
    const r = nameTemplateHint(text);
    expect(r.name).toBe(name);
    expect(r.hint).toBe(hint);
  });

  const s = read([
    '项目名称\t资产收益扶贫项目',
    '资金总额\t214.06',
    '绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t备注',
    '\t产出指标\t数量指标\t*资产入股贫困人口总数(≥**人)\t>=1102人\t',
    '\t\t质量指标\t*基础设施建设质量达标率100%\t>=98%\t',
    '\t效益指标\t社会效益指标\t受益建档立卡贫困人口数(≥**人)\t\t',
    '财政部门支出股室初审意见\t(盖章)',
    '财政部门绩效评价股审核意见\t(盖章)',
    '区扶贫办审核意见\t(盖章)',
  ]);

  it('drops the hint and the * from the name and reads the value column', () => {
    expect(rows(s)).toEqual([
      '产出指标/数量指标/资产入股贫困人口总数: ≥1102人',
      '产出指标/质量指标/基础设施建设质量达标率: ≥98%',
      // No value typed: the hint is the (unfilled) value, with its unit.
      '效益指标/社会效益/受益建档立卡贫困人口数: ≥**人',
    ]);
  });

  it('says so: once for the hints, per row for a figure dropped from a name, and for the unfilled value', () => {
    expect(s.warnings.filter((w) => /模板提示/.test(w.message))).toHaveLength(1);
    expect(s.warnings).toContainEqual({ line: 5, message: expect.stringContaining('「100%」不是名称的一部分') });
    expect(s.warnings).toContainEqual({ line: 6, message: expect.stringContaining('模板占位符') });
  });

  it('reads the 股室 / 扶贫办 approval rows under the table as no indicators', () => {
    expect(s.projects[0]!.indicators.map((i) => i.name)).not.toContain('区扶贫办审核意见');
    expect(isFooterRow(['财政部门支出股室初审意见', '(盖章)'])).toBe(true);
    expect(isFooterRow(['财政部门绩效评价股审核意见'])).toBe(true);
    expect(isFooterRow(['区扶贫办审核意见'])).toBe(true);
    expect(isFooterRow(['审核通过率'])).toBe(false);
  });
});

describe('score ranges beside categories and 成本指标 as a 一级 (2021 layout)', () => {
  it.each([
    ['成本指标(0-20)分', '成本指标'],
    ['产出指标(50分)', '产出指标'],
    ['效益指标30分', '效益指标'],
    ['产出指标', '产出指标'],
    ['30分', '30分'],
  ])('%s → %s', (text, expected) => {
    expect(categoryText(text)).toBe(expected);
  });

  it('reads 成本指标 in the 一级 column as the 一级 and its 二级 beside it', () => {
    const s = read([
      '项目名称\t加工园配套设施建设项目',
      '项目总预算\t65',
      '年度绩效目标(90分)\t一级指标\t二级指标\t三级指标\t指标值\t分值\t指标解释',
      '\t产出指标(0-50)分\t数量指标\t新建晾晒房\t1座\t10\t',
      '\t成本指标(0-20)分\t经济成本指标\t项目建设成本\t≤65万元\t10\t',
    ]);
    expect(rows(s)).toEqual([
      '产出指标/数量指标/新建晾晒房: ＝1座 w=10',
      '成本指标/经济成本指标/项目建设成本: ≤65万元 w=10',
    ]);
    expect(s.projects[0]!.amounts.total).toBe('65.00');
  });

  it('still reads 成本指标 in the 二级 column of the older layout as a 二级', () => {
    const s = read([
      '项目名称\t某项目',
      '资金总额\t10',
      '一级指标\t二级指标\t三级指标\t指标值',
      '产出指标\t成本指标\t单站补助标准\t≤10万元/个',
      '成本指标\t单站补助上限\t≤12万元/个',
    ]);
    expect(rows(s)).toEqual(['产出指标/成本指标/单站补助标准: ≤10万元/个', '产出指标/成本指标/单站补助上限: ≤12万元/个']);
  });
});

describe('a Hubei side-by-side form (二级指标(长期) … 指标值(年度))', () => {
  it('reads the 年度 group and the 当年其他资金 line with no value as 0', () => {
    const s = read([
      '项目支出绩效目标表',
      '2020年度)',
      '项目名称\t教育设施建设',
      '主管部门及编码\t[015001]某区教育局\t实施单位\t某区教育局',
      '项目资金\t资金总额\t100万元\t当年资金总额:\t100万元',
      '\t其中:财政拨款\t100万元\t其中:当年财政拨款\t100万元',
      '\t其他资金\t\t当年其他资金\t',
      '一级指标\t二级指标(长期)\t三级指标(长期)\t指标值(长期)\t二级指标(年度)\t三级指标(年度)\t指标值(年度)',
      '产出指标\t数量指标\t\t\t数量指标\t重点工程数量\t2',
      '满意度指标\t服务对象满意度指标\t\t\t服务对象满意度指标\t家长满意度\t≥90%',
    ]);
    const p = s.projects[0]!;
    expect(p.amounts).toEqual({ total: '100.00', fiscal: '100.00', specialAccount: '0.00', other: '0.00' });
    expect(p.owner).toBe('某区教育局');
    expect(p.indicators.map((i) => `${i.name}: ${v(i.period)} | ${v(i.annual)}`)).toEqual(['重点工程数量: - | ＝2', '家长满意度: - | ≥90%']);
    expect(s.warnings.filter((w) => /无法归属|金额无法读取/.test(w.message))).toEqual([]);
  });
});

describe('a figure at the end of a name beside a filled value', () => {
  it('is dropped only when it carries a unit of measure', () => {
    const s = read([
      '项目名称\t某项目',
      '资金总额\t10',
      '一级指标\t二级指标\t三级指标\t指标值',
      '产出指标\t数量指标\t新建水泥路1条\t2km',
      '产出指标\t数量指标\t一期工程2号楼\t≥1栋',
    ]);
    expect(rows(s)).toEqual(['产出指标/数量指标/新建水泥路: ＝2km', '产出指标/数量指标/一期工程2号楼: ≥1栋']);
    expect(s.warnings.filter((w) => /不是名称的一部分/.test(w.message)).map((w) => w.line)).toEqual([4]);
  });

  it('leaves a 项目支出 caption that is not a label alone', () => {
    expect(headerLabel('项目支出绩效目标')).toBeUndefined();
  });
});

describe('captions around the title', () => {
  it('reads a title with the kind of project after it, the budget year and an attachment number as no goal text', () => {
    const s = read([
      '附表1',
      '乡村振兴衔接资金绩效目标申报表(高标准农田建设)',
      '绩效目标申报表(基础设施建设类)',
      '(2022年度)',
      '项目名称\t某项目',
      '资金总额\t10',
      '一级指标\t二级指标\t三级指标\t指标值',
      '产出指标\t数量指标\t建设面积\t≥100亩',
    ]);
    expect(s.warnings.filter((w) => /无法归属/.test(w.message))).toEqual([]);
    expect(s.projects[0]!.goal).toBe('');
  });
});
