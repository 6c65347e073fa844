/** Small record factories for library tests (templates and sets with every field filled). */
import { splitValue, type Template, type TemplateContent, type TemplateSet } from '@/lib/domain';

/** Indicator content; values may be given as printed text. */
export function content(overrides: Partial<Omit<TemplateContent, 'period' | 'annual'>> & { period?: string | null; annual?: string | null } = {}): TemplateContent {
  const { period = '≥10场', annual = '≥10场', ...rest } = overrides;
  return {
    level1: '产出指标',
    level2: '数量指标',
    name: '培训场次',
    ...rest,
    period: period === null ? null : splitValue(period),
    annual: annual === null ? null : splitValue(annual),
  };
}

export function makeTemplate(id: string, overrides: Partial<Template> = {}, c: TemplateContent = content()): Template {
  return { ...c, id, tags: [], source: 'test', createdAt: 1000, updatedAt: 1000, useCount: 0, lastUsedAt: null, ...overrides };
}

export function makeSet(id: string, name: string, items: TemplateContent[], overrides: Partial<TemplateSet> = {}): TemplateSet {
  return {
    id,
    name,
    projectName: name,
    goal: '',
    items,
    tags: [],
    source: 'test',
    createdAt: 1000,
    updatedAt: 1000,
    useCount: 0,
    lastUsedAt: null,
    ...overrides,
  };
}

/** Deterministic ids: id-1, id-2 … */
export function idCounter(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}
