// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { answerWithin } from '../../../components/sidepanel/fill-report';
import { PAGE_ANSWER_MS, SidePanelApp } from '../../../components/sidepanel/side-panel-app';
import { I18nProvider } from '../../../components/i18n';
import type { TemplateSet } from '../../../lib/domain/schemas';
import type { Locale } from '../../../lib/i18n';
import type { FillSummary, PageState } from '../../../lib/page/protocol';
import { reactRoot } from './react-root';

/** The side panel's fill and undo always end in a report: success, mismatches, a failure, an error, or no answer. */
const dom = reactRoot();

const set: TemplateSet = {
  id: 'set-1',
  name: '智慧白云一期项目经费',
  projectName: '智慧白云一期项目经费',
  goal: '',
  items: [{ level1: '产出指标', level2: '数量指标', name: '视频会议系统', period: null, annual: null }],
  tags: [],
  source: '',
  createdAt: 0,
  updatedAt: 0,
  useCount: 0,
  lastUsedAt: null,
};
const state: PageState = {
  url: 'http://portal/element/#/project/2',
  detected: true,
  project: { name: '智慧白云一期项目经费', goal: '' },
  rows: { period: 6, annual: 6 },
  findings: [],
  counts: { error: 0, warning: 0, info: 0 },
  canUndo: true,
  lastFill: null,
};

type PageReply = (type: string, payload: unknown) => Promise<unknown>;

const spyRuntime = () => vi.spyOn(browser.runtime, 'sendMessage');
let runtime: ReturnType<typeof spyRuntime>;

/** The background (fills and undoes go through it: it forwards to the tab's grid frames) and the page. */
function backend(page: PageReply) {
  runtime = spyRuntime().mockImplementation((async (m: { type: string; payload: { tabId?: number } }) => {
    switch (m.type) {
      case 'page.fillTab':
      case 'page.undoTab': {
        const { tabId: _tab, ...rest } = m.payload;
        const reply = (await page(m.type === 'page.fillTab' ? 'page.fill' : 'page.undo', rest)) as { ok: boolean } | undefined;
        return reply ?? { ok: false, error: { code: 'no-page', message: 'no answer' } };
      }
      case 'page.tabState':
        return { ok: true, data: state };
      case 'library.stats':
        return { ok: true, data: { templates: 1, sets: 1, tags: [], starterLoaded: false, exampleLoaded: false, persisted: true } };
      case 'library.suggest':
        return { ok: true, data: { sets: [{ item: set, score: 1 }], templates: [] } };
      case 'library.searchSets':
        return { ok: true, data: { total: 1, hits: [{ item: set, score: 1 }] } };
      default:
        return { ok: false, error: { code: 'unknown', message: m.type } };
    }
  }) as never);
  return vi.spyOn(browser.tabs, 'sendMessage').mockImplementation(((_tabId: number, m: { type: string; payload: unknown }) => page(m.type, m.payload)) as never);
}

async function render(locale: Locale = 'zh-CN') {
  await act(async () => dom.root.render(<I18nProvider locale={locale}><SidePanelApp fixedTabId={7} /></I18nProvider>));
  await settle();
}

async function settle(rounds = 4) {
  for (let i = 0; i < rounds; i += 1) await act(async () => new Promise((r) => setTimeout(r, 120)));
}

const q = <E extends Element = HTMLElement>(testid: string) => dom.container.querySelector<E>(`[data-testid="${testid}"]`);

async function chooseAndFill() {
  await act(async () => q<HTMLButtonElement>('template-set')!.click());
  await act(async () => q<HTMLButtonElement>('fill-button')!.click());
  await settle(2);
}

const summary = (over: Partial<FillSummary>): FillSummary => ({ ok: false, written: 5, mismatches: [], skipped: 0, durationMs: 4000, ...over });

afterEach(() => {
  vi.useRealTimers();
});

describe('the side panel’s fill report', () => {
  it('sends 出错时保留已填入的部分 and shows a failed fill: where and why in Chinese then English, kept, then the fields', async () => {
    backend(async (type) =>
      type === 'page.fill'
        ? {
            ok: true,
            data: summary({
              failure: { step: 'write', set: 'annual', row: 2, field: 'unit', message: '下拉框里没有选项「个」', messageEn: 'the dropdown has no option “个”' },
              kept: true,
              mismatches: [{ set: 'annual', row: 2, field: 'unit', expected: '个', actual: '' }],
            }),
          }
        : undefined,
    );
    await render();
    const keep = q<HTMLInputElement>('keep-partial')!;
    expect(keep.checked).toBe(false);
    expect(keep.closest('label')!.textContent).toBe('出错时保留已填入的部分');
    await act(async () => keep.click());
    await chooseAndFill();
    expect(runtime).toHaveBeenCalledWith(expect.objectContaining({ type: 'page.fillTab', payload: { tabId: 7, setId: 'set-1', overwrite: false, keepPartial: true } }));

    const report = q('action-result')!;
    expect(report.getAttribute('role')).toBe('alert');
    expect(report.querySelector('.action-report-title')!.textContent).toBe('填充未完成。');
    const failure = q('fill-failure')!;
    expect([...failure.querySelectorAll('p')].map((p) => `${p.lang}: ${p.textContent}`)).toEqual([
      'zh-CN: 填充在「写入字段」这一步出错：年度 第3行「计量单位」',
      'en: The fill stopped at “writing a field”: annual set, row 3, unit',
      'zh-CN: 原因：下拉框里没有选项「个」',
      'en: Why: the dropdown has no option “个”',
      'zh-CN: 已保留已填入的部分',
      'en: The part that landed was kept',
    ]);
    expect(q('action-result-details')!.textContent).toContain('年度 第3行「计量单位」：应为「个」，页面上是「空」');
    // The failure comes first, the fields after it.
    expect(failure.compareDocumentPosition(q('action-result-details')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(q<HTMLButtonElement>('fill-button')!.disabled).toBe(false);
  });

  it('keeps 48 mismatches in a body that scrolls, and closes', async () => {
    const mismatches = Array.from({ length: 48 }, (_, i) => ({ set: 'period' as const, row: i, field: 'value', expected: `${i}`, actual: '' }));
    backend(async (type) => (type === 'page.fill' ? { ok: true, data: summary({ mismatches }) } : undefined));
    await render();
    await chooseAndFill();
    const report = q('action-result')!;
    expect(report.classList.contains('action-report')).toBe(true);
    expect(report.querySelector('.action-report-title')!.textContent).toBe('48 个字段未能填入，请在页面上核对：');
    expect(report.querySelectorAll('.action-report-body li')).toHaveLength(48);
    expect(q('fill-failure')).toBeNull();
    await act(async () => q<HTMLButtonElement>('action-result-close')!.click());
    expect(q('action-result')).toBeNull();
  });

  it('reports the page’s error', async () => {
    backend(async (type) => (type === 'page.fill' ? { ok: false, error: { code: 'error', message: 'no grid in this frame' } } : undefined));
    await render();
    await chooseAndFill();
    expect(q('action-result')!.textContent).toContain('填充失败：no grid in this frame');
    expect(q<HTMLButtonElement>('fill-button')!.disabled).toBe(false);
  });

  it('reports that the page did not answer after PAGE_ANSWER_MS, and shows a late answer when it comes', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    let answer: (value: unknown) => void = () => undefined;
    backend((type) => (type === 'page.fill' ? new Promise((resolve) => (answer = resolve)) : Promise.resolve(undefined)));
    await render();
    await chooseAndFill();
    expect(q('action-result')).toBeNull();
    expect(q('fill-button')!.textContent).toBe('正在填充…');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(PAGE_ANSWER_MS);
    });
    expect(PAGE_ANSWER_MS).toBe(60_000);
    expect(q('action-result')!.textContent).toContain('页面在 60 秒内没有回复填充结果');
    expect(q<HTMLButtonElement>('fill-button')!.disabled).toBe(false);

    await act(async () => answer({ ok: true, data: summary({ ok: true, written: 12 }) }));
    await settle(1);
    expect(q('action-result')!.textContent).toContain('已填充 12 个字段');
  });

  it('shows an undo that stopped, with its problems', async () => {
    backend(async (type) =>
      type === 'page.undo'
        ? {
            ok: true,
            data: {
              ok: false,
              problems: Array.from({ length: 30 }, (_, i) => `第${i + 1}行未能恢复`),
              failure: { step: 'delete-rows', set: 'period', row: 6, message: '确认框没有出现', messageEn: 'no confirm dialog appeared' },
            },
          }
        : undefined,
    );
    await render();
    await act(async () => q<HTMLButtonElement>('undo-button')!.click());
    await settle(2);
    const report = q('action-result')!;
    expect(report.querySelector('.action-report-title')!.textContent).toBe('撤销未完成。');
    expect(q('fill-failure')!.textContent).toContain('撤销在「删除新增的行」这一步出错：中长期 第7行');
    expect(q('fill-failure')!.textContent).toContain('The undo stopped at “deleting the added rows”: period set, row 7');
    expect(report.textContent).toContain('撤销时有 30 处未能恢复');
    expect(report.querySelectorAll('.action-report-body li')).toHaveLength(30);
  });

  it('shows the failure Chinese first in the English UI too', async () => {
    backend(async (type) =>
      type === 'page.fill'
        ? { ok: true, data: summary({ failure: { step: 'add-rows', set: 'period', message: '新增按钮没有反应', messageEn: 'the add button did nothing' }, rolledBack: true }) }
        : undefined,
    );
    await render('en');
    await chooseAndFill();
    expect(q('action-result')!.querySelector('.action-report-title')!.textContent).toBe('The fill did not finish.');
    const lines = [...q('fill-failure')!.querySelectorAll('p')].map((p) => p.textContent);
    expect(lines[0]).toBe('填充在「新增指标行」这一步出错：中长期');
    expect(lines[1]).toBe('The fill stopped at “adding rows”: period set');
    expect(lines.slice(4)).toEqual(['已撤回本次填充的全部改动', 'Everything this fill changed was put back']);
  });
});

describe('answerWithin', () => {
  it('gives the answer, the error, or a timeout', async () => {
    await expect(answerWithin(Promise.resolve(1), 50)).resolves.toEqual({ kind: 'answer', value: 1 });
    const error = new Error('x');
    await expect(answerWithin(Promise.reject(error), 50)).resolves.toEqual({ kind: 'error', error });
    await expect(answerWithin(new Promise(() => undefined), 20)).resolves.toEqual({ kind: 'timeout' });
  });
});
