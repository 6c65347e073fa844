/**
 * Pasted or saved text → rows of cells. Staff paste target tables in four shapes, detected here with no
 * configuration:
 * - `pipe`: `| a | b |` lines, as copied from web tables rendered as Markdown or from Markdown itself;
 * - `tab`: tab-separated, as Excel, WPS and browsers copy a table (Excel's quoted multi-line cells honoured);
 * - `spaces`: cells run together with spaces only (text copied out of a PDF);
 * - `lines`: one cell per line (a table copied out of a PDF viewer or a phone page).
 * Every function here is linear in the length of the text.
 */
import type { SourceRow } from './index';

/** The text shapes `textToRows` recognises. */
export type TextShape = 'pipe' | 'tab' | 'spaces' | 'lines';

const MARKDOWN_RULE = /^\s*[|｜]?\s*:?-{2,}:?\s*([|｜]\s*:?-{2,}:?\s*)*[|｜]?\s*$/;

function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

function pipeCount(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if ((c === '|' || c === '｜') && line[i - 1] !== '\\') n++;
  }
  return n;
}

/** Guesses the shape of pasted text from its non-empty lines. */
export function detectTextShape(text: string): TextShape {
  const lines = splitLines(text).filter((l) => l.trim() !== '');
  if (lines.length === 0) return 'lines';
  let piped = 0;
  let tabbed = 0;
  let multiToken = 0;
  for (const line of lines) {
    const trimmed = line.trim();
    if (pipeCount(trimmed) >= 1) piped++;
    if (line.includes('\t')) tabbed++;
    if (/\S[ \u00a0\u3000]+\S/.test(trimmed)) multiToken++;
  }
  // A third of the lines is enough: titles, unit lines and goal paragraphs sit between table rows.
  if (piped * 3 >= lines.length && (piped >= 2 || lines.length === 1)) return 'pipe';
  if (tabbed * 3 >= lines.length) return 'tab';
  return multiToken * 2 >= lines.length ? 'spaces' : 'lines';
}

function splitPipeLine(line: string): string[] {
  let t = line.trim();
  // Outer pipes come in pairs (`| a | b |`); a lone leading pipe is an empty first cell (` | | 培训 | 5次`).
  const leading = /^[|｜]/.test(t);
  const trailing = /[|｜]$/.test(t) && !t.endsWith('\\|') && t.length > 1;
  if (leading && trailing) t = t.slice(1, -1);
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (c === '\\' && t[i + 1] === '|') {
      current += '|';
      i++;
    } else if (c === '|' || c === '｜') {
      cells.push(current.trim());
      current = '';
    } else current += c;
  }
  cells.push(current.trim());
  return cells;
}

function pipeRows(text: string): SourceRow[] {
  const rows: SourceRow[] = [];
  splitLines(text).forEach((line, index) => {
    if (line.trim() === '' || MARKDOWN_RULE.test(line)) return;
    const cells = pipeCount(line) > 0 ? splitPipeLine(line) : [line.trim()];
    rows.push({ cells, line: index + 1 });
  });
  return rows;
}

/**
 * Tab-separated text with Excel's quoting: a cell that starts with `"` runs to the next lone `"` that is
 * followed by a tab, a line break or the end, with `""` standing for one quote. A quote that does not close
 * that way is an ordinary character (people start cells with quoted phrases). Once a quoted cell failed,
 * no cell starting before the point where that attempt gave up is tried again, which keeps this linear.
 */
function tabRows(text: string): SourceRow[] {
  const t = text.replace(/^\uFEFF/, '');
  const rows: SourceRow[] = [];
  let cells: string[] = [];
  let line = 1;
  let rowLine = 1;
  let failedUpTo = -1;
  let i = 0;
  const pushRow = (): void => {
    if (cells.some((c) => c.trim() !== '')) rows.push({ cells: cells.map((c) => c.trim()), line: rowLine });
    cells = [];
  };
  while (i <= t.length) {
    // Start of a cell.
    if (t[i] === '"' && i > failedUpTo) {
      let j = i + 1;
      let value = '';
      let newlines = 0;
      let closed = false;
      while (j < t.length) {
        const c = t[j]!;
        if (c === '"') {
          if (t[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          const next = t[j + 1];
          closed = next === undefined || next === '\t' || next === '\n' || next === '\r';
          break;
        }
        if (c === '\n') newlines++;
        value += c;
        j++;
      }
      if (closed) {
        cells.push(value.replace(/\r\n?/g, '\n'));
        line += newlines;
        i = j + 1;
        if (t[i] === '\t') {
          i++;
          continue;
        }
        // Line break or end of text.
        if (t[i] === '\r' && t[i + 1] === '\n') i++;
        pushRow();
        i++;
        line++;
        rowLine = line;
        continue;
      }
      failedUpTo = j;
    }
    let j = i;
    while (j < t.length && t[j] !== '\t' && t[j] !== '\n' && t[j] !== '\r') j++;
    cells.push(t.slice(i, j));
    if (j >= t.length) {
      pushRow();
      break;
    }
    if (t[j] === '\t') {
      i = j + 1;
      continue;
    }
    if (t[j] === '\r' && t[j + 1] === '\n') j++;
    pushRow();
    i = j + 1;
    line++;
    rowLine = line;
  }
  return rows;
}

/** Common 计量单位 that PDF text puts after a number with a space (`95 %`, `20 平方米`). */
const UNIT_WORDS = new Set(
  (
    '% ‰ 个 项 次 场 场次 人 人次 万人次 万人 户 家 台 套 台套 件 辆 条 份 批 批次 本 册 期 期次 天 日 周 月 年 ' +
    '小时 分钟 秒 工作日 个工作日 元 万元 亿元 元/亩 元/人 元/人·月 元/年 平方米 万平方米 立方米 米 公里 千米 ' +
    '亩 万亩 吨 万吨 所 座 间 张 部 处 名 位 篇 课时 学时 门 种 类 宗 起 个百分点 分 棵 株 头 只 千瓦 兆瓦 ' +
    '千瓦时 路 点 节 班 GB TB km m kg t 家次 户次 个月 篇次 册次 人/次'
  ).split(' '),
);
/** A unit word, or a rate of two (`元/平方米`, `人次/年`). */
function isUnitWord(token: string): boolean {
  if (UNIT_WORDS.has(token)) return true;
  const parts = token.split('/');
  return parts.length === 2 && parts.every((p) => UNIT_WORDS.has(p));
}
const SUFFIX_WORDS = new Set(['以上', '以下', '以内', '及以上', '及以下', '之内']);
const SYMBOL_TOKEN =
  /^(>=|<=|=>|=<|≥|≤|≧|≦|>|<|=|＞|＜|＝|不少于|不低于|不小于|不超过|不高于|不大于|大于|小于|等于|大于等于|小于等于|至少)$/;
const NUMBER_TOKEN = /^[+-]?\d[\d,]*(\.\d+)?%?$/;

/**
 * Rejoins what spacing split inside one value: a lone symbol with the number after it (`≥ 95`), a number
 * with the unit or `以上` after it (`95 %`, `3 小时 以内`).
 */
function mergeValueTokens(tokens: string[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    const prev = out[out.length - 1];
    if (prev !== undefined) {
      const prevIsNumber = NUMBER_TOKEN.test(prev.replace(/^\D+/, '')) && /\d/.test(prev);
      if (SYMBOL_TOKEN.test(prev) && /^[+-]?\d/.test(token)) {
        out[out.length - 1] = prev + token;
        continue;
      }
      if (prevIsNumber && (isUnitWord(token) || SUFFIX_WORDS.has(token))) {
        out[out.length - 1] = prev + token;
        continue;
      }
      if (SUFFIX_WORDS.has(token) && /\d\D{1,6}$/.test(prev)) {
        out[out.length - 1] = prev + token;
        continue;
      }
    }
    out.push(token);
  }
  return out;
}

function spaceRows(text: string): SourceRow[] {
  const lines = splitLines(text);
  // When cells are padded with runs of spaces, single spaces belong inside cells (`1. 完成建设`).
  let multi = 0;
  let wide = 0;
  for (const line of lines) {
    const t = line.trim();
    if (/\S[ \u00a0\u3000]+\S/.test(t)) multi++;
    if (/\S[ \u00a0\u3000]{2,}\S/.test(t)) wide++;
  }
  const separator = multi > 0 && wide * 2 >= multi ? /[ \u00a0\u3000]{2,}/ : /[ \u00a0\u3000]+/;
  const rows: SourceRow[] = [];
  lines.forEach((line, index) => {
    const t = line.trim();
    if (t === '') return;
    rows.push({ cells: mergeValueTokens(t.split(separator).filter((c) => c !== '')), line: index + 1 });
  });
  return rows;
}

function lineRows(text: string): SourceRow[] {
  const rows: SourceRow[] = [];
  splitLines(text).forEach((line, index) => {
    const t = line.trim();
    if (t !== '') rows.push({ cells: [t], line: index + 1 });
  });
  return rows;
}

/**
 * Reads pasted or saved text into rows, detecting its shape (see `detectTextShape`). Cells are trimmed;
 * blank lines and Markdown rule lines (`|---|---|`) give no row. `line` is the 1-based line the row starts on.
 */
export function textToRows(text: string, shape: TextShape = detectTextShape(text)): SourceRow[] {
  switch (shape) {
    case 'pipe':
      return pipeRows(text);
    case 'tab':
      return tabRows(text);
    case 'spaces':
      return spaceRows(text);
    case 'lines':
      return lineRows(text);
  }
}
