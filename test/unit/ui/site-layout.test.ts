import { describe, expect, it } from 'vitest';
import { EXAMPLE_LAYOUT, checkSiteLayout, invalidStoredLayout, readSiteProfiles, selectorLooksValid } from '../../../lib/ui/portals';

describe('checkSiteLayout (the options page’s 校验)', () => {
  it('accepts the example and reads shorthand columns', () => {
    expect(checkSiteLayout(JSON.stringify(EXAMPLE_LAYOUT))).toEqual({ ok: true, layout: EXAMPLE_LAYOUT });
    const r = checkSiteLayout({ columns: [null, 'level1', { field: 'unit', widget: 'el-cascader' }] });
    expect(r).toEqual({ ok: true, layout: { columns: [{ field: null }, { field: 'level1' }, { field: 'unit', widget: 'el-cascader' }] } });
  });

  it.each([
    ['{ "grid": ', [{ path: 'layout', code: 'json' }]],
    [{ columns: [null, 'name', { field: 'value', widget: 'dropdown' }] }, [{ path: 'layout.columns[2].widget', code: 'widget', value: 'dropdown' }]],
    [{ columns: ['KPI'] }, [{ path: 'layout.columns[0].field', code: 'field', value: 'KPI' }]],
    [{ grid: { root: '#g' } }, [{ path: 'layout.grid.row', code: 'required' }]],
    [{ grid: { root: '#g', row: '.r', sets: ['yearly'] } }, [{ path: 'layout.grid.sets[0]', code: 'set', value: 'yearly' }]],
    [{ colums: [] }, [{ path: 'layout', code: 'unknownKey', value: 'colums' }]],
    [{ tabs: { period: 7 } }, [{ path: 'layout.tabs.period', code: 'type', expected: 'string' }]],
    [{ addRow: '' }, [{ path: 'layout.addRow', code: 'empty' }]],
    [{ amounts: { total: '#a[' } }, [{ path: 'layout.amounts.total', code: 'selector', value: '#a[' }]],
    [{ grid: { root: 'div >', row: '.r' } }, [{ path: 'layout.grid.root', code: 'selector', value: 'div >' }]],
    [{ categories: { kind: 'nested' } }, [{ path: 'layout.categories.kind', code: 'kind', value: 'nested' }]],
    [{ categories: { addLink: 'a[' } }, [{ path: 'layout.categories.addLink', code: 'selector', value: 'a[' }]],
    [{ categories: { level: 'data level' } }, [{ path: 'layout.categories.level', code: 'invalid' }]],
    [{ categories: { rows: '.cat' } }, [{ path: 'layout.categories', code: 'unknownKey', value: 'rows' }]],
  ])('%j → %j', (input, issues) => {
    const r = checkSiteLayout(input);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.issues).toEqual(issues.map((i) => expect.objectContaining(i)));
  });

  it('takes a tree or merged layout: the category rows, their level attribute, the add link or button', () => {
    const categories = { kind: 'tree' as const, row: '.lv1, .lv2', level: 'data-level', addLink: 'a.add', addButton: '#btnAdd' };
    expect(checkSiteLayout({ categories })).toEqual({ ok: true, layout: { categories } });
  });

  it('asks the given selector check (the browser’s parser in the options page)', () => {
    const r = checkSiteLayout({ addRow: 'button:has-nothing(x)' }, (s) => !s.includes(':has-nothing'));
    expect(r).toEqual({ ok: false, issues: [{ path: 'layout.addRow', code: 'selector', value: 'button:has-nothing(x)' }] });
  });

  it.each([
    ['#kpi .row', true],
    ['.cp-pill[data-set="period"]', true],
    ['a[title="]"]', true],
    ['div:not(.x)', true],
    ['#a[', false],
    ['div:not(.x', false],
    ['"open', false],
    ['> div', false],
  ])('selectorLooksValid(%j) → %s', (s, ok) => {
    expect(selectorLooksValid(s)).toBe(ok);
  });
});

describe('stored profiles with a layout', () => {
  it('keeps a profile’s name when its stored layout no longer validates', () => {
    expect(readSiteProfiles([{ pattern: 'https://a/*', name: '省平台', layout: { columns: ['bogus'] } }])).toEqual([
      { pattern: 'https://a/*', name: '省平台', taxonomy: '', note: '' },
    ]);
    expect(readSiteProfiles([{ pattern: 'https://a/*', layout: EXAMPLE_LAYOUT }])[0]!.layout).toEqual(EXAMPLE_LAYOUT);
    const stored = [
      { pattern: 'https://a/*', layout: { columns: ['bogus'] } },
      { pattern: 'https://b/*', layout: EXAMPLE_LAYOUT },
    ];
    expect(invalidStoredLayout(stored, 'https://a/*')).toEqual({ columns: ['bogus'] });
    expect(invalidStoredLayout(stored, 'https://b/*')).toBeUndefined();
    expect(invalidStoredLayout(stored, 'https://c/*')).toBeUndefined();
  });
});
