/** 计算符号 as the portal stores them: ＞ ＝ ＜ full-width, ≥ ≤ the usual math signs, 定性 for qualitative rows. */
export const SYMBOLS = ['≥', '＞', '＝', '＜', '≤', '定性'] as const;

/** What kept a value from being read cleanly (the checker reports these as `value.malformed`). */
export const VALUE_PROBLEMS = ['symbol-unreadable', 'number-unreadable'] as const;
