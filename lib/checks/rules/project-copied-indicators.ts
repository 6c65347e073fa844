import type { FormSnapshot, Indicator, Project } from '../../domain/schemas';
import { defineRule } from '../define-rule';
import { comparableName } from '../helpers';
import { msg, type SnapshotDraft } from '../types';

const namesCache = new WeakMap<readonly Indicator[], Set<string>>();

/** Distinct comparable names of a project's indicators, cached per indicator list. */
function namesOf(indicators: readonly Indicator[]): Set<string> {
  let names = namesCache.get(indicators);
  if (!names) {
    names = new Set<string>();
    for (const indicator of indicators) {
      const name = comparableName(indicator.name);
      if (name !== '') names.add(name);
    }
    namesCache.set(indicators, names);
  }
  return names;
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const token of small) if (large.has(token)) n += 1;
  return n;
}

interface Options {
  similarity: number;
  minIndicators: number;
}

/**
 * What one run worked out, kept so that the next run over a snapshot with one edited project only redoes
 * the pairs that project is in. The result never depends on it: it is the same as a run from scratch.
 */
interface State {
  projects: readonly Project[];
  options: Options;
  names: Set<string>[];
  /** Projects (eligible ones) holding each name; built on the first update (a full run does not need it). */
  postings: Map<string, Set<number>> | null;
  /** For each project, the first earlier project whose list is (nearly) the same, or -1. */
  match: number[];
}

let last: State | undefined;

/** Drops the kept state, so the next run starts from scratch (tests compare both paths). */
export function resetCopiedIndicatorsState(): void {
  last = undefined;
}

function eligible(names: ReadonlySet<string>, options: Options): boolean {
  return names.size >= options.minIndicators;
}

function similar(a: ReadonlySet<string>, b: ReadonlySet<string>, threshold: number): boolean {
  const shared = overlap(a, b);
  return shared / (a.size + b.size - shared) >= threshold - 1e-9;
}

/**
 * Projects that may reach the threshold with `names`: two sets with Jaccard ≥ t share at least ⌈t·|A|⌉
 * names, so any |A| − ⌈t·|A|⌉ + 1 names of A include one of B's (pigeonhole). The rarest are probed, which
 * keeps boilerplate names that every project has (服务对象满意度) out of the candidate search.
 */
function candidates(names: ReadonlySet<string>, postings: Map<string, Set<number>>, threshold: number): Set<number> {
  const probes = [...names].sort((a, b) => (postings.get(a)?.size ?? 0) - (postings.get(b)?.size ?? 0));
  const count = names.size - Math.ceil(threshold * names.size - 1e-9) + 1;
  const found = new Set<number>();
  for (let i = 0; i < count && i < probes.length; i += 1) for (const p of postings.get(probes[i]!) ?? []) found.add(p);
  return found;
}

/** The first earlier project similar to `p`, or -1 (full postings needed). */
function firstMatch(p: number, state: State): number {
  const own = state.names[p]!;
  if (!eligible(own, state.options)) return -1;
  let best = -1;
  for (const q of candidates(own, state.postings!, state.options.similarity)) {
    if (q < p && (best < 0 || q < best) && similar(own, state.names[q]!, state.options.similarity)) best = q;
  }
  return best;
}

function addPostings(postings: Map<string, Set<number>>, names: ReadonlySet<string>, p: number, options: Options): void {
  if (!eligible(names, options)) return;
  for (const name of names) {
    const list = postings.get(name);
    if (list) list.add(p);
    else postings.set(name, new Set([p]));
  }
}

function removePostings(postings: Map<string, Set<number>>, names: ReadonlySet<string>, p: number, options: Options): void {
  if (!eligible(names, options)) return;
  for (const name of names) postings.get(name)?.delete(p);
}

/**
 * A full run, by prefix filtering: names ordered rarest first (over the whole snapshot), only each
 * project's first |A| − ⌈t·|A|⌉ + 1 names indexed and probed — two similar lists always share one of
 * those — so boilerplate names do not pair every project with every other.
 */
function compute(projects: readonly Project[], options: Options): State {
  const names = projects.map((p) => namesOf(p.indicators));
  const frequency = new Map<string, number>();
  for (const set of names) {
    if (!eligible(set, options)) continue;
    for (const name of set) frequency.set(name, (frequency.get(name) ?? 0) + 1);
  }
  const prefixIndex = new Map<string, number[]>();
  const match: number[] = [];
  for (let p = 0; p < projects.length; p += 1) {
    const own = names[p]!;
    if (!eligible(own, options)) {
      match.push(-1);
      continue;
    }
    const ordered = [...own]
      .map((name) => [frequency.get(name)!, name] as const)
      .sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    const prefix = own.size - Math.ceil(options.similarity * own.size - 1e-9) + 1;
    let best = -1;
    for (let k = 0; k < prefix && k < ordered.length; k += 1) {
      const token = ordered[k]![1];
      const earlier = prefixIndex.get(token);
      if (earlier) {
        for (const q of earlier) if ((best < 0 || q < best) && similar(own, names[q]!, options.similarity)) best = q;
        earlier.push(p);
      } else prefixIndex.set(token, [p]);
    }
    match.push(best);
  }
  return { projects, options, names, postings: null, match };
}

/** Every eligible project under each of its names (what an update probes). */
function fullPostings(state: State): Map<string, Set<number>> {
  const postings = new Map<string, Set<number>>();
  state.names.forEach((set, p) => addPostings(postings, set, p, state.options));
  return postings;
}

/** Above this many changed projects a fresh run is cheaper than updating pair by pair. */
const MAX_UPDATES = 16;

/**
 * Updates the previous state for a few changed projects (a live edit, or an edit undone and another made),
 * or returns undefined when a fresh run is needed. Each change keeps the invariant "match[b] is the first
 * earlier project similar to b", so applying them one after another gives the same state as a fresh run.
 */
function update(previous: State, projects: readonly Project[], options: Options): State | undefined {
  if (previous.options !== options || previous.projects.length !== projects.length) return undefined;
  const changed: number[] = [];
  for (let p = 0; p < projects.length; p += 1) {
    if (projects[p] === previous.projects[p] || projects[p]!.indicators === previous.projects[p]!.indicators) continue;
    if (changed.push(p) > MAX_UPDATES) return undefined;
  }
  // The postings are shared with the previous state, which is given up here (only the latest is kept).
  const state: State = {
    ...previous,
    projects,
    names: previous.names.slice(),
    match: previous.match.slice(),
    postings: previous.postings ?? fullPostings(previous),
  };
  for (const i of changed) applyChange(state, i, namesOf(projects[i]!.indicators));
  return state;
}

function applyChange(state: State, i: number, newNames: Set<string>): void {
  const { options } = state;
  const postings = state.postings!;
  removePostings(postings, state.names[i]!, i, options);
  state.names[i] = newNames;
  addPostings(postings, newNames, i, options);
  state.match[i] = firstMatch(i, state);
  const partners = eligible(newNames, options) ? candidates(newNames, postings, options.similarity) : new Set<number>();
  for (let b = i + 1; b < state.names.length; b += 1) {
    const current = state.match[b]!;
    const nowSimilar = partners.has(b) && similar(newNames, state.names[b]!, options.similarity);
    if (nowSimilar && (current < 0 || i < current)) state.match[b] = i;
    else if (current === i && !nowSimilar) state.match[b] = firstMatch(b, state);
  }
}

/**
 * `project.copied-indicators` — a project whose indicator names are (nearly) the same as an earlier
 * project's: the same list pasted into a project with a different goal. Similarity is the Jaccard index of
 * the two name sets; the later project is flagged and pointed at the first earlier one it matches. Re-running
 * after one project changed (the live checker's case) only redoes that project's pairs.
 */
export const checkCopiedIndicators = defineRule({
  id: 'project.copied-indicators',
  severity: 'warning',
  description: 'A project’s indicator list is not (nearly) identical to another project’s.',
  snapshot(snapshot: FormSnapshot, options) {
    const state = (last && update(last, snapshot.projects, options)) ?? compute(snapshot.projects, options);
    last = state;
    const drafts: SnapshotDraft[] = [];
    state.match.forEach((other, projectIndex) => {
      if (other < 0) return;
      const own = state.names[projectIndex]!;
      drafts.push({
        target: { kind: 'project', projectIndex },
        field: 'indicators',
        message: msg('copied', { other: snapshot.projects[other]!.name, shared: overlap(own, state.names[other]!), total: own.size }),
      });
    });
    return drafts;
  },
});
