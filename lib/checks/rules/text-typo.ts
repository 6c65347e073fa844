import type { Project } from '../../domain/schemas';
import type { Typo } from '../config';
import { defineRule } from '../define-rule';
import { type Draft, type FindingField, msg } from '../types';

/** Where a typo was found in a text: its position and the entry it matches. */
interface Hit {
  at: number;
  typo: Typo;
}

/** Occurrences of known confusions, skipping those whose neighbours make them a correct word. */
export function findTypos(text: string, typos: readonly Typo[]): Hit[] {
  const hits: Hit[] = [];
  for (const typo of typos) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(typo.wrong, from);
      if (at < 0) break;
      from = at + typo.wrong.length;
      const before = at > 0 ? text[at - 1]! : '';
      const after = text[at + typo.wrong.length] ?? '';
      if (before !== '' && typo.notAfter.includes(before)) continue;
      if (after !== '' && typo.notBefore.includes(after)) continue;
      hits.push({ at, typo });
    }
  }
  return hits.sort((a, b) => a.at - b.at);
}

const anyTypoCache = new WeakMap<readonly Typo[], RegExp>();

/** One regex for the whole list: most texts have no typo, and one test rules them out. */
function anyTypo(typos: readonly Typo[]): RegExp {
  let re = anyTypoCache.get(typos);
  if (!re) {
    const words = typos.map((t) => t.wrong.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    re = words.length > 0 ? new RegExp(words.join('|')) : /(?!)/;
    anyTypoCache.set(typos, re);
  }
  return re;
}

/** The text with every hit replaced (hits never overlap in practice; an overlapping one is skipped). */
function replaceHits(text: string, hits: readonly Hit[]): string {
  let out = '';
  let from = 0;
  for (const { at, typo } of hits) {
    if (at < from) continue;
    out += text.slice(from, at) + typo.right;
    from = at + typo.wrong.length;
  }
  return out + text.slice(from);
}

/** A few characters around the first hit, so a person can find it. */
function contextOf(text: string, hit: Hit): string {
  const chars = [...text];
  // Index in code points of the UTF-16 offset `at` (domain text is BMP, but stay correct anyway).
  const start = [...text.slice(0, hit.at)].length;
  const from = Math.max(0, start - 6);
  const to = Math.min(chars.length, start + [...hit.typo.wrong].length + 6);
  return `${from > 0 ? '…' : ''}${chars.slice(from, to).join('')}${to < chars.length ? '…' : ''}`;
}

/** Visits the texts a person typed, with the field a fix writes to (no arrays built: this runs per keystroke). */
function forEachText(project: Project, visit: (text: string, field: FindingField, indicatorIndex?: number) => void): void {
  visit(project.name, 'projectName');
  visit(project.goal, 'goal');
  if (project.annualGoal !== undefined) visit(project.annualGoal, 'annualGoal');
  project.indicators.forEach((indicator, indicatorIndex) => {
    visit(indicator.name, 'name', indicatorIndex);
    if (indicator.period) visit(indicator.period.raw, 'period', indicatorIndex);
    if (indicator.annual) visit(indicator.annual.raw, 'annual', indicatorIndex);
    if (indicator.explanation !== undefined) visit(indicator.explanation, 'explanation', indicatorIndex);
  });
}

/**
 * `text.typo` — known confusions in domain words (设各→设备, 台理→合理, 并展/下展→开展, 千度→年度, 指标信→指标值).
 * The fix replaces them in the field. Labels an importer had to read past (`千度指标值:` in an export) are
 * reported on the project's source text, without a fix: the snapshot holds no field to correct.
 */
export const checkTextTypo = defineRule({
  id: 'text.typo',
  severity: 'warning',
  description: 'No known confusions in domain words (设各→设备, 台理→合理, 并展→开展, 千度→年度 …).',
  project(project, _index, options) {
    const drafts: Draft[] = [];
    const typos = options.typos;
    const quick = anyTypo(typos);
    forEachText(project, (text, field, indicatorIndex) => {
      if (!text || !quick.test(text)) return;
      const hits = findTypos(text, typos);
      if (hits.length === 0) return;
      drafts.push({
        ...(indicatorIndex !== undefined ? { indicatorIndex } : {}),
        field,
        message: typoMessage(text, hits),
        fix: { field, from: text, to: replaceHits(text, hits) },
      });
    });
    // Labels in the printed source text that no field holds any more (an importer read 千度指标值 as 年度指标值).
    const source = project.source?.text;
    if (source && quick.test(source)) {
      const counted = new Map<string, number>();
      forEachText(project, (text) => {
        for (const hit of findTypos(text ?? '', typos)) counted.set(hit.typo.wrong, (counted.get(hit.typo.wrong) ?? 0) + 1);
      });
      const extra = findTypos(source, typos).filter((hit) => {
        const left = counted.get(hit.typo.wrong) ?? 0;
        counted.set(hit.typo.wrong, left - 1);
        return left <= 0;
      });
      if (extra.length > 0) drafts.push({ field: 'source', message: typoMessage(source, extra) });
    }
    return drafts;
  },
});

function typoMessage(text: string, hits: readonly Hit[]) {
  const seen = new Set<string>();
  const pairs = hits.filter((h) => !seen.has(h.typo.wrong) && seen.add(h.typo.wrong));
  return msg('typo', {
    wrong: pairs.map((h) => h.typo.wrong).join('、'),
    right: pairs.map((h) => h.typo.right).join('、'),
    context: contextOf(text, hits[0]!),
  });
}
