/**
 * The catalog of the side panel and the options page: Simplified Chinese (default, complete) in
 * ui.zh-CN.ts, English (complete, type-checked against it) in ui.en.ts.
 */
import { defineCatalog, type Translator } from './index';
import { uiEn } from './ui.en';
import { uiZhCN, type UiMessages } from './ui.zh-CN';

export type { UiMessages } from './ui.zh-CN';

export const uiMessages = defineCatalog('ui', uiZhCN, uiEn);

/** A bound translator of the UI catalog. */
export type UiTranslator = Translator<UiMessages>;
