import { describe, expect, it } from 'vitest';
import { checkPortalAddress, patternOrigin, readSiteProfiles, removeSiteProfile, sortPortals, upsertSiteProfile, type PortalEntry } from '../../../lib/ui/portals';

const listed: PortalEntry[] = [{ pattern: 'https://yth.czt.gd.gov.cn/*', source: 'user' }];

describe('checkPortalAddress', () => {
  it.each([
    ['https://ysgl.czt.example.gov.cn/portal/#/perf?id=3', { ok: true, pattern: 'https://ysgl.czt.example.gov.cn/*' }],
    ['http://10.1.2.3:8080/budget/', { ok: true, pattern: 'http://10.1.2.3:8080/*' }],
    ['  ysgl.example.gov.cn/login  ', { ok: true, pattern: 'https://ysgl.example.gov.cn/*' }],
    ['', { ok: false, code: 'empty' }],
    ['   ', { ok: false, code: 'empty' }],
    ['ftp://files.example.gov.cn/', { ok: false, code: 'invalid' }],
    ['javascript:alert(1)', { ok: false, code: 'invalid' }],
    ['https://', { ok: false, code: 'invalid' }],
    ['https://yth.czt.gd.gov.cn/index.html', { ok: false, code: 'duplicate' }],
    ['abc', { ok: false, code: 'invalid' }],
    ['ftp://x', { ok: false, code: 'invalid' }],
    ['localhost:8080/x', { ok: true, pattern: 'https://localhost:8080/*' }],
    ['http://czt-intranet/', { ok: true, pattern: 'http://czt-intranet/*' }],
    ['*://*/*', { ok: false, code: 'broad' }],
    ['https://*.gov.cn/*', { ok: false, code: 'broad' }],
    ['*.gov.cn', { ok: false, code: 'broad' }],
  ])('%j → %o', (address, expected) => {
    expect(checkPortalAddress(address, listed)).toEqual(expected);
  });
});

it('lists shipped portals first, then the person’s, by address', () => {
  const sorted = sortPortals([
    { pattern: 'https://b.example/*', source: 'user' },
    { pattern: 'https://z.example/*', source: 'build' },
    { pattern: 'https://a.example/*', source: 'user' },
  ]);
  expect(sorted.map((p) => p.pattern)).toEqual(['https://z.example/*', 'https://a.example/*', 'https://b.example/*']);
  expect(patternOrigin('https://a.example/*')).toBe('https://a.example');
});

describe('site profiles', () => {
  it('reads stored profiles with defaults and drops malformed ones', () => {
    expect(readSiteProfiles([{ pattern: 'https://a/*', name: '省平台' }, { name: 'no pattern' }, 3])).toEqual([
      { pattern: 'https://a/*', name: '省平台', taxonomy: '', note: '' },
    ]);
    expect(readSiteProfiles(undefined)).toEqual([]);
  });

  it('replaces a profile by pattern and removes it', () => {
    const one = upsertSiteProfile([], { pattern: 'p', name: 'A', taxonomy: '', note: '' });
    const two = upsertSiteProfile(one, { pattern: 'p', name: 'B', taxonomy: 'central-2021', note: '' });
    expect(two).toEqual([{ pattern: 'p', name: 'B', taxonomy: 'central-2021', note: '' }]);
    expect(removeSiteProfile(two, 'p')).toEqual([]);
  });
});
