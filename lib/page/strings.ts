import type { FillFailure } from './protocol';

/**
 * Strings of the in-page UI (palette, marks, guard dialog, fill report). The content script carries no
 * i18n framework: two small catalogs, Simplified Chinese first, English when the browser's UI language is
 * not Chinese. A failed fill or undo is told in both, Chinese first (`failureLines`), whatever the language.
 */

/** The fields of an indicator row as the portals' column headers name them (一级指标 … 指标值说明). */
const FIELD_NAMES: Record<'zh' | 'en', Record<string, string>> = {
  zh: { level1: '一级指标', level2: '二级指标', name: '三级指标', symbol: '计算符号', value: '指标值', unit: '计量单位', explanation: '指标值说明' },
  en: { level1: 'level-1 indicator', level2: 'level-2 indicator', name: 'indicator name', symbol: 'symbol', value: 'value', unit: 'unit', explanation: 'value note' },
};

/** The two indicator sets: 中长期 (the implementation period) and 年度 (the budget year). */
const FIELD_SETS: Record<'zh' | 'en', Record<string, string>> = {
  zh: { period: '中长期', annual: '年度' },
  en: { period: 'period', annual: 'annual' },
};

/** The steps a fill or undo goes through (FillFailure.step); an unknown step is shown as it came. */
const FAILURE_STEPS: Record<'zh' | 'en', Record<string, string>> = {
  zh: {
    'add-rows': '新增指标行',
    write: '写入字段',
    'switch-set': '切换指标集',
    verify: '核对填入的值',
    'delete-rows': '删除新增的行',
    restore: '恢复原有内容',
    deadline: '等待页面响应',
  },
  en: {
    'add-rows': 'adding rows',
    write: 'writing a field',
    'switch-set': 'switching the indicator set',
    verify: 'verifying the values',
    'delete-rows': 'deleting the added rows',
    restore: 'restoring the previous content',
    deadline: 'waiting for the page',
  },
};

const zh = {
  launcher: '填报助手',
  launcherTitle: '填报助手:搜索指标模板并填充 (Alt+Shift+F)',
  searchPlaceholder: '搜索指标集:中文、拼音或首字母,回车填充',
  suggested: '推荐给本项目',
  results: '搜索结果',
  empty: '指标库里还没有匹配的指标集。可在选项页导入去年的绩效目标表,或点“保存为模板”。',
  items: (n: number) => `${n} 条指标`,
  filling: '正在填充…',
  fillDone: (n: number) => `已填充 ${n} 个字段,全部核对无误`,
  fillPartial: (bad: number) => `${bad} 个字段未能填入,请核对:`,
  fillSkipped: (n: number) => `${n} 个已有内容的字段未覆盖`,
  undo: '撤销填充',
  undone: '已撤销本次填充',
  undoProblems: '撤销时有问题:',
  capture: '保存为模板',
  captured: (name: string, n: number) => `已保存指标集「${name}」(${n} 条指标)`,
  captureEmpty: '当前页面没有可保存的指标',
  close: '关闭',
  findings: (e: number, w: number) => `${e} 个错误 · ${w} 个提醒`,
  noFindings: '未发现问题',
  guardTitle: '提交前检查发现以下问题',
  guardIntro: '这些问题很可能导致表单被退回。建议先修改再提交。',
  guardBack: '返回修改',
  guardAnyway: '仍然提交',
  guardMore: (n: number) => `…另有 ${n} 个问题`,
  fieldSet: { period: '中长期', annual: '年度' } as Record<string, string>,
  noBackground: '无法连接扩展后台,请刷新页面后重试',
  shortcut: 'Alt+Shift+F',
  reportClose: '关闭报告 (Esc)',
  keepPartial: '出错时保留已填入的部分',
  keepPartialTitle: '不勾选时，填充中途出错会撤回本次填充的全部改动；勾选后保留已经填入的字段',
  fillStopped: '填充未完成',
  undoStopped: '撤销未完成',
  undoHadProblems: '撤销时有问题',
  undoProblemsCount: (n: number) => `撤销时有 ${n} 处未能恢复，请在页面上核对：`,
  /** One field that did not take its value: 年度 第3行「指标值」… */
  mismatch: (set: string, row: number, field: string, expected: string, actual: string) =>
    `${FIELD_SETS.zh[set] ?? set} 第${row + 1}行「${FIELD_NAMES.zh[field] ?? field}」：应为「${expected}」，页面上是「${actual || '空'}」`,
  /** Where a fill or undo stopped: 填充在「写入字段」这一步出错：年度 第3行「指标值」 */
  failureAt: (kind: 'fill' | 'undo', step: string, where: string) =>
    `${kind === 'fill' ? '填充' : '撤销'}在「${FAILURE_STEPS.zh[step] ?? step}」这一步出错${where ? `：${where}` : ''}`,
  // 年度 第3行「指标值」: the same shape as a mismatch line.
  failureWhere: (set: string | undefined, row: number | undefined, field: string | undefined) =>
    [set ? (FIELD_SETS.zh[set] ?? set) : '', `${row !== undefined ? `第${row + 1}行` : ''}${field ? `「${FIELD_NAMES.zh[field] ?? field}」` : ''}`].filter(Boolean).join(' '),
  failureWhy: (message: string) => `原因：${message}`,
  rolledBack: '已撤回本次填充的全部改动',
  kept: '已保留已填入的部分',
  notRolledBack: '本次填充的改动未能全部撤回，请在页面上核对',
};

export type Strings = typeof zh;

const en: Strings = {
  launcher: 'Tianbao',
  launcherTitle: 'Tianbao: search indicator templates and fill (Alt+Shift+F)',
  searchPlaceholder: 'Search indicator sets (Chinese, pinyin or initials); Enter fills',
  suggested: 'Suggested for this project',
  results: 'Results',
  empty: 'No matching set in the library yet. Import last year’s table in the options page, or use “Save as template”.',
  items: (n: number) => `${n} indicators`,
  filling: 'Filling…',
  fillDone: (n: number) => `Filled ${n} fields, all verified`,
  fillPartial: (bad: number) => `${bad} fields did not take their value:`,
  fillSkipped: (n: number) => `${n} non-empty fields were not overwritten`,
  undo: 'Undo fill',
  undone: 'Fill undone',
  undoProblems: 'Undo had problems:',
  capture: 'Save as template',
  captured: (name: string, n: number) => `Saved set “${name}” (${n} indicators)`,
  captureEmpty: 'This page has no indicators to save',
  close: 'Close',
  findings: (e: number, w: number) => `${e} errors · ${w} warnings`,
  noFindings: 'No problems found',
  guardTitle: 'The pre-submission check found problems',
  guardIntro: 'These are likely to get the form sent back. Fix them first if you can.',
  guardBack: 'Go back and fix',
  guardAnyway: 'Submit anyway',
  guardMore: (n: number) => `…and ${n} more`,
  fieldSet: { period: 'period', annual: 'annual' },
  noBackground: 'Cannot reach the extension; reload the page and try again',
  shortcut: 'Alt+Shift+F',
  reportClose: 'Close the report (Esc)',
  keepPartial: 'Keep what landed if the fill fails',
  keepPartialTitle: 'Unticked, a fill that fails midway puts back everything it changed; ticked, the fields that landed stay',
  fillStopped: 'The fill did not finish',
  undoStopped: 'The undo did not finish',
  undoHadProblems: 'The undo had problems',
  undoProblemsCount: (n: number) => `${n} things could not be restored; check them on the page:`,
  // The page's column headers are Chinese: the English line names the field both ways.
  mismatch: (set: string, row: number, field: string, expected: string, actual: string) =>
    `${FIELD_SETS.en[set] ?? set} set, row ${row + 1}, ${FIELD_NAMES.en[field] ?? field}${FIELD_NAMES.zh[field] ? ` (${FIELD_NAMES.zh[field]})` : ''}: expected “${expected}”, the page shows “${actual || 'nothing'}”`,
  failureAt: (kind: 'fill' | 'undo', step: string, where: string) =>
    `The ${kind} stopped at “${FAILURE_STEPS.en[step] ?? step}”${where ? `: ${where}` : ''}`,
  failureWhere: (set: string | undefined, row: number | undefined, field: string | undefined) =>
    [set ? `${FIELD_SETS.en[set] ?? set} set` : '', row !== undefined ? `row ${row + 1}` : '', field ? (FIELD_NAMES.en[field] ?? field) : ''].filter(Boolean).join(', '),
  failureWhy: (message: string) => `Why: ${message}`,
  rolledBack: 'Everything this fill changed was put back',
  kept: 'The part that landed was kept',
  notRolledBack: 'Not everything this fill changed could be put back; check the page',
};

/** One line of a report in both languages; Chinese is shown first, English under it. */
export interface BilingualLine {
  zh: string;
  en: string;
}

/**
 * A failed fill or undo told in both languages: where it stopped (step, set, row, field), why, and — for a
 * fill — whether its changes were put back or kept. The same lines in the page and in the side panel.
 */
export function failureLines(failure: FillFailure, kind: 'fill' | 'undo', outcome: { rolledBack?: boolean; kept?: boolean } = {}): BilingualLine[] {
  const both = (f: (c: Strings) => string): BilingualLine => ({ zh: f(zh), en: f(en) });
  const lines = [
    both((c) => c.failureAt(kind, failure.step, c.failureWhere(failure.set, failure.row, failure.field))),
    { zh: zh.failureWhy(failure.message), en: en.failureWhy(failure.messageEn) },
  ];
  if (kind === 'fill') {
    if (outcome.kept) lines.push(both((c) => c.kept));
    else if (outcome.rolledBack) lines.push(both((c) => c.rolledBack));
    else if (outcome.rolledBack === false) lines.push(both((c) => c.notRolledBack));
  }
  return lines;
}

/** The catalog for a UI language (`zh…` → Chinese, anything else → English). */
export function stringsFor(language: string | undefined): Strings {
  return !language || language.toLowerCase().startsWith('zh') ? zh : en;
}
