// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { I18nProvider } from '../../../components/i18n';
import { reactRoot } from './react-root';
import { TemplateEditor } from '../../../components/options/editors';
import { DEFAULT_PROFILE } from '../../../lib/domain/taxonomy';
import { FindingsList } from '../../../components/sidepanel/findings-list';
import { ProjectStatusList } from '../../../components/sidepanel/project-status-list';
import { SidePanelApp } from '../../../components/sidepanel/side-panel-app';
import type { TemplateSet } from '../../../lib/domain/schemas';
import { splitValue } from '../../../lib/domain/values';
import type { Locale } from '../../../lib/i18n';
import type { PageFinding, PageState } from '../../../lib/page/protocol';

const dom = reactRoot();

async function render(node: React.ReactNode, locale: Locale = 'zh-CN') {
  await act(async () => dom.root.render(<I18nProvider locale={locale}>{node}</I18nProvider>));
}

const findings: PageFinding[] = [
  { key: 'a', rule: 'taxonomy.mismatch', severity: 'error', project: '机关办公综合管理系统建设', indicatorIndex: 2, message: '二级指标「质量指标」不属于一级指标「效益指标」' },
  { key: 'b', rule: 'indicator.duplicate', severity: 'warning', project: '机关办公综合管理系统建设', indicatorIndex: 4, message: '名称重复' },
  { key: 'c', rule: 'goal.missing', severity: 'error', project: '12345热线运作经费', message: '缺少绩效目标' },
];

describe('FindingsList', () => {
  it('groups by project and severity, marks each finding with its rule, and reveals on click', async () => {
    const onReveal = vi.fn();
    await render(<FindingsList findings={findings} onReveal={onReveal} />);
    const items = [...dom.container.querySelectorAll<HTMLButtonElement>('[data-testid="finding"]')];
    expect(items.map((b) => b.dataset.rule)).toEqual(['taxonomy.mismatch', 'indicator.duplicate', 'goal.missing']);
    expect([...dom.container.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['机关办公综合管理系统建设', '12345热线运作经费']);
    expect(dom.container.textContent).toContain('一级/二级指标类型错误');
    expect(dom.container.textContent).toContain('✗有错误');
    await act(async () => items[1]!.click());
    expect(onReveal).toHaveBeenCalledWith(findings[1]);
  });

  it.each([
    ['zh-CN', '未发现问题'],
    ['en', 'No problems found'],
  ] as const)('says so when there is nothing to fix (%s)', async (locale, text) => {
    await render(<FindingsList findings={[]} onReveal={() => undefined} />, locale);
    expect(dom.container.textContent).toContain(text);
    expect(dom.container.querySelector('[data-testid="finding"]')).toBeNull();
  });
});

describe('ProjectStatusList', () => {
  it('shows each project with ✓ / ⚠ / ✗ and its word, the current one marked', async () => {
    const onClear = vi.fn();
    const entries = [
      { name: '政务云经费', status: 'ok' as const, counts: { error: 0, warning: 0, info: 1 }, checkedAt: 0 },
      { name: '配餐服务费', status: 'warning' as const, counts: { error: 0, warning: 1, info: 0 }, checkedAt: 0 },
      { name: '信创工作经费', status: 'error' as const, counts: { error: 2, warning: 0, info: 0 }, checkedAt: 0 },
    ];
    await render(<ProjectStatusList entries={entries} current="配餐服务费" onClear={onClear} />);
    const rows = [...dom.container.querySelectorAll('li')].map((li) => li.textContent ?? '');
    expect(rows[0]).toContain('✓无问题');
    expect(rows[1]).toContain('当前');
    expect(rows[1]).toContain('⚠有警告');
    expect(rows[2]).toContain('✗有错误');
    expect(dom.container.textContent).toContain('无问题 1 个 · 有警告 1 个 · 有错误 1 个');
    await act(async () => dom.container.querySelector<HTMLButtonElement>('button')!.click());
    expect(onClear).toHaveBeenCalled();
  });
});

describe('SidePanelApp (sidepanel.html?tabId=7)', () => {
  const set: TemplateSet = {
    id: 'set-1',
    name: '智慧白云一期项目经费',
    projectName: '智慧白云一期项目经费',
    goal: '',
    items: [{ level1: '产出指标', level2: '数量指标', name: '视频会议系统', period: splitValue('＝24个'), annual: null }],
    tags: ['示例'],
    source: '',
    createdAt: 0,
    updatedAt: 0,
    useCount: 0,
    lastUsedAt: null,
  };
  const state: PageState = {
    url: 'http://portal/element/#/project/2',
    detected: true,
    project: { name: '智慧白云一期项目经费', goal: '为区提供正常可用的视频会议' },
    rows: { period: 6, annual: 6 },
    findings: [{ key: 'g', rule: 'goal.annual-copied', severity: 'warning', project: '智慧白云一期项目经费', field: 'annualGoal', message: '年度目标与总体目标完全相同' }],
    counts: { error: 0, warning: 1, info: 0 },
    canUndo: false,
    lastFill: null,
  };

  function backend(tabState: PageState | null) {
    const runtime = vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (m: { type: string }) => {
      switch (m.type) {
        case 'page.tabState':
          return tabState ? { ok: true, data: tabState } : { ok: false, error: { code: 'none', message: 'no form' } };
        case 'library.stats':
          return { ok: true, data: { templates: 1, sets: 1, tags: [{ tag: '示例', count: 1 }], starterLoaded: false, exampleLoaded: true, persisted: true } };
        case 'library.suggest':
          return { ok: true, data: { sets: [{ item: set, score: 1 }], templates: [] } };
        case 'library.searchSets':
          return { ok: true, data: { total: 1, hits: [{ item: set, score: 1 }] } };
        // The background fills the tab's grid frames and merges their reports.
        case 'page.fillTab':
          return { ok: true, data: { ok: true, written: 12, mismatches: [], skipped: 0, durationMs: 900 } };
        default:
          return { ok: false, error: { code: 'unknown', message: m.type } };
      }
    }) as never);
    const tabs = vi.spyOn(browser.tabs, 'sendMessage').mockImplementation((async (_tabId: number, m: { type: string; payload: unknown }) => {
      if (m.type === 'page.reveal') return { ok: true, data: { found: true } };
      if (m.type === 'page.state') return undefined;
      return { ok: false, error: { code: 'x', message: 'x' } };
    }) as never);
    return { runtime, tabs };
  }

  async function settle() {
    // Debounced search and chained requests.
    for (let i = 0; i < 4; i += 1) await act(async () => new Promise((r) => setTimeout(r, 120)));
  }

  it('shows the tab’s project and findings, suggests sets, previews and fills the chosen one', async () => {
    const { runtime, tabs } = backend(state);
    await render(<SidePanelApp fixedTabId={7} />);
    await settle();
    expect(runtime).toHaveBeenCalledWith(expect.objectContaining({ type: 'page.tabState', payload: { tabId: 7 } }));
    expect(dom.container.textContent).toContain('智慧白云一期项目经费');
    expect(dom.container.querySelector('[data-testid="findings"] [data-testid="finding"]')?.getAttribute('data-rule')).toBe('goal.annual-copied');
    expect(dom.container.querySelector('[data-testid="template-search"]')).not.toBeNull();

    const fill = dom.container.querySelector<HTMLButtonElement>('[data-testid="fill-button"]')!;
    expect(fill.disabled).toBe(true);
    const item = dom.container.querySelector<HTMLButtonElement>('[data-testid="template-set"]')!;
    expect(item.textContent).toContain('推荐');
    await act(async () => item.click());
    expect(dom.container.textContent).toContain('视频会议系统');
    expect(dom.container.textContent).toContain('＝24个');
    expect(fill.disabled).toBe(false);

    await act(async () => fill.click());
    await settle();
    expect(runtime).toHaveBeenCalledWith(expect.objectContaining({ type: 'page.fillTab', payload: { tabId: 7, setId: 'set-1', overwrite: false, keepPartial: false } }));
    expect(dom.container.querySelector('[data-testid="action-result"]')?.textContent).toContain('已填充 12 个字段');

    await act(async () => dom.container.querySelector<HTMLButtonElement>('[data-testid="finding"]')!.click());
    expect(tabs).toHaveBeenCalledWith(7, { channel: 'tianbao-page', type: 'page.reveal', payload: { key: 'g' } });
    expect(dom.container.querySelector('[data-testid="project-status"]')?.textContent).toContain('⚠有警告');
  });

  it('says no form was detected when neither the background nor the page knows one', async () => {
    backend(null);
    await render(<SidePanelApp fixedTabId={7} />);
    await settle();
    expect(dom.container.textContent).toContain('未检测到填报页面');
    expect(dom.container.querySelector<HTMLButtonElement>('[data-testid="fill-button"]')!.disabled).toBe(true);
    expect(dom.container.querySelector<HTMLButtonElement>('[data-testid="undo-button"]')!.disabled).toBe(true);
  });
});

describe('TemplateEditor', () => {
  function type(input: HTMLInputElement, value: string) {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }

  it('shows each problem beside its field and saves once they are fixed', async () => {
    const save = vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (m: { type: string; payload: { content: unknown } }) => ({
      ok: true,
      data: { id: 'new', tags: [], source: '', createdAt: 0, updatedAt: 0, useCount: 0, lastUsedAt: null, ...(m.payload.content as object) },
    })) as never);
    const onSaved = vi.fn();
    await render(<TemplateEditor template={null} profile={DEFAULT_PROFILE} onClose={() => undefined} onSaved={onSaved} />);
    const form = dom.container.ownerDocument.querySelector('form')!;
    const field = (label: string) => {
      const l = [...form.querySelectorAll('label')].find((x) => x.textContent === label)!;
      return form.ownerDocument.getElementById(l.htmlFor) as HTMLInputElement;
    };
    await act(async () => {
      type(field('一级指标'), '效益指标');
      type(field('二级指标'), '质量指标');
      type(field('实施周期指标值'), '参90%');
    });
    await act(async () => form.requestSubmit());
    const errorOf = (label: string) => {
      const input = field(label);
      expect(input.getAttribute('aria-invalid'), label).toBe('true');
      const ids = (input.getAttribute('aria-describedby') ?? '').split(' ');
      return ids.map((id) => form.ownerDocument.getElementById(id)?.textContent ?? '').join(' ');
    };
    expect(errorOf('三级指标名称')).toContain('此项必填');
    expect(errorOf('二级指标')).toContain('属于「产出指标」');
    expect(errorOf('实施周期指标值')).toContain('参90%');
    expect(save).not.toHaveBeenCalled();

    await act(async () => {
      type(field('三级指标名称'), '验收合格率');
      type(field('一级指标'), '产出指标');
      type(field('实施周期指标值'), '≥90%');
    });
    await act(async () => form.requestSubmit());
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ type: 'library.saveTemplate' }));
    const sent = (save.mock.calls[0]![0] as unknown as { payload: { content: { name: string; period: { symbol: string } } } }).payload;
    expect(sent.content.name).toBe('验收合格率');
    expect(sent.content.period.symbol).toBe('≥');
    expect(onSaved).toHaveBeenCalled();
  });
});
