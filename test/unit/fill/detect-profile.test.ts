// @vitest-environment happy-dom
/**
 * Site profiles on the custom replica (test/portal/custom): a div grid with column captions, tabs, field
 * captions and an add-row button the heuristics do not know. Without a profile nothing is recognised;
 * with the example profile the form is detected, read, and a planned fill lands in the replica's model
 * and in what its 保存 sends.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { splitValue, type TemplateContent } from '@/lib/domain';
import { applyFill } from '@/lib/fill/apply';
import { collectForm } from '@/lib/fill/collect';
import { currentSet, detectForm, findAddRowButton, findDeleteRowButton, findGrids, gridCell, gridRows } from '@/lib/fill/detect';
import type { PageLayout } from '@/lib/fill/profile';
import { cellsForItem } from '@/lib/fill/plan';
import { readCell } from '@/lib/fill/widgets';
import { EXAMPLE_LAYOUT, checkSiteLayout } from '@/lib/ui/portals';
import { mountCustomPortal, type CustomPortal } from '../../portal/custom/page';
import type { PortalProject } from '../../portal/shared/model';
import { readSaved, type KeyValueStore } from '../../portal/shared/storage';
import { blankProject, errorsProject } from '../../portal/shared/states';

function memoryStore(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

/** The example layout as the background delivers it: validated by the zod schema first. */
function exampleLayout(): PageLayout {
  const check = checkSiteLayout(JSON.stringify(EXAMPLE_LAYOUT));
  if (!check.ok) throw new Error(JSON.stringify(check.issues));
  return check.layout;
}

let portal: CustomPortal;
let store: ReturnType<typeof memoryStore>;
let root: HTMLElement;

function mount(project: PortalProject): void {
  root = document.createElement('div');
  document.body.append(root);
  store = memoryStore();
  portal = mountCustomPortal(root, project, store);
}

beforeEach(() => {
  document.body.replaceChildren();
});
afterEach(() => portal?.destroy());

describe('the custom replica without a profile', () => {
  it('is not recognised by the header and label heuristics', () => {
    mount(errorsProject('单位'));
    expect(gridRows({ kind: 'profile', root: document.querySelector('#kpi')!, columns: { name: 3 }, tabs: [], selectors: { row: '.kpi-row' } })).toHaveLength(5);
    expect(detectForm(document)).toBeNull();
    expect(findGrids(document)).toEqual([]);
  });
});

describe('the custom replica with the example profile', () => {
  it('finds the grid, its columns, tabs, buttons and the project fields', () => {
    mount(errorsProject('单位'));
    const form = detectForm(document, exampleLayout())!;
    expect(form).not.toBeNull();
    expect(form.grids).toHaveLength(1);
    const grid = form.grids[0]!;
    expect(grid.kind).toBe('profile');
    expect(grid.columns).toEqual({ level1: 1, level2: 2, name: 3, symbol: 4, value: 5, unit: 6, explanation: 7 });
    expect(grid.tabs.map((t) => [t.set, t.element.textContent])).toEqual([
      ['period', '多年'],
      ['annual', '当年'],
    ]);
    expect(currentSet(grid)).toBe('period');
    expect(findAddRowButton(grid)?.textContent).toBe('＋');
    expect(findDeleteRowButton(grid)?.textContent).toBe('－');
    expect(Object.keys(form.project).sort()).toEqual(['annualGoal', 'goal', 'name', 'owner']);
    expect(Object.keys(form.amounts).sort()).toEqual(['fiscal', 'other', 'specialAccount', 'total']);
  });

  it('collects the project, amounts and rows as the page shows them, the unit from its input (forced widget)', () => {
    mount(errorsProject('单位'));
    const form = detectForm(document, exampleLayout())!;
    const project = collectForm(form).snapshot.projects[0]!;
    expect(project.name).toBe('政务数据共享交换平台运维经费');
    expect(project.amounts).toEqual({ total: '128.50', fiscal: '120.00', specialAccount: '5.00', other: '0.00' });
    expect(project.indicators.map((i) => i.name)).toEqual([
      '数据共享接口数量',
      '系统正常运行率',
      '数据共享服务响应及时率',
      '跨部门数据共享应用场景',
      '使用部门满意度',
    ]);
    expect(project.indicators[0]!.period).toMatchObject({ symbol: '≥', value: '120', unit: '个' });
    expect(project.indicators[1]!.level2).toBe('质量指标');
  });

  it('reads the unit cell wrongly without the forced widget kind (its quick-pick select comes first)', () => {
    mount(errorsProject('单位'));
    const layout = exampleLayout();
    const withoutWidget = { ...layout, columns: layout.columns!.map(({ widget: _w, ...c }) => c) };
    const plain = detectForm(document, withoutWidget)!;
    const row = gridRows(plain.grids[0]!)[0]!;
    expect(readCell(gridCell(plain.grids[0]!, row, 'unit')!)).toBe('');
    const mapped = detectForm(document, layout)!;
    expect(readCell(gridCell(mapped.grids[0]!, gridRows(mapped.grids[0]!)[0]!, 'unit')!)).toBe('个');
  });

  it('leaves to the heuristics what the profile does not map (no grid part: its captions find the div grid)', () => {
    mount(errorsProject('单位'));
    const { grid: _grid, ...rest } = exampleLayout();
    const form = detectForm(document, rest)!;
    // The profile's column captions (L1, KPI, Target …) extend the header labels: the heuristics find the
    // grid of <div> rows by them, columns in caption order, without the profile's selectors.
    expect(form.grids).toHaveLength(1);
    const grid = form.grids[0]!;
    expect(grid.kind).toBe('div');
    expect(grid.columns).toMatchObject({ level1: 1, level2: 2, name: 3, symbol: 4, value: 5, unit: 6, explanation: 7 });
    expect(gridRows(grid).length).toBe(document.querySelectorAll('.kpi-row').length);
    // The mapped project fields alone make it a form (the amounts), as on a frame without the grid.
    expect(Object.keys(form.amounts)).toHaveLength(4);
  });

  it('fills a set through the widgets: every planned cell lands in the replica’s model and in what 保存 sends', async () => {
    mount(blankProject('单位'));
    const form = detectForm(document, exampleLayout())!;
    const items: TemplateContent[] = [
      { level1: '产出指标', level2: '数量指标', name: '设备巡检次数', period: splitValue('≥48次'), annual: splitValue('≥12次') },
      { level1: '产出指标', level2: '质量指标', name: '设备完好率', period: splitValue('≥98%'), annual: splitValue('≥98%') },
      { level1: '效益指标', level2: '社会效益', name: '无重大安全事故', period: splitValue('无重大安全事故'), annual: splitValue('无重大安全事故') },
      { level1: '满意度指标', level2: '服务对象满意度', name: '使用单位满意度', period: splitValue('≥90%'), annual: null },
    ];
    const report = await applyFill(form, items);
    expect(report.mismatches).toEqual([]);
    expect(report.ok).toBe(true);
    // The replica keeps no 指标性质 column: its rows hold the other fields.
    const expected = (set: 'period' | 'annual') =>
      items.flatMap((i) => {
        const cells = cellsForItem(i, set);
        if (!cells) return [];
        const { nature: _nature, ...rest } = cells;
        return [rest];
      });
    expect(portal.project.indicators.period).toEqual(expected('period'));
    expect(portal.project.indicators.annual).toEqual(expected('annual'));

    for (const [id, text] of [
      ['#g-long', '保障设备稳定运行。'],
      ['#g-year', '全年设备完好率不低于98%。'],
    ] as const) {
      const box = document.querySelector<HTMLTextAreaElement>(id)!;
      box.value = text;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }
    document.querySelector<HTMLButtonElement>('.cp-save')!.click();
    const saved = readSaved(store)!.projects.find((p) => p.key === 'state:blank')!;
    expect(saved.portal).toBe('custom');
    expect(saved.indicators.period).toEqual(expected('period'));
    expect(saved.indicators.annual).toEqual(expected('annual'));
  });
});
