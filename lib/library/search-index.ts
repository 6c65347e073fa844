/**
 * In-memory search over library items (templates or template sets): Chinese substring, words,
 * full pinyin and pinyin initials (`spxt` finds 视频会议系统), filtered by 一级/二级/tag, ranked by
 * relevance then use. Pure and incremental (add / remove per item); no DB.
 *
 * A linear scan over precomputed keys: 10,000 items answer in a few milliseconds, and the keys cost
 * one pinyin + segmentation pass per item when it is added.
 */
import { hasHan, segmentWords, syllables, wordStarts } from './segment';
import { normaliseKey } from './keys';

/** What the index needs to know about one item. */
export interface SearchDoc {
  id: string;
  /** The main text: 三级指标 name of a template, the set name of a set. */
  name: string;
  /** 一级 / 二级 names ('' for sets). */
  level1: string;
  level2: string;
  tags: readonly string[];
  /** Secondary text searched by substring and words (指标值说明, project name, goal, item names). */
  text: string;
  useCount: number;
  lastUsedAt: number | null;
}

/** Filters and paging of a search. */
export interface SearchQuery {
  /** What the user typed; terms separated by spaces must all match. Empty = list by use. */
  text: string;
  /** Only items under this 一级 / 二级 (names as stored). */
  level1?: string;
  level2?: string;
  /** Only items carrying every one of these tags. */
  tags?: readonly string[];
  /** At most this many hits (default 50). */
  limit?: number;
}

/** How a hit matched, for highlighting and tests. */
export type MatchKind = 'exact' | 'prefix' | 'substring' | 'words' | 'pinyin' | 'initials' | 'pinyin-words' | 'other-field' | 'all';

/** One ranked hit. */
export interface SearchHit {
  id: string;
  score: number;
  /** The best match kind of the first term. */
  match: MatchKind;
}

/** Ranked hits and how many items matched in all (before the limit). */
export interface SearchResult {
  hits: SearchHit[];
  total: number;
}

interface Entry {
  doc: SearchDoc;
  nameKey: string;
  textKey: string;
  tagKeys: string[];
  level1Key: string;
  level2Key: string;
  /** One toneless syllable per code point of nameKey. */
  syllables: string[];
  /** 1 where a word of nameKey starts. */
  wordStart: Uint8Array;
  /** Syllables joined, for a cheap subsequence pre-check. */
  pinyinFull: string;
  /** First letters joined (`sphyxt`). */
  initials: string;
}

interface TermMatch {
  score: number;
  kind: MatchKind;
}

/** Scores for each kind of match; relevance first, use count only breaks ties. */
const SCORE = {
  exact: 100,
  prefix: 90,
  substring: 80,
  initialsPrefix: 75,
  initials: 70,
  pinyinStart: 65,
  pinyin: 60,
  words: 60,
  level: 50,
  tag: 50,
  text: 40,
  pinyinWords: 45,
  wordsAnywhere: 30,
  someWords: 20,
} as const;

const LATIN_RE = /^[a-z]+$/;

export class SearchIndex {
  private readonly entries = new Map<string, Entry>();
  /** Failure memo for the pinyin matcher, stamped per call so it never needs clearing. */
  private memo = new Int32Array(0);
  private stamp = 0;

  get size(): number {
    return this.entries.size;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** Adds or replaces an item. */
  put(doc: SearchDoc): void {
    const previous = this.entries.get(doc.id);
    // Re-use the costly pinyin keys when only counts or tags changed.
    if (previous && previous.doc.name === doc.name) {
      this.entries.set(doc.id, { ...previous, ...this.cheapKeys(doc), doc });
      return;
    }
    const nameKey = normaliseKey(doc.name);
    const syl = syllables(nameKey);
    this.entries.set(doc.id, {
      ...this.cheapKeys(doc),
      doc,
      nameKey,
      syllables: syl,
      wordStart: wordStarts(nameKey),
      pinyinFull: syl.join(''),
      initials: syl.map((s) => s[0] ?? '').join(''),
    });
  }

  private cheapKeys(doc: SearchDoc) {
    return {
      textKey: normaliseKey(doc.text),
      tagKeys: doc.tags.map(normaliseKey),
      level1Key: normaliseKey(doc.level1),
      level2Key: normaliseKey(doc.level2),
    };
  }

  remove(id: string): void {
    this.entries.delete(id);
  }

  clear(): void {
    this.entries.clear();
  }

  search(query: SearchQuery): SearchResult {
    const terms = query.text
      .split(/\s+/)
      .map(normaliseKey)
      .filter((t) => t !== '');
    const prepared = terms.map((t) => ({ term: t, words: hasHan(t) ? segmentWords(t) : [] }));
    const level1 = query.level1 ? normaliseKey(query.level1) : '';
    const level2 = query.level2 ? normaliseKey(query.level2) : '';
    const tags = (query.tags ?? []).map(normaliseKey).filter((t) => t !== '');
    const scored: Array<{ entry: Entry; score: number; kind: MatchKind }> = [];
    for (const entry of this.entries.values()) {
      if (level1 && entry.level1Key !== level1) continue;
      if (level2 && entry.level2Key !== level2) continue;
      if (tags.length > 0 && !tags.every((t) => entry.tagKeys.includes(t))) continue;
      let score = 0;
      let kind: MatchKind = 'all';
      let ok = true;
      for (let i = 0; i < prepared.length; i++) {
        const m = this.matchTerm(entry, prepared[i]!.term, prepared[i]!.words);
        if (!m) {
          ok = false;
          break;
        }
        score += m.score;
        if (i === 0) kind = m.kind;
      }
      if (ok) scored.push({ entry, score, kind });
    }
    scored.sort(
      (a, b) =>
        b.score - a.score ||
        b.entry.doc.useCount - a.entry.doc.useCount ||
        (b.entry.doc.lastUsedAt ?? 0) - (a.entry.doc.lastUsedAt ?? 0) ||
        a.entry.nameKey.length - b.entry.nameKey.length ||
        (a.entry.doc.name < b.entry.doc.name ? -1 : a.entry.doc.name > b.entry.doc.name ? 1 : 0),
    );
    const limit = query.limit ?? 50;
    return {
      total: scored.length,
      hits: scored.slice(0, limit).map((s) => ({ id: s.entry.doc.id, score: s.score, match: s.kind })),
    };
  }

  private matchTerm(e: Entry, term: string, words: string[]): TermMatch | null {
    const name = e.nameKey;
    if (name === term) return { score: SCORE.exact, kind: 'exact' };
    if (name.startsWith(term)) return { score: SCORE.prefix, kind: 'prefix' };
    if (name.includes(term)) return { score: SCORE.substring, kind: 'substring' };
    if (LATIN_RE.test(term)) {
      const p = this.matchPinyin(e, term);
      if (p) return p;
    } else if (words.length >= 2 && words.every((w) => name.includes(w))) {
      return { score: SCORE.words, kind: 'words' };
    }
    if (e.level2Key.includes(term) || e.level1Key.includes(term)) return { score: SCORE.level, kind: 'other-field' };
    if (e.tagKeys.some((t) => t.includes(term))) return { score: SCORE.tag, kind: 'other-field' };
    if (e.textKey.includes(term)) return { score: SCORE.text, kind: 'other-field' };
    if (words.length >= 2) {
      const everywhere = `${name}\u0000${e.textKey}\u0000${e.tagKeys.join('\u0000')}`;
      if (words.every((w) => everywhere.includes(w))) return { score: SCORE.wordsAnywhere, kind: 'words' };
      // Most words of a longer query (视频会议平台 → 视频, 会议 in 视频会议系统); one shared word is not enough.
      const inName = words.filter((w) => name.includes(w)).length;
      if (inName * 2 >= words.length && inName >= 2) {
        return { score: Math.round((SCORE.someWords * inName) / words.length), kind: 'words' };
      }
    }
    return null;
  }

  private matchPinyin(e: Entry, q: string): TermMatch | null {
    if (e.initials.startsWith(q)) return { score: SCORE.initialsPrefix, kind: 'initials' };
    if (e.initials.includes(q)) return { score: SCORE.initials, kind: 'initials' };
    if (!isSubsequence(q, e.pinyinFull)) return null;
    const contiguous = this.findPinyin(e, q, false);
    if (contiguous === 0) return { score: SCORE.pinyinStart, kind: 'pinyin' };
    if (contiguous > 0) return { score: SCORE.pinyin, kind: 'pinyin' };
    if (this.findPinyin(e, q, true) >= 0) return { score: SCORE.pinyinWords, kind: 'pinyin-words' };
    return null;
  }

  /**
   * Where q matches the name's syllables, each character taking a prefix (at least its initial) of
   * its syllable: `shipin`, `sphy`, `shipinhy`. With skips, the match may jump to a later word start
   * between characters (`spxt` = 视频…系统). Returns the start index or -1.
   */
  private findPinyin(e: Entry, q: string, allowSkip: boolean): number {
    const n = e.syllables.length;
    const size = (q.length + 1) * (n + 1);
    if (this.memo.length < size) this.memo = new Int32Array(size * 2);
    this.stamp++;
    if (this.stamp === 0x7fffffff) {
      this.memo.fill(0);
      this.stamp = 1;
    }
    for (let start = 0; start < n; start++) {
      if (allowSkip && !e.wordStart[start]) continue;
      if (this.from(e, q, 0, start, allowSkip)) return start;
    }
    return -1;
  }

  private from(e: Entry, q: string, qi: number, ci: number, allowSkip: boolean): boolean {
    const n = e.syllables.length;
    const slot = qi * (n + 1) + ci;
    if (this.memo[slot] === this.stamp) return false;
    const s = e.syllables[ci]!;
    const max = Math.min(s.length, q.length - qi);
    for (let k = max; k >= 1; k--) {
      if (!q.startsWith(s.slice(0, k), qi)) continue;
      const next = qi + k;
      if (next === q.length) return true;
      if (ci + 1 < n && this.from(e, q, next, ci + 1, allowSkip)) return true;
      if (allowSkip) {
        for (let j = ci + 2; j < n; j++) {
          if (e.wordStart[j] && this.from(e, q, next, j, allowSkip)) return true;
        }
      }
    }
    this.memo[slot] = this.stamp;
    return false;
  }
}

function isSubsequence(q: string, s: string): boolean {
  let j = 0;
  for (let i = 0; i < s.length && j < q.length; i++) if (s.charCodeAt(i) === q.charCodeAt(j)) j++;
  return j === q.length;
}
