import { describe, expect, it } from 'vitest';
import { SiteProfileStore } from '@/lib/background/profiles';
import { layoutAppliesTo, profileForUrl, readPageProfile, urlMatchesPattern } from '@/lib/fill/profile';
import { EXAMPLE_LAYOUT } from '@/lib/ui/portals';

describe('urlMatchesPattern (which portal a frame belongs to)', () => {
  it.each([
    ['http://127.0.0.1/*', 'http://127.0.0.1:5199/custom/?state=blank', true],
    ['http://127.0.0.1:5199/*', 'http://127.0.0.1:5199/custom/', true],
    ['http://127.0.0.1:5199/*', 'http://127.0.0.1:5200/custom/', false],
    ['https://*.czt.gd.gov.cn/*', 'https://yth.czt.gd.gov.cn/perf', true],
    ['https://*.czt.gd.gov.cn/*', 'https://czt.gd.gov.cn.evil.example/perf', false],
    ['https://yth.example.gov.cn/budget/*', 'https://yth.example.gov.cn/other/', false],
    ['*://yth.example.gov.cn/*', 'http://yth.example.gov.cn/a', true],
    ['https://yth.example.gov.cn/*', 'http://yth.example.gov.cn/a', false],
    ['not a pattern', 'https://a/', false],
  ])('%s covers %s: %s', (pattern, url, expected) => {
    expect(urlMatchesPattern(pattern, url)).toBe(expected);
  });
});

describe('layoutAppliesTo (the frames a layout names)', () => {
  it.each([
    [undefined, 'http://h/anything', true],
    [['/custom/*'], 'http://h/custom/?state=blank', true],
    [['/custom/*'], 'http://h/element/', false],
    [['/legacy/grid.html'], 'http://h/legacy/grid.html', true],
    [['http://h/legacy/*'], 'http://h/legacy/content.html?project=1', true],
    [['http://h/legacy/*'], 'http://other/legacy/x', false],
    [['/portal/#/perf*'], 'https://h/portal/#/perf?id=3', true],
    [['/portal/#/perf*'], 'https://h/portal/#/list', false],
  ])('frames %j on %s: %s', (frames, url, expected) => {
    expect(layoutAppliesTo(frames ? { frames } : {}, url)).toBe(expected);
  });
});

describe('profileForUrl', () => {
  const everywhere = { pattern: 'http://127.0.0.1/*', name: 'all', layout: { addRow: '.plus' } };
  const custom = { pattern: 'http://127.0.0.1/*', name: 'custom', layout: { frames: ['/custom/*'], addRow: '.kpi-plus' } };
  const noLayout = { pattern: 'http://127.0.0.1/*', name: 'bare' };

  it('prefers a profile naming the frame over one for the whole portal, and skips profiles without a layout', () => {
    expect(profileForUrl([noLayout, everywhere, custom], 'http://127.0.0.1:5199/custom/')?.name).toBe('custom');
    expect(profileForUrl([noLayout, everywhere, custom], 'http://127.0.0.1:5199/element/')?.name).toBe('all');
    expect(profileForUrl([noLayout, custom], 'http://127.0.0.1:5199/element/')).toBeNull();
    expect(profileForUrl([custom], 'https://elsewhere.example/custom/')).toBeNull();
  });
});

describe('readPageProfile (the content script’s arrival check)', () => {
  it('takes a well-formed profile and refuses a bad shape', () => {
    const good = { pattern: 'http://h/*', name: 'x', layout: EXAMPLE_LAYOUT };
    expect(readPageProfile(good)).toEqual(good);
    expect(readPageProfile(null)).toBeNull();
    expect(readPageProfile({ pattern: 'http://h/*', name: 'x', layout: { ...EXAMPLE_LAYOUT, columns: [{ field: 'name', widget: 'dropdown' }] } })).toBeNull();
    expect(readPageProfile({ pattern: 'http://h/*', name: 'x', layout: { grid: { root: '#g' } } })).toBeNull();
    expect(readPageProfile({ pattern: 'http://h/*', name: 'x', layout: { project: { title: '#t' } } })).toBeNull();
  });
});

describe('SiteProfileStore (background)', () => {
  it('reads storage once, matches by URL, leaves an invalid layout out, and reads again after a change', async () => {
    let stored: unknown = [
      { pattern: 'http://127.0.0.1/*', name: '仿真', layout: EXAMPLE_LAYOUT },
      { pattern: 'https://bad.example/*', name: 'bad', layout: { columns: ['nonsense'] } },
    ];
    let reads = 0;
    const store = new SiteProfileStore(async () => {
      reads += 1;
      return stored;
    });
    const found = await store.forUrl('http://127.0.0.1:5199/custom/?state=blank');
    expect(found).toMatchObject({ pattern: 'http://127.0.0.1/*', name: '仿真', layout: { grid: { root: '#kpi' } } });
    expect(await store.forUrl('http://127.0.0.1:5199/element/')).toBeNull();
    expect(await store.forUrl('https://bad.example/custom/')).toBeNull();
    expect(reads).toBe(1);
    stored = [];
    expect(await store.forUrl('http://127.0.0.1:5199/custom/')).not.toBeNull();
    store.invalidate();
    expect(await store.forUrl('http://127.0.0.1:5199/custom/')).toBeNull();
    expect(reads).toBe(2);
  });
});
