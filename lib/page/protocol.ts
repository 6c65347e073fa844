import * as z from 'zod/mini';

/**
 * Messages an extension page (side panel, options) sends to the content script of a portal tab, and
 * their replies. zod/mini keeps the content script small; both sides validate on arrival with these
 * schemas. Part of the one protocol: lib/messaging.ts re-exports it.
 */
export const PAGE_CHANNEL = 'tianbao-page';

/** The one problem a frame's undo names when it has no fill to undo (its set was not part of the fill). */
export const NOTHING_TO_UNDO = 'nothing to undo';

export const pageFindingSchema = z.object({
  key: z.string(),
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  project: z.string(),
  indicator: z.optional(z.string()),
  /** Index into the tab's merged indicator list (frames place it with their offset). */
  indicatorIndex: z.optional(z.number()),
  field: z.optional(z.string()),
  message: z.string(),
});
export type PageFinding = z.infer<typeof pageFindingSchema>;

const mismatch = z.object({ set: z.enum(['period', 'annual']), row: z.number(), field: z.string(), expected: z.string(), actual: z.string() });

/**
 * The step a fill (or undo) could not get past: which one, where, and why, in Chinese and English. A fill
 * that stops puts back what it changed unless the person chose to keep what landed (`kept`).
 */
export const fillFailureSchema = z.object({
  /** What was being done: `add-rows`, `write`, `switch-set`, `verify`, `delete-rows`, `restore`, `deadline`. */
  step: z.string(),
  set: z.optional(z.enum(['period', 'annual'])),
  /** 0-based row in the set's grid. */
  row: z.optional(z.number()),
  /** The field (`level2`, `value` …) when one cell failed. */
  field: z.optional(z.string()),
  /** Why, in Chinese (shown first). */
  message: z.string(),
  /** Why, in English. */
  messageEn: z.string(),
});
export type FillFailure = z.infer<typeof fillFailureSchema>;

export const fillSummarySchema = z.object({
  ok: z.boolean(),
  written: z.number(),
  mismatches: z.array(mismatch),
  skipped: z.number(),
  durationMs: z.number(),
  /** Set when the fill stopped before its end. */
  failure: z.optional(fillFailureSchema),
  /** After a failure: true when what the fill changed was put back. */
  rolledBack: z.optional(z.boolean()),
  /** After a failure: true when the person chose to keep what landed. */
  kept: z.optional(z.boolean()),
});
export type FillSummary = z.infer<typeof fillSummarySchema>;

export const pageStateSchema = z.object({
  url: z.string(),
  detected: z.boolean(),
  project: z.nullable(z.object({ name: z.string(), goal: z.string() })),
  /** Indicator rows per set as the page shows them. */
  rows: z.object({ period: z.number(), annual: z.number() }),
  findings: z.array(pageFindingSchema),
  counts: z.object({ error: z.number(), warning: z.number(), info: z.number() }),
  canUndo: z.boolean(),
  lastFill: z.nullable(fillSummarySchema),
});
export type PageState = z.infer<typeof pageStateSchema>;

export const pageProtocol = {
  /** What the page holds now: detected project, findings, undo state. */
  'page.state': { request: z.object({}), response: pageStateSchema },
  /** Fills a library set (fetched by id from the background) into the page. */
  'page.fill': {
    request: z.object({
      setId: z.string().check(z.minLength(1)),
      overwrite: z.optional(z.boolean()),
      /** On a failure, keep the fields that landed instead of putting everything back. */
      keepPartial: z.optional(z.boolean()),
    }),
    response: fillSummarySchema,
  },
  /** Undoes the last fill. */
  'page.undo': {
    request: z.object({}),
    response: z.object({ ok: z.boolean(), problems: z.array(z.string()), failure: z.optional(fillFailureSchema) }),
  },
  /** Saves the page's indicators into the library as a new set. */
  'page.capture': { request: z.object({ name: z.optional(z.string()) }), response: z.object({ setId: z.string(), name: z.string(), count: z.number() }) },
  /** Scrolls to and highlights the field of a finding. */
  'page.reveal': { request: z.object({ key: z.string() }), response: z.object({ found: z.boolean() }) },
  /** The background pushes the tab's merged findings to frames that did not report the latest change. */
  'page.findings': {
    request: z.object({
      findings: z.array(pageFindingSchema),
      indicatorOffset: z.number(),
      indicatorIndices: z.optional(z.array(z.number())),
      project: z.object({ name: z.string(), goal: z.string() }),
    }),
    response: z.object({}),
  },
  /** Opens the in-page palette (the keyboard command). */
  'page.openPalette': { request: z.object({}), response: z.object({ opened: z.boolean() }) },
  /** The site profiles changed: the frame asks for its profile again (`page.profile`) and re-detects. */
  'page.profileChanged': { request: z.object({}), response: z.object({}) },
} as const;

export type PageMessageType = keyof typeof pageProtocol;
export type PageRequestOf<K extends PageMessageType> = z.input<(typeof pageProtocol)[K]['request']>;
export type PageResponseOf<K extends PageMessageType> = z.output<(typeof pageProtocol)[K]['response']>;

/** Event the content script broadcasts when its state changed (side panels refresh). */
export const PAGE_CHANGED_EVENT = 'page.changed';
