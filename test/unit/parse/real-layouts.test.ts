/**
 * The layouts of published 绩效目标表 that issue 17 names, on small tables written in their real wording:
 * approval and signature blocks, values typed into the name, template placeholders, long-term and annual
 * sets side by side, a past year's actual beside this year's target, money stated in 元.
 */
import { describe, expect, it } from 'vitest';
import { formatValue } from '@/lib/domain';
import { parseText } from '@/lib/parse';

function read(text: string) {
  const snapshot = parseText(text, { file: 'table.txt' });
  const rows = snapshot.projects.flatMap((p) =>
    p.indicators.map((i) => `${i.level2}/${i.name}: ${i.period ? formatValue(i.period) : '-'} | ${i.annual ? formatValue(i.annual) : '-'}`),
  );
  return { snapshot, rows };
}

const DECLARATION = [
  '项目支出绩效目标申报表',
  '项目名称\t农村公路养护\t主管部门\t某县交通运输局',
  '资金总额(万元)\t120\t财政拨款\t120',
  '年度绩效目标\t完成农村公路日常养护',
  '一级指标\t二级指标\t三级指标\t指标值',
  '产出指标\t数量指标\t培训人次280人次\t',
  '产出指标\t数量指标\t重点建设工程安排数量 2\t',
  '产出指标\t质量指标\t验收合格率\t≥**%',
  '效益指标\t社会效益指标\t群众出行便利\t明显改善',
  '满意度指标\t服务对象满意度指标\t群众满意度\t≥90%',
];

describe('tables as published', () => {
  it.each([
    ['审核意见 (盖章) and a date line', ['财政部门审核意见\t(盖章)', '年 月 日']],
    ['填表人 / 联系电话 on one line', ['填表人:\t张三\t联系电话:\t']],
    ['单位负责人签字 alone', ['单位负责人签字:']],
    ['主管部门审核意见 with its stamp line', ['主管部门审核意见:', '同意。', '(盖章)', '2023年 3月 1日']],
  ])('reads no line of the approval block under the table as an indicator: %s', (_label, footer) => {
    const { snapshot, rows } = read([...DECLARATION, ...footer].join('\n'));
    expect(rows).toHaveLength(5);
    expect(snapshot.projects[0]!.owner).toBe('某县交通运输局');
  });

  it('splits a value typed into the name cell, and says so with the line', () => {
    const { snapshot, rows } = read(DECLARATION.join('\n'));
    expect(rows.slice(0, 2)).toEqual(['数量指标/培训人次: - | ＝280人次', '数量指标/重点建设工程安排数量: - | ＝2']);
    const lines = snapshot.warnings.filter((w) => w.message.includes('指标值写在了指标名称里')).map((w) => w.line);
    expect(lines).toEqual([6, 7]);
  });

  it('keeps a number that belongs to the name (第3批, a year)', () => {
    const { rows } = read(
      [...DECLARATION.slice(0, 5), '产出指标\t数量指标\t完成第3批\t', '产出指标\t时效指标\t2024年度\t'].join('\n'),
    );
    expect(rows).toEqual(['数量指标/完成第3批: - | -', '时效指标/2024年度: - | -']);
  });

  it('reads a template placeholder as an unfilled number with its sign and unit, with a warning', () => {
    const { snapshot } = read(DECLARATION.join('\n'));
    const rate = snapshot.projects[0]!.indicators.find((i) => i.name === '验收合格率')!;
    expect(rate.annual).toMatchObject({ symbol: '≥', value: null, unit: '%', problem: 'number-unreadable' });
    expect(snapshot.warnings.some((w) => w.line === 8 && w.message.includes('模板占位符'))).toBe(true);
  });

  it('reads long-term and annual lists side by side, joining the same indicator', () => {
    const { snapshot, rows } = read(
      [
        '项目名称\t乡村道路建设',
        '资金总额(万元)\t300',
        '一级指标\t二级指标(长期)\t三级指标(长期)\t指标值(长期)\t二级指标(年度)\t三级指标(年度)\t指标值(年度)',
        '产出指标\t数量指标\t新建道路里程\t≥30公里\t数量指标\t新建道路里程\t≥10公里',
        '效益指标\t社会效益指标\t群众出行条件\t明显改善\t社会效益指标\t受益人口\t≥5000人',
      ].join('\n'),
    );
    expect(snapshot.projects[0]!.sets).toEqual({ period: true, annual: true });
    expect(rows).toEqual(['数量指标/新建道路里程: ≥30公里 | ≥10公里', '社会效益/群众出行条件: 明显改善 | -', '社会效益/受益人口: - | ≥5000人']);
  });

  it('takes 2021年实际完成值 for last year’s actual and 预期2022年实现值 for the target, money in 元 by its label', () => {
    const { snapshot, rows } = read(
      [
        '项目名称\t社区养老服务',
        '项目资金(元)\t1,250,000.00',
        '一级指标\t二级指标\t三级指标\t2021年实际完成值\t预期2022年实现值',
        '产出指标\t数量指标\t服务老人人次\t12000人次\t≥15000人次',
        '满意度指标\t服务对象满意度指标\t老人满意度\t92%\t≥95%',
      ].join('\n'),
    );
    expect(snapshot.layout).toBe('declaration');
    expect(snapshot.projects[0]!.amounts.total).toBe('125.00');
    expect(rows).toEqual(['数量指标/服务老人人次: - | ≥15000人次', '服务对象满意度/老人满意度: - | ≥95%']);
    expect(snapshot.projects[0]!.indicators.map((i) => i.previousActual)).toEqual(['12000人次', '92%']);
  });

  it('reads the signature block under a multi-project export as neither a project nor a wrapped line', () => {
    const snapshot = parseText(
      [
        '项目支出绩效目标表',
        '项目名称\t总计\t财政拨款\t绩效目标\t绩效指标',
        '某项目经费\t10.00\t10.00\t保障运转\t1-产出指标;11-数量指标;保障人数;实施周期指标值:≥10人;年度指标值:≥10人',
        '填表人:张三\t联系电话:',
        '单位负责人签字:',
      ].join('\n'),
      { file: 'export.txt' },
    );
    expect(snapshot.layout).toBe('export-list');
    expect(snapshot.projects.map((p) => [p.name, p.goal])).toEqual([['某项目经费', '保障运转']]);
    expect(snapshot.warnings.filter((w) => w.line >= 4)).toEqual([]);
  });
});
