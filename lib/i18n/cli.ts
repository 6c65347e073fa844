/** Messages of the command-line tool (`tianbao check`). */
import { defineCatalog } from './index';

const zhCN = {
  usage: `用法 / usage: tianbao check <文件> [--json] [--fix] [--out <路径>] [--locale zh-CN|en] [--config <配置.json>]
  --json     以 JSON 输出 { projects, findings }
  --fix      写出自动修正后的规范化副本（默认 <文件名>.fixed.txt）
  --out      规范化副本的路径
  --locale   报告语言（默认 zh-CN）
  --config   检查配置（JSON）：启用/关闭规则、调整级别和阈值、选择指标体系
`,
  'error.missingFile': '缺少文件参数',
  'error.option': (p: { option: string }) => `无法识别的参数「${p.option}」`,
  'error.optionValue': (p: { option: string }) => `参数 ${p.option} 缺少取值`,
  'error.locale': (p: { value: string }) => `不支持的语言「${p.value}」；可用 zh-CN 或 en`,
  'error.config': (p: { file: string; reason: string }) => `配置文件 ${p.file} 无效：${p.reason}`,
  'error.write': (p: { file: string; reason: string }) => `无法写入 ${p.file}：${p.reason}`,
  title: (p: { file: string }) => `检查报告：${p.file}`,
  summary: (p: { projects: number; errors: number; warnings: number; infos: number }) =>
    `项目 ${p.projects} 个；错误 ${p.errors} 条，警告 ${p.warnings} 条，提示 ${p.infos} 条`,
  'group.totals': '合计与单位行',
  'group.project': (p: { index: number; name: string; line?: number }) =>
    `${p.index}. ${p.name || '（无名称）'}${p.line !== undefined ? `（第 ${p.line} 行）` : ''}`,
  'group.counts': (p: { errors: number; warnings: number; infos: number }) =>
    `错误 ${p.errors} · 警告 ${p.warnings} · 提示 ${p.infos}`,
  error: '错误',
  warning: '警告',
  info: '提示',
  fixable: '可自动修正',
  clean: (p: { count: number; names: string }) => `未发现问题的项目 ${p.count} 个：${p.names}`,
  none: '未发现问题。',
  importWarnings: (p: { count: number }) => `读取文件时有 ${p.count} 条导入提示（用 tianbao import 查看），请对照原表核实。`,
  fixed: (p: { file: string; applied: number; remaining: number }) =>
    `已写入规范化副本：${p.file}（自动修正 ${p.applied} 处；修正后仍有 ${p.remaining} 条问题需人工处理）`,
};

/** The CLI catalog's keys and parameter types. */
export type CliMessages = typeof zhCN;

export const cliMessages = defineCatalog('cli', zhCN, {
  usage: `usage: tianbao check <file> [--json] [--fix] [--out <path>] [--locale zh-CN|en] [--config <config.json>]
  --json     print JSON { projects, findings }
  --fix      write a normalised copy with the automatic fixes (default <name>.fixed.txt)
  --out      path of the normalised copy
  --locale   report language (default zh-CN)
  --config   check configuration (JSON): rules on/off, severities, thresholds, taxonomy profile
`,
  'error.missingFile': 'no file given',
  'error.option': (p) => `unknown option “${p.option}”`,
  'error.optionValue': (p) => `option ${p.option} needs a value`,
  'error.locale': (p) => `unsupported language “${p.value}”; use zh-CN or en`,
  'error.config': (p) => `config file ${p.file} is not valid: ${p.reason}`,
  'error.write': (p) => `cannot write ${p.file}: ${p.reason}`,
  title: (p) => `Check report: ${p.file}`,
  summary: (p) => `${p.projects} projects; ${p.errors} errors, ${p.warnings} warnings, ${p.infos} notes`,
  'group.totals': 'Totals and unit rows',
  'group.project': (p) => `${p.index}. ${p.name || '(no name)'}${p.line !== undefined ? ` (line ${p.line})` : ''}`,
  'group.counts': (p) => `errors ${p.errors} · warnings ${p.warnings} · notes ${p.infos}`,
  error: 'error',
  warning: 'warning',
  info: 'note',
  fixable: 'fixable',
  clean: (p) => `${p.count} projects with no problems: ${p.names}`,
  none: 'No problems found.',
  importWarnings: (p) => `Reading the file gave ${p.count} import notes (see tianbao import); check them against the original.`,
  fixed: (p) =>
    `Wrote a normalised copy: ${p.file} (${p.applied} automatic fixes; ${p.remaining} problems remain for a person)`,
});
