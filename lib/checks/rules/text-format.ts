import type { Project } from '../../domain/schemas';
import { removeCjkSpaces } from '../../domain/text';
import type { FormatIssue } from '../../i18n/checks';
import { defineRule } from '../define-rule';
import { memoize } from '../helpers';
import { type Draft, type FindingField, msg } from '../types';

/** What kind of text a field holds; decides which tidy-ups apply. */
type TextKind = 'name' | 'goal' | 'value';

const FULLWIDTH_ALNUM = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF05]|(?<=[\d\uFF10-\uFF19])\uFF0E(?=[\d\uFF10-\uFF19])/g;
const HAN = /\p{Script=Han}/u;
const HALF_PUNCT: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };
const HALF_PUNCT_NEAR_HAN = /(?<=\p{Script=Han})[,;:?!]|[,;:?!](?=\p{Script=Han})/gu;
const HAN_IN_PARENS = /\(([^()]*\p{Script=Han}[^()]*)\)/gu;
/** Full-width punctuation carries its own spacing: a space after ，。；： or before （ is stray. */
const SPACE_AT_FULLWIDTH_PUNCT = /(?<=[，。；：、！？）】》”’])[ ]+|[ ]+(?=[，。；：、！？（【《“‘])/g;
const ASCII_SYMBOL = />=|=>|<=|=<|[<>=≧≦]/g;
const STORED_SYMBOL: Record<string, string> = { '>=': '≥', '=>': '≥', '<=': '≤', '=<': '≤', '>': '＞', '<': '＜', '=': '＝', '≧': '≥', '≦': '≤' };
const TRAILING_SEPARATOR: Record<TextKind, RegExp> = {
  name: /[,，、;；:：。]+$/,
  value: /[,，、;；:：。]+$/,
  goal: /[,，、;；:：]+$/,
};

/** Characters tidyText could change; texts without one (and no trailing separator) are already tidy. */
const MAYBE_UNTIDY = /[\uFF05\uFF0E\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\s\u00a0\u3000,;:?!()<>=≧≦]/;
const TRAILING_CHARS: Record<TextKind, string> = { name: ',，、;；:：。', value: ',，、;；:：。', goal: ',，、;；:：' };

/** Whether tidyText could change the text (a quick test; most texts are tidy). */
function maybeUntidy(text: string, kind: TextKind): boolean {
  return MAYBE_UNTIDY.test(text) || (text.length > 0 && TRAILING_CHARS[kind].includes(text[text.length - 1]!));
}

const NOTHING: { to: string; issues: FormatIssue[] } = Object.freeze({ to: '', issues: [] }) as never;

const tidyCache = { name: memoize((t) => tidy(t, 'name')), goal: memoize((t) => tidy(t, 'goal')), value: memoize((t) => tidy(t, 'value')) };

/** The tidied text and what was wrong with it (`issues` empty when it is tidy). Pure and cached. */
export function tidyText(text: string, kind: TextKind): { to: string; issues: FormatIssue[] } {
  if (!maybeUntidy(text, kind)) return { ...NOTHING, to: text };
  return tidyCache[kind](text);
}

function tidy(text: string, kind: TextKind): { to: string; issues: FormatIssue[] } {
  const issues: FormatIssue[] = [];
  const step = (issue: FormatIssue, next: string) => {
    if (next !== current) {
      issues.push(issue);
      current = next;
    }
  };
  let current = text;
  step(
    'fullwidth-alphanumeric',
    current.replace(FULLWIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)),
  );
  if (kind === 'value') step('symbol', current.replace(ASCII_SYMBOL, (s) => STORED_SYMBOL[s] ?? s));
  if (HAN.test(current)) {
    step(
      'halfwidth-punctuation',
      current.replace(HAN_IN_PARENS, '（$1）').replace(HALF_PUNCT_NEAR_HAN, (c) => HALF_PUNCT[c] ?? c),
    );
  }
  step(
    'spaces',
    removeCjkSpaces(current.replace(/[\s\u00a0\u3000]+/g, ' ').trim()).replace(SPACE_AT_FULLWIDTH_PUNCT, ''),
  );
  const trailing = TRAILING_SEPARATOR[kind];
  if (trailing.test(current)) {
    step('trailing-separator', kind === 'goal' ? current.replace(trailing, '。') : current.replace(trailing, ''));
  }
  return { to: current, issues };
}

/** Visits each text field with its kind (no arrays built: this runs per keystroke). */
function forEachField(project: Project, visit: (text: string, field: FindingField, kind: TextKind, indicatorIndex?: number) => void): void {
  visit(project.name, 'projectName', 'name');
  visit(project.goal, 'goal', 'goal');
  if (project.annualGoal !== undefined) visit(project.annualGoal, 'annualGoal', 'goal');
  project.indicators.forEach((indicator, indicatorIndex) => {
    visit(indicator.name, 'name', 'name', indicatorIndex);
    if (indicator.period) visit(indicator.period.raw, 'period', 'value', indicatorIndex);
    if (indicator.annual) visit(indicator.annual.raw, 'annual', 'value', indicatorIndex);
    if (indicator.explanation !== undefined) visit(indicator.explanation, 'explanation', 'goal', indicatorIndex);
  });
}

/**
 * `text.format` — stray spaces, half-width punctuation inside Chinese text, full-width digits, trailing
 * separators, and symbols typed as `>=`/`=` instead of the stored ≥/＝. The fix is the tidied text; project
 * names get none, because a name identifies the project in the budget system and a person should decide.
 */
export const checkTextFormat = defineRule({
  id: 'text.format',
  severity: 'info',
  description: 'Texts have no stray spaces, mixed-width punctuation or trailing separators; symbols in stored form.',
  project(project) {
    const drafts: Draft[] = [];
    forEachField(project, (text, field, kind, indicatorIndex) => {
      if (!text || !maybeUntidy(text, kind) || text.trim() === '') return;
      const { to, issues } = tidyText(text, kind);
      if (issues.length === 0 || to === '') return;
      drafts.push({
        ...(indicatorIndex !== undefined ? { indicatorIndex } : {}),
        field,
        message: msg('format', { issues, to }),
        ...(field === 'projectName' ? {} : { fix: { field, from: text, to } }),
      });
    });
    return drafts;
  },
});
