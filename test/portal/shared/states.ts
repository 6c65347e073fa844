/**
 * Routes and starting states shared by both replicas (see test/portal/README.md):
 * `?project=<index|name>`, `?state=blank|errors`, `?rows=N`, `?rerender=1`.
 */
import { cloneProject, type PortalProject, type PortalRow, type PortalSeed } from './model';

/** What a replica page shows for a URL. */
export type PortalRoute =
  | { kind: 'list'; notice?: string }
  | {
      kind: 'project';
      project: PortalProject;
      /** `?rerender=1`: the grid re-renders itself shortly after the first edit. */
      rerender: boolean;
      /** Seed projects reopen from an earlier save; generated states always start fresh. */
      fromSeed: boolean;
      /**
       * Element only: whether el-select options stay in the DOM while closed (Element Plus's default).
       * `?rows=N` turns it off, as portals with big tables do (each persistent dropdown costs a popper and
       * forced layouts at mount); `&persistent=0|1` overrides.
       */
      persistentDropdowns: boolean;
    };

/** Largest `?rows=N` served (a 500-row benchmark needs 500; more only slows the page down). */
export const MAX_ROWS = 2000;

/** Delay between the first edit and the forced re-render under `?rerender=1`. */
export const RERENDER_DELAY_MS = 300;

function row(level1: string, level2: string, name: string, symbol: string, value: string, unit: string, explanation = ''): PortalRow {
  return { level1, level2, name, symbol, value, unit, explanation };
}

/**
 * `?state=blank`: a project as the performance-target page shows it right after the project library
 * created it — name, unit and money set, goals and both indicator grids empty, ready for filling.
 */
export function blankProject(owner: string): PortalProject {
  return {
    key: 'state:blank',
    index: -1,
    name: '政务服务中心设备运维经费',
    owner,
    amounts: { total: '60.00', fiscal: '60.00', specialAccount: '0.00', other: '0.00' },
    goal: '',
    annualGoal: '',
    indicators: { period: [], annual: [] },
  };
}

/**
 * `?state=errors`: a project with exactly three deliberate problems for the checker's e2e tests:
 * 1. a wrong total: 总计 128.50 ≠ 财政拨款 120.00 + 财政专户拨款 5.00 + 其他资金 0.00;
 * 2. a 二级 under the wrong 一级: 效益指标 / 质量指标 (row 3 of both sets, 数据共享服务响应及时率);
 * 3. a missing annual value: 年度绩效指标 row 4 (跨部门数据共享应用场景) has an empty 指标值.
 * Everything else is clean, so a checker finding more than these is wrong.
 */
export function errorsProject(owner: string): PortalProject {
  const rows = (): PortalRow[] => [
    row('产出指标', '数量指标', '数据共享接口数量', '≥', '120', '个'),
    row('产出指标', '质量指标', '系统正常运行率', '≥', '99', '%'),
    row('效益指标', '质量指标', '数据共享服务响应及时率', '≥', '95', '%'),
    row('效益指标', '社会效益', '跨部门数据共享应用场景', '≥', '10', '个'),
    row('满意度指标', '服务对象满意度', '使用部门满意度', '≥', '90', '%'),
  ];
  const annual = rows();
  annual[3] = { ...annual[3]!, value: '' };
  return {
    key: 'state:errors',
    index: -1,
    name: '政务数据共享交换平台运维经费',
    owner,
    amounts: { total: '128.50', fiscal: '120.00', specialAccount: '5.00', other: '0.00' },
    goal: '保障区政务数据共享交换平台稳定运行，支撑各部门数据共享与业务协同，提升政务服务数据支撑能力。',
    annualGoal: '全年平台正常运行率不低于99%，新增数据共享接口不少于120个，支撑跨部门应用场景不少于10个。',
    indicators: { period: rows(), annual },
  };
}

/** Realistic indicator shapes the `?rows=N` generator cycles through. */
const GENERATED: readonly PortalRow[] = [
  row('产出指标', '数量指标', '培训人次', '≥', '300', '人次'),
  row('产出指标', '数量指标', '设备维护数量', '≥', '120', '台'),
  row('产出指标', '质量指标', '验收合格率', '＝', '100', '%'),
  row('产出指标', '质量指标', '系统正常运行率', '≥', '99', '%'),
  row('产出指标', '时效指标', '故障响应时间', '≤', '2', '小时'),
  row('产出指标', '时效指标', '按期完成率', '＝', '100', '%'),
  row('产出指标', '成本指标', '项目总成本', '≤', '60', '万元'),
  row('效益指标', '经济效益', '节约运维成本', '≥', '5', '万元'),
  row('效益指标', '社会效益', '无重大安全事故', '定性', '无重大安全事故', ''),
  row('效益指标', '社会效益', '群众办事平均等候时间', '＜', '15', '分钟'),
  row('效益指标', '可持续影响', '系统持续使用年限', '≥', '3', '年'),
  row('满意度指标', '服务对象满意度', '服务对象满意度', '≥', '90', '%'),
];

/** `?rows=N`: a project whose grids each hold N generated rows with unique names (for benchmarks). */
export function generatedProject(count: number, owner: string): PortalProject {
  const make = (annual: boolean): PortalRow[] =>
    Array.from({ length: count }, (_, i) => {
      const base = GENERATED[i % GENERATED.length]!;
      const round = Math.floor(i / GENERATED.length) + 1;
      // Annual counts are a share of the period's; rates stay equal (DOMAIN.md "Values").
      const value = annual && base.unit !== '%' && base.symbol !== '定性' ? String(Math.max(1, Math.round(Number(base.value) / 2))) : base.value;
      return { ...base, name: `${base.name}（${round}）`, value, explanation: `第${i + 1}项` };
    });
  return {
    key: `rows:${count}`,
    index: -1,
    name: `绩效指标批量测试项目（${count}行）`,
    owner,
    amounts: { total: '500.00', fiscal: '450.00', specialAccount: '30.00', other: '20.00' },
    goal: '批量指标性能测试项目：检验大表格的识别、读取与填报。',
    annualGoal: '批量指标性能测试项目年度目标。',
    indicators: { period: make(false), annual: make(true) },
  };
}

function findSeedProject(seed: PortalSeed, ref: string): PortalProject | undefined {
  if (/^\d+$/.test(ref)) return seed.projects[Number(ref)];
  const squash = (s: string) => s.replace(/\s+/g, '');
  return seed.projects.find((p) => p.name === ref) ?? seed.projects.find((p) => squash(p.name) === squash(ref));
}

/** Resolves a page URL's query string to what the replica shows; never throws. */
export function resolveRoute(search: string, seed: PortalSeed): PortalRoute {
  const params = new URLSearchParams(search);
  const flag = (name: string) => ['1', 'true', 'yes'].includes(params.get(name) ?? '');
  const rerender = flag('rerender');
  const rows = params.get('rows');
  const persistentDropdowns = params.has('persistent') ? flag('persistent') : rows === null;
  const common = { rerender, persistentDropdowns };
  if (rows !== null) {
    const count = Number(rows);
    if (!Number.isInteger(count) || count < 0 || count > MAX_ROWS) {
      return { kind: 'list', notice: `参数 rows=${rows} 无效（应为 0–${MAX_ROWS} 的整数）` };
    }
    return { kind: 'project', project: generatedProject(count, seed.unit), fromSeed: false, ...common };
  }
  const state = params.get('state');
  if (state === 'blank') return { kind: 'project', project: blankProject(seed.unit), fromSeed: false, ...common };
  if (state === 'errors') return { kind: 'project', project: errorsProject(seed.unit), fromSeed: false, ...common };
  if (state !== null && state !== '') return { kind: 'list', notice: `未知的 state=${state}（可用：blank、errors）` };
  const ref = params.get('project');
  if (ref !== null && ref !== '') {
    const project = findSeedProject(seed, ref);
    if (!project) return { kind: 'list', notice: `未找到项目：${ref}` };
    return { kind: 'project', project: cloneProject(project), fromSeed: true, ...common };
  }
  return { kind: 'list' };
}
