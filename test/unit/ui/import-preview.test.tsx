// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../../components/i18n';
import { ImportPreviewView } from '../../../components/options/import-preview';
import { batchFromSnapshot } from '../../../lib/library/import-batch';
import { planImport } from '../../../lib/library/plan';
import { parseText } from '../../../lib/parse/index';
import { summariseImport, type ImportSummary } from '../../../lib/ui/import-summary';
import { reactRoot } from './react-root';

const dom = reactRoot();

const FIXTURE = join(__dirname, '../../fixtures/baiyun-perf-targets.txt');

function summaryOf(text: string, file: string): ImportSummary {
  const batch = batchFromSnapshot(parseText(text, { file }), file);
  let id = 0;
  return summariseImport(planImport(batch, { templates: new Map(), sets: new Map() }, { now: 1, newId: () => `id${++id}` }).preview);
}

async function render(summary: ImportSummary, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const onCommit = vi.fn();
  await act(async () =>
    dom.root.render(
      <I18nProvider locale={locale}>
        <ImportPreviewView summary={summary} skipBad onSkipBad={() => undefined} committing={null} onCommit={onCommit} onCancel={() => undefined} />
      </I18nProvider>,
    ),
  );
  return { onCommit };
}

/** The table row of a listed indicator, by its name. */
function rowNamed(name: string): HTMLTableRowElement {
  const cell = [...dom.container.querySelectorAll('tbody td:nth-child(2)')].find((td) => td.firstChild?.textContent === name);
  if (!cell) throw new Error(`no row ${name}`);
  return cell.parentElement as HTMLTableRowElement;
}

describe('ImportPreviewView shows each warning beside its row', () => {
  const seed = summaryOf(readFileSync(FIXTURE, 'utf8'), 'baiyun.txt');

  it('puts an indicator’s warnings under its name, without repeating file and line', async () => {
    await render(seed);
    const row = rowNamed('造价审核');
    expect(row.className).toContain('row-warned');
    expect(row.querySelector('td')!.textContent).toBe('第 5 行第 6 条');
    const items = [...row.querySelectorAll('.row-warnings li')].map((li) => li.textContent);
    expect(items).toEqual(['指标「造价审核」的年度指标值重复打印,已合并']);
    // A row without warnings has none.
    expect(rowNamed('专家评审').querySelector('.row-warnings')).toBeNull();
  });

  it('counts a section’s row warnings in its title, so a closed section still says it has some', async () => {
    await render(seed);
    const added = [...dom.container.querySelectorAll('details > summary')].find((s) => s.textContent!.startsWith('新增 ('))!;
    const beside = seed.added.reduce((n, r) => n + r.warnings.length, 0);
    expect(beside).toBeGreaterThan(0);
    expect(added.querySelector('.summary-badge')!.textContent).toBe(`⚠ ${beside} 条提示`);
  });

  it('lists the warnings of lines that are no row by line, with the project of the line', async () => {
    await render(seed);
    const box = dom.container.querySelector('[data-testid="import-line-warnings"]') as HTMLDetailsElement;
    expect(box.open).toBe(true);
    const items = [...box.querySelectorAll('.warning-list li')];
    expect(items).toHaveLength(seed.lineWarnings.length);
    const stray = items.find((li) => li.textContent!.includes('不少数量指标'))!;
    expect(stray.getAttribute('data-row')).toBe('6');
    expect(stray.textContent).toBe('第 6 行 · 项目「智慧白云一期项目经费」：无法归入的片段「不少数量指标」(指标值之后)');
    const besideCount = seed.warnings.length - seed.lineWarnings.length;
    expect(box.textContent).toContain(`另有 ${besideCount} 条提示显示在对应指标的旁边。`);
  });

  it('speaks English in the English locale (the importer’s own words stay Chinese)', async () => {
    await render(seed, 'en');
    const box = dom.container.querySelector('[data-testid="import-line-warnings"]')!;
    expect(box.textContent).toContain('Warnings not tied to an indicator');
    expect(box.textContent).toContain('row 6 · project "智慧白云一期项目经费": ');
    const row = rowNamed('系统顺畅,信息安全有保障');
    expect(row.querySelector('.row-warnings')!.textContent).toBe('二级指标: "质量指标" is not under "效益指标"');
  });

  it('shows a declaration table’s warning beside its only indicator, and no line list when none is left', async () => {
    const text = ['项目名称\t社区养老服务补助', '一级指标\t二级指标\t三级指标\t指标值', '产出指标\t效益指标\t培训人次\t≥280人次'].join('\n');
    const summary = summaryOf(text, 'd.txt');
    await render(summary);
    expect(rowNamed('培训人次').querySelector('.row-warnings')!.textContent).toBe('「二级指标」：指标类别未识别');
    const box = dom.container.querySelector('[data-testid="import-line-warnings"]') as HTMLDetailsElement;
    expect(box.open).toBe(false);
    expect(box.querySelector('.warning-list')).toBeNull();
  });
});
