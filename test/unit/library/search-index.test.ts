import { describe, expect, it } from 'vitest';
import { type SearchDoc, SearchIndex } from '@/lib/library/search-index';

function doc(id: string, name: string, overrides: Partial<SearchDoc> = {}): SearchDoc {
  return { id, name, level1: '产出指标', level2: '数量指标', tags: [], text: '', useCount: 0, lastUsedAt: null, ...overrides };
}

const DOCS: SearchDoc[] = [
  doc('video', '视频会议系统'),
  doc('video-use', '视频会议系统使用情况', { useCount: 5 }),
  doc('gis', '地理信息平台服务资源情况', { text: '平台服务资源数量不少于350条' }),
  doc('sat', '服务对象满意度', { level1: '满意度指标', level2: '服务对象满意度', tags: ['常用'] }),
  doc('uptime', '系统正常运行率', { level2: '质量指标', tags: ['常用', '信息化'] }),
  doc('bank', '银行转账手续费', { level1: '产出指标', level2: '成本指标' }),
  doc('oa', 'OA系统运维服务', { level2: '质量指标' }),
  doc('hotline', '12345热线接通率', { level2: '质量指标' }),
  doc('green', '绿色出行宣传', { level1: '效益指标', level2: '生态效益' }),
];

function build(docs: SearchDoc[] = DOCS): SearchIndex {
  const index = new SearchIndex();
  for (const d of docs) index.put(d);
  return index;
}

const ids = (index: SearchIndex, text: string, extra: Partial<Parameters<SearchIndex['search']>[0]> = {}) =>
  index.search({ text, ...extra }).hits.map((h) => h.id);

describe('SearchIndex', () => {
  const index = build();

  it.each([
    // [query, must include, must not include]
    ['spxt', ['video', 'video-use'], ['sat', 'gis']], // pinyin initials skipping 会议
    ['sphyxt', ['video', 'video-use'], ['uptime']], // all initials
    ['shipin', ['video', 'video-use'], ['sat']], // full pinyin
    ['shipinhy', ['video', 'video-use'], ['sat']], // full + initials mixed
    ['huiyi', ['video', 'video-use'], ['gis']],
    ['fwdxmyd', ['sat'], ['video']],
    ['yinhang', ['bank'], ['video']], // polyphone 行 read in context
    ['lvse', ['green'], ['bank']], // ü typed as v
    ['oa', ['oa'], ['video']], // Latin letters inside a Chinese name
    ['12345', ['hotline'], ['oa']],
    ['会议', ['video', 'video-use'], ['uptime']], // Chinese substring
    ['视频系统', ['video', 'video-use'], ['gis', 'sat']], // words of the query, not a substring
    ['350条', ['gis'], ['video']], // secondary text (指标值说明)
    ['满意', ['sat'], ['video']],
  ])('%s finds %j and not %j', (query, found, notFound) => {
    const hits = ids(index, query);
    for (const id of found) expect(hits).toContain(id);
    for (const id of notFound) expect(hits).not.toContain(id);
  });

  it('matches most words of a longer query, never one shared word alone', () => {
    const local = build([doc('video', '视频会议系统'), doc('other', '已有指标')]);
    expect(ids(local, '视频会议平台')).toEqual(['video']);
    expect(ids(local, '新指标')).toEqual([]);
  });

  it.each([['zzzz'], ['不存在的指标'], ['xyzq']])('%s finds nothing', (query) => {
    expect(index.search({ text: query }).total).toBe(0);
  });

  it('ranks an exact name before a prefix before a substring', () => {
    const local = build([doc('sub', '年度视频会议系统'), doc('prefix', '视频会议系统建设'), doc('exact', '视频会议系统')]);
    expect(ids(local, '视频会议系统')).toEqual(['exact', 'prefix', 'sub']);
  });

  it('ranks contiguous pinyin before pinyin that skips words', () => {
    const local = build([doc('skip', '视频会议系统'), doc('contiguous', '审批系统')]);
    expect(ids(local, 'spxt')).toEqual(['contiguous', 'skip']);
  });

  it('breaks relevance ties by use count, then by last use', () => {
    const local = build([
      doc('a', '培训人次', { useCount: 1 }),
      doc('b', '培训班次', { useCount: 9 }),
      doc('c', '培训合格率', { useCount: 1, lastUsedAt: 500 }),
    ]);
    expect(ids(local, '培训')).toEqual(['b', 'c', 'a']);
  });

  it('requires every space-separated term to match', () => {
    expect(ids(index, '视频 使用')).toEqual(['video-use']);
    expect(ids(index, '视频 满意')).toEqual([]);
  });

  it.each([
    [{ level2: '质量指标' }, ['hotline', 'oa', 'uptime']],
    [{ level1: '满意度指标' }, ['sat']],
    [{ tags: ['常用'] }, ['sat', 'uptime']],
    [{ tags: ['常用', '信息化'] }, ['uptime']],
    [{ level2: '质量指标', tags: ['信息化'] }, ['uptime']],
  ])('filters an empty query by %j', (filters, expected) => {
    expect(ids(index, '', filters).sort()).toEqual(expected);
  });

  it('applies filters to a text query too', () => {
    expect(ids(index, 'xt', { level2: '质量指标' }).sort()).toEqual(['oa', 'uptime']);
  });

  it('limits hits but reports the total', () => {
    const result = index.search({ text: '', limit: 2 });
    expect(result.hits).toHaveLength(2);
    expect(result.total).toBe(DOCS.length);
  });

  it('updates incrementally: put replaces, remove forgets', () => {
    const local = build([doc('x', '视频会议系统')]);
    expect(ids(local, 'spxt')).toEqual(['x']);
    local.put(doc('x', '培训人次'));
    expect(ids(local, 'spxt')).toEqual([]);
    expect(ids(local, 'pxrc')).toEqual(['x']);
    local.remove('x');
    expect(local.size).toBe(0);
    expect(ids(local, 'pxrc')).toEqual([]);
  });

  it('finds prepared items only once they are put', () => {
    const local = build([doc('a', '培训人次')]);
    const prepared = local.prepare([doc('b', '视频会议系统'), doc('c', '视频会议系统', { useCount: 2 })]);
    expect(ids(local, 'spxt')).toEqual([]);
    local.putPrepared(prepared);
    expect(ids(local, 'spxt')).toEqual(['c', 'b']);
    expect(local.size).toBe(3);
  });

  it('keeps pinyin keys of a name shared by two items while either remains', () => {
    const local = build([doc('a', '视频会议系统'), doc('b', '视频会议系统'), doc('c', '培训人次')]);
    expect(ids(local, 'sphyxt').sort()).toEqual(['a', 'b']);
    local.remove('a');
    expect(ids(local, 'sphyxt')).toEqual(['b']);
    local.put(doc('b', '培训班次'));
    expect(ids(local, 'sphyxt')).toEqual([]);
    expect(ids(local, 'pxbc')).toEqual(['b']);
    local.put(doc('a', '视频会议系统'));
    expect(ids(local, 'shipin')).toEqual(['a']);
  });

  it('re-ranks after a use count changes between searches', () => {
    const local = build([doc('a', '培训人次'), doc('b', '培训班次')]);
    expect(ids(local, '培训')).toEqual(['a', 'b']);
    local.put(doc('b', '培训班次', { useCount: 4 }));
    expect(ids(local, '培训')).toEqual(['b', 'a']);
    local.put(doc('a', '培训人次', { useCount: 4, lastUsedAt: 10 }));
    expect(ids(local, '培训')).toEqual(['a', 'b']);
  });

  it('keeps a changed use count when only counts change', () => {
    const local = build([doc('a', '培训人次'), doc('b', '培训班次')]);
    local.put(doc('a', '培训人次', { useCount: 3 }));
    expect(ids(local, 'px')).toEqual(['a', 'b']);
  });
});
