import { describe, expect, it } from 'vitest';
import { runChecks } from '@/lib/checks';
import { parseDeclarationRows } from '@/lib/parse/declaration';
import { textToRows } from '@/lib/parse/text-grid';
import { BASIC, PLACEHOLDERS, SIDE_BY_SIDE, toSheetRows, WIDE } from '../../fixtures/declarations/tables';

/** The checker's rules run unchanged on what the declaration importer yields. */
describe('checks over imported declarations', () => {
  const problems = [
    '项目名称\t检查用项目',
    '主管部门\t某局',
    '单位:万元',
    '资金总额\t100\t财政拨款\t90\t其他资金\t5',
    '总体目标\t三年内建成平台',
    '年度目标\t完成一期建设',
    '一级指标\t二级指标\t三级指标\t指标值\t权重',
    '产出指标\t数量指标\t培训人次\t≥200人次\t30',
    '\t质量指标\t验收合格率\t120%\t30',
    '效益指标\t质量指标\t系统运行顺畅\t顺畅\t30',
    '满意度指标\t服务对象满意度\t群众满意度\t≥90%\t5',
  ].join('\n');

  it.each([
    ['totals.project', undefined, 'amounts.total'],
    ['weights.sum', undefined, 'weight'],
    ['value.percent-range', '验收合格率', 'annual.value'],
    ['taxonomy.mismatch', '系统运行顺畅', 'level2'],
  ])('reports %s on a table with that problem', (rule, indicator, field) => {
    const findings = runChecks(parseDeclarationRows(textToRows(problems), { file: 'p.txt' })!);
    const found = findings.find((f) => f.rule === rule);
    expect(found).toBeDefined();
    expect(found!.indicator).toBe(indicator);
    expect(found!.field).toBe(field);
    if (indicator) expect(found!.line).toBe(indicator === '验收合格率' ? 9 : 10);
  });

  it('finds no errors in a clean 申报表 and asks for no period values where the form has none', () => {
    const findings = runChecks(parseDeclarationRows(toSheetRows(BASIC))!);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.some((f) => f.rule === 'value.annual-missing')).toBe(false);
  });

  it('accepts weights that sum to 100 and reads 指标性质 / 度量单位 columns without value findings', () => {
    const findings = runChecks(parseDeclarationRows(toSheetRows(WIDE))!);
    expect(findings.map((f) => f.rule)).not.toContain('weights.sum');
    expect(findings.filter((f) => f.rule.startsWith('value.'))).toEqual([]);
  });

  it('reports template placeholders left in values', () => {
    const findings = runChecks(parseDeclarationRows(toSheetRows(PLACEHOLDERS))!);
    const placeholders = findings.filter((f) => f.rule === 'value.malformed' || f.rule === 'indicator.incomplete');
    expect(new Set(placeholders.map((f) => f.indicator))).toEqual(new Set(['农村低保发放人数', '孤儿基本生活保障标准', '政策知晓率', '受助对象满意度']));
  });

  it('reports a 长期 indicator with no 年度 partner as missing its annual value', () => {
    const findings = runChecks(parseDeclarationRows(toSheetRows(SIDE_BY_SIDE))!);
    expect(findings.filter((f) => f.rule === 'value.annual-missing').map((f) => `${f.indicator}:${f.field}`)).toEqual([
      '建设完成时间:annual',
      '一期完成时间:period',
    ]);
  });
});
