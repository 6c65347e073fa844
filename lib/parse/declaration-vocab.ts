/**
 * Labels printed in single-project target tables (申报表 / 批复表 / 自评表), as data. Real tables word the
 * same field many ways; every variant seen is listed here so the parsers stay free of string literals.
 * Matching is on a normalised label (`normaliseLabel`): half-width, no spaces, no trailing colon, no
 * required-field stars, brackets removed with or without their content.
 */
import { toHalfWidth } from '../domain/text';

/** Which indicator set a column, block or money line speaks of. */
export type Scope = 'period' | 'annual' | 'both';

/** Normalised label variants: `withContent` keeps bracket content (`预期当年实现值`), `bare` drops it. */
export interface LabelForms {
  withContent: string;
  bare: string;
  /** Text inside the brackets (`万元` of `项目资金(万元)`). */
  bracket: string;
}

const BRACKETS = /[(（[【〔<《]([^()（）[\]【】〔〕<>《》]*)[)）\]】〕>》]/g;

/** Normalises a printed label for matching (see module note). */
export function normaliseLabel(text: string): LabelForms {
  const t = toHalfWidth(text)
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/^[*★☆※]+|[*★☆※]+$/g, '')
    .replace(/^(?:[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.](?!\d))/, '')
    .replace(/[:：]+$/, '');
  const bracketParts: string[] = [];
  const bare = t.replace(BRACKETS, (_m, inner: string) => {
    bracketParts.push(inner);
    return '';
  });
  return { withContent: t.replace(/[()（）[\]【】〔〕<>《》]/g, ''), bare, bracket: bracketParts.join(' ') };
}

/** Finds a scope word in a label: 年度/当年/本年 → annual, 长期/中期/实施期/总体 → period, both → both. */
export function scopeOf(text: string): Scope | undefined {
  const annual = /年度|当年|本年|全年|年初/.test(text);
  const period = /长期|中期|实施期|实施周期|总体|整体|周期|项目期|总目标|绩效期/.test(text);
  if (annual && period) return 'both';
  if (annual) return 'annual';
  if (period) return 'period';
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Header block (项目名称, 单位, 资金, 目标)

/** What a label in the project header block stands for. */
export type HeaderField =
  | 'name'
  /** 主管部门 and the like. */
  | 'ownerMain'
  /** 实施单位 / 项目单位: the unit that spends the money (preferred as Project.owner). */
  | 'ownerImpl'
  /** 填报单位 / 单位名称: the last resort for Project.owner. */
  | 'ownerFiler'
  | 'total'
  | 'fiscal'
  | 'special'
  | 'other'
  /** 项目资金 / 资金情况: a group label over the money lines. */
  | 'moneyGroup'
  | 'goal'
  | 'annualGoal'
  /** 预期目标 under a goal group of a self-evaluation (its scope comes from the group label). */
  | 'goalExpected'
  /** A known label whose value Tianbao does not keep (项目属性, 项目期, 联系电话…). */
  | 'ignore';

interface HeaderPattern {
  field: HeaderField;
  re: RegExp;
}

const HEADER_PATTERNS: readonly HeaderPattern[] = [
  { field: 'name', re: /^(项目名称|预算项目名称|项目全称|二级项目名称|项目名)$/ },
  { field: 'ownerMain', re: /^(主管部门(及|和)?(代码|编码)|主管部门|业务主管部门|主管部门名称|主管单位|预算部门|部门名称|一级预算单位)$/ },
  {
    field: 'ownerImpl',
    re: /^(实施单位|项目实施单位|实施单位及代码|项目单位|项目承担单位|实施主体|预算单位|资金使用单位|项目执行单位|执行单位)$/,
  },
  { field: 'ownerFiler', re: /^(填报单位|单位名称|申报单位|填报部门)$/ },
  {
    field: 'total',
    // `年度资金申请总额` (Xinjiang Bingtuan): the amount applied for this year.
    re: /^(其中)?(年度|中期|中长期|实施期|项目|当年|本年度|全年|总)?(资金|预算|投资)?(申请)?(总额|总计|合计|总金额|金额)(及构成)?$|^(项目)?(预算|资金)(金额|总额|数)$|^项目预算$|^申请(金额|资金)$|^年度资金$|^中期资金$|^(项目)?总预算$|^(当年)?年度预算$/,
  },
  {
    field: 'fiscal',
    re: /^(其中)?(当年|本年|年度)?(中央|省|省级|市|市级|区|区级|县|县级|本级|上级|镇级)?财政(拨款|资金|补助|性资金|资金拨款)(资金|数|金额)?$|^(其中)?一般公共预算(拨款|资金)?$/,
  },
  { field: 'special', re: /^(其中)?(当年|本年|年度|中期)?财政专户(拨款|管理资金|资金)?$|^专户资金$/ },
  {
    field: 'other',
    re: /^(其中)?(当年|本年|年度|中期)?(其他|其它)(资金|来源资金|资金来源)?$|^(单位)?自有资金$|^自筹资金$|^社会资金$|^其他收入$/,
  },
  // `投入目标(万元) | 资金来源 | 年初安排金额(万元)` (Inner Mongolia): captions over the money lines, with their unit.
  {
    field: 'moneyGroup',
    re: /^(项目资金|资金情况|项目预算资金|资金来源|项目资金情况|年度资金情况|资金构成|投入目标|资金投入|年初安排金额|年初安排资金)$/,
  },
  // `年度主要目标和成果` (Chongqing).
  { field: 'annualGoal', re: /^(年度|本年度|当年|本年)(总体|绩效|预期|项目|主要)?目标(和成果|及成果)?$|^年度目标描述$/ },
  {
    field: 'goal',
    re: /^(项目)?(总体|实施期|中期|长期|中长期|整体)(绩效)?目标(描述)?$|^(项目)?总目标$|^(项目)?绩效目标(描述)?$|^实施期总体目标$/,
  },
  { field: 'goalExpected', re: /^预期目标$/ },
  {
    field: 'ignore',
    re: /^(项目属性|项目类型|项目类别|项目分类|项目期|项目周期|项目期限|实施期限|实施周期|项目实施期|起止时间|项目起止时间|实施时间|项目负责人|负责人|建设周期|项目审批|项目总体概况|财政资金预算分类|财政资金科目代码|(年度)?预算执行率|归口科室|归口处室|归口业务科室|联系人|联系电话|电话|项目负责人及电话|项目编码|项目代码|项目编号|主管部门编码|主管部门代码|单位编码|预算年度|年度|填报日期|填报人|填表人|经办人|审核人|日期|项目概况|项目立项情况|立项依据|项目立项的依据|项目申报的可行性|项目申报的必要性|项目实施进度计划|项目实施内容|资金用途|项目内容|项目简介|实际完成情况|年初预算数|全年预算数|全年执行数|执行率|得分|分值|偏差原因分析及改进措施|总分|上年结转资金|上年结转|结转资金|备注|(主管部门|财政部门|第三方机构|业务科室|绩效科|市财政局|区财政局)?审核意见|项目资金用途|政府采购|是否政府采购|资金性质|支出类型|功能科目|经济科目)$/,
  },
  // `该项目支出上级资金` beside `年度本级预算金额`: transfers from the level above, printed apart from this
  // level's budget; not one of the amounts Tianbao keeps, and not part of the 本级 total.
  { field: 'ignore', re: /^项目上级(补助|转移支付)?资金$/ },
];

/** A header-block label as recognised, with its inline value (`年度资金总额:100`) when the cell holds one. */
export interface HeaderLabel {
  field: HeaderField;
  /** Scope word in the label (`年度资金总额` → annual, `中期资金总额` → period). */
  scope?: Scope;
  /** Money unit printed in the label (`项目资金(万元)`). */
  unit?: MoneyUnit;
  /** Text after the colon when label and value share a cell; '' when only a colon follows. */
  inlineValue?: string;
}

/** The two money units tables print. */
export type MoneyUnit = '万元' | '元';

function unitIn(text: string): MoneyUnit | undefined {
  if (/万元/.test(text)) return '万元';
  if (/(^|[^万])元/.test(text)) return '元';
  return undefined;
}

/**
 * Hunan-style tables say `项目支出` where others say `项目` (`项目支出名称`, `项目支出实施期`, `该项目支出上级资金`),
 * and word a budget line with its government level between set and amount (`年度本级预算金额`): both are
 * matched as the plain label (`项目名称`, `项目实施期`, `年度预算金额`).
 */
function plainLabel(bare: string): string {
  return bare
    .replace(/^(其中)?该?项目支出(?=名称|实施期|实施周期|期限|上级|类别|类型|属性)/, '$1项目')
    .replace(/^(其中)?(年度|当年|本年度|本年|中期|实施期)?(本级|部门)(?=预算|资金)/, '$1$2');
}

function matchHeader(text: string): HeaderLabel | undefined {
  const forms = normaliseLabel(text);
  if (forms.bare === '' || forms.bare.length > 24) return undefined;
  const plain = plainLabel(forms.bare);
  for (const { field, re } of HEADER_PATTERNS) {
    const candidates = [forms.bare, forms.withContent, forms.bare.replace(/^其中/, ''), plain];
    if (candidates.some((c) => re.test(c))) {
      // Only money lines carry a set (中期 / 年度 资金总额); goals have their own fields.
      const money = field === 'total' || field === 'fiscal' || field === 'special' || field === 'other' || field === 'moneyGroup';
      const scope = money ? scopeOf(forms.bare) : undefined;
      const unit = unitIn(forms.bracket);
      return { field, ...(scope ? { scope } : {}), ...(unit ? { unit } : {}) };
    }
  }
  return undefined;
}

/**
 * Recognises a header-block label, also when the cell carries its value after a colon (`项目名称:某项目`,
 * `其中:财政拨款:80`). Returns undefined for anything else (values, prose, indicator names).
 */
export function headerLabel(text: string): HeaderLabel | undefined {
  return memo(headerCache, text, headerLabelUncached);
}

/**
 * Label lookups repeat the same few hundred strings across a table (and run several times per row), so
 * results are kept; the caches are emptied when they grow, which bounds memory on hostile input.
 */
function memo<T>(cache: Map<string, T>, key: string, compute: (key: string) => T): T {
  const hit = cache.get(key);
  if (hit !== undefined || cache.has(key)) return hit as T;
  if (cache.size >= 5000) cache.clear();
  const value = compute(key);
  cache.set(key, value);
  return value;
}

const headerCache = new Map<string, HeaderLabel | undefined>();
const columnCache = new Map<string, ColumnHeader | undefined>();

function headerLabelUncached(text: string): HeaderLabel | undefined {
  const t = text.trim();
  if (t === '' || t.length > 400) return undefined;
  const whole = matchHeader(t);
  if (whole) return whole;
  // `其中:财政拨款:80` — drop the leading 其中 so the first colon is the label's own.
  const body = t.replace(/^其中\s*[:：]\s*/, '');
  const colon = body.search(/[:：]/);
  if (colon > 0) {
    const label = matchHeader(body.slice(0, colon));
    if (label) return { ...label, inlineValue: body.slice(colon + 1).trim() };
  }
  if (body !== t) return matchHeader(body);
  return undefined;
}

/** `单位:万元`, `金额单位:元`, `(单位:人民币万元)` → the unit it declares. */
export function unitStatement(text: string): MoneyUnit | undefined {
  const m = /(?:金额|资金|货币|计量)?单位\s*[:：]\s*(?:人民币)?\s*(万元|元)/.exec(toHalfWidth(text));
  return m ? (m[1] as MoneyUnit) : undefined;
}

/**
 * Title rows: `2024年度项目支出绩效目标申报表`, `XX项目绩效自评表`, also with the kind of project after it
 * (`绩效目标申报表(基础设施建设类)`).
 */
export const TITLE_RE = /(申报表|批复表|审批表|目标表|自评表|评价表|绩效目标|指标表|绩效表)\s*(?:[(（][^()（）]{1,16}[)）])?\s*[)）]?\s*$/;

/** A self-evaluation title. */
export const SELF_EVALUATION_TITLE_RE = /自评/;

/** Header-block labels that only self-evaluation tables print. */
export const SELF_EVALUATION_LABEL_RE = /^(全年执行数|执行率|全年预算数|实际完成情况)$/;

/**
 * The approval and signature block printed under a published table: `财政部门审核意见 (盖章)`,
 * `财政部门支出股室初审意见`, `区扶贫办审核意见` (a 股 or 办 of the 财政局 / 扶贫办), `年 月 日`,
 * `填表人:`, `联系电话:`, `单位负责人签字:`, `主管部门(盖章)`. Matched on a row's first filled cell; a row
 * that starts so is never an indicator, and nothing after it in the same table is either.
 */
const FOOTER_START_RE =
  /^(?:[一二三四五六七八九十\d]+\s*[、.．]\s*)?(?:(?:\S{0,12}(?:部门|单位|机构|科室|财政局|财政厅|财政|处室|股室|科|股|办|局|委))?\s*(?:审核|审批|审定|复核|评审|批复|初审|复审|终审)\s*意见|(?:单位|部门|财务|项目|分管|主要)?\s*负\s*责\s*人\s*(?:签\s*字|签\s*章|签\s*名|[:：(（]|$)|填\s*[表报]\s*人|制\s*表\s*人|经\s*办\s*人|审\s*核\s*人|复\s*核\s*人|联\s*系\s*(?:电\s*话|人|方式)|填\s*[表报]\s*日\s*期|(?:\S{0,12})?[(（]\s*(?:盖\s*章|公\s*章|签\s*章)\s*[)）]|(?:单位)?(?:盖\s*章|公\s*章)\s*[:：]?$|(?:\d{4}|[\s_]*)\s*年[\s_]*(?:\d{1,2})?[\s_]*月[\s_]*(?:\d{1,2})?[\s_]*日\s*$)/;

/** Whether a row starts the approval / signature block under a table (see FOOTER_START_RE). */
export function isFooterRow(cells: readonly string[]): boolean {
  const first = cells.find((c) => c.trim() !== '');
  if (first === undefined) return false;
  const t = toHalfWidth(first).trim();
  return t.length <= 60 && FOOTER_START_RE.test(t);
}

/** Rows that end an indicator block: notes and signatures under the table. */
export const NOTE_RE = /^(注|说明|备注|填报说明|填表说明|填表人|填报人|审核人|联系人|联系电话|财政部门审核意见)\s*[:：]/;

// ---------------------------------------------------------------------------------------------------------
// Indicator block columns

/** What an indicator-table column holds. */
export type ColumnRole =
  | 'l1'
  | 'l2'
  | 'name'
  | 'value'
  /** 计算符号 / 指标性质. */
  | 'symbol'
  /** 度量单位 / 计量单位. */
  | 'unit'
  /** 权重 / 分值. */
  | 'weight'
  /** 指标方向性 (正向 / 反向). */
  | 'direction'
  /** 指标值说明 / 指标标准或依据. */
  | 'explanation'
  | 'remark'
  /** 上年实际值 — not a target. */
  | 'previous'
  /** 上年指标值 — last year's target, kept in the remark. */
  | 'previousTarget'
  /** 实际完成值 of a self-evaluation — never a target. */
  | 'actual'
  /** 得分 of a self-evaluation. */
  | 'score'
  /** 绩效指标 / 年度绩效指标: the merged label left of the grid. */
  | 'frame'
  /** 序号, 偏差原因…: read past. */
  | 'ignore';

/** A recognised indicator column header. */
export interface ColumnHeader {
  role: ColumnRole;
  scope?: Scope;
}

/** 一级 / 二级 / 三级 headers, also as `一级指标名称`. */
const LEVEL_RE = /^(一|二|三)级(指标)?(名称|内容)?$/;

/** Recognises an indicator column header, or undefined. */
export function columnHeader(text: string): ColumnHeader | undefined {
  return memo(columnCache, text, columnHeaderUncached);
}

function columnHeaderUncached(text: string): ColumnHeader | undefined {
  const forms = normaliseLabel(text);
  const s = forms.withContent;
  const bare = forms.bare;
  if (s === '' || s.length > 20) return undefined;
  const level = LEVEL_RE.exec(bare) ?? LEVEL_RE.exec(s);
  if (level) return { role: level[1] === '一' ? 'l1' : level[1] === '二' ? 'l2' : 'name' };
  if (/^(指标名称|指标内容|绩效指标名称|具体指标|指标|三级指标内容|指标项|指标明细|绩效指标内容)$/.test(bare)) return { role: 'name' };
  if (/^(序号|编号|行次|偏差原因.*|.*原因分析.*|.*改进措施|未完成原因.*)$/.test(s)) return { role: 'ignore' };
  if (/^上年(度)?(实际|完成)/.test(s) || /^(历史值|基期值|上年值)$/.test(s)) return { role: 'previous' };
  if (/^上年(度)?(指标|目标)值?$/.test(s)) return { role: 'previousTarget' };
  // `2021年实际完成值` beside `预期2022年实现值`: a past year's actual in a target table, not a self-evaluation.
  if (/^\d{4}年度?(实际|完成)/.test(s)) return { role: 'previous' };
  if (/实际完成|实际值|完成值|完成情况|实际达成/.test(s)) return { role: 'actual' };
  if (/^(自评)?得分$/.test(s)) return { role: 'score' };
  if (/^(计算符号|符号|指标性质|运算符号|比较符号|计算方式|指标符号)$/.test(bare)) return { role: 'symbol' };
  if (/^(度量单位|计量单位|单位|指标单位|指标值单位|计量单位名称)$/.test(bare)) return { role: 'unit' };
  if (/^(权重|分值|权重分值|指标权重|分值权重|标准分值|满分|权重分|指标分值|权重%)$/.test(bare) || /^权重%?$/.test(s)) {
    return { role: 'weight' };
  }
  if (/^(指标)?方向(性)?$/.test(bare)) return { role: 'direction' };
  if (/^备注/.test(bare)) return { role: 'remark' };
  if (/说明|依据|标准|解释|计算方法|评分|评价|口径|确定方式|扣分|计分|来源/.test(s)) return { role: 'explanation' };
  // `指标值及单位`: one column holding the number with its unit (`10辆`, `≥85%`).
  // `指标值(长期)` / `指标值(年度)` (Hubei's side-by-side form): the set is in the brackets.
  const valueWord = /(指标值|目标值|实现值|预期值|计划值|预期目标|指标目标|目标)((及|和|与)(计量|度量)?单位)?$/;
  if ((valueWord.test(s) || (valueWord.test(bare) && scopeOf(forms.bracket) !== undefined)) && s.length <= 16) {
    const scope = scopeOf(s);
    return { role: 'value', ...(scope ? { scope } : {}) };
  }
  if (/^(长期|中长期|中期|实施期|实施周期|总体|年度|本年度|当年|本年)(指标)?$/.test(bare)) {
    const scope = scopeOf(bare);
    return { role: 'value', ...(scope ? { scope } : {}) };
  }
  const group = groupLabel(text);
  if (group) return { role: 'frame', ...(group.scope ? { scope: group.scope } : {}) };
  return undefined;
}

/**
 * Group labels over an indicator block or column group: `绩效指标`, `年度绩效指标`, `长期绩效指标`,
 * `二、本年度绩效指标`. Returns the scope they give (none for a plain `绩效指标`).
 */
export function groupLabel(text: string): { scope?: Scope } | undefined {
  const s = normaliseLabel(text).bare;
  const m = /^(项目)?(.{0,6}?)(绩效)?指标(体系)?$/.exec(s);
  if (!m || m[3] === undefined) return undefined;
  const prefix = m[2] ?? '';
  if (prefix !== '' && !/^(长期|中长期|中期|实施期|实施周期|总体|年度|本年度|当年|本年|总目标|项目)$/.test(prefix)) return undefined;
  const scope = scopeOf(prefix);
  return scope ? { scope } : {};
}

/** Scope-only cells of a two-row header (`长期 | 年度` under a merged `指标值`). */
export function scopeCell(text: string): Scope | undefined {
  const s = normaliseLabel(text).bare;
  if (!/^(长期|中长期|中期|实施期|实施周期|总体|年度|本年度|当年|本年|全年)(绩效)?(指标|目标)?值?$/.test(s)) return undefined;
  return scopeOf(s);
}

/** 指标方向性 values: 正向 = higher is better (≥), 反向 = lower is better (≤). */
export function directionOf(text: string): 'up' | 'down' | 'neutral' | undefined {
  const s = normaliseLabel(text).bare;
  if (/^(正向|正向指标|越大越好|越高越好|越多越好|高优)$/.test(s)) return 'up';
  if (/^(反向|反向指标|越小越好|越低越好|越少越好|低优)$/.test(s)) return 'down';
  if (/^(中性|适中|中性指标|区间)$/.test(s)) return 'neutral';
  return undefined;
}

/** Cells that mean "nothing here" in templates: `……`, `...`, `-`, `/`, `无`. */
export function isPlaceholderCell(text: string): boolean {
  return /^[.…·\-—_/、*＊\s]*$/.test(text.trim()) || /^(无|暂无|略)$/.test(text.trim());
}

// ---------------------------------------------------------------------------------------------------------
// Indicator names as templates left them

/** A template's unfilled value hint: an optional sign, two or more stars, an optional unit (`≥**人`, `**%`). */
const HINT_BODY = String.raw`(?:>=|<=|[≥≤<>=＜＞＝≧≦])?\s*[*＊]{2,}\s*(?:[%‰]|[\p{Script=Han}][\p{Script=Han}/·]{0,5}|[a-zA-Z]{1,4})?`;
const BRACKETED_HINT_RE = new RegExp(String.raw`\s*[(（]\s*(${HINT_BODY})\s*[)）]\s*$`, 'u');
const BARE_HINT_RE = new RegExp(String.raw`(?<=[\p{Script=Han}a-zA-Z)）])\s*((?:>=|<=|[≥≤<>=＜＞＝≧≦])\s*[*＊]{2,}\s*(?:[%‰]|[\p{Script=Han}][\p{Script=Han}/·]{0,5}|[a-zA-Z]{1,4})?)\s*$`, 'u');

/**
 * Poverty-relief (扶贫) templates print each indicator with a hint of the value wanted (`受益建档立卡贫困人口数
 * (≥**人)`, `资产股权年收益率( ≥**% )`, `…人口数≥**人`) and mark required (核心) indicators with a leading
 * `*`; units filling the template often keep both in the name cell. Returns the name without them and the
 * hint (`≥**人`), if any.
 */
export function nameTemplateHint(name: string): { name: string; hint?: string } {
  // Names are short; a long cell is prose, and the regexes stay cheap only on bounded input.
  if (name.length > 120) return { name };
  let t = name.trim().replace(/^[*＊★]+\s*(?=[^\s*＊★])/, '');
  let hint: string | undefined;
  const m = BRACKETED_HINT_RE.exec(t) ?? BARE_HINT_RE.exec(t);
  if (m && m.index > 0) {
    hint = m[1]!.replace(/\s+/g, '');
    t = t.slice(0, m.index).trim();
  }
  return hint !== undefined ? { name: t, hint } : { name: t };
}

const SCORE_NUMBER = String.raw`\d+(?:\.\d+)?(?:\s*[-—–~～至]\s*\d+(?:\.\d+)?)?`;
const CATEGORY_SCORE_RE = new RegExp(String.raw`\s*(?:[(（]\s*${SCORE_NUMBER}\s*分?\s*[)）]\s*分?|${SCORE_NUMBER}\s*分)\s*$`);

/**
 * A category cell without the score range Chongqing-style templates print beside it (`成本指标(0-20)分`,
 * `产出指标(50分)`, `效益指标30分`): the category name alone.
 */
export function categoryText(text: string): string {
  const t = text.trim();
  if (t.length > 40) return t;
  const m = CATEGORY_SCORE_RE.exec(t);
  if (!m || m.index === 0) return t;
  const head = t.slice(0, m.index).trim();
  return /[\p{Script=Han}]/u.test(head) ? head : t;
}
