/**
 * The first-run guide (入门指南): three steps, each done or not from the real state — a portal granted
 * (and live on an open tab), a set in the library, the launcher seen on a portal page. Opened on install
 * (`options.html#guide`) and later from 关于. Step logic is lib/ui/first-run.ts.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { inLocale } from '@/lib/ui/bilingual';
import { guideSteps, launcherSeen, portalAccess, type GuideStepId, type PortalAccess, type PortalStatusInput } from '@/lib/ui/first-run';
import { STORAGE_KEYS } from '@/lib/ui/storage-keys';
import { useI18n } from '../i18n';
import { background, library, onEvent, onStorageChanged, storageGet } from '../runtime';
import { Button, Notice, type Tone } from '../ui';
import type { LibraryStats } from './types';

const ACCESS_TONE: Record<PortalAccess, string> = { live: 'ok', granted: 'info', 'not-granted': 'warning' };
const ACCESS_KEY = { live: 'guide.portal.live', granted: 'guide.portal.granted', 'not-granted': 'guide.portal.notGranted' } as const;

export function FirstRunGuide({ stats, onChanged, onClose }: { stats: LibraryStats | null; onChanged: () => void; onClose?: () => void }) {
  const { t, locale } = useI18n();
  const [portals, setPortals] = useState<(PortalStatusInput & { source: string })[] | null>(null);
  const [portalError, setPortalError] = useState(false);
  const [seen, setSeen] = useState(false);
  const [loading, setLoading] = useState(false);
  const [outcome, setOutcome] = useState<{ tone: Tone; text: string } | null>(null);

  const loadPortals = useCallback(async () => {
    try {
      setPortals((await background.request('portals.status', {})).portals);
      setPortalError(false);
    } catch {
      setPortalError(true);
    }
  }, []);

  useEffect(() => {
    void loadPortals();
    // A portal tab reporting (or closing its form) and a portal added elsewhere on this page change step 1.
    const offEvent = onEvent((event) => {
      if (event === 'page.changed') void loadPortals();
    });
    const onFocus = () => void loadPortals();
    window.addEventListener('focus', onFocus);
    return () => {
      offEvent();
      window.removeEventListener('focus', onFocus);
    };
  }, [loadPortals]);

  useEffect(() => {
    void storageGet(STORAGE_KEYS.launcherSeen).then((v) => setSeen(launcherSeen(v)));
    return onStorageChanged(STORAGE_KEYS.launcherSeen, (v) => setSeen(launcherSeen(v)));
  }, []);

  const steps = guideSteps({ portals, sets: stats?.sets ?? null, launcherSeen: seen });
  const done = (id: GuideStepId) => steps.find((s) => s.id === id)!.done;

  async function loadExample() {
    setLoading(true);
    setOutcome(null);
    try {
      const r = await library.request('library.loadBuiltIn', { which: 'example' });
      setOutcome({ tone: 'ok', text: t('guide.library.loaded', { sets: r.setsAdded }) });
      onChanged();
    } catch (e) {
      setOutcome({ tone: 'error', text: t('error.withMessage', { message: inLocale(e instanceof Error ? e.message : String(e), locale) }) });
    } finally {
      setLoading(false);
    }
  }

  return (
    <div className="card stack first-run-guide" data-testid="first-run-guide">
      <p className="muted">{t('guide.intro')}</p>
      <ol className="stack guide-steps" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        <GuideStep n={1} id="portal" done={done('portal')} title={t('guide.portal.title')}>
          <p className="small">{t('guide.portal.body')}</p>
          {portalError ? (
            <Notice tone="warn">{t('guide.portal.error')}</Notice>
          ) : portals && portals.length > 0 ? (
            <>
              <ul className="stack-tight" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="guide-portals">
                {portals.map((p) => {
                  const access = portalAccess(p);
                  return (
                    <li key={p.pattern} className="row" data-access={access}>
                      <code className="small">{p.pattern}</code>
                      <span className={`badge badge-${ACCESS_TONE[access]}`}>{t(ACCESS_KEY[access])}</span>
                    </li>
                  );
                })}
              </ul>
              <p className="small muted">{t('guide.portal.legend')}</p>
            </>
          ) : portals ? (
            <p className="small muted">{t('guide.portal.none')}</p>
          ) : null}
          <div className="row">
            <a className="btn btn-small" href="#portals">
              {t('guide.portal.go')}
            </a>
          </div>
        </GuideStep>

        <GuideStep n={2} id="library" done={done('library')} title={t('guide.library.title')}>
          <p className="small">{t('guide.library.body')}</p>
          {stats && stats.sets > 0 ? <p className="small muted">{t('guide.library.count', { sets: stats.sets })}</p> : null}
          <div className="row">
            <a className="btn btn-small" href="#import">
              {t('guide.library.import')}
            </a>
            <Button small variant={done('library') ? 'secondary' : 'primary'} data-testid="guide-load-example" disabled={loading || stats?.exampleLoaded === true} onClick={() => void loadExample()}>
              {loading ? t('guide.library.loading') : t('guide.library.example')}
            </Button>
          </div>
          {outcome ? <Notice tone={outcome.tone}>{outcome.text}</Notice> : null}
        </GuideStep>

        <GuideStep n={3} id="open" done={done('open')} title={t('guide.open.title')}>
          <p className="small">{t('guide.open.body')}</p>
          <p className="small muted">{seen ? t('guide.open.seen') : t('guide.open.notSeen')}</p>
        </GuideStep>
      </ol>
      {steps.every((s) => s.done) ? <Notice tone="ok">{t('guide.allDone')}</Notice> : null}
      {onClose ? (
        <div className="row">
          <Button small variant="ghost" onClick={onClose} data-testid="guide-close">
            {t('guide.close')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

/** Steps sit apart with a rule between them (inline: the guide has no stylesheet of its own). */
const STEP_STYLE = { borderTop: '1px solid var(--border)', paddingTop: 'var(--s3)' } as const;

function GuideStep({ n, id, done, title, children }: { n: number; id: GuideStepId; done: boolean; title: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <li className="stack-tight guide-step" style={STEP_STYLE} data-testid={`guide-step-${id}`} data-done={done ? 'true' : 'false'}>
      <div className="row-between">
        <h3 className="row" style={{ margin: 0 }}>
          <span className="badge badge-primary">{t('guide.step', { n })}</span>
          <span>{title}</span>
        </h3>
        <span className={`badge badge-${done ? 'ok' : 'neutral'}`}>
          <span aria-hidden="true">{done ? '✓ ' : '○ '}</span>
          {done ? t('guide.done') : t('guide.notDone')}
        </span>
      </div>
      {children}
    </li>
  );
}
