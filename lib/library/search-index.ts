/**
 * In-memory search over library items (templates or template sets): Chinese substring, words,
 * full pinyin and pinyin initials (`spxt` finds 视频会议系统), filtered by 一级/二级/tag, ranked by
 * relevance then use. Pure and incremental (add / remove per item); no DB.
 *
 * A linear scan over precomputed keys: 10,000 items answer in a few milliseconds, and the keys cost
 * one pinyin + segmentation pass per item when it is added.
 */
import { hasHan, segmentWords, syllables } from './segment';
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
  /** The toneless readings of each code point of nameKey (several for a polyphone). */
  syllables: Array<readonly string[]>;
  /** First letters of the main readings joined (`sphyxt`). */
  initials: string;
  /** Bit per letter a–z found in the syllables: a query needing another letter cannot match by pinyin. */
  letters: number;
  /** Bit per letter a–z that starts a syllable: a pinyin match starts with one of them. */
  initialLetters: number;
  /** Every reading joined in order (`shipinhuikuaiyi…`), for the subsequence pre-check. */
  pinyinFull: string;
  /** The usual readings joined (`shipinhuiyixitong`), for a native scan of full pinyin. */
  pinyinMain: string;
  /** 1 at each offset of pinyinMain where a syllable starts. */
  syllableStart: Uint8Array;
  /** Every searchable field in one string, for the corpus scan. */
  hay: string;
}

interface TermMatch {
  score: number;
  kind: MatchKind;
}

/** A query term with what is computed once per search, not once per item. */
interface Term {
  term: string;
  latin: boolean;
  /** Segmented words of a Chinese term (two or more, else empty). */
  words: string[];
  letters: number;
}

/** Every entry's fields and initials, joined, so one native indexOf scan finds the candidates. */
interface Corpus {
  text: string;
  textStarts: Int32Array;
  initials: string;
  initialStarts: Int32Array;
  pinyin: string;
  pinyinStarts: Int32Array;
}

/**
 * Which entries a term may match, and how each was found. Flags per entry index; the per-entry checks
 * then run only where a scan found something (a string search per entry and field is the costly part).
 */
interface Hits {
  /** Any reason to look at the entry. */
  any: Uint8Array;
  /** The term occurs literally somewhere in the entry's fields. */
  literal: Uint8Array;
  /** The term occurs in the entry's initials (latin terms). */
  initials: Uint8Array | null;
  /** The term occurs in the entry's main full pinyin (latin terms). */
  pinyin: Uint8Array | null;
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
/** Shortest query that may skip words between matched characters. */
const MIN_SKIP_LETTERS = 4;

function mainPinyin(syl: ReadonlyArray<readonly string[]>): { pinyinMain: string; syllableStart: Uint8Array } {
  const pinyinMain = syl.map((r) => r[0]!).join('');
  const syllableStart = new Uint8Array(pinyinMain.length + 1);
  let at = 0;
  for (const r of syl) {
    syllableStart[at] = 1;
    at += r[0]!.length;
  }
  return { pinyinMain, syllableStart };
}
/** Separates fields inside an entry's haystack and entries inside the corpus (never in a key). */
const FIELD = '\u0001';
const ENTRY = '\u0002';

function letterMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) - 97;
    if (c >= 0 && c < 26) mask |= 1 << c;
  }
  return mask;
}

interface Ranked {
  entry: Entry;
  score: number;
  kind: MatchKind;
}

/** Whether a ranks before b: score, then use count, then last use, then shorter, then by name. */
function before(a: Ranked, b: Ranked): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.entry.doc.useCount !== b.entry.doc.useCount) return a.entry.doc.useCount > b.entry.doc.useCount;
  const la = a.entry.doc.lastUsedAt ?? 0;
  const lb = b.entry.doc.lastUsedAt ?? 0;
  if (la !== lb) return la > lb;
  if (a.entry.nameKey.length !== b.entry.nameKey.length) return a.entry.nameKey.length < b.entry.nameKey.length;
  return a.entry.doc.name < b.entry.doc.name;
}

export class SearchIndex {
  private readonly list: Entry[] = [];
  private readonly position = new Map<string, number>();
  private corpusCache: Corpus | null = null;
  /** Failure memo for the pinyin matcher, stamped per call so it never needs clearing. */
  private memo = new Int32Array(0);
  private stamp = 0;

  get size(): number {
    return this.list.length;
  }

  has(id: string): boolean {
    return this.position.has(id);
  }

  /** Adds or replaces an item. */
  put(doc: SearchDoc): void {
    const at = this.position.get(doc.id);
    const previous = at === undefined ? undefined : this.list[at];
    let entry: Entry;
    // Re-use the costly pinyin keys when only counts or tags changed.
    if (previous && previous.doc.name === doc.name) {
      entry = this.withCheapKeys(previous, doc);
    } else {
      const nameKey = normaliseKey(doc.name);
      const syl = syllables(nameKey);
      entry = this.withCheapKeys(
        {
          doc,
          nameKey,
          syllables: syl,
          initials: syl.map((r) => r[0]![0] ?? '').join(''),
          letters: letterMask(syl.map((r) => r.join('')).join('')),
          initialLetters: letterMask(syl.map((r) => r.map((x) => x[0] ?? '').join('')).join('')),
          pinyinFull: syl.map((r) => r.join('')).join(''),
          ...mainPinyin(syl),
          textKey: '',
          tagKeys: [],
          level1Key: '',
          level2Key: '',
          hay: '',
        },
        doc,
      );
    }
    if (at === undefined) {
      this.position.set(doc.id, this.list.length);
      this.list.push(entry);
    } else {
      this.list[at] = entry;
    }
    this.corpusCache = null;
  }

  private withCheapKeys(base: Entry, doc: SearchDoc): Entry {
    const textKey = normaliseKey(doc.text);
    const tagKeys = doc.tags.map(normaliseKey);
    const level1Key = normaliseKey(doc.level1);
    const level2Key = normaliseKey(doc.level2);
    const hay = [base.nameKey, level1Key, level2Key, ...tagKeys, textKey].join(FIELD);
    return { ...base, doc, textKey, tagKeys, level1Key, level2Key, hay };
  }

  remove(id: string): void {
    const at = this.position.get(id);
    if (at === undefined) return;
    const last = this.list.pop()!;
    this.position.delete(id);
    if (at < this.list.length) {
      this.list[at] = last;
      this.position.set(last.doc.id, at);
    }
    this.corpusCache = null;
  }

  clear(): void {
    this.list.length = 0;
    this.position.clear();
    this.corpusCache = null;
  }

  /** The joined corpus, rebuilt lazily after changes (about a millisecond for 10,000 items). */
  private corpus(): Corpus {
    if (this.corpusCache) return this.corpusCache;
    const joined = (field: (e: Entry) => string) => {
      const starts = new Int32Array(this.list.length + 1);
      let at = 0;
      this.list.forEach((e, n) => {
        starts[n] = at;
        at += field(e).length + 1;
      });
      starts[this.list.length] = at;
      return { text: this.list.map(field).join(ENTRY) + ENTRY, starts };
    };
    const text = joined((e) => e.hay);
    const initials = joined((e) => e.initials);
    const pinyin = joined((e) => e.pinyinMain);
    this.corpusCache = {
      text: text.text,
      textStarts: text.starts,
      initials: initials.text,
      initialStarts: initials.starts,
      pinyin: pinyin.text,
      pinyinStarts: pinyin.starts,
    };
    return this.corpusCache;
  }

  /** Marks every entry whose part of `haystack` contains `needle` (one native scan). */
  private static scan(haystack: string, starts: Int32Array, needle: string, marks: Uint8Array): void {
    let from = 0;
    for (;;) {
      const at = haystack.indexOf(needle, from);
      if (at < 0) return;
      // The entry holding `at`: last start ≤ at.
      let lo = 0;
      let hi = starts.length - 2;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= at) lo = mid;
        else hi = mid - 1;
      }
      marks[lo] = 1;
      from = starts[lo + 1]!;
    }
  }

  /** Entries that may match a term (a superset; matchTerm decides), and how each was found. */
  private candidates(t: Term): Hits {
    const corpus = this.corpus();
    const n = this.list.length;
    const literal = new Uint8Array(n);
    SearchIndex.scan(corpus.text, corpus.textStarts, t.term, literal);
    const any = literal.slice();
    if (t.latin) {
      const initials = new Uint8Array(n);
      const pinyin = new Uint8Array(n);
      SearchIndex.scan(corpus.initials, corpus.initialStarts, t.term, initials);
      SearchIndex.scan(corpus.pinyin, corpus.pinyinStarts, t.term, pinyin);
      // Pinyin the scans cannot see (mixed `shipinhy`, skips, second readings): every letter present,
      // the first one starting a syllable, all in order.
      const first = t.letters & letterMask(t.term[0]!);
      for (let i = 0; i < n; i++) {
        if (initials[i] || pinyin[i]) {
          any[i] = 1;
          continue;
        }
        const e = this.list[i]!;
        if (
          !any[i] &&
          (e.letters & t.letters) === t.letters &&
          (e.initialLetters & first) !== 0 &&
          isSubsequence(t.term, e.pinyinFull)
        ) {
          any[i] = 1;
        }
      }
      return { any, literal, initials, pinyin };
    }
    if (t.words.length >= 2) {
      // Word matches need at least two of the words somewhere in the entry.
      const counts = new Uint8Array(n);
      const seen = new Uint8Array(n);
      for (const w of new Set(t.words)) {
        seen.fill(0);
        SearchIndex.scan(corpus.text, corpus.textStarts, w, seen);
        for (let i = 0; i < n; i++) if (seen[i]) counts[i]!++;
      }
      for (let i = 0; i < n; i++) if (counts[i]! >= 2) any[i] = 1;
    }
    return { any, literal, initials: null, pinyin: null };
  }

  search(query: SearchQuery): SearchResult {
    const terms: Term[] = query.text
      .split(/\s+/)
      .map(normaliseKey)
      .filter((t) => t !== '')
      .map((term) => {
        const latin = LATIN_RE.test(term);
        const words = !latin && hasHan(term) ? segmentWords(term) : [];
        return { term, latin, words: words.length >= 2 ? words : [], letters: latin ? letterMask(term) : 0 };
      });
    const level1 = query.level1 ? normaliseKey(query.level1) : '';
    const level2 = query.level2 ? normaliseKey(query.level2) : '';
    const tags = (query.tags ?? []).map(normaliseKey).filter((t) => t !== '');
    const limit = query.limit ?? 50;
    // Entries that are candidates for every term (all entries for an empty query).
    const marks = new Uint8Array(this.list.length).fill(1);
    const hits = terms.map((t) => this.candidates(t));
    for (const h of hits) for (let i = 0; i < marks.length; i++) marks[i]! &= h.any[i]!;
    const top: Ranked[] = [];
    let total = 0;
    for (let i = 0; i < this.list.length; i++) {
      if (!marks[i]) continue;
      const entry = this.list[i]!;
      if (level1 && entry.level1Key !== level1) continue;
      if (level2 && entry.level2Key !== level2) continue;
      if (tags.length > 0 && !tags.every((t) => entry.tagKeys.includes(t))) continue;
      let score = 0;
      let kind: MatchKind = 'all';
      let ok = true;
      for (let k = 0; k < terms.length; k++) {
        const m = this.matchTerm(entry, terms[k]!, hits[k]!, i);
        if (!m) {
          ok = false;
          break;
        }
        score += m.score;
        if (k === 0) kind = m.kind;
      }
      if (!ok) continue;
      total++;
      const hit: Ranked = { entry, score, kind };
      if (top.length === limit && !before(hit, top[top.length - 1]!)) continue;
      // Keep only the best `limit`, sorted (binary insertion; no sort of every match).
      let lo = 0;
      let hi = top.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (before(hit, top[mid]!)) hi = mid;
        else lo = mid + 1;
      }
      top.splice(lo, 0, hit);
      if (top.length > limit) top.pop();
    }
    return { total, hits: top.map((s) => ({ id: s.entry.doc.id, score: s.score, match: s.kind })) };
  }

  private matchTerm(e: Entry, t: Term, hits: Hits, i: number): TermMatch | null {
    const { term, words } = t;
    const name = e.nameKey;
    const literal = hits.literal[i] === 1;
    if (literal) {
      if (name === term) return { score: SCORE.exact, kind: 'exact' };
      if (name.startsWith(term)) return { score: SCORE.prefix, kind: 'prefix' };
      if (name.includes(term)) return { score: SCORE.substring, kind: 'substring' };
    }
    if (t.latin) {
      const p = this.matchPinyin(e, t, hits.initials![i] === 1, hits.pinyin![i] === 1);
      if (p) return p;
    } else if (words.length >= 2 && words.every((w) => name.includes(w))) {
      return { score: SCORE.words, kind: 'words' };
    }
    if (literal) {
      if (e.level2Key.includes(term) || e.level1Key.includes(term)) return { score: SCORE.level, kind: 'other-field' };
      if (e.tagKeys.some((k) => k.includes(term))) return { score: SCORE.tag, kind: 'other-field' };
      if (e.textKey.includes(term)) return { score: SCORE.text, kind: 'other-field' };
    }
    if (words.length >= 2) {
      if (words.every((w) => e.hay.includes(w))) return { score: SCORE.wordsAnywhere, kind: 'words' };
      // Most words of a longer query (视频会议平台 → 视频, 会议 in 视频会议系统); one shared word is not enough.
      const inName = words.filter((w) => name.includes(w)).length;
      if (inName * 2 >= words.length && inName >= 2) {
        return { score: Math.round((SCORE.someWords * inName) / words.length), kind: 'words' };
      }
    }
    return null;
  }

  private matchPinyin(e: Entry, t: Term, inInitials: boolean, inPinyin: boolean): TermMatch | null {
    const q = t.term;
    if (inInitials) {
      return e.initials.startsWith(q) ? { score: SCORE.initialsPrefix, kind: 'initials' } : { score: SCORE.initials, kind: 'initials' };
    }
    // Full pinyin of the usual readings from a syllable start (`zhengwu`, `xitongy`).
    if (inPinyin) {
      for (let at = e.pinyinMain.indexOf(q); at >= 0; at = e.pinyinMain.indexOf(q, at + 1)) {
        if (e.syllableStart[at]) return { score: at === 0 ? SCORE.pinyinStart : SCORE.pinyin, kind: 'pinyin' };
      }
    }
    if ((e.letters & t.letters) !== t.letters || !isSubsequence(q, e.pinyinFull)) return null;
    const contiguous = this.findPinyin(e, q, false);
    if (contiguous === 0) return { score: SCORE.pinyinStart, kind: 'pinyin' };
    if (contiguous > 0) return { score: SCORE.pinyin, kind: 'pinyin' };
    // Jumping between words only for 4+ letters (`spxt`): for 2–3 letters it matches nearly anything.
    if (q.length >= MIN_SKIP_LETTERS && this.findPinyin(e, q, true) >= 0) {
      return { score: SCORE.pinyinWords, kind: 'pinyin-words' };
    }
    return null;
  }

  /**
   * Where q matches the name's syllables, each character taking a prefix (at least its initial) of
   * one of its readings: `shipin`, `sphy`, `shipinhy`. With skips, the match may jump ahead between
   * runs of at least two matched characters — Chinese words are mostly two characters, so `spxt`
   * finds 视频…系统 without segmenting every name. Returns the start index or -1.
   */
  private findPinyin(e: Entry, q: string, allowSkip: boolean): number {
    const n = e.syllables.length;
    const size = (q.length + 1) * (n + 1) * 3;
    if (this.memo.length < size) this.memo = new Int32Array(size * 2);
    this.stamp++;
    if (this.stamp === 0x7fffffff) {
      this.memo.fill(0);
      this.stamp = 1;
    }
    for (let start = 0; start < n; start++) {
      if (this.from(e, q, 0, start, 0, allowSkip)) return start;
    }
    return -1;
  }

  /** Whether q[qi…] matches from character ci, `run` characters (0, 1, 2 = two or more) into the current run. */
  private from(e: Entry, q: string, qi: number, ci: number, run: number, allowSkip: boolean): boolean {
    const n = e.syllables.length;
    const slot = (qi * (n + 1) + ci) * 3 + run;
    if (this.memo[slot] === this.stamp) return false;
    const nextRun = run < 2 ? run + 1 : 2;
    for (const s of e.syllables[ci]!) {
      // Every k up to the common prefix of the reading and the rest of q is a way to go on.
      const max = Math.min(s.length, q.length - qi);
      let common = 0;
      while (common < max && s.charCodeAt(common) === q.charCodeAt(qi + common)) common++;
      for (let k = common; k >= 1; k--) {
        const next = qi + k;
        if (next === q.length) {
          if (!allowSkip || nextRun === 2) return true;
          continue;
        }
        if (ci + 1 < n && this.from(e, q, next, ci + 1, nextRun, allowSkip)) return true;
        if (allowSkip && nextRun === 2) {
          for (let j = ci + 2; j < n; j++) if (this.from(e, q, next, j, 0, allowSkip)) return true;
        }
      }
    }
    this.memo[slot] = this.stamp;
    return false;
  }
}

/** Whether q's letters appear in s in order (native indexOf per letter). */
function isSubsequence(q: string, s: string): boolean {
  let at = -1;
  for (let i = 0; i < q.length; i++) {
    at = s.indexOf(q[i]!, at + 1);
    if (at < 0) return false;
  }
  return true;
}
