import { describe, expect, it } from 'vitest';
import { type PortalProject, SAVED_KEY, SUBMITTED_KEY } from '../../portal/shared/model';
import { findSaved, type KeyValueStore, readSaved, saveProject, submitProject } from '../../portal/shared/storage';

function store(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const project = (key: string, name: string): PortalProject => ({
  key,
  index: 0,
  name,
  owner: '单位',
  amounts: { total: '1.00', fiscal: '1.00', specialAccount: '0.00', other: '0.00' },
  goal: 'g',
  annualGoal: 'a',
  indicators: { period: [{ level1: '产出指标', level2: '数量指标', name: 'n', symbol: '≥', value: '1', unit: '个', explanation: '' }], annual: [] },
});

const t1 = new Date('2025-01-01T00:00:00Z');
const t2 = new Date('2025-01-01T00:01:00Z');

describe('replica storage', () => {
  it('writes the JSON document under replica-portal:saved, one entry per project key', () => {
    const s = store();
    saveProject(s, project('project:0', 'A'), 'element', { now: t1 });
    saveProject(s, project('project:1', 'B'), 'legacy', { now: t1 });
    saveProject(s, { ...project('project:0', 'A2') }, 'element', { now: t2 });
    const doc = JSON.parse(s.data.get(SAVED_KEY)!);
    expect(doc.version).toBe(1);
    expect(doc.lastKey).toBe('project:0');
    expect(doc.projects.map((p: { key: string; name: string; savedAt: string }) => [p.key, p.name, p.savedAt])).toEqual([
      ['project:1', 'B', t1.toISOString()],
      ['project:0', 'A2', t2.toISOString()],
    ]);
    expect(findSaved(s, 'project:1')?.portal).toBe('legacy');
  });

  it('stores a copy: later edits of the page’s object do not change what was saved', () => {
    const s = store();
    const p = project('project:0', 'A');
    saveProject(s, p, 'element', { now: t1 });
    p.indicators.period[0]!.value = '999';
    expect(readSaved(s)!.projects[0]!.indicators.period[0]!.value).toBe('1');
  });

  it('送审 marks the project submitted, lists it under replica-portal:submitted, and a later save keeps the mark', () => {
    const s = store();
    submitProject(s, project('state:blank', 'X'), 'legacy', { now: t1 });
    expect(findSaved(s, 'state:blank')?.submitted).toBe(true);
    expect(JSON.parse(s.data.get(SUBMITTED_KEY)!)).toEqual([
      { key: 'state:blank', name: 'X', portal: 'legacy', submittedAt: t1.toISOString() },
    ]);
    saveProject(s, project('state:blank', 'X'), 'legacy', { now: t2 });
    expect(findSaved(s, 'state:blank')?.submitted).toBe(true);
  });

  it.each(['not json', '{"projects": 3}', ''])('treats a corrupt entry (%j) as nothing saved', (text) => {
    const s = store({ [SAVED_KEY]: text });
    expect(readSaved(s)).toBeNull();
    saveProject(s, project('project:0', 'A'), 'element', { now: t1 });
    expect(readSaved(s)!.projects).toHaveLength(1);
  });
});
