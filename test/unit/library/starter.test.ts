import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, level2BelongsTo } from '@/lib/domain';
import { parseText } from '@/lib/parse';
import { EXAMPLE_TAG, exampleBatch, loadExampleText } from '@/lib/library/example';
import { checkContent } from '@/lib/library/import-batch';
import { planImport } from '@/lib/library/plan';
import { STARTER_CONTENTS, starterBatch, starterTemplates } from '@/lib/library/starter';
import { idCounter } from './helpers';

const LABELS = { name: 'n', level1: 'l1', level2: 'l2', period: 'p', annual: 'a', explanation: 'e' };

describe('starter library', () => {
  it('has about 40 indicators with unique names', () => {
    expect(STARTER_CONTENTS.length).toBeGreaterThanOrEqual(36);
    expect(STARTER_CONTENTS.length).toBeLessThanOrEqual(45);
    expect(new Set(STARTER_CONTENTS.map((c) => c.name)).size).toBe(STARTER_CONTENTS.length);
  });

  it.each(DEFAULT_PROFILE.level1.flatMap((l1) => l1.level2.map((l2) => [l1.name, l2.name] as const)))(
    'covers %s / %s',
    (level1, level2) => {
      expect(STARTER_CONTENTS.filter((c) => c.level1 === level1 && c.level2 === level2).length).toBeGreaterThanOrEqual(2);
    },
  );

  it.each(STARTER_CONTENTS.map((c) => [c.name, c] as const))('%s is clean: right category, readable values', (_name, c) => {
    expect(level2BelongsTo(DEFAULT_PROFILE, c.level1, c.level2)).toBe(true);
    expect(checkContent(c, 'starter', 1, LABELS)).toEqual([]);
    for (const v of [c.period, c.annual]) {
      expect(v).not.toBeNull();
      if (v!.symbol === '定性') expect(v!.unit).toBe('');
      else expect(v!.value).not.toBeNull();
    }
  });

  it('has fixed ids, so loading twice changes nothing', () => {
    const first = starterTemplates(1);
    const library = { templates: new Map(first.map((t) => [t.id, t])), sets: new Map() };
    const again = planImport(starterBatch(1), library, { now: 2, newId: idCounter() });
    expect(again.preview.counts.unchanged).toBe(first.length);
    expect(again.writes.templates).toEqual([]);
  });
});

describe('example library (the seed fixture through the importer)', () => {
  const text = readFileSync(new URL('../../fixtures/baiyun-perf-targets.txt', import.meta.url), 'utf8');
  const batch = exampleBatch(parseText(text, { file: 'baiyun-perf-targets.txt' }));

  it('loads the fixture text through the bundled loader', async () => {
    expect(await loadExampleText()).toBe(text);
  });

  it('makes a set for each of the 17 projects that have indicators, tagged 示例', () => {
    expect(batch.kind).toBe('example');
    expect(batch.sets).toHaveLength(17);
    expect(batch.sets[0]).toMatchObject({ name: '信息化项目管理经费', tags: [EXAMPLE_TAG] });
    expect(batch.items.every((i) => i.tags.includes(EXAMPLE_TAG))).toBe(true);
  });

  it('leaves out the unnamed fragments; 12345热线智慧办理系统 (one broken fragment) makes no set', () => {
    const { preview } = planImport(batch, { templates: new Map(), sets: new Map() }, { now: 1, newId: idCounter() });
    expect(preview.counts.error).toBe(2);
    expect(preview.sets.filter((s) => s.status === 'new')).toHaveLength(16);
    expect(preview.sets.find((s) => s.name === '12345热线智慧办理系统建设项目经费')!.status).toBe('empty');
  });

  it('warns about the fixture’s real problems without refusing them', () => {
    const warned = batch.items.filter((i) => i.issues.some((x) => x.severity === 'warning'));
    const messages = warned.flatMap((i) => i.issues.map((x) => x.message)).join('\n');
    expect(messages).toContain('「质量指标」不属于「效益指标」');
    expect(messages).toMatch(/参90%/);
  });
});
