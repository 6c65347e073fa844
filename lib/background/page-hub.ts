import { DEFAULT_CHECK_CONFIG } from '../checks/defaults';
import { runChecks } from '../checks/engine';
import type { CheckConfig } from '../checks/config';
import type { Finding } from '../checks/types';
import type { FormSnapshot, Indicator, Project } from '../domain/schemas';
import type { PagePart } from '../page/controller';
import type { PageFinding } from '../page/protocol';

/**
 * Merges the parts of one form that a portal spreads over frames (project fields and buttons in one,
 * the indicator grid in a nested one), per tab, and runs the check engine over the whole. Pure: the
 * background feeds it reports and reads merged state; nothing here touches the browser.
 */

interface FramePart {
  part: PagePart;
  at: number;
}

export interface TabCheck {
  snapshot: FormSnapshot;
  findings: PageFinding[];
  /** Per frame: where its indicators start in the merged list. */
  offsets: Map<number, number>;
  /** Per frame: the merged index of each of its indicators (a set's frame joins another set's indicators). */
  indices: Map<number, number[]>;
  project: { name: string; goal: string };
}

const EMPTY_AMOUNTS = { total: '0.00', fiscal: '0.00', specialAccount: '0.00', other: '0.00' };

export function toPageFinding(f: Finding): PageFinding {
  return {
    key: f.key,
    rule: f.rule,
    severity: f.severity,
    project: f.project,
    ...(f.indicator !== undefined ? { indicator: f.indicator } : {}),
    ...(f.indicatorIndex !== undefined ? { indicatorIndex: f.indicatorIndex } : {}),
    ...(f.field !== undefined ? { field: f.field } : {}),
    message: f.message,
  };
}

/**
 * Merges frame parts (in frame order) into one single-project snapshot. A frame that holds one set only
 * (a portal showing each set's grid in a tab frame of its own) joins its indicators to the other set's of
 * the same name, one by one, as one grid's two sets are joined (lib/fill/collect.ts mergeSets).
 */
export function mergeParts(frames: ReadonlyArray<readonly [number, PagePart]>): {
  snapshot: FormSnapshot;
  offsets: Map<number, number>;
  indices: Map<number, number[]>;
} {
  const sorted = [...frames].sort((a, b) => a[0] - b[0]);
  const withProject = sorted.find(([, p]) => p.project)?.[1];
  const withAmounts = sorted.find(([, p]) => p.amounts)?.[1];
  const indicators: Indicator[] = [];
  const offsets = new Map<number, number>();
  const indices = new Map<number, number[]>();
  /** Per merged indicator, the frame it came from. */
  const from: number[] = [];
  let sets = { period: false, annual: false };
  const key = (name: string) => name.replace(/\s+/g, '');
  for (const [frameId, part] of sorted) {
    if (!part.indicators) continue;
    offsets.set(frameId, indicators.length);
    const only: 'period' | 'annual' | null = part.sets?.period && !part.sets.annual ? 'period' : part.sets?.annual && !part.sets.period ? 'annual' : null;
    const mine: number[] = [];
    for (const indicator of part.indicators) {
      const match =
        only === null || key(indicator.name) === ''
          ? -1
          : indicators.findIndex((other, i) => from[i] !== frameId && other[only] === null && key(other.name) === key(indicator.name) && !mine.includes(i));
      if (match >= 0) {
        indicators[match] = { ...indicators[match]!, [only!]: indicator[only!] };
        mine.push(match);
        continue;
      }
      mine.push(indicators.length);
      indicators.push(indicator);
      from.push(frameId);
    }
    indices.set(frameId, mine);
    sets = { period: sets.period || !!part.sets?.period, annual: sets.annual || !!part.sets?.annual };
  }
  const project: Project = {
    name: withProject?.project?.name ?? '',
    owner: withProject?.project?.owner ?? '',
    amounts: withAmounts?.amounts ?? EMPTY_AMOUNTS,
    goal: withProject?.project?.goal ?? '',
    ...(withProject?.project?.annualGoal !== undefined ? { annualGoal: withProject.project.annualGoal } : {}),
    indicators,
    sets,
  };
  const snapshot: FormSnapshot = { total: null, units: [], projects: [project], warnings: [], layout: 'page', origin: sorted[0]?.[1].url };
  return { snapshot, offsets, indices };
}

/** Which checks make sense on a live page that holds one project (no unit rows, no 合计). */
function pageConfig(config: CheckConfig): CheckConfig {
  return config;
}

export class PageHub {
  private readonly tabs = new Map<number, Map<number, FramePart>>();

  constructor(private readonly config: () => CheckConfig = () => DEFAULT_CHECK_CONFIG) {}

  /** Records one frame's part and re-checks the tab's whole form. */
  report(tabId: number, frameId: number, part: PagePart, now = Date.now()): TabCheck {
    let frames = this.tabs.get(tabId);
    if (!frames) this.tabs.set(tabId, (frames = new Map()));
    frames.set(frameId, { part, at: now });
    return this.check(tabId)!;
  }

  /** The tab's merged form and findings, or null when no frame reported. */
  check(tabId: number): TabCheck | null {
    const frames = this.tabs.get(tabId);
    if (!frames || frames.size === 0) return null;
    const { snapshot, offsets, indices } = mergeParts([...frames].map(([id, f]) => [id, f.part] as const));
    const hasIndicators = [...frames.values()].some((f) => f.part.indicators);
    const findings = runChecks(snapshot, pageConfig(this.config()))
      // A frame with only project fields reports before the grid frame: no "indicators missing" yet.
      .filter((f) => hasIndicators || (f.rule !== 'indicators.missing' && f.rule !== 'category.missing'))
      .map(toPageFinding);
    const p = snapshot.projects[0]!;
    return { snapshot, findings, offsets, indices, project: { name: p.name, goal: p.goal } };
  }

  /** The merged state the side panel shows. */
  state(tabId: number) {
    const check = this.check(tabId);
    const frames = [...(this.tabs.get(tabId)?.values() ?? [])].map((f) => f.part);
    const rows = { period: 0, annual: 0 };
    for (const part of frames) {
      rows.period += part.rows?.period ?? 0;
      rows.annual += part.rows?.annual ?? 0;
    }
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of check?.findings ?? []) counts[f.severity] += 1;
    const filler = frames.find((p) => p.lastFill) ?? frames.find((p) => p.indicators);
    return {
      tabId,
      detected: check !== null,
      url: frames[0]?.url ?? '',
      project: check?.project ?? null,
      rows,
      findings: check?.findings ?? [],
      counts,
      canUndo: frames.some((p) => p.canUndo),
      lastFill: filler?.lastFill ?? null,
    };
  }

  /**
   * Whether the tab's grid frames are all likely in: they cover both sets, or the page has been reporting
   * for a while (a portal that shows each set's grid in its own tab frame loads them one after the other).
   */
  gridFramesSettled(tabId: number, now = Date.now(), settleMs = 4000): boolean {
    const frames = [...(this.tabs.get(tabId)?.values() ?? [])].filter((f) => f.part.indicators !== undefined);
    if (frames.length === 0) return false;
    const both = frames.some((f) => f.part.sets?.period) && frames.some((f) => f.part.sets?.annual);
    return both || now - Math.min(...frames.map((f) => f.at)) > settleMs;
  }

  /** Frames of a tab that reported an indicator grid, in frame order. */
  gridFrames(tabId: number): number[] {
    return [...(this.tabs.get(tabId) ?? [])].filter(([, f]) => f.part.indicators !== undefined).map(([id]) => id).sort((a, b) => a - b);
  }

  /** Frames of a tab that reported (to push findings to the others). */
  frames(tabId: number): number[] {
    return [...(this.tabs.get(tabId)?.keys() ?? [])];
  }

  forgetTab(tabId: number): void {
    this.tabs.delete(tabId);
  }

  /** A frame navigated away or unloaded. */
  forgetFrame(tabId: number, frameId: number): void {
    this.tabs.get(tabId)?.delete(frameId);
  }
}
