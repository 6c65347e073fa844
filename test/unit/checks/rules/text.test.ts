import { describe, expect, it } from 'vitest';
import { tidyText } from '@/lib/checks/rules/text-format';
import { findTypos } from '@/lib/checks/rules/text-typo';
import { DEFAULT_TYPOS } from '@/lib/checks';
import { makeIndicator } from '../../../fixtures/make-snapshot';
import { checkProjectWith } from '../support';

describe('text.typo', () => {
  it.each([
    ['大楼设各故障处理时间', ['设各']],
    ['台理', ['台理']],
    ['并展安全测评', ['并展']],
    ['下展安全测评', ['下展']],
    ['千度指标值', ['千度']],
    ['年度指标信', ['指标信']],
    // Correct words that contain the same characters.
    ['建设各类智慧应用', []],
    ['依托平台理顺流程', []],
    ['合并展示各类数据', []],
    ['线下展览与以下展示', []],
    ['节约用电3千度', []],
    ['完善指标信息', []],
  ])('%s', (text, expected) => {
    expect(findTypos(text, DEFAULT_TYPOS).map((h) => h.typo.wrong)).toEqual(expected);
  });

  it.each([
    ['name', { name: '大楼设各故障处理时间' }, 'name', '大楼设备故障处理时间'],
    ['period value', { period: '并展安全测评', annual: '开展安全测评' }, 'period', '开展安全测评'],
    ['annual value', { period: '合理', annual: '台理' }, 'annual', '合理'],
  ])('fixes a typo in the %s', (_label, overrides, field, to) => {
    const findings = checkProjectWith('text.typo', { indicators: [makeIndicator(overrides)] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', field, indicatorIndex: 0, fix: { field, to } });
  });

  it('reports a misprinted label in the source text without a fix', () => {
    const findings = checkProjectWith('text.typo', {
      indicators: [makeIndicator({ name: '项目建设', period: '台理', annual: '合理' })],
      source: { line: 7, text: '1、1-产出指标; 11-数量指标; 项目建设; 实施周期指标值:台理; 千度指标值:合理。' },
    });
    // Project-level findings come before indicator findings.
    expect(findings.map((f) => [f.field, f.fix === undefined, f.line])).toEqual([
      ['source', true, 7],
      ['period', false, 7],
    ]);
    expect(findings[0]!.message).toContain('「千度」疑为「年度」之误');
  });

  it('uses the configured list', () => {
    const config = { rules: { 'text.typo': { typos: [{ wrong: '帐户', right: '账户' }] } } };
    expect(checkProjectWith('text.typo', { goal: '开立帐户。' }, config)[0]?.fix?.to).toBe('开立账户。');
  });
});

describe('text.format', () => {
  it.each([
    ['clean name', '服务对象满意度', 'name', []],
    ['space inside Chinese', '12345热线智慧办理系统建设项目 经费', 'name', ['spaces']],
    ['ASCII comma between Chinese', '严格管理,确保卫生', 'name', ['halfwidth-punctuation']],
    ['ASCII parentheses around Chinese', '外包服务项目 (辅助运行)', 'name', ['halfwidth-punctuation', 'spaces']],
    ['full-width digits', '培训１０场', 'name', ['fullwidth-alphanumeric']],
    ['trailing separator on a name', '培训场次；', 'name', ['trailing-separator']],
    ['a goal ends with 。 not ；', '建设平台；', 'goal', ['trailing-separator']],
    ['a goal ending with 。 is fine', '建设平台。', 'goal', []],
    ['>= typed for ≥', '>=90%', 'value', ['symbol']],
    ['= typed for ＝', '覆盖镇街数量=24个', 'value', ['symbol']],
    ['stored symbols are fine', '≥90%', 'value', []],
    ['numbers keep their separators', '10,000个', 'value', []],
    ['Latin text keeps its spaces', 'GIS platform', 'name', []],
  ] as const)('%s', (_label, text, kind, issues) => {
    expect(tidyText(text, kind).issues).toEqual(issues);
  });

  it.each([
    ['12345热线智慧办理系统建设项目 经费', 'name', '12345热线智慧办理系统建设项目经费'],
    ['外包服务项目 (辅助运行)', 'name', '外包服务项目（辅助运行）'],
    ['1. 完成建设; 2. 完成支付。', 'goal', '1. 完成建设；2. 完成支付。'],
    ['化技术,整合资源;', 'goal', '化技术，整合资源。'],
    ['>=９０％', 'value', '≥90%'],
  ] as const)('tidies %s', (text, kind, to) => {
    expect(tidyText(text, kind).to).toBe(to);
  });

  it('offers a fix for indicator texts and goals but not for project names', () => {
    const findings = checkProjectWith('text.format', {
      name: '外包服务项目 (辅助运行)',
      goal: '提升效率,方便群众。',
      indicators: [makeIndicator({ name: '严格管理,确保卫生', period: '>=90%', annual: '≥90%' })],
    });
    expect(findings.map((f) => [f.field, f.severity, f.fix?.to])).toEqual([
      ['projectName', 'info', undefined],
      ['goal', 'info', '提升效率，方便群众。'],
      ['name', 'info', '严格管理，确保卫生'],
      ['period', 'info', '≥90%'],
    ]);
  });
});
