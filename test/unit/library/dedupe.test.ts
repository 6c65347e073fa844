import { describe, expect, it } from 'vitest';
import { findDuplicateGroups, mergeTemplate, NearDuplicateFinder } from '@/lib/library/dedupe';
import { contentKey, nameSimilarity, normaliseKey, splitTags } from '@/lib/library/keys';
import { content, makeTemplate } from './helpers';

describe('contentKey', () => {
  it.each([
    ['the same indicator typed differently', content({ period: '≥90%' }), content({ period: '>=90%' }), true],
    ['full-width and spaces in the name', content({ name: '培训 场次' }), content({ name: '培训场次。' }), true],
    ['another annual value', content({ annual: '≥10场' }), content({ annual: '≥12场' }), false],
    ['another unit', content({ annual: '≥10场' }), content({ annual: '≥10次' }), false],
    ['another 二级', content({ level2: '数量指标' }), content({ level2: '质量指标' }), false],
    ['a missing value', content({ annual: '≥10场' }), content({ annual: null }), false],
    ['another 指标值说明', content({ explanation: 'a' }), content({ explanation: 'b' }), false],
    ['another remark only', content({ remark: 'a' }), content({ remark: 'b' }), true],
  ])('%s → identical: %s', (_label, a, b, same) => {
    expect(contentKey(a) === contentKey(b)).toBe(same);
  });
});

describe('keys', () => {
  it.each([
    ['ＯＡ 系统，运维', 'oa系统运维'],
    ['  视频会议系统。 ', '视频会议系统'],
    ['(无名称)', '无名称'],
  ])('normaliseKey(%j) = %j', (text, key) => {
    expect(normaliseKey(text)).toBe(key);
  });

  it.each([
    ['服务对象满意度', '服务对象满意度', 1],
    ['服务对象满意度', '服务对象满意度指标', 0.8],
    ['培训人次', '验收合格率', 0],
  ])('nameSimilarity(%s, %s) ≥ %d', (a, b, min) => {
    expect(nameSimilarity(a, b)).toBeGreaterThanOrEqual(min);
    if (min === 0) expect(nameSimilarity(a, b)).toBe(0);
  });

  it('splits tag cells on Chinese and Latin separators, dropping repeats', () => {
    expect(splitTags('常用，信息化; 2025、常用 |  ')).toEqual(['常用', '信息化', '2025']);
  });
});

describe('mergeTemplate', () => {
  const target = makeTemplate('a', { tags: ['常用'], useCount: 3, lastUsedAt: 50, createdAt: 100 });

  it('adds use counts, unites tags, keeps earliest creation and latest use', () => {
    const merged = mergeTemplate(target, { tags: ['常用', '2025'], useCount: 2, lastUsedAt: 80, createdAt: 20 }, 999);
    expect(merged).toMatchObject({ id: 'a', tags: ['常用', '2025'], useCount: 5, lastUsedAt: 80, createdAt: 20, updatedAt: 999 });
  });

  it('returns the same object when the duplicate adds nothing', () => {
    expect(mergeTemplate(target, { tags: ['常用'] }, 999)).toBe(target);
  });

  it('fills a missing weight or remark but never replaces one', () => {
    expect(mergeTemplate(target, { tags: [], weight: '10' }, 1).weight).toBe('10');
    const weighted = makeTemplate('w', { weight: '5' });
    expect(mergeTemplate(weighted, { tags: [], weight: '10' }, 1)).toBe(weighted);
  });
});

describe('near duplicates', () => {
  const library = [
    makeTemplate('sat', {}, content({ level1: '满意度指标', level2: '服务对象满意度', name: '服务对象满意度', annual: '≥90%' })),
    makeTemplate('train', {}, content({ name: '培训场次', annual: '≥10场' })),
    makeTemplate('accept', {}, content({ level2: '质量指标', name: '验收合格率', annual: '＝100%' })),
  ];
  const finder = new NearDuplicateFinder(library);

  it.each([
    ['same name, other value', content({ name: '培训场次', annual: '≥12场' }), ['train']],
    ['a similar name under the same 二级', content({ level1: '满意度指标', level2: '服务对象满意度', name: '服务对象满意度指标', annual: '≥90%' }), ['sat']],
    ['a similar name under another 二级', content({ level2: '数量指标', name: '验收合格率情况' }), []],
    ['an identical indicator (a duplicate, not near)', content({ name: '培训场次', annual: '≥10场' }), []],
    ['an unrelated name', content({ name: '宣传覆盖人次' }), []],
  ])('%s', (_label, c, expected) => {
    expect(finder.find(c)).toEqual(expected);
  });

  it('forgets removed templates', () => {
    const local = new NearDuplicateFinder(library);
    local.remove('train');
    expect(local.find(content({ name: '培训场次', annual: '≥12场' }))).toEqual([]);
  });

  it('groups identical templates (most used first) and clusters near ones', () => {
    const groups = findDuplicateGroups([
      makeTemplate('a1', { useCount: 1 }, content({ name: '培训场次' })),
      makeTemplate('a2', { useCount: 7 }, content({ name: '培训场次' })),
      makeTemplate('b', {}, content({ name: '培训场次', annual: '≥12场' })),
      makeTemplate('c', {}, content({ name: '验收合格率', level2: '质量指标' })),
    ]);
    expect(groups).toEqual([
      { kind: 'identical', ids: ['a2', 'a1'] },
      { kind: 'near', ids: ['a2', 'b'] },
    ]);
  });
});
