import type { Indicator } from '../../domain/schemas';
import { defineRule } from '../define-rule';
import { comparableName } from '../helpers';
import { msg, type SnapshotDraft } from '../types';

const tokenCache = new WeakMap<readonly Indicator[], string[]>();

/** Distinct comparable names of a project's indicators, cached per indicator list. */
function namesOf(indicators: readonly Indicator[]): string[] {
  let names = tokenCache.get(indicators);
  if (!names) {
    const set = new Set<string>();
    for (const indicator of indicators) {
      const name = comparableName(indicator.name);
      if (name !== '') set.add(name);
    }
    names = [...set];
    tokenCache.set(indicators, names);
  }
  return names;
}

function overlap(a: ReadonlySet<string>, b: readonly string[]): number {
  let n = 0;
  for (const token of b) if (a.has(token)) n += 1;
  return n;
}

/**
 * `project.copied-indicators` — a project whose indicator names are (nearly) the same as an earlier
 * project's: the same list pasted into a project with a different goal. Similarity is the Jaccard index of
 * the two name sets. Pairs are found with prefix filtering (names ordered rarest first; two sets that reach
 * the threshold must share one of their first few names), so boilerplate names every project has (服务对象满意度)
 * do not make it compare every project with every other.
 */
export const checkCopiedIndicators = defineRule({
  id: 'project.copied-indicators',
  severity: 'warning',
  description: 'A project’s indicator list is not (nearly) identical to another project’s.',
  snapshot(snapshot, options) {
    const threshold = options.similarity;
    const lists = snapshot.projects.map((p) => namesOf(p.indicators));
    const frequency = new Map<string, number>();
    for (const names of lists) {
      if (names.length < options.minIndicators) continue;
      for (const name of names) frequency.set(name, (frequency.get(name) ?? 0) + 1);
    }
    const index = new Map<string, number[]>();
    const drafts: SnapshotDraft[] = [];
    lists.forEach((names, projectIndex) => {
      if (names.length < options.minIndicators) return;
      const ordered = [...names].sort((a, b) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
      const prefix = ordered.length - Math.ceil(threshold * ordered.length - 1e-9) + 1;
      const candidates = new Set<number>();
      for (let i = 0; i < prefix && i < ordered.length; i += 1) {
        const token = ordered[i]!;
        const earlier = index.get(token);
        if (earlier) for (const c of earlier) candidates.add(c);
        if (earlier) earlier.push(projectIndex);
        else index.set(token, [projectIndex]);
      }
      let best: { other: number; shared: number } | undefined;
      if (candidates.size > 0) {
        const own = new Set(names);
        for (const other of [...candidates].sort((a, b) => a - b)) {
          const theirs = lists[other]!;
          const shared = overlap(own, theirs);
          if (shared / (own.size + theirs.length - shared) >= threshold - 1e-9) {
            best = { other, shared };
            break;
          }
        }
      }
      if (best) {
        drafts.push({
          target: { kind: 'project', projectIndex },
          field: 'indicators',
          message: msg('copied', { other: snapshot.projects[best.other]!.name, shared: best.shared, total: names.length }),
        });
      }
    });
    return drafts;
  },
});
