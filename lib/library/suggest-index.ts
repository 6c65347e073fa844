/**
 * Suggestions for a project: given its name and goal text, rank template sets and single templates
 * by similarity. A MiniSearch (BM25) full-text index per kind, with a Chinese word tokenizer, kept in
 * memory and updated item by item.
 *
 * Updates are queued and applied in the background in chunks (a 10,000-row import returns without
 * waiting for them); suggest() applies whatever is still queued first, so its answers are complete.
 *
 * Speed: a goal has 20–40 words and the commonest (服务, 管理, 政务 …) match thousands of items while
 * adding little to BM25; each index keeps its document frequencies, and a query uses the words that
 * occur in it, rarest first, within a budget of items to score (see pickTerms).
 */
import MiniSearch from 'minisearch';
import type { Template, TemplateSet } from '../domain/schemas';
import { normaliseKey } from './keys';
import { suggestionTokens } from './segment';

/** One suggested item with its similarity score (higher is closer) and the words it shared. */
export interface Suggestion {
  id: string;
  score: number;
  terms: string[];
}

/** Set and template suggestions, best first. */
export interface Suggestions {
  sets: Suggestion[];
  templates: Suggestion[];
}

/** The project to suggest for. */
export interface SuggestQuery {
  /** 项目名称. */
  projectName: string;
  /** 总体目标 / 年度目标 text. */
  goal: string;
  /** Defaults: 5 sets, 20 templates. */
  limitSets?: number;
  limitTemplates?: number;
}

/** Hits scoring below this share of the best hit are noise from common words. */
const MIN_RELATIVE_SCORE = 0.15;
/** Words of the project name weigh this much more than words of its goal. */
const NAME_TERM_BOOST = 2;
/** At most this many words per query, rarest first. */
const MAX_TERMS = 16;
/**
 * Words are taken rarest first while the items they occur in add up to at most this many (the first
 * word always): BM25 gives a word in thousands of items little weight, yet scoring them is the cost.
 */
const POSTING_BUDGET = 1000;

type Doc = { id: string } & Record<string, string>;

/**
 * One kind's full-text index with its document frequencies. Tokens are recorded while MiniSearch
 * tokenizes a document (no second segmentation pass), so the counts follow adds and removals.
 */
class FrequencyIndex {
  private readonly search: MiniSearch<Doc>;
  private readonly df = new Map<string, number>();
  private readonly docTerms = new Map<string, string[]>();
  private readonly useCounts = new Map<string, number>();
  /** Tokens of the document being added (null while searching). */
  private collecting: Set<string> | null = null;

  constructor(fields: string[], boost: Record<string, number>) {
    this.search = new MiniSearch<Doc>({
      fields,
      tokenize: (text) => {
        const tokens = suggestionTokens(text);
        if (this.collecting) for (const t of tokens) this.collecting.add(t);
        return tokens;
      },
      processTerm: (term) => term,
      searchOptions: { boost, tokenize: (text) => text.split(' ').filter(Boolean) },
    });
  }

  get size(): number {
    return this.search.documentCount;
  }

  put(doc: Doc, useCount: number): void {
    this.remove(doc.id);
    this.collecting = new Set();
    try {
      this.search.add(doc);
    } finally {
      const terms = [...this.collecting];
      this.collecting = null;
      this.docTerms.set(doc.id, terms);
      for (const t of terms) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    }
    this.useCounts.set(doc.id, useCount);
  }

  remove(id: string): void {
    const terms = this.docTerms.get(id);
    if (!terms) return;
    this.search.discard(id);
    this.docTerms.delete(id);
    this.useCounts.delete(id);
    for (const t of terms) {
      const n = (this.df.get(t) ?? 1) - 1;
      if (n <= 0) this.df.delete(t);
      else this.df.set(t, n);
    }
  }

  setUseCount(id: string, useCount: number): void {
    if (this.useCounts.has(id)) this.useCounts.set(id, useCount);
  }

  clear(): void {
    this.search.removeAll();
    this.df.clear();
    this.docTerms.clear();
    this.useCounts.clear();
  }

  /** The query words worth scoring here: present in the index, rarest first, within the budget. */
  pickTerms(terms: readonly string[]): string[] {
    const present = terms.filter((t) => this.df.has(t)).sort((a, b) => this.df.get(a)! - this.df.get(b)!);
    const picked: string[] = [];
    let postings = 0;
    for (const t of present) {
      const df = this.df.get(t)!;
      if (picked.length > 0 && (postings + df > POSTING_BUDGET || picked.length === MAX_TERMS)) break;
      picked.push(t);
      postings += df;
    }
    return picked;
  }

  query(terms: readonly string[], nameTerms: ReadonlySet<string>, limit: number): Suggestion[] {
    const picked = this.pickTerms(terms);
    if (picked.length === 0) return [];
    const results = this.search.search(picked.join(' '), {
      combineWith: 'OR',
      boostTerm: (term: string) => (nameTerms.has(term) ? NAME_TERM_BOOST : 1),
    });
    if (results.length === 0) return [];
    const best = results.reduce((m, r) => Math.max(m, r.score), 0);
    return results
      .filter((r) => r.score >= best * MIN_RELATIVE_SCORE)
      .sort((a, b) => b.score - a.score || (this.useCounts.get(b.id) ?? 0) - (this.useCounts.get(a.id) ?? 0))
      .slice(0, limit)
      .map((r) => ({ id: r.id as string, score: r.score, terms: r.terms }));
  }
}

/** Queued updates applied per background step. */
const DRAIN_CHUNK = 500;

type Pending = { kind: 'set'; item: TemplateSet | null } | { kind: 'template'; item: Template | null };

export class SuggestionIndex {
  /** Latest queued state per item (`s:id` / `t:id`; null = remove), applied in insertion order. */
  private readonly pending = new Map<string, Pending>();
  private scheduled = false;
  /** While > 0, background steps wait (a big write in progress keeps the event loop to itself). */
  private holds = 0;

  /** `schedule` runs a background step (setTimeout by default; tests may pass their own). */
  constructor(private readonly schedule: (step: () => void) => void = (step) => setTimeout(step, 0)) {}

  private readonly sets = new FrequencyIndex(['name', 'projectName', 'goal', 'items', 'tags'], {
    name: 2,
    projectName: 2,
    items: 1.5,
    goal: 1,
    tags: 1,
  });
  /** Templates by name, 二级 and tags; 指标值说明 is left out (it describes a value, not a project). */
  private readonly templates = new FrequencyIndex(['name', 'level2', 'tags'], { name: 2, level2: 0.5, tags: 1 });

  putSet(set: TemplateSet): void {
    this.enqueue(`s:${set.id}`, { kind: 'set', item: set });
  }

  putTemplate(t: Template): void {
    this.enqueue(`t:${t.id}`, { kind: 'template', item: t });
  }

  removeSet(id: string): void {
    this.enqueue(`s:${id}`, { kind: 'set', item: null });
  }

  removeTemplate(id: string): void {
    this.enqueue(`t:${id}`, { kind: 'template', item: null });
  }

  /** How many updates wait to be applied. */
  get pendingCount(): number {
    return this.pending.size;
  }

  private enqueue(key: string, op: Pending): void {
    this.pending.delete(key);
    this.pending.set(key, op);
    if (!this.scheduled) {
      this.scheduled = true;
      this.schedule(() => this.drain());
    }
  }

  /** Holds background steps until the returned release is called. */
  hold(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      if (this.holds === 0 && this.pending.size > 0 && !this.scheduled) {
        this.scheduled = true;
        this.schedule(() => this.drain());
      }
    };
  }

  private drain(): void {
    this.scheduled = false;
    if (this.holds > 0) return;
    this.apply(DRAIN_CHUNK);
    if (this.pending.size > 0) {
      this.scheduled = true;
      this.schedule(() => this.drain());
    }
  }

  /** Applies every queued update now (before answering, or to measure indexing). */
  flush(): void {
    this.apply(Infinity);
  }

  private apply(limit: number): void {
    let n = 0;
    for (const [key, op] of this.pending) {
      if (n++ >= limit) break;
      this.pending.delete(key);
      const id = key.slice(2);
      if (op.kind === 'set') {
        if (op.item) this.indexSet(op.item);
        else this.sets.remove(id);
      } else if (op.item) this.indexTemplate(op.item);
      else this.templates.remove(id);
    }
  }

  private indexSet(set: TemplateSet): void {
    this.sets.put(
      {
        id: set.id,
        // Names as the search index keys them, so their segmentation is shared (cached) with it.
        name: normaliseKey(set.name),
        projectName: set.projectName,
        goal: set.goal,
        items: set.items.map((i) => normaliseKey(i.name)).join('\n'),
        tags: set.tags.join('\n'),
      },
      set.useCount,
    );
  }

  private indexTemplate(t: Template): void {
    this.templates.put(
      {
        id: t.id,
        name: normaliseKey(t.name),
        level2: t.level2,
        tags: t.tags.join('\n'),
      },
      t.useCount,
    );
  }

  /** Updates only the use count (no re-indexing). */
  setUseCount(id: string, useCount: number): void {
    for (const key of [`s:${id}`, `t:${id}`]) {
      const op = this.pending.get(key);
      if (op?.item) this.pending.set(key, { ...op, item: { ...op.item, useCount } } as Pending);
    }
    this.sets.setUseCount(id, useCount);
    this.templates.setUseCount(id, useCount);
  }

  clear(): void {
    this.pending.clear();
    this.sets.clear();
    this.templates.clear();
  }

  get counts(): { sets: number; templates: number } {
    this.flush();
    return { sets: this.sets.size, templates: this.templates.size };
  }

  suggest(query: SuggestQuery): Suggestions {
    this.flush();
    const nameTerms = new Set(suggestionTokens(query.projectName));
    // Each word once: a goal that repeats 服务 ten times is not ten times about 服务.
    const terms = [...new Set([...nameTerms, ...suggestionTokens(query.goal)])];
    if (terms.length === 0) return { sets: [], templates: [] };
    return {
      sets: this.sets.query(terms, nameTerms, query.limitSets ?? 5),
      templates: this.templates.query(terms, nameTerms, query.limitTemplates ?? 20),
    };
  }
}
