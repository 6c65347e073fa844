import { describe, expect, it } from 'vitest';
import type { Template, TemplateSet } from '@/lib/domain';
import { splitValue } from '@/lib/domain';
import { SuggestionIndex } from '@/lib/library/suggest-index';
import { suggestionTokens } from '@/lib/library/segment';

function template(id: string, name: string, overrides: Partial<Template> = {}): Template {
  return {
    id,
    level1: '产出指标',
    level2: '数量指标',
    name,
    period: splitValue('≥1个'),
    annual: splitValue('≥1个'),
    tags: [],
    source: '',
    createdAt: 0,
    updatedAt: 0,
    useCount: 0,
    lastUsedAt: null,
    ...overrides,
  };
}

function set(id: string, name: string, goal: string, itemNames: string[], overrides: Partial<TemplateSet> = {}): TemplateSet {
  return {
    id,
    name,
    projectName: name,
    goal,
    items: itemNames.map((n) => {
      const { id: _id, tags: _t, source: _s, createdAt: _c, updatedAt: _u, useCount: _n, lastUsedAt: _l, ...content } = template('', n);
      return content;
    }),
    tags: [],
    source: '',
    createdAt: 0,
    updatedAt: 0,
    useCount: 0,
    lastUsedAt: null,
    ...overrides,
  };
}

const SETS = [
  set('video', '智慧白云一期项目经费', '为区提供正常可用的视频会议、地理信息平台等服务。', ['视频会议系统', '地理信息平台服务资源情况']),
  set('canteen', '配餐服务费', '保障机关干部职工用餐，做好配餐服务，保证食品安全卫生。', ['配餐供应时间', '食品安全事故']),
  set('property', '政务中心大楼物业管理费', '做好大楼保洁、绿化、安保等物业管理服务。', ['绿化完好率', '重大事故发生数']),
];

const TEMPLATES = [
  template('t-video', '视频会议场数'),
  template('t-food', '食品安全事故发生数'),
  template('t-green', '绿化完好率', { level2: '质量指标' }),
  template('t-sat', '服务对象满意度', { level1: '满意度指标', level2: '服务对象满意度' }),
];

function build(): SuggestionIndex {
  const index = new SuggestionIndex();
  for (const s of SETS) index.putSet(s);
  for (const t of TEMPLATES) index.putTemplate(t);
  return index;
}

describe('suggestionTokens', () => {
  it('segments Chinese into words and drops stop words and single characters', () => {
    const tokens = suggestionTokens('为区提供正常可用的视频会议、地理信息平台等服务。');
    expect(tokens).toEqual(expect.arrayContaining(['视频', '会议', '地理', '平台']));
    expect(tokens).not.toContain('的');
    expect(tokens).not.toContain('区');
    expect(tokens).not.toContain('提供');
  });
});

describe('SuggestionIndex', () => {
  it.each([
    ['视频会议系统运维经费', '保障全区视频会议正常召开', 'video', 't-video'],
    ['机关食堂配餐经费', '保证食品安全，做好用餐服务', 'canteen', 't-food'],
    ['大楼绿化养护经费', '保洁绿化安保物业管理', 'property', 't-green'],
  ])('suggests for %s first the matching set and template', (projectName, goal, setId, templateId) => {
    const result = build().suggest({ projectName, goal });
    expect(result.sets[0]?.id).toBe(setId);
    expect(result.templates[0]?.id).toBe(templateId);
  });

  it('returns nothing for a project that shares no words with the library', () => {
    expect(build().suggest({ projectName: '桥梁加固工程', goal: '完成桥梁加固' })).toEqual({ sets: [], templates: [] });
  });

  it('updates incrementally: a removed set is no longer suggested, a replaced one by its new text', () => {
    const index = build();
    index.removeSet('video');
    expect(index.suggest({ projectName: '视频会议', goal: '' }).sets.map((s) => s.id)).not.toContain('video');
    index.putSet(set('canteen', '视频会议系统运维', '视频会议', ['视频会议场数']));
    expect(index.suggest({ projectName: '视频会议', goal: '' }).sets[0]?.id).toBe('canteen');
    expect(index.suggest({ projectName: '配餐', goal: '' }).sets).toEqual([]);
    expect(index.counts).toEqual({ sets: 2, templates: 4 });
  });

  it('breaks score ties by use count', () => {
    const index = new SuggestionIndex();
    index.putTemplate(template('a', '培训场次'));
    index.putTemplate(template('b', '培训场次', { useCount: 4 }));
    expect(index.suggest({ projectName: '培训', goal: '' }).templates.map((t) => t.id)).toEqual(['b', 'a']);
    index.setUseCount('a', 10);
    expect(index.suggest({ projectName: '培训', goal: '' }).templates.map((t) => t.id)).toEqual(['a', 'b']);
  });

  it('weights words of the project name above words of the goal', () => {
    const index = new SuggestionIndex();
    index.putSet(set('by-name', '网站运维', '', ['网站运维']));
    index.putSet(set('by-goal', '培训服务', '', ['培训服务']));
    const result = index.suggest({ projectName: '网站运维', goal: '培训服务' });
    expect(result.sets.map((s) => s.id)).toEqual(['by-name', 'by-goal']);
  });
});

describe('suggestionTokens joins characters the segmenter leaves alone', () => {
  it.each([
    ['网站运维', ['网站', '运维']],
    ['保洁绿化', ['保洁', '绿化']],
    ['绿化完好率', ['绿化', '完好']],
    ['的', []],
  ])('%s → %j', (text, tokens) => {
    expect(suggestionTokens(text)).toEqual(tokens);
  });
});

describe('SuggestionIndex background updates', () => {
  it('queues updates for a background step and applies what is left before answering', () => {
    const steps: Array<() => void> = [];
    const index = new SuggestionIndex((step) => steps.push(step));
    index.putTemplate(template('a', '培训场次'));
    index.putTemplate(template('b', '验收合格率'));
    index.removeTemplate('b');
    expect(index.pendingCount).toBe(2);
    expect(steps).toHaveLength(1);
    steps.shift()!();
    expect(index.pendingCount).toBe(0);
    index.putTemplate(template('c', '培训人次'));
    // Not yet applied by a step, but suggest() sees it.
    expect(index.suggest({ projectName: '培训', goal: '' }).templates.map((t) => t.id).sort()).toEqual(['a', 'c']);
    expect(index.suggest({ projectName: '验收', goal: '' }).templates).toEqual([]);
  });

  it('keeps a use count given while the item still waits in the queue', () => {
    const index = new SuggestionIndex(() => undefined);
    index.putTemplate(template('a', '培训场次'));
    index.putTemplate(template('b', '培训场次'));
    index.setUseCount('a', 5);
    expect(index.suggest({ projectName: '培训', goal: '' }).templates.map((t) => t.id)).toEqual(['a', 'b']);
  });
});
