/**
 * The side panel: for the portal tab it acts on (`?tabId=` or the active tab), the detected project and
 * its findings, template sets to fill (suggested first, then search), fill / undo / save as template,
 * and the per-project status list. Refreshes when the page reports a change, when the tab loads or
 * when the library changes; a slow poll covers pages whose change events do not reach it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { profileOf } from '@/lib/checks/defaults';
import type { TemplateSet } from '@/lib/domain/schemas';
import type { FillSummary, PageFinding, PageResponseOf, PageState } from '@/lib/page/protocol';
import { failureLines, stringsFor } from '@/lib/page/strings';
import { inLocale } from '@/lib/ui/bilingual';
import { groupFindings, statusOf } from '@/lib/ui/findings';
import { readStatusEntries, recordStatus, sameStatus, type ProjectStatusEntry } from '@/lib/ui/project-status';
import { readStoredConfig } from '@/lib/ui/rules-config';
import { STORAGE_KEYS } from '@/lib/ui/storage-keys';
import { useI18n } from '../i18n';
import {
  activeTabId,
  background,
  currentWindowId,
  fetchTabState,
  isPageChangedFor,
  onActiveTabChanged,
  onEvent,
  onStorageChanged,
  onTabLoaded,
  openOptionsPage,
  pageRequest,
  storageGet,
  storageSet,
} from '../runtime';
import { Button, EmptyState, Field, Notice, Spinner, StatusBadge } from '../ui';
import { answerWithin, FillReport, type ActionReport } from './fill-report';
import { FindingsList } from './findings-list';
import { ProjectStatusList } from './project-status-list';
import { SetPicker } from './set-picker';
import './side-panel.css';

/** A fallback refresh for portals whose change events do not arrive (the page is re-read, nothing more). */
const POLL_MS = 5000;
/**
 * How long a fill or undo may take before the panel reports that the page did not answer. Generous: a
 * paced fill of two 30-row sets takes tens of seconds; the fill engine has its own deadlines inside.
 */
export const PAGE_ANSWER_MS = 60_000;

export function SidePanelApp({ fixedTabId }: { fixedTabId: number | null }) {
  const { t, locale } = useI18n();
  const [tabId, setTabId] = useState<number | null>(fixedTabId);
  const [tabKnown, setTabKnown] = useState(fixedTabId !== null);
  const [state, setState] = useState<PageState | null>(null);
  const [loading, setLoading] = useState(true);
  const [libraryVersion, setLibraryVersion] = useState(0);
  const [profile, setProfile] = useState(() => profileOf(readStoredConfig(undefined).config));
  const [selected, setSelected] = useState<TemplateSet | null>(null);
  const [overwrite, setOverwrite] = useState(false);
  const [keepPartial, setKeepPartial] = useState(false);
  const [busy, setBusy] = useState<'fill' | 'undo' | 'capture' | null>(null);
  const [message, setMessage] = useState<ActionReport | null>(null);
  const [findingNote, setFindingNote] = useState<string | null>(null);
  const [capturing, setCapturing] = useState(false);
  const [captureName, setCaptureName] = useState('');
  const [statusEntries, setStatusEntries] = useState<ProjectStatusEntry[]>([]);
  const request = useRef(0);
  // The latest fill/undo: a late answer to an earlier one (or about another tab) must not replace its report.
  const action = useRef(0);

  // Which tab: fixed by ?tabId=, else the active tab of this window, following tab switches.
  useEffect(() => {
    if (fixedTabId !== null) return;
    let unsubscribe: (() => void) | undefined;
    let live = true;
    void (async () => {
      const [id, windowId] = await Promise.all([activeTabId().catch(() => null), currentWindowId()]);
      if (!live) return;
      setTabId(id);
      setTabKnown(true);
      unsubscribe = onActiveTabChanged(windowId, (next) => setTabId(next));
    })();
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, [fixedTabId]);

  const refresh = useCallback(async () => {
    const ticket = ++request.current;
    if (tabId === null) {
      setState(null);
      setLoading(false);
      return;
    }
    const next = await fetchTabState(tabId);
    // A slower answer about an earlier tab must not overwrite a newer one.
    if (ticket !== request.current) return;
    setState(next && next.detected ? next : null);
    setLoading(false);
  }, [tabId]);

  useEffect(() => {
    if (!tabKnown) return;
    action.current += 1;
    setLoading(true);
    setMessage(null);
    setFindingNote(null);
    void refresh();
  }, [tabKnown, refresh]);

  useEffect(() => {
    const offEvent = onEvent((event, payload) => {
      if (event === 'library.changed') setLibraryVersion((v) => v + 1);
      else if (isPageChangedFor(event, payload, tabId)) void refresh();
    });
    const offLoaded = onTabLoaded((id) => {
      if (id === tabId) void refresh();
    });
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, POLL_MS);
    const onVisible = () => document.visibilityState === 'visible' && void refresh();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      offEvent();
      offLoaded();
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [tabId, refresh]);

  // The taxonomy for the filters follows the Rules page.
  useEffect(() => {
    void storageGet(STORAGE_KEYS.checkConfig).then((stored) => setProfile(profileOf(readStoredConfig(stored).config)));
    return onStorageChanged(STORAGE_KEYS.checkConfig, (stored) => setProfile(profileOf(readStoredConfig(stored).config)));
  }, []);

  useEffect(() => {
    void storageGet(STORAGE_KEYS.projectStatus).then((stored) => setStatusEntries(readStatusEntries(stored)));
    return onStorageChanged(STORAGE_KEYS.projectStatus, (stored) => setStatusEntries(readStatusEntries(stored)));
  }, []);

  // Every fresh result goes into the status list (one entry per project name).
  useEffect(() => {
    if (!state) return;
    const groups = groupFindings(state.findings);
    const current = groups.map((g) => ({ name: g.project, counts: g.counts, url: state.url }));
    if (state.project?.name && !groups.some((g) => g.project === state.project!.name)) {
      current.unshift({ name: state.project.name, counts: { error: 0, warning: 0, info: 0 }, url: state.url });
    }
    setStatusEntries((entries) => {
      const next = recordStatus(entries, current, Date.now());
      if (sameStatus(entries, next)) return entries;
      void storageSet(STORAGE_KEYS.projectStatus, next);
      return next;
    });
  }, [state]);

  const errorText = (e: unknown) => inLocale(e instanceof Error ? e.message : String(e), locale);

  /**
   * Sends a fill or undo to the page and always ends in a report: the page's answer, its error, or — after
   * PAGE_ANSWER_MS — that it did not answer (a later answer still replaces that report).
   */
  async function runOnPage<T>(kind: 'fill' | 'undo', send: () => Promise<T>, report: (value: T) => ActionReport, noAnswer: string) {
    const ticket = ++action.current;
    setBusy(kind);
    setMessage(null);
    const pending = send();
    const errorReport = (e: unknown): ActionReport =>
      kind === 'fill' ? { tone: 'error', text: t('fill.failed', { message: errorText(e) }) } : { tone: 'error', text: t('error.withMessage', { message: errorText(e) }) };
    const answer = await answerWithin(pending, PAGE_ANSWER_MS);
    if (answer.kind === 'answer') setMessage(report(answer.value));
    else if (answer.kind === 'error') setMessage(errorReport(answer.error));
    else {
      setMessage({ tone: 'error', text: noAnswer });
      void pending.then(
        (value) => {
          if (ticket !== action.current) return;
          setMessage(report(value));
          void refresh();
        },
        (e: unknown) => {
          if (ticket === action.current) setMessage(errorReport(e));
        },
      );
    }
    // Nothing else can have started meanwhile (the buttons wait on busy), so busy ends here in every case.
    setBusy(null);
    void refresh();
  }

  async function fill() {
    if (tabId === null || !selected) return;
    await runOnPage(
      'fill',
      // Through the background: it fills every frame of the tab that holds a grid, one after the other.
      () => background.request('page.fillTab', { tabId, setId: selected.id, overwrite, keepPartial }),
      fillReport,
      t('fill.noAnswer', { seconds: PAGE_ANSWER_MS / 1000 }),
    );
  }

  function fillReport(summary: FillSummary): ActionReport {
    // The same lines as the page's own report (中长期 / 年度, the grid's Chinese column names).
    const page = stringsFor(locale);
    const details = summary.mismatches.map((m) => page.mismatch(m.set, m.row, m.field, m.expected, m.actual));
    if (summary.skipped > 0) details.push(t('fill.skipped', { count: summary.skipped }));
    if (summary.failure) {
      return {
        tone: 'error',
        text: t('fill.stopped'),
        failure: failureLines(summary.failure, 'fill', summary),
        ...(summary.mismatches.length > 0 ? { detailsTitle: t('fill.partial', { count: summary.mismatches.length }) } : {}),
        details,
      };
    }
    if (summary.mismatches.length > 0) return { tone: 'warn', text: t('fill.partial', { count: summary.mismatches.length }), details };
    if (summary.written === 0 && summary.skipped === 0) return { tone: 'info', text: t('fill.nothing') };
    return { tone: summary.skipped > 0 ? 'warn' : 'ok', text: t('fill.done', { written: summary.written, ms: summary.durationMs }), details };
  }

  async function undo() {
    if (tabId === null) return;
    await runOnPage('undo', () => background.request('page.undoTab', { tabId }), undoReport, t('undo.noAnswer', { seconds: PAGE_ANSWER_MS / 1000 }));
  }

  function undoReport(result: PageResponseOf<'page.undo'>): ActionReport {
    if (result.ok && !result.failure && result.problems.length === 0) return { tone: 'ok', text: t('undo.done') };
    const problems = result.problems.length > 0 ? { detailsTitle: t('undo.problemsList', { count: result.problems.length }), details: result.problems } : {};
    if (result.failure) return { tone: 'error', text: t('undo.stopped'), failure: failureLines(result.failure, 'undo'), ...problems };
    return { tone: 'warn', text: t('undo.problemsList', { count: result.problems.length }), details: result.problems };
  }

  async function capture() {
    if (tabId === null) return;
    action.current += 1;
    setBusy('capture');
    setMessage(null);
    try {
      const name = captureName.trim();
      const saved = await pageRequest(tabId, 'page.capture', name ? { name } : {});
      setMessage({ tone: 'ok', text: t('capture.done', { name: saved.name, count: saved.count }) });
      setCapturing(false);
      setLibraryVersion((v) => v + 1);
    } catch (e) {
      setMessage({ tone: 'error', text: t('capture.failed', { message: errorText(e) }) });
    } finally {
      setBusy(null);
    }
  }

  async function reveal(finding: PageFinding) {
    if (tabId === null) return;
    setFindingNote(null);
    try {
      const { found } = await pageRequest(tabId, 'page.reveal', { key: finding.key });
      if (!found) setFindingNote(t('findings.notFound'));
    } catch {
      setFindingNote(t('findings.notFound'));
    }
  }

  async function clearStatus() {
    setStatusEntries([]);
    await storageSet(STORAGE_KEYS.projectStatus, []);
  }

  const detected = state !== null;
  const projectName = state?.project?.name ?? '';
  const status = state ? statusOf(state.counts) : null;
  const canFill = detected && selected !== null && busy === null;

  return (
    <div className="panel">
      <header className="panel-head">
        <h1>{t('panel.title')}</h1>
        <div className="row">
          <Button variant="ghost" small onClick={() => void refresh()} disabled={!tabKnown}>
            {t('common.refresh')}
          </Button>
          <Button variant="ghost" small onClick={openOptionsPage}>
            {t('panel.openOptions')}
          </Button>
        </div>
      </header>

      <main className="panel-body">
        {loading ? (
          <Spinner label={t('panel.loading')} />
        ) : !detected ? (
          <EmptyState
            testId="no-portal"
            title={t('panel.noPortal.title')}
            body={tabId === null ? t('panel.noTab') : t('panel.noPortal.body')}
            actions={
              <Button small onClick={openOptionsPage}>
                {t('panel.openOptions')}
              </Button>
            }
          />
        ) : (
          <section className="card project-card" aria-labelledby="project-heading">
            <div className="small muted" id="project-heading">
              {t('panel.project')}
            </div>
            <div className="row-between">
              <h2 className="project-name grow" title={projectName}>
                {projectName || t('panel.projectUnnamed')}
              </h2>
              {status ? <StatusBadge status={status} /> : null}
            </div>
            <div className="small muted">
              {t('panel.counts', state.counts)} · {t('panel.rows', state.rows)}
            </div>
          </section>
        )}

        {detected ? (
          <section className="panel-section" aria-labelledby="findings-heading" data-testid="findings">
            <h2 id="findings-heading" className="section-title">
              {t('findings.title')}
            </h2>
            {findingNote ? <Notice tone="warn">{findingNote}</Notice> : null}
            <FindingsList findings={state.findings} onReveal={(f) => void reveal(f)} />
          </section>
        ) : null}

        <section className="panel-section" aria-labelledby="sets-heading">
          <h2 id="sets-heading" className="section-title">
            {t('sets.title')}
          </h2>
          <SetPicker project={state?.project ?? null} profile={profile} libraryVersion={libraryVersion} selected={selected} onSelect={setSelected} />
        </section>

        <section className="panel-section" aria-labelledby="status-heading" data-testid="project-status">
          <h2 id="status-heading" className="section-title">
            {t('statusList.title')}
          </h2>
          <ProjectStatusList entries={statusEntries} current={projectName || null} onClear={() => void clearStatus()} />
        </section>
      </main>

      <footer className="panel-actions">
        {message ? <FillReport report={message} onClose={() => setMessage(null)} /> : null}
        {capturing ? (
          <form
            className="stack-tight"
            onSubmit={(e) => {
              e.preventDefault();
              void capture();
            }}
          >
            <Field label={t('capture.name')}>
              {(props) => (
                <input {...props} className="input" value={captureName} onChange={(e) => setCaptureName(e.target.value)} maxLength={200} autoFocus />
              )}
            </Field>
            <div className="row">
              <Button type="submit" variant="primary" disabled={busy !== null}>
                {t('capture.save')}
              </Button>
              <Button onClick={() => setCapturing(false)}>{t('common.cancel')}</Button>
            </div>
          </form>
        ) : (
          <>
            <label className="check-label small">
              <input type="checkbox" className="checkbox" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} />
              {t('actions.overwrite')}
            </label>
            <label className="check-label small" title={t('actions.keepPartialHint')}>
              <input
                type="checkbox"
                className="checkbox"
                data-testid="keep-partial"
                checked={keepPartial}
                onChange={(e) => setKeepPartial(e.target.checked)}
              />
              {t('actions.keepPartial')}
            </label>
            <div className="row">
              <Button
                variant="primary"
                data-testid="fill-button"
                disabled={!canFill}
                title={selected ? undefined : t('actions.fillHint')}
                onClick={() => void fill()}
              >
                {busy === 'fill' ? t('actions.filling') : t('actions.fill')}
              </Button>
              <Button data-testid="undo-button" disabled={!detected || !state.canUndo || busy !== null} onClick={() => void undo()}>
                {t('actions.undo')}
              </Button>
              <Button
                data-testid="capture-button"
                disabled={!detected || busy !== null}
                onClick={() => {
                  setCaptureName(projectName);
                  setCapturing(true);
                }}
              >
                {t('actions.capture')}
              </Button>
            </div>
          </>
        )}
      </footer>
    </div>
  );
}
