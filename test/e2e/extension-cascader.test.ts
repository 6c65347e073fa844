/**
 * The el-cascader adapter on the modern replica's `?cascader=1|filterable` variant, where 二级指标 is a real
 * Element Plus el-cascader over 一级 → 二级. Two levels:
 * - the adapter itself (lib/fill/widgets bundled with esbuild and run in the page) against the real widget:
 *   reads the leaf, writes single labels and paths the way a person picks them, refuses what is not offered;
 * - Tianbao end to end: the palette fills a set, 保存 sends its 二级 values, the report says verified, undo
 *   restores.
 * What the portal received is always read from localStorage['replica-portal:saved'], never from the DOM.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectedRows, pick, extensionSuite, fillThroughPalette, undoThroughPalette, saveThroughGuard } from './support/suite';
import { REPO_ROOT } from './support/portal-server';

const suite = extensionSuite();
/** lib/fill/widgets as an IIFE exposing `window.__tbWidgets` (readCell, writeCell, widgetKind). */
let widgetsBundle = '';

beforeAll(async () => {
  const { build } = await import('esbuild');
  const out = await build({
    stdin: { contents: "export { readCell, writeCell, widgetKind } from './lib/fill/widgets';", resolveDir: REPO_ROOT, loader: 'ts' },
    bundle: true,
    format: 'iife',
    globalName: '__tbWidgets',
    write: false,
    target: 'chrome120',
  });
  widgetsBundle = out.outputFiles[0]!.text;
});

async function freshPage(query: string): Promise<Page> {
  const page = await suite.session.newPage();
  await page.goto(`${suite.portal.origin}/element/${query}`);
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await page.locator('.el-table').first().waitFor();
  return page;
}

/** Grid columns: 0 selection, 1 序号, 2 一级, 3 二级, 4 三级, 5 计算符号, 6 指标值, 7 计量单位, 8 指标值说明. */
function cell(page: Page, row: number, column: number): Locator {
  return page.locator('#pane-period .el-table__body tr.el-table__row').nth(row).locator('td').nth(column);
}

type Widgets = {
  readCell(cell: Element): string;
  writeCell(cell: HTMLElement, value: string): Promise<void>;
  widgetKind(cell: Element): string;
};

/** Runs the bundled adapter on period row `row`, column `column`; resolves with its error message or ''. */
async function write(page: Page, row: number, column: number, value: string): Promise<string> {
  return cell(page, row, column).evaluate(
    (td, v) =>
      (window as unknown as { __tbWidgets: Widgets }).__tbWidgets.writeCell(td as HTMLElement, v).then(
        () => '',
        (e: unknown) => (e instanceof Error ? e.message : String(e)),
      ),
    value,
  );
}

const read = (page: Page, row: number, column: number): Promise<string> =>
  cell(page, row, column).evaluate((td) => (window as unknown as { __tbWidgets: Widgets }).__tbWidgets.readCell(td));
const shown = (page: Page, row: number): Promise<string> => cell(page, row, 3).locator('input').inputValue();
const panelOpen = (page: Page, row: number): Promise<string | null> => cell(page, row, 3).locator('input').getAttribute('aria-expanded');

describe.each([['1'], ['filterable']])('el-cascader adapter on the real widget (?cascader=%s)', (mode) => {
  it('reads the leaf, writes labels and paths through the panel, names what is not offered; 保存 takes the picks', async () => {
    // ?state=errors rows: 1 产出/数量, 2 产出/质量, 3 效益/质量 (off the tree, shown anyway), 4 效益/社会效益, 5 满意度/服务对象满意度.
    const page = await freshPage(`?state=errors&cascader=${mode}`);
    await page.addScriptTag({ content: widgetsBundle });
    expect(await cell(page, 0, 3).evaluate((td) => (window as unknown as { __tbWidgets: Widgets }).__tbWidgets.widgetKind(td))).toBe('el-cascader');
    expect(await shown(page, 0)).toBe('产出指标 / 数量指标');
    expect(await read(page, 0, 3)).toBe('数量指标');
    expect(await read(page, 2, 3)).toBe('质量指标');

    // A single label under the branch already chosen.
    expect(await write(page, 0, 3, '时效指标')).toBe('');
    expect(await shown(page, 0)).toBe('产出指标 / 时效指标');
    expect(await panelOpen(page, 0)).toBe('false');
    // A single label under another branch: found by expanding branches one at a time; the path sets 一级 too.
    expect(await write(page, 0, 3, '可持续影响')).toBe('');
    expect(await shown(page, 0)).toBe('效益指标 / 可持续影响');
    expect(await read(page, 0, 2)).toBe('效益指标');
    // A path, both separators.
    expect(await write(page, 1, 3, '满意度指标/服务对象满意度')).toBe('');
    expect(await shown(page, 1)).toBe('满意度指标 / 服务对象满意度');
    expect(await write(page, 1, 3, '产出指标 / 成本指标')).toBe('');
    expect(await shown(page, 1)).toBe('产出指标 / 成本指标');
    // The off-tree pair (shown, like the select variant shows it) is replaced by a pick from the tree.
    expect(await write(page, 2, 3, '数量指标')).toBe('');
    expect(await shown(page, 2)).toBe('产出指标 / 数量指标');

    // Not offered: a clear message (which cell, which label, what was offered), the panel closed, nothing changed.
    const missing = await write(page, 3, 3, '不存在的指标');
    expect(missing).toContain('第4行「二级指标」');
    expect(missing).toContain('「不存在的指标」');
    expect(missing).toContain('一级可选：产出指标、效益指标、满意度指标');
    expect(await panelOpen(page, 3)).toBe('false');
    const wrongBranch = await write(page, 3, 3, '产出指标 / 社会效益');
    expect(wrongBranch).toContain('第4行「二级指标」');
    expect(wrongBranch).toContain('「产出指标」下没有选项「社会效益」');
    expect(wrongBranch).toContain('可选：数量指标、质量指标、时效指标、成本指标');
    expect(await write(page, 3, 3, '效益指标 / 社会效益 / 更细')).toContain('「效益指标 / 社会效益」没有下级选项');
    expect(await panelOpen(page, 3)).toBe('false');
    expect(await shown(page, 3)).toBe('效益指标 / 社会效益');
    // Every panel it opened is off the screen again (none left over the page catching a person's clicks).
    await expect.poll(() => page.locator('.el-cascader__dropdown:visible').count(), { timeout: 10_000 }).toBe(0);

    // What 保存 sends holds the picks: the adapter went through the widget, not around it.
    await page.getByRole('tab', { name: '年度绩效指标' }).click();
    await page.locator('#pane-annual .el-table__body tr.el-table__row').nth(3).locator('td').nth(6).locator('input').fill('10');
    const saved = await saveThroughGuard(page, 'state:errors');
    expect(saved.indicators.period.map((r) => [r.level1, r.level2])).toEqual([
      ['效益指标', '可持续影响'],
      ['产出指标', '成本指标'],
      ['产出指标', '数量指标'],
      ['效益指标', '社会效益'],
      ['满意度指标', '服务对象满意度'],
    ]);
    await page.close();
  });
});

describe('the replica’s cascader is widget-driven', () => {
  it('ignores a path written into the cascader’s input behind its back', async () => {
    const page = await freshPage('?state=errors&cascader=1');
    await page.evaluate(() => {
      const input = document.querySelectorAll('#pane-period .el-table__body tr.el-table__row')[0]!.querySelectorAll('td')[3]!.querySelector('input')!;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, '效益指标 / 社会效益');
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.getByRole('tab', { name: '年度绩效指标' }).click();
    await page.locator('#pane-annual .el-table__body tr.el-table__row').nth(3).locator('td').nth(6).locator('input').fill('10');
    const saved = await saveThroughGuard(page, 'state:errors');
    expect(saved.indicators.period[0]).toMatchObject({ level1: '产出指标', level2: '数量指标' });
    await page.close();
  });
});

describe.each([['1'], ['filterable']])('Tianbao on the cascader variant (?cascader=%s)', (mode) => {
  it('fills a set through the palette; 保存 sends its 二级 (and every other value); the report says verified; undo restores', async () => {
    const page = await freshPage(`?state=blank&cascader=${mode}`);
    await page.getByPlaceholder('请输入项目实施期总体目标').fill('保障政务服务中心设备全年稳定运行。');
    await page.getByPlaceholder('请输入本年度目标').fill('全年设备完好率不低于98%。');
    const set = suite.setNamed('信息化项目管理经费');
    const report = await fillThroughPalette(page, set.name, 90_000);
    expect(report).toContain('全部核对无误');
    // The cascader shows the whole path, as a person picking it would see.
    const expected = expectedRows(set);
    expect(await shown(page, 0)).toBe(`${expected.period[0]!.level1} / ${expected.period[0]!.level2}`);
    await expect.poll(() => page.locator('.el-cascader__dropdown:visible').count(), { timeout: 10_000 }).toBe(0);

    const saved = await saveThroughGuard(page, 'state:blank');
    expect(saved.indicators.period.map((r) => r.level2)).toEqual(expected.period.map((r) => r.level2));
    expect(saved.indicators.annual.map((r) => r.level2)).toEqual(expected.annual.map((r) => r.level2));
    expect(pick(saved.indicators.period)).toEqual(pick(expected.period));
    expect(pick(saved.indicators.annual)).toEqual(pick(expected.annual));

    await undoThroughPalette(page, 30_000);
    const afterUndo = await saveThroughGuard(page, 'state:blank');
    expect(afterUndo.indicators.period).toEqual([]);
    expect(afterUndo.indicators.annual).toEqual([]);
    await page.close();
  });
});
