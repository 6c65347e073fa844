/**
 * Text flattened out of a Word or PDF preview, with the table's cell borders gone:
 * `…数量指标办公大楼日常维修维护次数反映办公大楼全年维修维护情况2280次大楼安检巡察次数…`, or one table row per
 * line with its cells run together (`产出指标数量指标农村义务教育学校改造覆盖率100%`), or a notice that states the
 * targets in prose (`数量指标:种植数量(≥**株)>=17600株;种植作物成活率>=85;`).
 *
 * There is nothing to split on but meaning, so the text is cut where the vocabulary of the tables says a
 * new thing starts:
 * - the taxonomy's 一级 / 二级 names (产出指标, 数量指标, 社会效益指标, 服务对象满意度指标…) start a category;
 * - a value shape (sign, number, measure word: `≥90%`, `2280次`, `=300天`) ends an indicator;
 * - a qualitative outcome at the end of a piece (`稳步提高`, `显著改善`, `长远`) is its 定性 value;
 * - `反映…` after a name is its explanation; template hints `(≥**%)` are dropped;
 * - header labels (项目名称, 主管部门, 年度资金总额, 年度目标…) split the block above the table.
 * The result is rows in the shape of a 申报表 grid, which the declaration importer reads as usual. Every
 * indicator cut this way is a guess and gets a warning with its line.
 */
import { findLevel2, type ImportWarning, PROFILES, type TaxonomyProfile } from '../domain';
import { toHalfWidth } from '../domain/text';
import type { SourceRow } from './index';

interface CategoryLabels {
  level1: string[];
  level2: string[];
  /** Any label, for scanning (global). */
  any: RegExp;
  /** A 二级 label at `lastIndex`, after optional spaces (sticky). */
  level2At: RegExp;
  /** A 二级 label glued to the text around it, or a prose notice's `数量指标:` (for looksFlattened). */
  glued: RegExp;
}

const labelCache = new WeakMap<TaxonomyProfile, CategoryLabels>();

/** Category labels as printed, longest first so `社会公众或服务对象满意度指标` wins over `满意度指标`; built once per profile. */
function categoryLabels(profile: TaxonomyProfile): CategoryLabels {
  const cached = labelCache.get(profile);
  if (cached) return cached;
  const level1 = new Set<string>();
  const level2 = new Set<string>();
  for (const p of [profile, ...PROFILES]) {
    for (const l1 of p.level1) {
      for (const n of [l1.name, ...l1.aliases]) if (/指标$/.test(n)) level1.add(n);
      for (const l2 of l1.level2) {
        for (const n of [l2.name, ...l2.aliases]) if (n.length >= 4 || /指标$/.test(n)) level2.add(n);
        // `经济效益` / `经济成本` are printed with 指标 more often than without.
        if (!/指标$/.test(l2.name)) level2.add(`${l2.name}指标`);
      }
    }
  }
  // Older tables say 目标 for 指标 (`社会效益目标`).
  for (const n of [...level2]) if (/效益指标$/.test(n)) level2.add(n.replace(/指标$/, '目标'));
  const byLength = (a: string, b: string) => b.length - a.length;
  const l1 = [...level1].sort(byLength);
  const l2 = [...level2].filter((n) => !level1.has(n) || /成本/.test(n)).sort(byLength);
  const l2Alt = l2.map(escape).join('|');
  const labels: CategoryLabels = {
    level1: l1,
    level2: l2,
    any: new RegExp([...l2, ...l1].map(escape).join('|'), 'g'),
    level2At: new RegExp(`\\s*(?:${l2Alt})`, 'y'),
    // Glued on both sides (`…率100%质量指标校舍…`), or a prose notice's `数量指标:`.
    glued: new RegExp(`(?:[\\p{Script=Han}](?:${l2Alt})[\\p{Script=Han}\\d≥≤<>=]|(?:^|[\\p{Script=Han}\\s,;。])(?:${l2Alt})[:,])`, 'gmu'),
  };
  labelCache.set(profile, labels);
  return labels;
}

const UNIT =
  '%|‰|百分比|人次|万人|万元|元\\/株|元\\/人|元|\\/株|个|次|天|日|户|株|人|件|项|辆|公里|千米|平方米|米|亩|吨|所|座|台|套|家|篇|场|期|批|小时|分钟|月|年|周|份|册|本|条|处|间|栋|名|km|KM|M|m|GB';
const SIGN = '(?:[≥≤<>=]=?|不低于|不少于|不高于|不超过|大于等于|小于等于|大于|小于|达到)';
/** A value as tables print it: optional sign, a number, a measure word. */
const VALUE_RE = new RegExp(`${SIGN}?\\s*\\d+(?:\\.\\d+)?\\s*(?:${UNIT})?`, 'g');
/** Qualitative outcomes that end a piece: its 定性 value. */
const QUALITATIVE_END_RE =
  /((?:稳步|明显|显著|有效|逐步|不断|持续|进一步|大幅)?(?:提高|提升|改善|增强|增加岗位|加强|保障)|良好|优良|达标|合格|长远|长期|优秀|按时完成|按期完成|及时)$/;
/** Outcomes that need no number and may sit mid-text, glued to the next indicator's name. */
const QUALITATIVE_MID_RE = /不超预算|不超过预算|控制在预算内|控制在预算范围内/;
/** Template hints left in a name: `(≥**%)`, `(≤**万元)`. */
const HINT_RE = /[(]\s*[≥≤<>=]*\s*[*＊]+[^()]{0,8}[)]/g;
/** Column captions of the indicator grid. */
const CAPTION_RE =
  /^(?:一级指标|二级指标|三级指标|指标内容|指标名称|指标值|指标目标值|目标值|绩效标准|当年预期实现值|预期实现值|年度指标值|备注|指标解释|指标说明)/;
/** Where the table ends: notes, attachments, approval and signature lines. */
const END_RE = /(?:^|[。;\s])(?:注[:：]|附件[:：]|填表人|填报人|单位负责人|(?:主管部门|财政部门|财政)?审核意见)/;

/** Header labels of a 申报表, in the words tables print, mapped to the label the header reader knows. */
const HEADER_LABELS: [RegExp, string][] = [
  [/二级项目名称/, '项目名称'],
  [/一[*＊\s]?级项目名称/, '项目属性'],
  [/项目支出名称|项目名称/, '项目名称'],
  [/主管部门编码|主管部门代码/, '项目属性'],
  [/项目主管部门|主管部门/, '主管部门'],
  [/项目执行单位|项目实施单位|实施单位/, '实施单位'],
  [/预算申报数|年度资金总额|资金总额|年度预算金额/, '年度资金总额'],
  [/财政拨款/, '财政拨款'],
  [/其他资金/, '其他资金'],
  [/年度绩效目标|年度目标/, '年度目标'],
  [/总体目标|长期目标|实施期目标|(?<![项目支出保障])绩效目标(?!表|实现|申报|设定)/, '总体目标'],
  [/项目类型|项目属性|项目分类|项目类别|项目性质|资金用途|资金性质|项目负责人|项目开始日期|项目完成.期|立项依据|项目立项依据|基本情况|项目概况|主管部门编码|项目单位|项目起止时间|项目总投资|中央补助安排|省级财政安排/, '项目属性'],
];
const HEADER_SCAN_RE = new RegExp(HEADER_LABELS.map(([re]) => re.source).join('|'), 'g');
const MONEY_LABELS = new Set(['年度资金总额', '财政拨款', '其他资金']);

interface Piece {
  text: string;
  offset: number;
}

/** Line number (1-based) of every offset, from the line starts. */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/**
 * Whether the text is such a flattened table: category names glued to the text around them (no tab, no
 * pipe, no run of spaces between cells) at least twice.
 */
export function looksFlattened(text: string, profile: TaxonomyProfile): boolean {
  if (text.length > 200_000 || /\t|\|/.test(text)) return false;
  let glued = 0;
  for (const _ of toHalfWidth(text).matchAll(categoryLabels(profile).glued)) if (++glued >= 2) return true;
  return false;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A flattened table cut into grid rows for the declaration importer, with a warning per guessed indicator. */
export function flatTextToRows(source: string, profile: TaxonomyProfile): { rows: SourceRow[]; warnings: ImportWarning[] } {
  const text = toHalfWidth(source).replace(/[★☆]/g, '');
  const lineOf = lineFinder(text);
  const warnings: ImportWarning[] = [];
  const labels = categoryLabels(profile);
  const l1Set = new Set(labels.level1);
  const labelRe = labels.any;

  // Blocks: each indicator grid starts after its captions (`一级指标二级指标三级指标指标值`) or at its first category.
  const blocks: { start: number; end: number; scope: 'period' | 'annual'; captions: number }[] = [];
  const captionStart = /一级指标\s*二级指标/g;
  for (const m of text.matchAll(captionStart)) {
    let at = m.index;
    let rest = text.slice(at);
    for (;;) {
      const c = CAPTION_RE.exec(rest.replace(/^\s+/, ''));
      if (!c) break;
      const skip = rest.length - rest.replace(/^\s+/, '').length + c[0].length;
      at += skip;
      rest = rest.slice(skip);
    }
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    const scope = /长期|中长期|实施期|总体/.test(before) ? 'period' : 'annual';
    blocks.push({ start: at, end: text.length, scope, captions: m.index });
  }
  if (blocks.length === 0) {
    // The regex is shared per profile: start it from the beginning, and leave it there.
    labelRe.lastIndex = 0;
    const first = labelRe.exec(text);
    labelRe.lastIndex = 0;
    if (!first) return { rows: [], warnings };
    blocks.push({ start: first.index, end: text.length, scope: 'annual', captions: first.index });
  }
  for (let b = 0; b < blocks.length - 1; b++) {
    // The next block's captions (and its set label before them) end this one.
    const next = text.lastIndexOf('一级指标', blocks[b + 1]!.start);
    const label = /(长期|中长期|实施期|年度|本年度)?(绩效)?指标\s*$/.exec(text.slice(blocks[b]!.start, next));
    blocks[b]!.end = next - (label ? label[0].length : 0);
  }
  for (const block of blocks) {
    const end = END_RE.exec(text.slice(block.start, block.end));
    if (end) block.end = block.start + end.index;
  }

  // The grid's frame label (`绩效指标`, `年度绩效指标`) just before the captions belongs to neither side.
  const headerText = text.slice(0, blocks[0]!.captions).replace(/(?:(?:长期|中长期|年度|本年度)?绩效指标|保障绩效目标实现措施)+\s*$/, '');
  const rows: SourceRow[] = headerRows(headerText, lineOf);
  for (const block of blocks) {
    rows.push({ cells: ['一级指标', '二级指标', '三级指标', '指标解释', block.scope === 'period' ? '实施期指标值' : '年度指标值'], line: lineOf(block.start) });
    let l1 = '';
    let l2 = '';
    let cursor = block.start;
    const segment = text.slice(block.start, block.end);
    const flush = (until: number): void => {
      for (const item of readItems({ text: text.slice(cursor, until), offset: cursor })) {
        const repaired = repairSignMisread(item.value);
        rows.push({ cells: [l1, l2, item.name, item.explanation, repaired ?? item.value], line: lineOf(item.offset) });
        warnings.push({
          line: lineOf(item.offset),
          message: `无分隔符的文本,按指标词表拆分:「${item.name || '(无名称)'}」指标值「${item.value || '(无)'}」${repaired ? `(超过100%,疑为「${repaired}」:预览把 ≥ 读成了 2)` : ''},请核对 / flattened text split by the taxonomy vocabulary — please review`,
        });
      }
    };
    for (const m of segment.matchAll(labelRe)) {
      const at = block.start + m.index;
      const label = m[0];
      // A 二级 name printed again right after its own label is the indicator's name (`服务对象满意度服务对象满意度%=99`).
      if (at === cursor && label === l2) continue;
      flush(at);
      // A label that names a 一级 only (产出指标…) is one; 成本指标 is a 一级 only when a 二级 follows it (the 2021 layout).
      labels.level2At.lastIndex = at + label.length;
      if (l1Set.has(label) && (!labels.level2.includes(label) || labels.level2At.test(text))) {
        l1 = label;
        l2 = '';
      } else {
        l2 = label;
        // A grid that prints no 一级 before its first 二级: the taxonomy says which one it is.
        if (l1 === '') l1 = findLevel2(profile, label)?.level1.name ?? '';
      }
      cursor = at + label.length;
    }
    flush(block.end);
  }
  return { rows, warnings };
}

/**
 * Word/PDF previews render the ≥ glyph of some fonts as the digit 2: `292%` for `≥92%`. A rate over 100%
 * that reads as a rate once its leading 2 is taken for ≥ is repaired (with the warning saying so).
 */
function repairSignMisread(value: string): string | undefined {
  const m = /^2(\d{1,3}(?:\.\d+)?)%$/.exec(value.trim());
  if (!m || Number(`2${m[1]}`) <= 100 || Number(m[1]) > 100) return undefined;
  return `≥${m[1]}%`;
}

interface Item {
  name: string;
  explanation: string;
  value: string;
  offset: number;
}

/** Cuts the text between two category labels into indicators: name (反映… explanation), value. */
function readItems(piece: Piece): Item[] {
  const items: Item[] = [];
  const parts: Piece[] = [];
  // Separators a prose notice uses between indicators; line breaks of a row-per-line copy.
  let last = 0;
  for (const m of piece.text.matchAll(/[;。\n]|,(?=\s*[\p{Script=Han}])(?<=\d[^,]{0,6},)/gu)) {
    parts.push({ text: piece.text.slice(last, m.index), offset: piece.offset + last });
    last = m.index + m[0].length;
  }
  parts.push({ text: piece.text.slice(last), offset: piece.offset + last });
  for (const part of parts) {
    const t = part.text.replace(HINT_RE, (h) => ' '.repeat(h.length));
    if (t.trim().replace(/^[:,、\s]+/, '') === '') continue;
    let start = 0;
    for (const m of t.matchAll(VALUE_RE)) {
      const before = t.slice(start, m.index);
      const after = t.slice(m.index + m[0].length);
      // A value ends an indicator where the piece ends or a new name follows it. A bare number with neither
      // sign nor measure word mid-sentence is part of the name (`第3批`), not its value.
      const marked = /^[≥≤<>=不大小达]/.test(m[0].trim()) || /\D$/.test(m[0].trim());
      const atEnd = /^[\s,:…．.]*$/.test(after);
      if (!atEnd && (!(marked && nextStartsName(after)) || /[第前近每共约]\s*$/.test(before))) continue;
      if (before.trim() === '' && m[0].trim() !== '') {
        // A value with no name of its own: the value column beside an empty name cell.
        items.push({ name: '', explanation: '', value: m[0].trim(), offset: part.offset + m.index });
      } else {
        items.push({ ...nameAndExplanation(before), value: m[0].trim(), offset: part.offset + start });
      }
      start = m.index + m[0].length;
    }
    let rest = t.slice(start).trim().replace(/^[:,、\s]+/, '');
    // An outcome that needs no number (`成本控制率不超预算`) ends its indicator where the next name begins.
    for (let q = QUALITATIVE_MID_RE.exec(rest); q && q.index >= 2 && q.index + q[0].length < rest.length; q = QUALITATIVE_MID_RE.exec(rest)) {
      items.push({ ...nameAndExplanation(rest.slice(0, q.index)), value: q[0], offset: part.offset + start });
      rest = rest.slice(q.index + q[0].length);
    }
    // A sign with its number lost at the end of the text (`…下降情况>`): the sign is what is left of the value.
    const sign = /(?:[≥≤<>=]=?)$/.exec(rest);
    if (sign && sign.index >= 2) {
      items.push({ ...nameAndExplanation(rest.slice(0, sign.index)), value: sign[0], offset: part.offset + start });
      rest = '';
    }
    // Section numbering of a prose notice (`二、`) is not an indicator.
    if (rest !== '' && !/^[一二三四五六七八九十\d]+\s*[、.]?$/.test(rest)) {
      const q = QUALITATIVE_END_RE.exec(rest);
      const name = q && q.index >= 2 ? rest.slice(0, q.index) : rest;
      items.push({ ...nameAndExplanation(name), value: q && q.index >= 2 ? q[0] : '', offset: part.offset + start });
    }
  }
  return items;
}

/** Whether the text after a value starts a new name (Chinese text, not a unit or a continuation). */
function nextStartsName(after: string): boolean {
  return /^\s*[\p{Script=Han}]/u.test(after);
}

function nameAndExplanation(text: string): { name: string; explanation: string } {
  const t = text.trim().replace(/^[:,、\s]+/, '').replace(/\s+/g, ' ');
  const at = t.search(/反映|用于反映|用以反映/);
  if (at >= 2) return { name: t.slice(0, at).trim(), explanation: t.slice(at).trim() };
  return { name: t, explanation: '' };
}

/** The block above the table, cut at its labels into `label | value` rows the header reader knows. */
function headerRows(text: string, lineOf: (offset: number) => number): SourceRow[] {
  const rows: SourceRow[] = [];
  // `主管部门审核意见` is the approval line, not the 主管部门 label.
  const hits = [...text.matchAll(HEADER_SCAN_RE)].filter((m) => !/^\s*审核意见/.test(text.slice(m.index + m[0].length)));
  if (hits.length === 0) return rows;
  const title = text.slice(0, hits[0]!.index).trim();
  if (title !== '') rows.push({ cells: [title], line: lineOf(0) });
  hits.forEach((m, k) => {
    const label = HEADER_LABELS.find(([re]) => re.test(m[0]))![1];
    const end = hits[k + 1]?.index ?? text.length;
    let value = text.slice(m.index + m[0].length, end).replace(/^[\s:]+/, '').trim();
    if (MONEY_LABELS.has(label)) {
      const money = /\d+(?:\.\d+)?\s*(?:万元|元)?/.exec(value);
      value = money ? money[0] : '';
    }
    if (value !== '') rows.push({ cells: [label, value], line: lineOf(m.index) });
  });
  return rows;
}
