import type { Amounts, Indicator } from '../domain/schemas';
import { applyFill, collectSets, showSet, undoFill, type FillReport, type UndoRecord } from '../fill/apply';
import { collectForm, locate, type CollectedForm } from '../fill/collect';
import { currentSet, detectForm, type DetectedForm } from '../fill/detect';
import { SAVE_LABELS, SUBMIT_LABELS, buttonMatches } from '../fill/labels';
import { readPageProfile, type PageLayout } from '../fill/profile';
import type { GridState, IndicatorSet } from '../fill/types';
import { ask, type Send } from './bridge';
import { Overlay, type MarkedFinding, type PaletteItem } from './overlay';
import { NOTHING_TO_UNDO, PAGE_CHANNEL, pageProtocol, type FillSummary, type PageFinding, type PageMessageType } from './protocol';
import { stringsFor } from './strings';

/**
 * The content script's controller for one frame: detect → collect → check (in the background) → mark;
 * palette fill and undo; capture; the submit guard. A portal may split one form across frames (project
 * fields and buttons in one, the grid in a nested one): each frame reports its part to the background,
 * which merges them per tab, runs the check engine once, and sends every frame the findings.
 */

export interface PortalDeps {
  doc: Document;
  signal: AbortSignal;
  /** browser.runtime.sendMessage */
  send: Send;
  /** Registers a handler for messages from extension pages (browser.runtime.onMessage). */
  listen(handler: (message: unknown) => Promise<unknown> | undefined): void;
  language?: string;
}

/** What this frame tells the background about its part of the form. */
export interface PagePart {
  url: string;
  project?: { name: string; owner: string; goal: string; annualGoal?: string };
  amounts?: Amounts;
  indicators?: Indicator[];
  sets?: { period: boolean; annual: boolean };
  rows?: { period: number; annual: number };
  canUndo?: boolean;
  lastFill?: FillSummary | null;
}

const CHECK_DELAY_MS = 350;
const DETECT_THROTTLE_MS = 800;

function summarise(report: FillReport): FillSummary {
  return {
    ok: report.ok,
    written: report.written,
    mismatches: report.mismatches,
    skipped: report.skipped.length,
    durationMs: Math.round(report.durationMs),
    ...(report.failure ? { failure: report.failure } : {}),
    ...(report.rolledBack !== undefined ? { rolledBack: report.rolledBack } : {}),
    ...(report.kept !== undefined ? { kept: report.kept } : {}),
  };
}

/** A fill that could not even start (no set, the background gone): a report all the same. */
function failedSummary(error: unknown, step = 'start'): FillSummary {
  const why = error instanceof Error ? error.message : String(error);
  return { ok: false, written: 0, mismatches: [], skipped: 0, durationMs: 0, failure: { step, message: `填充没有完成：${why}`, messageEn: `The fill did not complete: ${why}` } };
}

export function startPortal(deps: PortalDeps): void {
  const { doc, signal, send } = deps;
  const win = doc.defaultView!;
  // A Chinese portal gets the Chinese UI whatever the browser's language; elsewhere the browser decides.
  const pageLang = doc.documentElement.lang;
  const t = stringsFor(pageLang.toLowerCase().startsWith('zh') ? pageLang : (deps.language ?? win.navigator.language));
  let form: DetectedForm | null = null;
  let overlay: Overlay | null = null;
  let collected: CollectedForm | null = null;
  let findings: PageFinding[] = [];
  let indicatorOffset = 0;
  /** The merged index of each of this frame's indicators, when the background joined frames (else the offset). */
  let indicatorIndices: number[] | undefined;
  let lastUndo: UndoRecord | null = null;
  let lastFill: FillSummary | null = null;
  let filling = false;
  let bypassGuard = false;
  /** Whether the background has this frame's part (a fill through it reaches only frames it has heard of). */
  let reported = false;
  let project = { name: '', goal: '' };
  const previousSets: Partial<Record<IndicatorSet, GridState>> = {};
  let checkTimer = 0;
  let lastDetect = 0;
  let detectTimer = 0;
  // The site profile's layout for this frame (from the background), and the URL it was asked for.
  let layout: PageLayout | null = null;
  let profileUrl = '';

  const listen = <K extends keyof DocumentEventMap>(target: Document | Window, type: K, fn: (e: DocumentEventMap[K]) => void, capture = true) =>
    target.addEventListener(type, fn as EventListener, { capture, passive: type !== 'click' && type !== 'keydown', signal });

  // ---- detection (idle pages: one throttled observer, nothing else) ----
  function tryDetect(): void {
    lastDetect = win.performance.now();
    // An SPA navigation may move the frame under another profile (or none).
    if (win.location.href !== profileUrl) void loadProfile();
    const found = detectForm(doc, layout);
    if (!found) {
      if (form) deactivate();
      return;
    }
    if (form && sameForm(form, found)) return;
    activate(found);
  }

  function sameForm(a: DetectedForm, b: DetectedForm): boolean {
    return (
      a.grids.length === b.grids.length &&
      a.grids.every((g, i) => g.root === b.grids[i]!.root) &&
      Object.keys(a.amounts).every((k) => a.amounts[k as keyof Amounts]?.control === b.amounts[k as keyof Amounts]?.control)
    );
  }

  const observer = new win.MutationObserver(onMutations);
  function onMutations(records: MutationRecord[]): void {
    if (records.every((r) => overlay && overlay.host.contains(r.target))) return;
    if (form) {
      // A grid re-render or an SPA navigation: re-check, and re-detect if the form's nodes left the page,
      // or when content arrived outside the known grids (a grid loaded by AJAX after the amounts).
      const gone = form.grids.some((g) => !g.root.isConnected) || Object.values(form.amounts).some((f) => f && !f.control.isConnected);
      const arrived = !filling && records.some((r) => r.addedNodes.length > 0 && !form!.grids.some((g) => g.root.contains(r.target)) && !(overlay && overlay.host.contains(r.target)));
      if (gone || arrived) scheduleDetect();
      if (!gone && !filling) scheduleCheck();
      overlay?.reposition();
      return;
    }
    scheduleDetect();
  }

  /** Asks the background for this frame's site profile; a new one (or none any more) re-detects the form. */
  async function loadProfile(): Promise<void> {
    profileUrl = win.location.href;
    let next: PageLayout | null;
    try {
      const reply = await ask(send, 'page.profile', { url: profileUrl });
      next = readPageProfile(reply.profile)?.layout ?? null;
    } catch {
      return; // No background (restarting): the heuristics alone, as before.
    }
    if (signal.aborted || JSON.stringify(next) === JSON.stringify(layout)) return;
    layout = next;
    if (filling) return; // Never mid-fill; the next detection uses the new layout.
    if (form) deactivate();
    tryDetect();
  }

  function scheduleDetect(): void {
    if (detectTimer) return;
    const wait = Math.max(0, DETECT_THROTTLE_MS - (win.performance.now() - lastDetect));
    detectTimer = win.setTimeout(() => {
      detectTimer = 0;
      tryDetect();
    }, wait);
  }

  function activate(found: DetectedForm): void {
    form = found;
    sawOtherSets = false;
    overlay ??= new Overlay(doc, t, {
      onOpenPalette: () => void openPalette(),
      onQuery: (text) => void search(text),
      onChoose: (item) => void fillFromPalette(item.id),
      onUndo: () => void undoFromPalette(),
      onCapture: () => void capture(),
      onReveal: (f) => reveal(f.key),
    });
    // The anchor is looked up on every placement: the grid's nodes change when the page re-renders it.
    // The visible grid: with tabs, the other set's grid is connected but hidden.
    if (found.grids.length > 0) {
      overlay.showLauncher(() => form?.grids.find((g) => g.root.isConnected && g.root.getClientRects().length > 0)?.root ?? null);
    }
    scheduleCheck(0);
  }

  function deactivate(): void {
    form = null;
    collected = null;
    overlay?.destroy();
    overlay = null;
  }

  // ---- live check ----
  function scheduleCheck(delay = CHECK_DELAY_MS): void {
    win.clearTimeout(checkTimer);
    checkTimer = win.setTimeout(() => void runCheck(), delay);
  }

  function partOf(c: CollectedForm, f: DetectedForm): PagePart {
    const p = c.snapshot.projects[0]!;
    const part: PagePart = { url: win.location.href };
    if (Object.keys(f.project).length > 0) {
      part.project = { name: p.name, owner: p.owner, goal: p.goal, ...(p.annualGoal !== undefined ? { annualGoal: p.annualGoal } : {}) };
    }
    if (Object.keys(f.amounts).length > 0) part.amounts = p.amounts;
    if (f.grids.length > 0) {
      part.indicators = p.indicators;
      part.sets = p.sets ?? { period: false, annual: false };
      part.rows = { period: 0, annual: 0 };
      // Indicator rows only: a tree's category rows are not.
      for (const g of c.grids) part.rows[g.set] = g.rows.filter((r, i) => (g.roles?.[i] ?? 'indicator') === 'indicator' && Object.values(r).some((v) => (v ?? '') !== '')).length;
      part.canUndo = lastUndo !== null;
      part.lastFill = lastFill;
    }
    return part;
  }

  let sawOtherSets = false;
  /**
   * A grid that shows one set at a time (legacy portals) hides the other set's rows: read it once, by
   * showing its tab and going back to the one the person had open, so the check covers both sets.
   */
  async function readHiddenSets(f: DetectedForm): Promise<void> {
    if (sawOtherSets || filling) return;
    const switching = f.grids.find((g) => g.fixedSet === undefined && g.tabs.length > 1);
    if (!switching) return;
    sawOtherSets = true;
    const original = currentSet(switching);
    filling = true;
    try {
      for (const state of await collectSets(f, signal)) previousSets[state.set] = state;
      await showSet(f, original, signal);
    } catch {
      // Reading the other set is a nicety; the visible set is checked regardless.
    } finally {
      filling = false;
    }
  }

  async function runCheck(): Promise<PageFinding[]> {
    if (!form || signal.aborted) return findings;
    await readHiddenSets(form);
    if (!form) return findings;
    const pending = observer.takeRecords();
    // Live: a virtualised grid's rows out of view come from its last full read (no scroll-through per edit).
    collected = collectForm(form, previousSets, { reuse: true });
    // A full read of a virtualised grid scrolls it through and back: those mutations are Tianbao's own.
    observer.takeRecords();
    if (pending.length > 0) onMutations(pending);
    for (const g of collected.grids) previousSets[g.set] = g;
    try {
      const reply = await ask(send, 'page.report', { part: partOf(collected, form) });
      reported = true;
      applyFindings(reply.findings, reply.indicatorOffset, reply.project, reply.indicatorIndices);
    } catch {
      // The background may be restarting; the next edit reports again.
    }
    return findings;
  }

  function applyFindings(list: PageFinding[] & { indicatorIndex?: number }[], offset: number, merged: { name: string; goal: string }, indices?: number[]): void {
    findings = list;
    indicatorOffset = offset;
    indicatorIndices = indices && indices.length > 0 ? indices : undefined;
    project = merged;
    if (!overlay || !form || !collected) return;
    const marked: MarkedFinding[] = list.map((finding) => ({ finding, element: elementFor(finding) }));
    overlay.setFindings(marked.filter((m) => m.element !== null || form!.grids.length > 0));
  }

  function elementFor(finding: PageFinding & { indicatorIndex?: number }): HTMLElement | null {
    if (!form || !collected) return null;
    const merged = finding.indicatorIndex;
    const index = merged === undefined ? undefined : indicatorIndices ? indicatorIndices.indexOf(merged) : merged - indicatorOffset;
    if (index !== undefined && (index < 0 || index >= collected.snapshot.projects[0]!.indicators.length)) return null;
    return locate(form, collected, { indicatorIndex: index, field: finding.field });
  }

  function reveal(key: string): boolean {
    const finding = findings.find((f) => f.key === key);
    const element = finding ? elementFor(finding) : null;
    if (!element) return false;
    element.scrollIntoView({ block: 'center', behavior: 'auto' });
    overlay?.reposition();
    win.setTimeout(() => overlay?.flash(key), 50);
    const focusable = element.matches('input, textarea, select') ? element : element.querySelector<HTMLElement>('input, textarea, select');
    focusable?.focus({ preventScroll: true });
    return true;
  }

  // ---- palette, fill, undo, capture ----
  async function openPalette(): Promise<void> {
    if (!overlay || !form || form.grids.length === 0) return;
    overlay.openPalette();
    await search('');
  }

  let querySeq = 0;
  async function search(text: string): Promise<void> {
    if (!overlay) return;
    // Answers arrive out of order while the person types: only the latest query's answer is shown.
    const seq = ++querySeq;
    try {
      const items: PaletteItem[] = [];
      if (text.trim() === '') {
        const suggested = await ask(send, 'library.suggest', { projectName: project.name, goal: project.goal, limitSets: 8, limitTemplates: 1 });
        for (const { item } of suggested.sets) items.push({ id: item.id, name: item.name, detail: t.items(item.items.length), suggested: true });
      }
      const found = await ask(send, 'library.searchSets', { text, limit: 30 });
      for (const { item } of found.hits) {
        if (!items.some((i) => i.id === item.id)) items.push({ id: item.id, name: item.name, detail: t.items(item.items.length), suggested: false });
      }
      if (seq === querySeq) overlay.setItems(items);
    } catch {
      overlay.showMessage(t.noBackground, 'bad');
    }
  }

  /**
   * Fills a set into this frame's grids. Always ends in a report, also when the fill could not start or
   * stopped (the engine puts back what it changed unless `keepPartial`).
   */
  async function fillSet(setId: string, overwrite = false, keepPartial = false, showInPage = false): Promise<FillSummary> {
    if (!form || form.grids.length === 0) throw new Error('no grid in this frame');
    filling = true;
    if (showInPage) overlay?.showReport('filling');
    try {
      const { sets } = await ask(send, 'library.get', { setIds: [setId] });
      const set = sets[0];
      if (!set) throw new Error(`指标集 ${setId} 不存在`);
      const report = await applyFill(form, set.items, { overwrite, keepPartial, signal });
      lastUndo = report.failure && !report.kept ? null : report.undo;
      lastFill = summarise(report);
      void ask(send, 'library.recordUse', { setIds: [set.id] }).catch(() => undefined);
    } catch (error) {
      if (signal.aborted) throw error;
      lastFill = failedSummary(error);
    } finally {
      filling = false;
      scheduleCheck(0);
    }
    // Asked by the background (one frame of a fill it runs over the tab's frames), whoever started it
    // shows the merged report; a fill run here alone reports here.
    if (showInPage) overlay?.showReport('done', lastFill, lastUndo !== null);
    return lastFill;
  }

  /**
   * The palette's fill: through the background, which fills every frame of the tab that holds a grid (a
   * portal may give each set's grid its own tab frame), one after the other; this frame alone when the
   * background cannot (it has not heard of the tab's grids yet).
   */
  async function fillFromPalette(setId: string): Promise<void> {
    const keepPartial = overlay?.keepPartial ?? false;
    overlay?.showReport('filling');
    let summary: FillSummary;
    try {
      // The background fills the frames it has heard of: make sure it has heard of this one.
      if (!reported) await runCheck();
      summary = await ask(send, 'page.fillTab', { setId, keepPartial });
    } catch (error) {
      summary = (error as { code?: string }).code === 'no-grid' ? await fillSet(setId, false, keepPartial, true) : failedSummary(error);
    }
    overlay?.showReport('done', summary, summary.ok || summary.kept === true);
  }

  async function undo(): Promise<{ ok: boolean; problems: string[]; failure?: FillSummary['failure'] }> {
    if (!form || !lastUndo) return { ok: false, problems: [NOTHING_TO_UNDO] };
    filling = true;
    try {
      const result = await undoFill(form, lastUndo, signal);
      lastUndo = null;
      overlay?.showUndoResult(result);
      return result;
    } catch (error) {
      if (signal.aborted) throw error;
      const why = error instanceof Error ? error.message : String(error);
      const result = { ok: false, problems: [why] };
      overlay?.showUndoResult(result);
      return result;
    } finally {
      filling = false;
      scheduleCheck(0);
    }
  }

  async function undoFromPalette(): Promise<void> {
    try {
      const result = await ask(send, 'page.undoTab', {});
      overlay?.showUndoResult(result);
    } catch {
      await undo();
    }
  }

  async function capture(name?: string): Promise<{ setId: string; name: string; count: number }> {
    if (!form) throw new Error('no form');
    const states = await collectSets(form, signal);
    const merged = collectForm(form, Object.fromEntries(states.map((s) => [s.set, s])));
    const indicators = merged.snapshot.projects[0]!.indicators.filter((i) => i.name !== '' || i.period || i.annual);
    if (indicators.length === 0) {
      overlay?.showMessage(t.captureEmpty, 'bad');
      throw new Error(t.captureEmpty);
    }
    const items = indicators.map(({ source: _source, ...rest }) => rest);
    // The project's name and goal may sit in another frame: the background's merged view knows them, but only
    // after this frame's first report has come back — make sure it has.
    if (project.name === '') await runCheck();
    const own = merged.snapshot.projects[0]!;
    const projectName = project.name || own.name;
    const saved = await ask(send, 'page.captureSet', {
      name: name ?? projectName,
      projectName,
      goal: project.goal || own.goal,
      items,
      source: win.location.href.slice(0, 500),
    });
    overlay?.showMessage(t.captured(saved.name, saved.count), 'ok', lastUndo !== null);
    return saved;
  }

  // ---- the submit guard ----
  function guardTarget(e: Event): HTMLElement | null {
    const target = e.target as Element | null;
    if (!target || (overlay && overlay.host.contains(target))) return null;
    const button = target.closest<HTMLElement>('button, [role="button"], input[type="button"], input[type="submit"], a');
    if (!button) return null;
    const label = button instanceof HTMLInputElement ? button.value : (button.textContent ?? '');
    return buttonMatches(label, SUBMIT_LABELS) || buttonMatches(label, SAVE_LABELS) ? button : null;
  }

  listen(doc, 'click', (e) => {
    const button = guardTarget(e);
    if (!button) return;
    if (bypassGuard) {
      bypassGuard = false;
      return;
    }
    if (!form && !hasFormAnywhere()) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    void (async () => {
      const current = form ? await runCheck() : await tabFindings();
      const blocking = current.filter((f) => f.severity === 'error');
      if (blocking.length > 0) {
        overlay ??= new Overlay(doc, t, { onOpenPalette() {}, onQuery() {}, onChoose() {}, onUndo() {}, onCapture() {}, onReveal: (f) => reveal(f.key) });
        const choice = await overlay.askBeforeSubmit(blocking);
        if (choice === 'back') return;
      }
      // The person's own click, let through (never a click Tianbao makes up on its own).
      bypassGuard = true;
      button.click();
    })();
  });

  /** A frame with only the buttons (the grid lives in a child frame): ask the background for the tab's findings. */
  function hasFormAnywhere(): boolean {
    return doc.querySelector('iframe, frame') !== null;
  }

  async function tabFindings(): Promise<PageFinding[]> {
    try {
      return (await ask(send, 'page.tabFindings', {})).findings;
    } catch {
      return [];
    }
  }

  // ---- keyboard shortcut and messages from extension pages ----
  listen(doc, 'keydown', (e) => {
    if (e.altKey && e.shiftKey && (e.key === 'F' || e.key === 'f' || e.code === 'KeyF')) {
      if (!form || form.grids.length === 0) return;
      e.preventDefault();
      void openPalette();
    }
  });
  listen(win, 'scroll' as keyof DocumentEventMap, () => overlay?.reposition());
  listen(win, 'resize' as keyof DocumentEventMap, () => overlay?.reposition());
  listen(doc, 'input', () => form && !filling && scheduleCheck());
  listen(doc, 'change', () => form && !filling && scheduleCheck());

  deps.listen((message) => {
    const m = message as { channel?: string; type?: string; payload?: unknown } | null;
    if (!m || m.channel !== PAGE_CHANNEL || !m.type || !(m.type in pageProtocol)) return undefined;
    const type = m.type as PageMessageType;
    const parsed = pageProtocol[type].request.safeParse(m.payload ?? {});
    if (!parsed.success) return Promise.resolve({ ok: false, error: { code: 'invalid-request', message: `malformed ${type}` } });
    const hasGrid = form !== null && form.grids.length > 0;
    const reply = (p: Promise<unknown>) => p.then((data) => ({ ok: true, data }), (e: unknown) => ({ ok: false, error: { code: 'error', message: e instanceof Error ? e.message : String(e) } }));
    switch (type) {
      case 'page.fill': {
        if (!hasGrid) return undefined;
        const req = parsed.data as { setId: string; overwrite?: boolean; keepPartial?: boolean };
        return reply(fillSet(req.setId, req.overwrite, req.keepPartial));
      }
      case 'page.undo':
        return hasGrid ? reply(undo()) : undefined;
      case 'page.capture':
        return hasGrid ? reply(capture((parsed.data as { name?: string }).name)) : undefined;
      case 'page.openPalette':
        return hasGrid ? reply(openPalette().then(() => ({ opened: true }))) : undefined;
      case 'page.reveal': {
        const key = (parsed.data as { key: string }).key;
        return findings.some((f) => f.key === key && elementFor(f)) ? reply(Promise.resolve({ found: reveal(key) })) : undefined;
      }
      case 'page.state':
        return form ? reply(Promise.resolve(stateOf())) : undefined;
      case 'page.profileChanged':
        profileUrl = '';
        return reply(loadProfile().then(() => ({})));
      case 'page.findings': {
        const pushed = parsed.data as { findings: PageFinding[]; indicatorOffset: number; indicatorIndices?: number[]; project: { name: string; goal: string } };
        applyFindings(pushed.findings, pushed.indicatorOffset, pushed.project, pushed.indicatorIndices);
        return reply(Promise.resolve({}));
      }
      default:
        return undefined;
    }
  });

  function stateOf() {
    const rows = { period: 0, annual: 0 };
    for (const g of collected?.grids ?? []) rows[g.set] = g.rows.length;
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of findings) counts[f.severity] += 1;
    return { url: win.location.href, detected: form !== null, project, rows, findings, counts, canUndo: lastUndo !== null, lastFill };
  }

  observer.observe(doc.documentElement, { subtree: true, childList: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    win.clearTimeout(checkTimer);
    win.clearTimeout(detectTimer);
    deactivate();
  });
  tryDetect();
}
