/**
 * In-memory search over library items (templates or template sets): Chinese substring, words,
 * full pinyin and pinyin initials (`spxt` finds 视频会议系统), filtered by 一级/二级/tag, ranked by
 * relevance then use. Pure and incremental (add / remove per item); no DB.
 *
 * Native scans over every item's keys joined into one string (a corpus) find the candidates; per-item
 * work runs only where a scan found something, reading typed arrays rather than the item objects.
 * Pinyin keys are computed once per distinct name (names recur across projects), when first added.
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

/**
 * The pinyin keys of one distinct name. Shared by every item with that name: a 三级指标 name recurs
 * across projects with other values, so a library of 10,000 templates has far fewer names.
 */
interface NameKeys {
  key: string;
  /** The toneless readings of each code point of key (several for a polyphone). */
  syllables: Array<readonly string[]>;
  /** First letters of the main readings joined (`sphyxt`). */
  initials: string;
  /** Bit per letter a–z found in the syllables: a query needing another letter cannot match by pinyin. */
  letters: number;
  /** Letters found at least twice / three times among all the readings (`zzzz` needs four z). */
  letters2: number;
  letters3: number;
  /** Bit per letter a–z that starts a syllable: a pinyin match starts with one of them. */
  initialLetters: number;
  /** Every reading joined in order (`shipinhuikuaiyi…`), for the subsequence pre-check. */
  pinyinFull: string;
  /** The usual readings joined (`shipinhuiyixitong`), for a native scan of full pinyin. */
  pinyinMain: string;
  /** 1 at each offset of pinyinMain where a syllable starts. */
  syllableStart: Uint8Array;
  /** Items in the index with this name (the name table forgets it at 0). */
  refs: number;
  /** Position in the current corpus's name list. */
  ix: number;
}

interface Entry {
  doc: SearchDoc;
  name: NameKeys;
  nameKey: string;
  textKey: string;
  tagKeys: string[];
  level1Key: string;
  level2Key: string;
  /** Every searchable field in one string: name, 一级, 二级, tags…, text (this order; see Corpus). */
  hay: string;
}

declare const PREPARED: unique symbol;
/** An item with its search keys computed, to be put later (see SearchIndex.prepare). */
export type PreparedDoc = { readonly doc: SearchDoc; readonly [PREPARED]: true };

/**
 * Every entry's fields joined, so one native indexOf scan finds the candidates, with where each
 * entry's fields start and end; plus the distinct names' initials and main pinyin joined. Rebuilt
 * lazily after items are added or removed (a few milliseconds for 10,000 items); a change of use
 * counts only is written into it in place.
 */
interface Corpus {
  text: string;
  /** Start of each entry's part of text (n + 1 values). */
  textStarts: Int32Array;
  /** Where the entry's name ends, its 一级/二级 end, its tags end (absolute offsets in text). */
  nameEnd: Int32Array;
  levelEnd: Int32Array;
  tagsEnd: Int32Array;
  /** Each entry's name in `names`. */
  nameIx: Int32Array;
  useCount: Float64Array;
  lastUsed: Float64Array;
  level1Ids: Map<string, number>;
  level2Ids: Map<string, number>;
  level1Of: Int32Array;
  level2Of: Int32Array;
  names: NameKeys[];
  initials: string;
  initialStarts: Int32Array;
  pinyin: string;
  pinyinStarts: Int32Array;
  /** 1 where a syllable starts in `pinyin`. */
  pinyinSyllable: Uint8Array;
  nameLetters: Int32Array;
  nameLetters2: Int32Array;
  nameLetters3: Int32Array;
  nameInitialLetters: Int32Array;
  /** Each entry's place among the items' names in string order (equal names, equal places); built on first need. */
  nameOrder: Int32Array | null;
}

/** A query term with what is computed once per search, not once per item. */
interface Term {
  term: string;
  latin: boolean;
  /** Segmented words of a Chinese term (two or more, else empty). */
  words: string[];
  letters: number;
  letters2: number;
  letters3: number;
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

/** Match codes kept per entry or per name during a search (0 = none), with their score and kind. */
const M_EXACT = 1;
const M_PREFIX = 2;
const M_SUBSTRING = 3;
const M_LEVEL = 4;
const M_TAG = 5;
const M_TEXT = 6;
const M_INITIALS_PREFIX = 7;
const M_INITIALS = 8;
const M_PINYIN_START = 9;
const M_PINYIN = 10;
const M_PINYIN_WORDS = 11;
const M_WORDS = 12;
const M_WORDS_ANYWHERE = 13;
/** A name's pinyin was checked and does not match. */
const M_NONE = 255;
const MATCH_SCORE: readonly number[] = [
  0, SCORE.exact, SCORE.prefix, SCORE.substring, SCORE.level, SCORE.tag, SCORE.text, SCORE.initialsPrefix,
  SCORE.initials, SCORE.pinyinStart, SCORE.pinyin, SCORE.pinyinWords, SCORE.words, SCORE.wordsAnywhere,
];
const MATCH_KIND: readonly MatchKind[] = [
  'all', 'exact', 'prefix', 'substring', 'other-field', 'other-field', 'other-field', 'initials',
  'initials', 'pinyin', 'pinyin', 'pinyin-words', 'words', 'words',
];
/** Kind index of a someWords match (its score varies). */
const K_SOME_WORDS = M_WORDS;

const LATIN_RE = /^[a-z]+$/;
/** Characters that separate fields and entries in the corpus; never part of a search term. */
// eslint-disable-next-line no-control-regex -- exactly those control characters are meant
const SEPARATORS_RE = /[\u0001\u0002]/g;
/** Shortest query that may skip words between matched characters. */
const MIN_SKIP_LETTERS = 4;

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

/** Letters occurring at least twice and at least three times in text. */
function repeatedLetters(text: string): { letters2: number; letters3: number } {
  let once = 0;
  let twice = 0;
  let thrice = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) - 97;
    if (c < 0 || c >= 26) continue;
    const bit = 1 << c;
    if (twice & bit) thrice |= bit;
    else if (once & bit) twice |= bit;
    else once |= bit;
  }
  return { letters2: twice, letters3: thrice };
}

function nameKeys(key: string): NameKeys {
  const syl = syllables(key);
  let initials = '';
  let pinyinFull = '';
  let pinyinMain = '';
  let initialLetters = 0;
  for (const r of syl) {
    initials += r[0]![0] ?? '';
    pinyinMain += r[0]!;
    for (const x of r) {
      pinyinFull += x;
      const c = x.charCodeAt(0) - 97;
      if (c >= 0 && c < 26) initialLetters |= 1 << c;
    }
  }
  const syllableStart = new Uint8Array(pinyinMain.length + 1);
  let at = 0;
  for (const r of syl) {
    syllableStart[at] = 1;
    at += r[0]!.length;
  }
  return {
    key,
    syllables: syl,
    initials,
    letters: letterMask(pinyinFull),
    ...repeatedLetters(pinyinFull),
    initialLetters,
    pinyinFull,
    pinyinMain,
    syllableStart,
    refs: 0,
    ix: -1,
  };
}

/** The entry (or name) whose part of a joined corpus holds offset `at`: the last start ≤ at. */
function partAt(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export class SearchIndex {
  private readonly list: Entry[] = [];
  private readonly position = new Map<string, number>();
  /** Distinct names → their pinyin keys. */
  private readonly names = new Map<string, NameKeys>();
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

  /**
   * Computes items' search keys without adding them (pure: the index does not change). Lets a caller
   * do the costly part ahead — while the records are being written — and put them once stored.
   */
  prepare(docs: readonly SearchDoc[]): PreparedDoc[] {
    const local = new Map<string, NameKeys>();
    return docs.map((doc) => {
      const nameKey = normaliseKey(doc.name);
      let name = this.names.get(nameKey) ?? local.get(nameKey);
      if (!name) local.set(nameKey, (name = nameKeys(nameKey)));
      return this.entry(doc, nameKey, name) as unknown as PreparedDoc;
    });
  }

  private entry(doc: SearchDoc, nameKey: string, name: NameKeys): Entry {
    const textKey = normaliseKey(doc.text);
    const tagKeys = doc.tags.map(normaliseKey);
    const level1Key = normaliseKey(doc.level1);
    const level2Key = normaliseKey(doc.level2);
    const hay = [nameKey, level1Key, level2Key, ...tagKeys, textKey].join(FIELD);
    return { doc, name, nameKey, textKey, tagKeys, level1Key, level2Key, hay };
  }

  /** Adds or replaces an item. */
  put(doc: SearchDoc): void {
    const at = this.position.get(doc.id);
    const previous = at === undefined ? undefined : this.list[at];
    // Re-use the costly pinyin keys when only counts or tags changed.
    if (previous && previous.doc.name === doc.name) {
      this.putEntry(this.entry(doc, previous.nameKey, previous.name));
    } else {
      this.putEntry(this.prepare([doc])[0]! as unknown as Entry);
    }
  }

  /** Adds or replaces prepared items (see prepare). */
  putPrepared(items: readonly PreparedDoc[]): void {
    for (const item of items) this.putEntry(item as unknown as Entry);
  }

  private putEntry(entry: Entry): void {
    let name = this.names.get(entry.nameKey);
    if (!name) {
      name = entry.name;
      name.refs = 0;
      this.names.set(entry.nameKey, name);
    } else if (entry.name !== name) {
      entry = { ...entry, name };
    }
    name.refs++;
    const at = this.position.get(entry.doc.id);
    if (at === undefined) {
      this.position.set(entry.doc.id, this.list.length);
      this.list.push(entry);
      this.corpusCache = null;
      return;
    }
    const previous = this.list[at]!;
    this.release(previous.name);
    this.list[at] = entry;
    const corpus = this.corpusCache;
    if (corpus && previous.hay === entry.hay && previous.name === entry.name) {
      // Same keys (a use count or last use changed): the corpus stays, with the new counts.
      corpus.useCount[at] = entry.doc.useCount;
      corpus.lastUsed[at] = entry.doc.lastUsedAt ?? 0;
      if (previous.doc.name !== entry.doc.name) corpus.nameOrder = null;
    } else {
      this.corpusCache = null;
    }
  }

  private release(name: NameKeys): void {
    if (--name.refs <= 0 && this.names.get(name.key) === name) this.names.delete(name.key);
  }

  remove(id: string): void {
    const at = this.position.get(id);
    if (at === undefined) return;
    this.release(this.list[at]!.name);
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
    this.names.clear();
    this.corpusCache = null;
  }

  private corpus(): Corpus {
    if (this.corpusCache) return this.corpusCache;
    const n = this.list.length;
    const textStarts = new Int32Array(n + 1);
    const nameEnd = new Int32Array(n);
    const levelEnd = new Int32Array(n);
    const tagsEnd = new Int32Array(n);
    const nameIx = new Int32Array(n);
    const useCount = new Float64Array(n);
    const lastUsed = new Float64Array(n);
    const level1Ids = new Map<string, number>();
    const level2Ids = new Map<string, number>();
    const level1Of = new Int32Array(n);
    const level2Of = new Int32Array(n);
    const names = [...this.names.values()];
    names.forEach((name, k) => (name.ix = k));
    const parts = new Array<string>(n);
    let at = 0;
    for (let i = 0; i < n; i++) {
      const e = this.list[i]!;
      parts[i] = e.hay;
      textStarts[i] = at;
      nameEnd[i] = at + e.nameKey.length;
      levelEnd[i] = nameEnd[i]! + 1 + e.level1Key.length + 1 + e.level2Key.length;
      let tags = levelEnd[i]!;
      for (const t of e.tagKeys) tags += 1 + t.length;
      tagsEnd[i] = tags;
      at += e.hay.length + 1;
      nameIx[i] = e.name.ix;
      useCount[i] = e.doc.useCount;
      lastUsed[i] = e.doc.lastUsedAt ?? 0;
      let id = level1Ids.get(e.level1Key);
      if (id === undefined) level1Ids.set(e.level1Key, (id = level1Ids.size));
      level1Of[i] = id;
      id = level2Ids.get(e.level2Key);
      if (id === undefined) level2Ids.set(e.level2Key, (id = level2Ids.size));
      level2Of[i] = id;
    }
    textStarts[n] = at;
    const m = names.length;
    const initialStarts = new Int32Array(m + 1);
    const pinyinStarts = new Int32Array(m + 1);
    const nameLetters = new Int32Array(m);
    const nameLetters2 = new Int32Array(m);
    const nameLetters3 = new Int32Array(m);
    const nameInitialLetters = new Int32Array(m);
    let ia = 0;
    let pa = 0;
    names.forEach((name, k) => {
      initialStarts[k] = ia;
      pinyinStarts[k] = pa;
      ia += name.initials.length + 1;
      pa += name.pinyinMain.length + 1;
      nameLetters[k] = name.letters;
      nameLetters2[k] = name.letters2;
      nameLetters3[k] = name.letters3;
      nameInitialLetters[k] = name.initialLetters;
    });
    initialStarts[m] = ia;
    pinyinStarts[m] = pa;
    const pinyinSyllable = new Uint8Array(pa);
    names.forEach((name, k) => pinyinSyllable.set(name.syllableStart.subarray(0, name.pinyinMain.length), pinyinStarts[k]!));
    this.corpusCache = {
      text: parts.join(ENTRY) + ENTRY,
      textStarts,
      nameEnd,
      levelEnd,
      tagsEnd,
      nameIx,
      useCount,
      lastUsed,
      level1Ids,
      level2Ids,
      level1Of,
      level2Of,
      names,
      initials: names.map((x) => x.initials).join(ENTRY) + ENTRY,
      initialStarts,
      pinyin: names.map((x) => x.pinyinMain).join(ENTRY) + ENTRY,
      pinyinStarts,
      pinyinSyllable,
      nameLetters,
      nameLetters2,
      nameLetters3,
      nameInitialLetters,
      nameOrder: null,
    };
    return this.corpusCache;
  }

  /** The entries' places in name order: ties of relevance and use are many, string comparisons slow. */
  private nameOrder(c: Corpus): Int32Array {
    if (c.nameOrder) return c.nameOrder;
    const list = this.list;
    const order = Array.from(list, (_, i) => i).sort((i, j) => {
      const a = list[i]!.doc.name;
      const b = list[j]!.doc.name;
      return a < b ? -1 : a > b ? 1 : 0;
    });
    const place = new Int32Array(list.length);
    let rank = 0;
    order.forEach((i, k) => {
      if (k > 0 && list[i]!.doc.name !== list[order[k - 1]!]!.doc.name) rank++;
      place[i] = rank;
    });
    c.nameOrder = place;
    return place;
  }

  /**
   * Where a term occurs literally, per entry (one native scan of the corpus): in the name (exact,
   * prefix, substring), else in 一级/二级, a tag or the text — the first occurrence says which, as the
   * fields are joined in that order.
   */
  private static literal(c: Corpus, term: string, out: Uint8Array): void {
    const text = c.text;
    for (let from = 0; ; ) {
      const at = text.indexOf(term, from);
      if (at < 0) return;
      const i = partAt(c.textStarts, at);
      const start = c.textStarts[i]!;
      const nameEnd = c.nameEnd[i]!;
      if (at < nameEnd) out[i] = at === start ? (nameEnd - start === term.length ? M_EXACT : M_PREFIX) : M_SUBSTRING;
      else if (at < c.levelEnd[i]!) out[i] = M_LEVEL;
      else if (at < c.tagsEnd[i]!) out[i] = M_TAG;
      else out[i] = M_TEXT;
      from = c.textStarts[i + 1]!;
    }
  }

  /** Per entry: 2 when the word is in the name, 1 when only in another field. */
  private static word(c: Corpus, word: string, out: Uint8Array): void {
    const text = c.text;
    for (let from = 0; ; ) {
      const at = text.indexOf(word, from);
      if (at < 0) return;
      const i = partAt(c.textStarts, at);
      out[i] = at < c.nameEnd[i]! ? 2 : 1;
      from = c.textStarts[i + 1]!;
    }
  }

  /**
   * Per name, what the scans of initials and of full pinyin (from a syllable start) find. Names they
   * miss get M_NONE or a slower match later, when an entry needs them (see namePinyin).
   */
  private static pinyinScans(c: Corpus, q: string, out: Uint8Array): void {
    for (let from = 0; ; ) {
      const at = c.initials.indexOf(q, from);
      if (at < 0) break;
      const k = partAt(c.initialStarts, at);
      out[k] = at === c.initialStarts[k] ? M_INITIALS_PREFIX : M_INITIALS;
      from = c.initialStarts[k + 1]!;
    }
    for (let from = 0; ; ) {
      const at = c.pinyin.indexOf(q, from);
      if (at < 0) break;
      const k = partAt(c.pinyinStarts, at);
      if (out[k] !== 0) {
        from = c.pinyinStarts[k + 1]!;
      } else if (c.pinyinSyllable[at]) {
        out[k] = at === c.pinyinStarts[k] ? M_PINYIN_START : M_PINYIN;
        from = c.pinyinStarts[k + 1]!;
      } else {
        from = at + 1;
      }
    }
  }

  /** Pinyin a scan cannot see (mixed `shipinhy`, skips, second readings), for one name. */
  private namePinyin(c: Corpus, k: number, t: Term, first: number): number {
    if (
      (c.nameLetters[k]! & t.letters) !== t.letters ||
      (c.nameLetters2[k]! & t.letters2) !== t.letters2 ||
      (c.nameLetters3[k]! & t.letters3) !== t.letters3 ||
      (c.nameInitialLetters[k]! & first) === 0
    ) {
      return M_NONE;
    }
    const name = c.names[k]!;
    const q = t.term;
    if (!isSubsequence(q, name.pinyinFull)) return M_NONE;
    const contiguous = this.findPinyin(name, q, false);
    if (contiguous === 0) return M_PINYIN_START;
    if (contiguous > 0) return M_PINYIN;
    // Jumping between words only for 4+ letters (`spxt`): for 2–3 letters it matches nearly anything.
    if (q.length >= MIN_SKIP_LETTERS && this.findPinyin(name, q, true) >= 0) return M_PINYIN_WORDS;
    return M_NONE;
  }

  search(query: SearchQuery): SearchResult {
    const terms: Term[] = query.text
      .replace(SEPARATORS_RE, ' ')
      .split(/\s+/)
      .map(normaliseKey)
      .filter((t) => t !== '')
      .map((term) => {
        const latin = LATIN_RE.test(term);
        const words = !latin && hasHan(term) ? segmentWords(term) : [];
        return {
          term,
          latin,
          words: words.length >= 2 ? words : [],
          letters: latin ? letterMask(term) : 0,
          ...(latin ? repeatedLetters(term) : { letters2: 0, letters3: 0 }),
        };
      });
    const c = this.corpus();
    const n = this.list.length;
    const limit = query.limit ?? 50;
    // Entries still in the running, after the filters and each term.
    const alive = new Uint8Array(n);
    const level1 = query.level1 ? normaliseKey(query.level1) : '';
    const level2 = query.level2 ? normaliseKey(query.level2) : '';
    const level1Id = level1 ? c.level1Ids.get(level1) : -1;
    const level2Id = level2 ? c.level2Ids.get(level2) : -1;
    if (level1Id === undefined || level2Id === undefined) return { total: 0, hits: [] };
    const tags = (query.tags ?? []).map(normaliseKey).filter((t) => t !== '');
    for (let i = 0; i < n; i++) {
      if (level1Id >= 0 && c.level1Of[i] !== level1Id) continue;
      if (level2Id >= 0 && c.level2Of[i] !== level2Id) continue;
      if (tags.length > 0) {
        const own = this.list[i]!.tagKeys;
        if (!tags.every((t) => own.includes(t))) continue;
      }
      alive[i] = 1;
    }
    const score = new Uint16Array(n);
    const kind = new Uint8Array(n);
    terms.forEach((t, k) => this.matchTerm(c, t, alive, score, k === 0 ? kind : null));
    // Keep only the best `limit`, sorted (binary insertion; no sort of every match).
    const topIx: number[] = [];
    const topScore: number[] = [];
    let nameOrder: Int32Array | null = null;
    const before = (i: number, si: number, j: number, sj: number): boolean => {
      if (si !== sj) return si > sj;
      if (c.useCount[i] !== c.useCount[j]) return c.useCount[i]! > c.useCount[j]!;
      if (c.lastUsed[i] !== c.lastUsed[j]) return c.lastUsed[i]! > c.lastUsed[j]!;
      const li = c.nameEnd[i]! - c.textStarts[i]!;
      const lj = c.nameEnd[j]! - c.textStarts[j]!;
      if (li !== lj) return li < lj;
      nameOrder ??= this.nameOrder(c);
      return nameOrder[i]! < nameOrder[j]!;
    };
    let total = 0;
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      total++;
      const s = score[i]!;
      const full = topIx.length === limit;
      if (full && (limit === 0 || !before(i, s, topIx[limit - 1]!, topScore[limit - 1]!))) continue;
      let lo = 0;
      let hi = topIx.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (before(i, s, topIx[mid]!, topScore[mid]!)) hi = mid;
        else lo = mid + 1;
      }
      topIx.splice(lo, 0, i);
      topScore.splice(lo, 0, s);
      if (topIx.length > limit) {
        topIx.pop();
        topScore.pop();
      }
    }
    return {
      total,
      hits: topIx.map((i, r) => ({ id: this.list[i]!.doc.id, score: topScore[r]!, match: MATCH_KIND[kind[i]!]! })),
    };
  }

  /**
   * Scores one term for every entry still alive (adds to `score`, records the first term's kind) and
   * drops the entries it does not match. The order of the checks is the ranking: the name literally,
   * then pinyin (Latin terms) or all words in the name, then another field, then words anywhere.
   */
  private matchTerm(c: Corpus, t: Term, alive: Uint8Array, score: Uint16Array, kind: Uint8Array | null): void {
    const n = alive.length;
    const literal = new Uint8Array(n);
    SearchIndex.literal(c, t.term, literal);
    let pinyin: Uint8Array | null = null;
    const first = t.latin ? t.letters & letterMask(t.term[0]!) : 0;
    if (t.latin) {
      pinyin = new Uint8Array(c.names.length);
      SearchIndex.pinyinScans(c, t.term, pinyin);
    }
    // Word codes per distinct word; an entry needs two distinct words somewhere to be considered.
    const distinct = [...new Set(t.words)];
    const wordCodes = distinct.map((w) => {
      const codes = new Uint8Array(n);
      SearchIndex.word(c, w, codes);
      return codes;
    });
    const wordIx = t.words.map((w) => distinct.indexOf(w));
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      const lit = literal[i]!;
      let code = 0;
      if (lit !== 0 && lit <= M_SUBSTRING) {
        code = lit;
      } else if (pinyin) {
        const k = c.nameIx[i]!;
        let p = pinyin[k]!;
        if (p === 0) pinyin[k] = p = this.namePinyin(c, k, t, first);
        if (p !== M_NONE) code = p;
        else if (lit !== 0) code = lit;
      } else if (distinct.length > 0) {
        let found = 0;
        for (const codes of wordCodes) if (codes[i]) found++;
        if (lit === 0 && found < 2) {
          alive[i] = 0;
          continue;
        }
        let inName = 0;
        let inHay = 0;
        for (const w of wordIx) {
          const at = wordCodes[w]![i]!;
          if (at === 2) inName++;
          if (at !== 0) inHay++;
        }
        if (inName === wordIx.length) code = M_WORDS;
        else if (lit !== 0) code = lit;
        else if (inHay === wordIx.length) code = M_WORDS_ANYWHERE;
        else if (inName * 2 >= wordIx.length && inName >= 2) {
          // Most words of a longer query (视频会议平台 → 视频, 会议 in 视频会议系统); one shared word is not enough.
          score[i]! += Math.round((SCORE.someWords * inName) / wordIx.length);
          if (kind) kind[i] = K_SOME_WORDS;
          continue;
        }
      } else if (lit !== 0) {
        code = lit;
      }
      if (code === 0) {
        alive[i] = 0;
        continue;
      }
      score[i]! += MATCH_SCORE[code]!;
      if (kind) kind[i] = code;
    }
  }

  /**
   * Where q matches the name's syllables, each character taking a prefix (at least its initial) of
   * one of its readings: `shipin`, `sphy`, `shipinhy`. With skips, the match may jump ahead between
   * runs of at least two matched characters — Chinese words are mostly two characters, so `spxt`
   * finds 视频…系统 without segmenting every name. Returns the start index or -1.
   */
  private findPinyin(e: NameKeys, q: string, allowSkip: boolean): number {
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
  private from(e: NameKeys, q: string, qi: number, ci: number, run: number, allowSkip: boolean): boolean {
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
