/**
 * Strings of the in-page UI (palette, marks, guard dialog, fill report). The content script carries no
 * i18n framework: two small catalogs, Simplified Chinese first, English when the browser's UI language is
 * not Chinese.
 */
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
};

/** The catalog for a UI language (`zh…` → Chinese, anything else → English). */
export function stringsFor(language: string | undefined): Strings {
  return !language || language.toLowerCase().startsWith('zh') ? zh : en;
}
