/**
 * The replica portals' own data model: what the portal's page state holds and what a save would send to
 * the server. It is deliberately the portal's shape (one row per set, symbol/value/unit in separate
 * columns), not Tianbao's domain model: the extension has to map between the two, as on the real portal.
 */

/** The two indicator sets the portal shows as tabs. */
export type IndicatorSetKey = 'period' | 'annual';

export const SET_KEYS: readonly IndicatorSetKey[] = ['period', 'annual'];

/** Tab labels exactly as the real portal prints them (the extension recognises the form by them). */
export const SET_LABELS: Readonly<Record<IndicatorSetKey, string>> = {
  period: '中长期(总体)绩效指标',
  annual: '年度绩效指标',
};

/** Grid column headers exactly as the real portal prints them. */
export const COLUMN_LABELS = {
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标',
  symbol: '计算符号',
  value: '指标值',
  unit: '计量单位',
  explanation: '指标值说明',
} as const;

/** Project field labels exactly as the real portal prints them. */
export const FIELD_LABELS = {
  name: '项目名称',
  owner: '资金使用单位',
  total: '总计',
  fiscal: '财政拨款',
  specialAccount: '财政专户拨款',
  other: '其他资金',
  goal: '总体目标',
  annualGoal: '年度目标',
} as const;

/** One row of an indicator grid, as the portal's model holds it (all strings, '' when empty). */
export interface PortalRow {
  /** 一级指标 name (产出指标…). */
  level1: string;
  /** 二级指标 name (数量指标…). */
  level2: string;
  /** 三级指标 / 指标名称. */
  name: string;
  /** 计算符号: ≥ ＞ ＝ ＜ ≤ (＞＝＜ full-width) or 定性. */
  symbol: string;
  /** 指标值: a number for 定量 rows, text for 定性 rows. */
  value: string;
  /** 计量单位 / 度量单位. */
  unit: string;
  /** 指标值说明. */
  explanation: string;
}

/** Money in 万元 as decimal strings with two places. */
export interface PortalAmounts {
  /** 总计. */
  total: string;
  /** 财政拨款. */
  fiscal: string;
  /** 财政专户拨款. */
  specialAccount: string;
  /** 其他资金. */
  other: string;
}

/** A project as the portal's page holds it. */
export interface PortalProject {
  /** Stable key: `project:<index>` for seed projects, `state:blank`, `state:errors`, `rows:<N>`. */
  key: string;
  /** 0-based position in the seed's project list, or -1 for generated projects. */
  index: number;
  /** 项目名称. */
  name: string;
  /** 资金使用单位 / 主管部门. */
  owner: string;
  amounts: PortalAmounts;
  /** 总体目标 (实施期目标). */
  goal: string;
  /** 年度目标. */
  annualGoal: string;
  /** Both indicator sets, one grid each. */
  indicators: Record<IndicatorSetKey, PortalRow[]>;
}

/** The starting data both replicas serve, generated on the Node side from the seed fixture. */
export interface PortalSeed {
  /** Where it came from: the fixture through the foundation importer. */
  source: string;
  /** The unit (单位) row the projects sit under. */
  unit: string;
  /** The printed 合计, as a decimal string. */
  total: string | null;
  projects: PortalProject[];
}

/** A project as written to `localStorage['replica-portal:saved']`. */
export interface SavedProject extends PortalProject {
  /** Which replica saved it. */
  portal: PortalKind;
  /** ISO time of the save. */
  savedAt: string;
  /** True once 送审 succeeded. */
  submitted: boolean;
}

/** The JSON document under `localStorage['replica-portal:saved']`: every project saved so far. */
export interface SavedDocument {
  /** Bumped when the shape changes. */
  version: 1;
  /** Key of the project saved last. */
  lastKey: string;
  projects: SavedProject[];
}

/** One entry of `localStorage['replica-portal:submitted']`. */
export interface SubmittedEntry {
  key: string;
  name: string;
  portal: PortalKind;
  submittedAt: string;
}

export type PortalKind = 'element' | 'legacy' | 'custom' | 'merged' | 'tree';

/** localStorage key holding what a save would send to the server. */
export const SAVED_KEY = 'replica-portal:saved';
/** localStorage key listing the projects sent for review (送审). */
export const SUBMITTED_KEY = 'replica-portal:submitted';

export function blankRow(): PortalRow {
  return { level1: '', level2: '', name: '', symbol: '', value: '', unit: '', explanation: '' };
}

export function cloneRow(row: PortalRow): PortalRow {
  return { ...row };
}

/** A deep copy, so page state never aliases the seed module's objects. */
export function cloneProject(project: PortalProject): PortalProject {
  return {
    ...project,
    amounts: { ...project.amounts },
    indicators: { period: project.indicators.period.map(cloneRow), annual: project.indicators.annual.map(cloneRow) },
  };
}
