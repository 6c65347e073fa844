/**
 * The check engine on the seed fixture: every real problem DOMAIN.md lists is reported, the totals (which
 * are right) are not, and the full list of errors and warnings is pinned as a golden list.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Finding, runChecks } from '@/lib/checks';
import type { FormSnapshot } from '@/lib/domain';
import { parseText } from '@/lib/parse';

const FIXTURE = resolve(__dirname, '../../fixtures/baiyun-perf-targets.txt');

let snapshot: FormSnapshot;
let findings: Finding[];

beforeAll(() => {
  snapshot = parseText(readFileSync(FIXTURE, 'utf8'), { file: 'baiyun-perf-targets.txt' });
  findings = runChecks(snapshot);
});

/** Finds the one finding of a rule on a project (and indicator, field); fails the test when absent. */
function reported(rule: string, project: string, indicator?: string, field?: string): Finding[] {
  return findings.filter(
    (f) =>
      f.rule === rule &&
      f.project === project &&
      (indicator === undefined || f.indicator === indicator) &&
      (field === undefined || f.field === field),
  );
}

describe('seed fixture: the real problems DOMAIN.md lists', () => {
  it.each([
    ['机关办公综合管理系统建设: 12-质量指标 under 2-效益指标', 'taxonomy.mismatch', '机关办公综合管理系统建设', '系统顺畅,信息安全有保障', 'level2'],
    ['机关办公综合管理系统建设: 提高管理规范化水平 twice', 'indicator.duplicate', '机关办公综合管理系统建设', '提高管理规范化水平', 'name'],
    ['12345热线运作经费: no goal', 'goal.missing', '12345热线运作经费', undefined, 'goal'],
    ['12345热线运作经费: no indicators', 'indicators.missing', '12345热线运作经费', undefined, 'indicators'],
    ['政府雇员公用经费: no indicators', 'indicators.missing', '政府雇员公用经费', undefined, 'indicators'],
    ['12345热线智慧办理系统建设项目经费: a broken fragment (no name)', 'indicator.incomplete', '12345热线智慧办理系统建设项目经费', '', 'name'],
    ['12345热线智慧办理系统建设项目经费: a broken fragment (no 一级)', 'indicator.incomplete', '12345热线智慧办理系统建设项目经费', '', 'level1'],
    ['政府雇员工资费用: no 效益指标', 'category.missing', '政府雇员工资费用', undefined, 'indicators'],
    ['信息化项目合同存量款项: no 效益指标', 'category.missing', '信息化项目合同存量款项', undefined, 'indicators'],
    ['政务服务受理人员外包服务项目(辅助运行): no 效益指标', 'category.missing', '政务服务受理人员外包服务项目(辅助运行)', undefined, 'indicators'],
    ['政务管理经费 / 运营网站和政务新媒体个数: no annual value', 'value.annual-missing', '政务管理经费', '运营网站和政务新媒体个数', 'annual'],
    ['信创工作经费 / 采购信创电脑配套软件: no annual value', 'value.annual-missing', '信创工作经费', '采购信创电脑配套软件', 'annual'],
    ['百千万工程专项经费 / 数据接口: no annual value', 'value.annual-missing', '百千万工程专项经费', '数据接口', 'annual'],
    ['信息化项目管理经费 / 造价审核: ≥90% vs ≥1项', 'value.unit-mismatch', '信息化项目管理经费', '造价审核', 'annual'],
    ['信创工作经费: 参90%', 'value.malformed', '信创工作经费', '资金使用', 'period.symbol'],
    ['百千万工程专项经费: 参90%', 'value.malformed', '百千万工程专项经费', '资金使用', 'period.symbol'],
    ['智慧城市运行中心建设经费: 令90%', 'value.malformed', '智慧城市运行中心建设经费', '资金使用', 'annual.symbol'],
    ['政务中心大楼物业管理费 / 重大事故发生数: 98%以上 for a count', 'value.name-conflict', '政务中心大楼物业管理费', '重大事故发生数', 'period.unit'],
    ['typo 设各 (设备)', 'text.typo', '政务中心大楼物业管理费', '大楼设各故障处理时间', 'name'],
    ['typo 台理 (合理) and 并展 (开展)', 'text.typo', '智慧城市运行中心建设经费', '项目建设', 'period'],
    ['typo 下展 (开展)', 'text.typo', '百千万工程专项经费', '项目安全', 'period'],
    ['typo 千度指标值 (年度指标值), a misprinted label', 'text.typo', '智慧白云建设经费', undefined, 'source'],
    ['typo 年度指标信 (年度指标值), a misprinted label', 'text.typo', '配餐服务费', undefined, 'source'],
    ['智慧白云建设经费 repeats 智慧白云一期项目经费’s list', 'project.copied-indicators', '智慧白云建设经费', undefined, 'indicators'],
  ])('%s', (_label, rule, project, indicator, field) => {
    expect(reported(rule, project, indicator, field).length).toBeGreaterThan(0);
  });

  it('names what each typo should be', () => {
    const typos = findings.filter((f) => f.rule === 'text.typo').map((f) => f.message);
    for (const [wrong, right] of [['设各', '设备'], ['台理', '合理'], ['并展', '开展'], ['下展', '开展'], ['千度', '年度'], ['指标信', '指标值']]) {
      expect(typos.some((m) => m.includes(`「${wrong}」疑为「${right}」之误`))).toBe(true);
    }
  });

  it('says where the misfiled 二级 belongs', () => {
    expect(reported('taxonomy.mismatch', '机关办公综合管理系统建设')[0]?.message).toBe(
      '二级指标「质量指标」不属于一级指标「效益指标」，应归入「产出指标」',
    );
  });

  it('points the copied list at the project it was copied from', () => {
    expect(reported('project.copied-indicators', '智慧白云建设经费')[0]?.message).toContain('「智慧白云一期项目经费」');
    expect(reported('project.copied-indicators', '智慧白云一期项目经费')).toEqual([]);
  });

  it('offers the symbol of the other value as the fix for 参90% / 令90%', () => {
    const fixes = findings.filter((f) => f.rule === 'value.malformed' && f.fix).map((f) => [f.project, f.fix]);
    expect(fixes).toEqual([
      ['智慧城市运行中心建设经费', { field: 'annual', from: '令90%', to: '≥90%' }],
      ['信创工作经费', { field: 'period', from: '参90%', to: '≥90%' }],
      ['百千万工程专项经费', { field: 'period', from: '参90%', to: '≥90%' }],
    ]);
  });

  it('reports no totals or amount finding: the totals are right', () => {
    expect(findings.filter((f) => f.rule.startsWith('totals.') || f.rule === 'amount.format')).toEqual([]);
  });

  it('points every finding at its source line', () => {
    for (const f of findings) expect(f.line).toBe(snapshot.projects[f.projectIndex!]?.source?.line);
  });
});

/** Every error and warning on the seed, in report order: [rule, project, indicator, field, severity]. */
const GOLDEN: [string, string, string | undefined, string | undefined, string][] = [
  ['category.missing', '信息化项目管理经费', undefined, 'indicators', 'error'],
  ['value.unit-mismatch', '信息化项目管理经费', '造价审核', 'annual', 'error'],
  ['project.copied-indicators', '智慧白云建设经费', undefined, 'indicators', 'warning'],
  ['text.typo', '智慧白云建设经费', undefined, 'source', 'warning'],
  ['value.annual-missing', '政务管理经费', '运营网站和政务新媒体个数', 'annual', 'error'],
  ['value.malformed', '政务管理经费', '运营网站和政务新媒体个数', 'period', 'warning'],
  ['value.malformed', '政务管理经费', '网站影响力', 'period', 'warning'],
  ['value.malformed', '政务管理经费', '网站影响力', 'annual', 'warning'],
  ['indicator.incomplete', '政务管理经费', '', 'level2', 'error'],
  ['indicator.incomplete', '政务管理经费', '', 'name', 'error'],
  ['value.annual-missing', '海关入驻保障费', '保障海关入驻工作的工作用餐', 'annual', 'error'],
  ['value.annual-missing', '海关入驻保障费', '保障海关入驻工作的通讯', 'annual', 'error'],
  ['value.annual-missing', '政务中心大楼物业管理费', '物业管理的面积', 'annual', 'error'],
  ['value.annual-missing', '政务中心大楼物业管理费', '维修回访率', 'annual', 'error'],
  ['value.name-conflict', '政务中心大楼物业管理费', '维修回访率', 'period.unit', 'error'],
  ['value.annual-missing', '政务中心大楼物业管理费', '维修回访率', 'annual', 'error'],
  ['indicator.duplicate', '政务中心大楼物业管理费', '维修回访率', 'name', 'error'],
  ['text.typo', '政务中心大楼物业管理费', '大楼设各故障处理时间', 'name', 'warning'],
  ['value.annual-missing', '政务中心大楼物业管理费', '绿化完好率', 'annual', 'error'],
  ['value.annual-missing', '政务中心大楼物业管理费', '重大事故发生数', 'annual', 'error'],
  ['value.name-conflict', '政务中心大楼物业管理费', '重大事故发生数', 'period.unit', 'error'],
  ['indicator.duplicate', '政务中心大楼物业管理费', '重大事故发生数', 'name', 'error'],
  ['category.missing', '政府雇员工资费用', undefined, 'indicators', 'error'],
  ['indicator.incomplete', '政府雇员工资费用', '雇员数量', 'period.unit', 'error'],
  ['indicator.incomplete', '政府雇员工资费用', '雇员数量', 'annual.unit', 'error'],
  ['text.typo', '配餐服务费', undefined, 'source', 'warning'],
  ['value.name-conflict', '配餐服务费', '订餐人数, 足量、准时供餐', 'period.unit', 'error'],
  ['value.name-conflict', '配餐服务费', '订餐人数, 足量、准时供餐', 'annual.unit', 'error'],
  ['category.missing', '政务服务受理人员外包服务项目(辅助运行)', undefined, 'indicators', 'error'],
  ['indicator.incomplete', '政务服务受理人员外包服务项目(辅助运行)', '综合受理窗口出件量', 'period.unit', 'error'],
  ['indicator.incomplete', '政务服务受理人员外包服务项目(辅助运行)', '综合受理窗口出件量', 'annual.unit', 'error'],
  ['indicator.incomplete', '政务服务受理人员外包服务项目(辅助运行)', '综合受理窗口受理量', 'period.unit', 'error'],
  ['indicator.incomplete', '政务服务受理人员外包服务项目(辅助运行)', '综合受理窗口受理量', 'annual.unit', 'error'],
  ['value.annual-missing', '政务中心大楼保障经费', '供水、供电、通讯情况', 'annual', 'error'],
  ['taxonomy.mismatch', '机关办公综合管理系统建设', '系统顺畅,信息安全有保障', 'level2', 'error'],
  ['value.annual-missing', '机关办公综合管理系统建设', '提高管理规范化水平', 'annual', 'error'],
  ['indicator.duplicate', '机关办公综合管理系统建设', '提高管理规范化水平', 'name', 'error'],
  ['category.missing', '12345热线智慧办理系统建设项目经费', undefined, 'indicators', 'error'],
  ['category.missing', '12345热线智慧办理系统建设项目经费', undefined, 'indicators', 'error'],
  ['category.missing', '12345热线智慧办理系统建设项目经费', undefined, 'indicators', 'warning'],
  ['indicator.incomplete', '12345热线智慧办理系统建设项目经费', '', 'level1', 'error'],
  ['indicator.incomplete', '12345热线智慧办理系统建设项目经费', '', 'level2', 'error'],
  ['indicator.incomplete', '12345热线智慧办理系统建设项目经费', '', 'name', 'error'],
  ['value.annual-missing', '12345热线智慧办理系统建设项目经费', '', 'period', 'error'],
  ['goal.missing', '12345热线运作经费', undefined, 'goal', 'error'],
  ['indicators.missing', '12345热线运作经费', undefined, 'indicators', 'error'],
  ['category.missing', '信息化项目合同存量款项', undefined, 'indicators', 'error'],
  ['indicators.missing', '政府雇员公用经费', undefined, 'indicators', 'error'],
  ['indicator.incomplete', '政务云经费', '政务云费用账单', 'period.unit', 'error'],
  ['indicator.incomplete', '政务云经费', '政务云费用账单', 'annual.unit', 'error'],
  ['indicator.incomplete', '政务云经费', '促进区信息化发展', 'period.unit', 'error'],
  ['indicator.incomplete', '政务云经费', '促进区信息化发展', 'annual.unit', 'error'],
  ['indicator.incomplete', '智慧城市运行中心建设经费', '事项接入', 'period.unit', 'error'],
  ['indicator.incomplete', '智慧城市运行中心建设经费', '事项接入', 'annual.unit', 'error'],
  ['indicator.incomplete', '智慧城市运行中心建设经费', '接访调研', 'period.unit', 'error'],
  ['indicator.incomplete', '智慧城市运行中心建设经费', '接访调研', 'annual.unit', 'error'],
  ['indicator.incomplete', '智慧城市运行中心建设经费', '系统接入', 'period.unit', 'error'],
  ['indicator.incomplete', '智慧城市运行中心建设经费', '系统接入', 'annual.unit', 'error'],
  ['value.annual-missing', '智慧城市运行中心建设经费', '项目建设', 'annual', 'error'],
  ['text.typo', '智慧城市运行中心建设经费', '项目建设', 'period', 'warning'],
  ['indicator.duplicate', '智慧城市运行中心建设经费', '项目建设', 'name', 'error'],
  ['text.typo', '智慧城市运行中心建设经费', '项目建设', 'period', 'warning'],
  ['value.malformed', '智慧城市运行中心建设经费', '资金使用', 'annual.symbol', 'error'],
  ['value.annual-missing', '智慧城市运行中心建设经费', '长期使用', 'annual', 'error'],
  ['value.annual-missing', '信创工作经费', '采购信创电脑配套软件', 'annual', 'error'],
  ['value.malformed', '信创工作经费', '资金使用', 'period.symbol', 'error'],
  ['indicator.incomplete', '百千万工程专项经费', '上级平台对接', 'period.unit', 'error'],
  ['indicator.incomplete', '百千万工程专项经费', '上级平台对接', 'annual.unit', 'error'],
  ['indicator.incomplete', '百千万工程专项经费', '子平台接入', 'period.unit', 'error'],
  ['indicator.incomplete', '百千万工程专项经费', '子平台接入', 'annual.unit', 'error'],
  ['indicator.incomplete', '百千万工程专项经费', '数据接口', 'period.unit', 'error'],
  ['value.annual-missing', '百千万工程专项经费', '数据接口', 'annual', 'error'],
  ['value.annual-missing', '百千万工程专项经费', '综合展示', 'annual', 'error'],
  ['value.annual-missing', '百千万工程专项经费', '综合展示', 'annual', 'error'],
  ['indicator.duplicate', '百千万工程专项经费', '综合展示', 'name', 'error'],
  ['text.typo', '百千万工程专项经费', '项目安全', 'period', 'warning'],
  ['value.malformed', '百千万工程专项经费', '资金使用', 'period.symbol', 'error'],
];

describe('seed fixture: golden list', () => {
  it('reports exactly the golden errors and warnings', () => {
    const actual = findings.filter((f) => f.severity !== 'info').map((f) => [f.rule, f.project, f.indicator, f.field, f.severity]);
    expect(actual).toEqual(GOLDEN);
  });

  it('reports only formatting as info', () => {
    const info = findings.filter((f) => f.severity === 'info');
    expect(new Set(info.map((f) => f.rule))).toEqual(new Set(['text.format']));
    for (const f of info) expect(f.fix ?? f.field === 'projectName').toBeTruthy();
  });
});
