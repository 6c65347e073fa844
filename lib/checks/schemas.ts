/**
 * Zod schemas for findings, for validating them where they cross a boundary (messages between the
 * content script and the side panel, saved reports). The engine itself does not import this module.
 */
import { z } from 'zod';
import { FINDING_FIELDS, type Finding, RULE_IDS, SEVERITIES } from './types';

export const ruleIdSchema = z.enum(RULE_IDS);
export const severitySchema = z.enum(SEVERITIES);
export const findingFieldSchema = z.enum(FINDING_FIELDS);

export const fixSchema = z.object({
  field: findingFieldSchema,
  from: z.string(),
  to: z.string(),
});

export const findingSchema = z.object({
  rule: ruleIdSchema,
  severity: severitySchema,
  key: z.string(),
  project: z.string(),
  projectIndex: z.number().int().nonnegative().optional(),
  unitIndex: z.number().int().nonnegative().optional(),
  indicator: z.string().optional(),
  indicatorIndex: z.number().int().nonnegative().optional(),
  field: findingFieldSchema.optional(),
  line: z.number().int().positive().optional(),
  element: z.string().optional(),
  message: z.string(),
  fix: fixSchema.optional(),
});

// The schema and the hand-written interface must describe the same shape (checked both ways at compile time).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<z.infer<typeof findingSchema>, Finding> = true;
void sameShape;
