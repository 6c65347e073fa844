/**
 * Duplicates: identical indicators (same contentKey) merge, keeping their counts; near-duplicates
 * (same name with other values, or names at least 80 % alike under the same 二级) are offered for merge.
 */
import type { Template } from '../domain/schemas';
import { bigrams, contentKey, NEAR_DUPLICATE_SIMILARITY, normaliseKey, uniqueTags } from './keys';

/** What an incoming copy adds to the template it merges into. */
export interface MergeSource {
  tags: readonly string[];
  useCount?: number;
  lastUsedAt?: number | null;
  createdAt?: number;
  weight?: string;
  remark?: string;
}

/**
 * Merges a duplicate into a template: tags united, use counts added, earliest creation and latest
 * use kept, missing weight/remark filled. Returns the same object when nothing changes.
 */
export function mergeTemplate(target: Template, source: MergeSource, now: number): Template {
  const tags = uniqueTags([...target.tags, ...source.tags]);
  const useCount = target.useCount + (source.useCount ?? 0);
  const lastUsedAt =
    source.lastUsedAt == null ? target.lastUsedAt : Math.max(target.lastUsedAt ?? 0, source.lastUsedAt);
  const createdAt = source.createdAt === undefined ? target.createdAt : Math.min(target.createdAt, source.createdAt);
  const weight = target.weight ?? source.weight;
  const remark = target.remark ?? source.remark;
  const changed =
    tags.length !== target.tags.length ||
    useCount !== target.useCount ||
    lastUsedAt !== target.lastUsedAt ||
    createdAt !== target.createdAt ||
    weight !== target.weight ||
    remark !== target.remark;
  if (!changed) return target;
  return {
    ...target,
    tags,
    useCount,
    lastUsedAt,
    createdAt,
    ...(weight !== undefined ? { weight } : {}),
    ...(remark !== undefined ? { remark } : {}),
    updatedAt: now,
  };
}

/** Posting lists longer than this are skipped as candidates (a bigram such as 满意 in half the library). */
const MAX_POSTING = 2000;

interface Known {
  id: string;
  nameKey: string;
  level2Key: string;
  contentKey: string;
  grams: Set<string>;
}

/**
 * Finds near-duplicates of a template among known templates: same normalised name but different
 * content, or Dice bigram similarity ≥ NEAR_DUPLICATE_SIMILARITY under the same 二级.
 */
export class NearDuplicateFinder {
  private readonly known = new Map<string, Known>();
  private readonly byName = new Map<string, Set<string>>();
  private readonly postings = new Map<string, Set<string>>();

  constructor(templates: Iterable<Template> = []) {
    for (const t of templates) this.add(t);
  }

  add(t: Template): void {
    this.remove(t.id);
    const nameKey = normaliseKey(t.name);
    const k: Known = {
      id: t.id,
      nameKey,
      level2Key: normaliseKey(t.level2),
      contentKey: contentKey(t),
      grams: new Set(bigrams(nameKey)),
    };
    this.known.set(t.id, k);
    addTo(this.byName, nameKey, t.id);
    for (const g of k.grams) addTo(this.postings, `${k.level2Key}\u0001${g}`, t.id);
  }

  remove(id: string): void {
    const k = this.known.get(id);
    if (!k) return;
    this.known.delete(id);
    this.byName.get(k.nameKey)?.delete(id);
    for (const g of k.grams) this.postings.get(`${k.level2Key}\u0001${g}`)?.delete(id);
  }

  get size(): number {
    return this.known.size;
  }

  /** Ids of known templates that are near (not identical) to this content, closest first. */
  find(
    t: Pick<Template, 'name' | 'level1' | 'level2' | 'period' | 'annual' | 'explanation'> & { id?: string },
    key: string = contentKey(t),
  ): string[] {
    if (this.known.size === 0) return [];
    const nameKey = normaliseKey(t.name);
    const level2Key = normaliseKey(t.level2);
    const grams = new Set(bigrams(nameKey));
    const scores = new Map<string, number>();
    for (const id of this.byName.get(nameKey) ?? []) scores.set(id, 1);
    const shared = new Map<string, number>();
    for (const g of grams) {
      const posting = this.postings.get(`${level2Key}\u0001${g}`);
      if (!posting || posting.size > MAX_POSTING) continue;
      for (const id of posting) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    for (const [id, n] of shared) {
      const other = this.known.get(id)!;
      const dice = (2 * n) / (grams.size + other.grams.size);
      if (dice >= NEAR_DUPLICATE_SIMILARITY) scores.set(id, Math.max(scores.get(id) ?? 0, dice));
    }
    return [...scores]
      .filter(([id]) => id !== t.id && this.known.get(id)!.contentKey !== key)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([id]) => id);
  }
}

function addTo(map: Map<string, Set<string>>, key: string, id: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(id);
}

/** A group of library templates that look like one indicator written several ways. */
export interface DuplicateGroup {
  /** 'identical': same content (merge without loss); 'near': similar, a person should choose. */
  kind: 'identical' | 'near';
  /** Template ids, most used first (the suggested one to keep). */
  ids: string[];
}

/** Groups the library's duplicates: identical content first, then near-duplicate clusters. */
export function findDuplicateGroups(templates: readonly Template[]): DuplicateGroup[] {
  const byKey = new Map<string, Template[]>();
  for (const t of templates) {
    const k = contentKey(t);
    const list = byKey.get(k);
    if (list) list.push(t);
    else byKey.set(k, [t]);
  }
  const rank = (a: Template, b: Template) => b.useCount - a.useCount || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);
  const groups: DuplicateGroup[] = [];
  const representatives: Template[] = [];
  for (const list of byKey.values()) {
    list.sort(rank);
    representatives.push(list[0]!);
    if (list.length > 1) groups.push({ kind: 'identical', ids: list.map((t) => t.id) });
  }
  // Near-duplicates among one representative per content, clustered by union-find.
  const finder = new NearDuplicateFinder(representatives);
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let r = id;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  for (const t of representatives) {
    for (const other of finder.find(t)) {
      const a = root(t.id);
      const b = root(other);
      if (a !== b) parent.set(b, a);
    }
  }
  const clusters = new Map<string, Template[]>();
  for (const t of representatives) {
    const r = root(t.id);
    const list = clusters.get(r);
    if (list) list.push(t);
    else clusters.set(r, [t]);
  }
  for (const list of clusters.values()) {
    if (list.length > 1) groups.push({ kind: 'near', ids: list.sort(rank).map((t) => t.id) });
  }
  return groups;
}
