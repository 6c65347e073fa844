/**
 * The built-in starter library: about 40 indicators that most projects use, across every 二级 of the
 * default taxonomy, with typical values (to be adjusted per project, never rules). Loadable and
 * removable; ids are fixed so loading twice changes nothing.
 */
import type { Template, TemplateContent } from '../domain/schemas';
import { splitValue } from '../domain/values';
import type { ImportBatch, ImportItem } from './import-batch';

/** `source` of starter templates. */
export const STARTER_SOURCE = 'starter';
/** Tag every starter template carries. */
export const STARTER_TAG = '常用';

type Row = readonly [level1: string, level2: string, name: string, value: string, explanation?: string];

const OUTPUT = '产出指标';
const BENEFIT = '效益指标';
const SATISFACTION = '满意度指标';

/** 一级, 二级, 三级 name, value as exports print it (period = annual), 指标值说明. */
const ROWS: readonly Row[] = [
  [OUTPUT, '数量指标', '项目(任务)完成率', '＝100%', '按计划完成的任务数 / 计划任务数'],
  [OUTPUT, '数量指标', '培训人次', '≥200人次'],
  [OUTPUT, '数量指标', '培训班次', '≥4期'],
  [OUTPUT, '数量指标', '采购设备数量', '≥10台'],
  [OUTPUT, '数量指标', '开展活动场次', '≥12场'],
  [OUTPUT, '数量指标', '服务对象覆盖人数', '≥1000人'],
  [OUTPUT, '质量指标', '验收合格率', '＝100%'],
  [OUTPUT, '质量指标', '系统正常运行率', '≥99%', '系统正常运行时长 / 应运行时长'],
  [OUTPUT, '质量指标', '维修验收合格率', '≥95%'],
  [OUTPUT, '质量指标', '政府采购合规率', '＝100%'],
  [OUTPUT, '质量指标', '培训合格率', '≥95%'],
  [OUTPUT, '时效指标', '按期完成率', '＝100%'],
  [OUTPUT, '时效指标', '资金支付及时率', '＝100%'],
  [OUTPUT, '时效指标', '故障响应时间', '≤2小时'],
  [OUTPUT, '时效指标', '资金支出率', '≥90%', '年度实际支出 / 年度预算'],
  [OUTPUT, '时效指标', '任务完成及时率', '≥95%'],
  [OUTPUT, '成本指标', '项目总成本', '≤100万元', '按批复预算金额填写'],
  [OUTPUT, '成本指标', '预算控制率', '≤100%', '实际支出 / 预算金额'],
  [OUTPUT, '成本指标', '人均培训成本', '≤500元/人'],
  [OUTPUT, '成本指标', '设备运维成本', '≤50万元'],
  [BENEFIT, '经济效益', '节约行政成本', '有效节约'],
  [BENEFIT, '经济效益', '降低运行成本', '有所降低'],
  [BENEFIT, '经济效益', '资金节约率', '≥5%'],
  [BENEFIT, '社会效益', '社会影响', '效果明显'],
  [BENEFIT, '社会效益', '政务服务效率', '明显提升'],
  [BENEFIT, '社会效益', '群众办事便利度', '有效提升'],
  [BENEFIT, '社会效益', '信息公开及时率', '＝100%'],
  [BENEFIT, '社会效益', '宣传覆盖人次', '≥10000人次'],
  [BENEFIT, '生态效益', '无纸化办公节约纸张', '明显减少纸张使用'],
  [BENEFIT, '生态效益', '节能降耗', '有效降低能耗'],
  [BENEFIT, '生态效益', '环境污染事件发生数', '＝0起'],
  [BENEFIT, '可持续影响', '无重大安全事故', '无重大安全事故'],
  [BENEFIT, '可持续影响', '系统持续稳定运行', '长期稳定运行'],
  [BENEFIT, '可持续影响', '长效管理机制', '建立健全'],
  [BENEFIT, '可持续影响', '设备使用年限', '≥5年'],
  [SATISFACTION, '服务对象满意度', '服务对象满意度', '≥90%'],
  [SATISFACTION, '服务对象满意度', '培训人员满意度', '≥90%'],
  [SATISFACTION, '服务对象满意度', '群众满意度', '≥90%'],
  [SATISFACTION, '服务对象满意度', '使用部门满意度', '≥90%'],
  [SATISFACTION, '服务对象满意度', '参与人员满意度', '≥85%'],
];

/** The starter indicators' contents, in order. */
export const STARTER_CONTENTS: readonly TemplateContent[] = ROWS.map(([level1, level2, name, value, explanation]) => ({
  level1,
  level2,
  name,
  period: splitValue(value),
  annual: splitValue(value),
  ...(explanation ? { explanation } : {}),
}));

/** Stable id of the n-th starter template (`starter-01`). */
export function starterId(index: number): string {
  return `starter-${String(index + 1).padStart(2, '0')}`;
}

/** The starter templates as records created at `now`. */
export function starterTemplates(now: number): Template[] {
  return STARTER_CONTENTS.map((content, i) => ({
    ...content,
    id: starterId(i),
    tags: [STARTER_TAG],
    source: STARTER_SOURCE,
    createdAt: now,
    updatedAt: now,
    useCount: 0,
    lastUsedAt: null,
  }));
}

/** The starter library as an import batch (rows numbered 1…40). */
export function starterBatch(now: number): ImportBatch {
  const items: ImportItem[] = starterTemplates(now).map((record, i) => {
    const { id: _id, tags, source, createdAt: _c, updatedAt: _u, useCount: _n, lastUsedAt: _l, ...content } = record;
    return { row: i + 1, content, tags, source, record, issues: [] };
  });
  return { file: '内置常用指标 / starter library', kind: 'starter', items, sets: [], notes: [] };
}
