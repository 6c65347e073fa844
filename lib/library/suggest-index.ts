/**
 * Suggestions for a project: given its name and goal text, rank template sets and single templates
 * by similarity. A MiniSearch (BM25) full-text index per kind, with a Chinese word tokenizer, kept in
 * memory and updated item by item.
 */
import MiniSearch from 'minisearch';
import type { Template, TemplateSet } from '../domain/schemas';
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

interface SetDoc {
  id: string;
  name: string;
  projectName: string;
  goal: string;
  items: string;
  tags: string;
}

interface TemplateDoc {
  id: string;
  name: string;
  level2: string;
  explanation: string;
  tags: string;
}

/** Hits scoring below this share of the best hit are noise from common words. */
const MIN_RELATIVE_SCORE = 0.15;
/** Words of the project name weigh this much more than words of its goal. */
const NAME_TERM_BOOST = 2;

const tokenize = (text: string): string[] => suggestionTokens(text);
const processTerm = (term: string): string => term;

export class SuggestionIndex {
  private readonly sets = new MiniSearch<SetDoc>({
    fields: ['name', 'projectName', 'goal', 'items', 'tags'],
    tokenize,
    processTerm,
    searchOptions: { boost: { name: 2, projectName: 2, items: 1.5, goal: 1, tags: 1 } },
  });
  private readonly templates = new MiniSearch<TemplateDoc>({
    fields: ['name', 'level2', 'explanation', 'tags'],
    tokenize,
    processTerm,
    searchOptions: { boost: { name: 2, level2: 0.5, explanation: 1, tags: 1 } },
  });
  private readonly useCounts = new Map<string, number>();

  putSet(set: TemplateSet): void {
    const doc: SetDoc = {
      id: set.id,
      name: set.name,
      projectName: set.projectName,
      goal: set.goal,
      items: set.items.map((i) => i.name).join('\n'),
      tags: set.tags.join('\n'),
    };
    if (this.sets.has(set.id)) this.sets.replace(doc);
    else this.sets.add(doc);
    this.useCounts.set(set.id, set.useCount);
  }

  putTemplate(t: Template): void {
    const doc: TemplateDoc = {
      id: t.id,
      name: t.name,
      level2: t.level2,
      explanation: t.explanation ?? '',
      tags: t.tags.join('\n'),
    };
    if (this.templates.has(t.id)) this.templates.replace(doc);
    else this.templates.add(doc);
    this.useCounts.set(t.id, t.useCount);
  }

  /** Updates only the use count (no re-indexing). */
  setUseCount(id: string, useCount: number): void {
    if (this.useCounts.has(id)) this.useCounts.set(id, useCount);
  }

  removeSet(id: string): void {
    if (this.sets.has(id)) this.sets.discard(id);
    this.useCounts.delete(id);
  }

  removeTemplate(id: string): void {
    if (this.templates.has(id)) this.templates.discard(id);
    this.useCounts.delete(id);
  }

  clear(): void {
    this.sets.removeAll();
    this.templates.removeAll();
    this.useCounts.clear();
  }

  get counts(): { sets: number; templates: number } {
    return { sets: this.sets.documentCount, templates: this.templates.documentCount };
  }

  suggest(query: SuggestQuery): Suggestions {
    const nameTerms = new Set(suggestionTokens(query.projectName));
    // Each word once: a goal that repeats 服务 ten times is not ten times about 服务.
    const terms = [...new Set([...nameTerms, ...suggestionTokens(query.goal)])];
    if (terms.length === 0) return { sets: [], templates: [] };
    const text = terms.join(' ');
    const options = {
      combineWith: 'OR' as const,
      boostTerm: (term: string) => (nameTerms.has(term) ? NAME_TERM_BOOST : 1),
    };
    return {
      sets: this.rank(this.sets.search(text, options), query.limitSets ?? 5),
      templates: this.rank(this.templates.search(text, options), query.limitTemplates ?? 20),
    };
  }

  private rank(results: ReadonlyArray<{ id: string; score: number; terms: string[] }>, limit: number): Suggestion[] {
    if (results.length === 0) return [];
    const best = results.reduce((m, r) => Math.max(m, r.score), 0);
    return results
      .filter((r) => r.score >= best * MIN_RELATIVE_SCORE)
      .sort((a, b) => b.score - a.score || (this.useCounts.get(b.id) ?? 0) - (this.useCounts.get(a.id) ?? 0))
      .slice(0, limit)
      .map((r) => ({ id: r.id, score: r.score, terms: r.terms }));
  }
}
