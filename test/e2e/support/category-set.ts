/**
 * A 16-indicator set spread over seven 二级 of all three 一级 (the default taxonomy), for the suites of the
 * category-tree and merged-cell replicas: every fill must place each indicator under its own 二级.
 */
import type { Page } from 'playwright-core';
import { splitValue, type TemplateContent, type TemplateSet } from '@/lib/domain';
import { backgroundRequest, extensionPage } from './extension';
import type { BrowserSession } from './browser';

const item = (level1: string, level2: string, name: string, period: string, annual: string): TemplateContent => ({
  level1,
  level2,
  name,
  period: splitValue(period),
  annual: splitValue(annual),
});

export const CATEGORY_SET_NAME = '设备运维十六项指标';

export const CATEGORY_ITEMS: readonly TemplateContent[] = [
  item('产出指标', '数量指标', '设备巡检次数', '≥48次', '≥12次'),
  item('产出指标', '数量指标', '维修设备台数', '≥120台', '≥30台'),
  item('产出指标', '数量指标', '培训人次', '≥200人次', '≥50人次'),
  item('产出指标', '质量指标', '设备完好率', '≥98%', '≥98%'),
  item('产出指标', '质量指标', '维修验收合格率', '≥95%', '≥95%'),
  item('产出指标', '时效指标', '故障响应时间', '≤2小时', '≤2小时'),
  item('产出指标', '时效指标', '按期完成率', '＝100%', '＝100%'),
  item('产出指标', '成本指标', '项目总成本', '≤240万元', '≤60万元'),
  item('效益指标', '社会效益', '无重大安全事故', '无重大安全事故', '无重大安全事故'),
  item('效益指标', '社会效益', '政务服务中断次数', '≤2次', '≤1次'),
  item('效益指标', '社会效益', '群众办事等候时间', '≤15分钟', '≤15分钟'),
  item('效益指标', '可持续影响', '设备使用年限延长', '≥2年', '≥1年'),
  item('效益指标', '可持续影响', '运维制度健全性', '健全', '健全'),
  item('满意度指标', '服务对象满意度', '使用单位满意度', '≥90%', '≥90%'),
  item('满意度指标', '服务对象满意度', '办事群众满意度', '≥90%', '≥90%'),
  item('满意度指标', '服务对象满意度', '窗口人员满意度', '≥85%', '≥85%'),
];

/** Saves the set into the extension's library (as 保存为模板 would) and returns it. */
export async function saveCategorySet(session: BrowserSession): Promise<TemplateSet> {
  const ext: Page = await extensionPage(session);
  try {
    const saved = await backgroundRequest<{ setId: string }>(ext, 'page.captureSet', {
      name: CATEGORY_SET_NAME,
      projectName: '政务服务中心设备运维经费',
      goal: '保障政务服务中心设备全年稳定运行。',
      items: CATEGORY_ITEMS,
      source: 'e2e',
    });
    const { sets } = await backgroundRequest<{ sets: TemplateSet[] }>(ext, 'library.get', { setIds: [saved.setId] });
    return sets[0]!;
  } finally {
    await ext.close();
  }
}
