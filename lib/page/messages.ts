/**
 * Messages between the portal pages' content scripts (and the side panel) and the background, with zod
 * schemas the background validates on arrival. Joined into the one protocol in lib/messaging.ts; the
 * content script imports only the types. (Messages the other way, to the content script, are in
 * lib/page/protocol.ts with zod/mini.)
 */
import { z } from 'zod';
import { amountsSchema, indicatorSchema, templateContentSchema } from '../domain/schemas';
import { siteLayoutSchema } from '../ui/portals';
import type { Audience } from '../messaging';

function message<Req extends z.ZodType, Res extends z.ZodType, From extends Audience>(request: Req, response: Res, from: From) {
  return { request, response, from };
}

const findingSchema = z.object({
  key: z.string(),
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  project: z.string(),
  indicator: z.string().optional(),
  indicatorIndex: z.number().int().nonnegative().optional(),
  field: z.string().optional(),
  message: z.string(),
});

const fillFailureSchema = z.object({
  step: z.string(),
  set: z.enum(['period', 'annual']).optional(),
  row: z.number().optional(),
  field: z.string().optional(),
  message: z.string(),
  messageEn: z.string(),
});

const fillSummarySchema = z.object({
  ok: z.boolean(),
  written: z.number(),
  mismatches: z.array(z.object({ set: z.enum(['period', 'annual']), row: z.number(), field: z.string(), expected: z.string(), actual: z.string() })),
  skipped: z.number(),
  durationMs: z.number(),
  failure: fillFailureSchema.optional(),
  rolledBack: z.boolean().optional(),
  kept: z.boolean().optional(),
});

const undoResultSchema = z.object({ ok: z.boolean(), problems: z.array(z.string()), failure: fillFailureSchema.optional() });

/** One frame's part of a portal form (lib/page/controller.ts PagePart). */
export const pagePartSchema = z.object({
  url: z.string().max(4000),
  project: z
    .object({ name: z.string().max(1000), owner: z.string().max(1000), goal: z.string().max(20_000), annualGoal: z.string().max(20_000).optional() })
    .optional(),
  amounts: amountsSchema.optional(),
  indicators: z.array(indicatorSchema).max(5000).optional(),
  sets: z.object({ period: z.boolean(), annual: z.boolean() }).optional(),
  rows: z.object({ period: z.number().int(), annual: z.number().int() }).optional(),
  canUndo: z.boolean().optional(),
  lastFill: fillSummarySchema.nullable().optional(),
});

const projectRef = z.object({ name: z.string(), goal: z.string() });

/** The merged state of a portal tab, as the side panel shows it. */
export const tabStateSchema = z.object({
  tabId: z.number().int(),
  detected: z.boolean(),
  url: z.string(),
  project: projectRef.nullable(),
  rows: z.object({ period: z.number().int(), annual: z.number().int() }),
  findings: z.array(findingSchema),
  counts: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
  canUndo: z.boolean(),
  lastFill: fillSummarySchema.nullable(),
});

export const portalEntrySchema = z.object({ pattern: z.string(), source: z.enum(['build', 'user']) });

/** A portal with whether Tianbao may run there and whether it does on an open tab (first-run guide). */
export const portalStatusSchema = portalEntrySchema.extend({
  /** The browser granted the origin (browser.permissions.contains). */
  granted: z.boolean(),
  /** An open tab of the origin has Tianbao's content script reporting a form to the background. */
  live: z.boolean(),
});

/** A site profile as a frame receives it (lib/fill/profile.ts PageProfile). */
export const pageProfileSchema = z.object({ pattern: z.string(), name: z.string(), layout: siteLayoutSchema });

export const pageMessages = {
  /** The site profile for a frame's URL (its layout maps a portal the heuristics miss), or null. */
  'page.profile': message(z.object({ url: z.string().max(4000) }), z.object({ profile: pageProfileSchema.nullable() }), 'any'),
  /** A frame's part of the form: the background merges the tab's frames, checks, and answers with findings. */
  'page.report': message(
    z.object({ part: pagePartSchema }),
    z.object({
      findings: z.array(findingSchema),
      indicatorOffset: z.number().int(),
      /** The merged index of each of the frame's indicators (frames holding one set each are joined). */
      indicatorIndices: z.array(z.number().int()).optional(),
      project: projectRef,
    }),
    'any',
  ),
  /** The tab's current findings (a frame with only the submit buttons asks before letting a submit through). */
  'page.tabFindings': message(z.object({}), z.object({ findings: z.array(findingSchema) }), 'any'),
  /** Saves the page's indicators as a template set (保存为模板). */
  'page.captureSet': message(
    z.object({
      name: z.string().max(200),
      projectName: z.string().max(500),
      goal: z.string().max(10_000),
      items: z.array(templateContentSchema).min(1).max(500),
      source: z.string().max(500),
    }),
    z.object({ setId: z.string(), name: z.string(), count: z.number().int() }),
    'any',
  ),
  /**
   * Fills a library set into every frame of the tab that holds an indicator grid, one frame after the
   * other (a portal may show each set's grid in its own tab frame), and merges their reports; a frame that
   * fails stops the rest. From a frame: its own tab; from the side panel: `tabId`.
   */
  'page.fillTab': message(
    z.object({ tabId: z.number().int().nonnegative().optional(), setId: z.string().min(1), overwrite: z.boolean().optional(), keepPartial: z.boolean().optional() }),
    fillSummarySchema,
    'any',
  ),
  /** Undoes the last fill in every grid frame of the tab (last filled first). */
  'page.undoTab': message(z.object({ tabId: z.number().int().nonnegative().optional() }), undoResultSchema, 'any'),
  /** The merged state of a tab (side panel). */
  'page.tabState': message(z.object({ tabId: z.number().int().nonnegative() }), tabStateSchema, 'extension-page'),
  /** Portal origins Tianbao runs on: shipped with the build, or added by the person. */
  'portals.list': message(z.object({}), z.object({ portals: z.array(portalEntrySchema) }), 'extension-page'),
  /** Registers the content script for a granted origin pattern. */
  'portals.add': message(z.object({ pattern: z.string().min(1).max(300) }), z.object({ portals: z.array(portalEntrySchema) }), 'extension-page'),
  /** Every portal with its permission and whether a tab of it reports now (已授权 / 未授权 / 已生效). */
  'portals.status': message(z.object({}), z.object({ portals: z.array(portalStatusSchema) }), 'extension-page'),
  /** Unregisters a person-added origin and gives its permission back. */
  'portals.remove': message(z.object({ pattern: z.string().min(1).max(300) }), z.object({ portals: z.array(portalEntrySchema) }), 'extension-page'),
} as const;

export const pageEvents = {
  /** A portal tab's findings or fill state changed (side panels refresh). */
  'page.changed': z.object({ tabId: z.number().int() }),
} as const;
