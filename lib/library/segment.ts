/**
 * Chinese word segmentation and pinyin keys, shared by search and suggestions.
 * Intl.Segmenter ('zh', word) where the runtime has it (Chrome, Node 20, Firefox ≥ 125); otherwise
 * every Han character starts a word, which only makes matching a little looser.
 */
import { pinyin } from 'pinyin-pro';

type WordSegmenter = { segment(text: string): Iterable<{ segment: string; isWordLike?: boolean }> };

const segmenter: WordSegmenter | null =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;

const HAN_RE = /\p{Script=Han}/u;

/** Whether text contains a Chinese character. */
export function hasHan(text: string): boolean {
  return HAN_RE.test(text);
}

/** One segment of text: its characters and whether it is a word (not punctuation or space). */
interface Segment {
  text: string;
  word: boolean;
}

/** Segmentations by text: names recur across templates and sets, and the segmenter is the costly part of indexing. */
const segmentCache = new Map<string, readonly Segment[]>();
const SEGMENT_CACHE_LIMIT = 50_000;

function segmentsOf(text: string): readonly Segment[] {
  const cached = segmentCache.get(text);
  if (cached) return cached;
  const segments: Segment[] = segmenter
    ? Array.from(segmenter.segment(text), (s) => ({ text: s.segment, word: s.isWordLike === true }))
    : fallbackSegments(text).map((s) => ({ text: s, word: /[\p{L}\p{N}]/u.test(s) }));
  if (segmentCache.size >= SEGMENT_CACHE_LIMIT) segmentCache.clear();
  segmentCache.set(text, segments);
  return segments;
}

/** The word-like segments of text, in order (punctuation and spaces dropped). */
export function segmentWords(text: string): string[] {
  const out: string[] = [];
  for (const s of segmentsOf(text)) if (s.word) out.push(s.text);
  return out;
}

/** Without a segmenter: each Han character alone, runs of letters/digits together, anything else alone. */
function fallbackSegments(text: string): string[] {
  return text.match(/\p{Script=Han}|[\p{L}\p{N}]+|[^\p{L}\p{N}]/gu) ?? [];
}

const readingCache = new Map<string, readonly string[]>();

/**
 * Second readings of polyphones common in budget and office vocabulary (行长, 银行, 重复, 会计, 调研 …).
 * Data, not a rule: only these are offered, because every rare reading (区 as ou, 乐 as yao) would
 * make short queries match many unrelated names.
 */
const OTHER_READINGS: Readonly<Record<string, readonly string[]>> = {
  行: ['hang'],
  长: ['zhang'],
  重: ['chong'],
  会: ['kuai'],
  调: ['diao'],
  还: ['hai'],
  都: ['dou'],
  差: ['chai'],
  系: ['ji'],
  给: ['ji'],
  朝: ['zhao'],
  省: ['xing'],
  参: ['shen'],
  降: ['xiang'],
  藏: ['zang'],
  解: ['xie'],
  单: ['shan'],
  便: ['pian'],
  强: ['jiang'],
  传: ['zhuan'],
  种: ['chong'],
  率: ['shuai'],
  数: ['shuo'],
  度: ['duo'],
  乐: ['yue'],
  了: ['le'],
  着: ['zhao', 'zhuo'],
  地: ['de'],
  的: ['di'],
  得: ['dei'],
  为: ['wei'],
  供: ['gong'],
  处: ['chu'],
  应: ['ying'],
  间: ['jian'],
  更: ['geng'],
  少: ['shao'],
  量: ['liang'],
  奇: ['ji'],
  宿: ['xiu'],
  期: ['ji'],
  卡: ['qia'],
  厦: ['sha'],
  曾: ['zeng'],
  校: ['jiao'],
  露: ['lou'],
  薄: ['bo'],
  壳: ['qiao'],
  血: ['xie'],
  尽: ['jin'],
  仇: ['qiu'],
};

/**
 * Toneless readings of one character, the usual one first (ü as v), plus the second readings of
 * common polyphones (行 → xing, hang), so `yinhang` finds 银行 without reading each name in context.
 * Anything else reads as itself, lower-case. Cached per character: a library has a few thousand.
 */
export function readings(char: string): readonly string[] {
  let cached = readingCache.get(char);
  if (!cached) {
    if (HAN_RE.test(char)) {
      const main = pinyin(char, { toneType: 'none', v: true }).toLowerCase() || char;
      cached = [...new Set([main, ...(OTHER_READINGS[char] ?? [])])];
    } else {
      cached = [char.toLowerCase()];
    }
    readingCache.set(char, cached);
  }
  return cached;
}

/** The readings of each code point of text. */
export function syllables(text: string): Array<readonly string[]> {
  return Array.from(text, readings);
}

/** Single characters that say nothing about a project (dropped from suggestion queries). */
const STOP_WORDS = new Set(
  '的 了 和 与 及 或 等 对 在 为 是 将 把 被 以 由 其 之 于 从 向 按 各 该 本 此 并 且 而 也 都 又 就 个 年 月 日 项 中 上 下 内 外 有 无 进行 开展 通过 相关 有关 工作 方面 情况 提供 保障 确保 实现 加强 推进 提高 提升 完成 项目 经费'.split(
    ' ',
  ),
);

/**
 * Tokens for the full-text suggestion index: words of the segmented text, lower-case, without stop
 * words. Single Han characters the segmenter leaves alone are joined with their single-character
 * neighbours (运|维 → 运维, 保|洁 → 保洁); a single character left on its own (费, 率) is dropped.
 */
export function suggestionTokens(text: string): string[] {
  // Line by line: a set's item names are one field, and each name's segmentation is cached alone.
  if (text.includes('\n')) return text.split('\n').flatMap((line) => suggestionTokens(line));
  const out: string[] = [];
  let run = '';
  const flush = () => {
    if ([...run].length >= 2) out.push(run);
    run = '';
  };
  for (const w of segmentWords(text.toLowerCase())) {
    const single = [...w].length === 1;
    if (STOP_WORDS.has(w)) {
      flush();
      continue;
    }
    if (single && hasHan(w)) {
      run += w;
      continue;
    }
    flush();
    if (single && /\d/.test(w)) continue;
    out.push(w);
  }
  flush();
  return out;
}
