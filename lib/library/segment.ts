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

/** The word-like segments of text, in order (punctuation and spaces dropped). */
export function segmentWords(text: string): string[] {
  if (segmenter) {
    const out: string[] = [];
    for (const s of segmenter.segment(text)) if (s.isWordLike) out.push(s.segment);
    return out;
  }
  return fallbackSegments(text).filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/** Without a segmenter: each Han character alone, runs of letters/digits together, anything else alone. */
function fallbackSegments(text: string): string[] {
  return text.match(/\p{Script=Han}|[\p{L}\p{N}]+|[^\p{L}\p{N}]/gu) ?? [];
}

/** For each code point of text, whether a word starts there. */
export function wordStarts(text: string): Uint8Array {
  const chars = [...text];
  const starts = new Uint8Array(chars.length);
  const segments = segmenter ? [...segmenter.segment(text)].map((s) => s.segment) : fallbackSegments(text);
  let i = 0;
  for (const seg of segments) {
    if (i < starts.length) starts[i] = 1;
    i += [...seg].length;
  }
  return starts;
}

/**
 * One syllable per code point: toneless pinyin (ü as v) for Han characters, the character itself
 * (lower-case) for anything else. Polyphones are read in context (银行 → yin hang).
 */
export function syllables(text: string): string[] {
  const chars = [...text];
  if (!hasHan(text)) return chars.map((c) => c.toLowerCase());
  let out = pinyin(text, { toneType: 'none', type: 'array', v: true });
  // pinyin-pro returns one item per character for BMP text; re-read one by one if it did not.
  if (out.length !== chars.length) out = chars.map((c) => pinyin(c, { toneType: 'none', v: true }) || c);
  return out.map((s, i) => (s === '' ? chars[i]!.toLowerCase() : s.toLowerCase()));
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
