/**
 * The options page: one scrolling page with a section per task (library, import and export, portals,
 * rules, about) and a side navigation, so every control is reachable by keyboard and by link
 * (`options.html#import`). The library's counts sit in the header and follow every change.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Locale } from '@/lib/i18n';
import { GUIDE_HASH } from '@/lib/ui/first-run';
import { formatCount } from '@/lib/ui/format';
import { useI18n } from '../i18n';
import { library, onEvent } from '../runtime';
import { Notice } from '../ui';
import { AboutPanel } from './about-panel';
import { FirstRunGuide } from './first-run-guide';
import { ImportExportPanel } from './import-export';
import { LibraryManager } from './library-manager';
import { PortalsPanel } from './portals-panel';
import { RulesPanel } from './rules-panel';
import type { LibraryStats } from './types';
import './options.css';

const SECTIONS = ['library', 'import', 'portals', 'rules', 'about'] as const;
/** The first-run guide is a section too, shown first while open (on install, `#guide`, or from 关于). */
type Section = (typeof SECTIONS)[number] | typeof GUIDE_HASH;

export function OptionsApp({ localeChoice, onLocaleChoice }: { localeChoice: Locale | 'auto'; onLocaleChoice: (choice: Locale | 'auto') => void }) {
  const { t, locale } = useI18n();
  const [version, setVersion] = useState(0);
  const [stats, setStats] = useState<LibraryStats | null>(null);
  const [backendError, setBackendError] = useState(false);
  const [guideOpen, setGuideOpen] = useState(() => location.hash.slice(1) === GUIDE_HASH);
  const sections: readonly Section[] = guideOpen ? [GUIDE_HASH, ...SECTIONS] : SECTIONS;
  const [active, setActive] = useState<Section>(() => {
    const hash = location.hash.slice(1);
    return hash === GUIDE_HASH || (SECTIONS as readonly string[]).includes(hash) ? (hash as Section) : 'library';
  });

  // `#guide` typed or linked later opens the guide too.
  useEffect(() => {
    const onHash = () => {
      if (location.hash.slice(1) === GUIDE_HASH) setGuideOpen(true);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const openGuide = useCallback(() => {
    setGuideOpen(true);
    setActive(GUIDE_HASH);
    // After the section renders.
    requestAnimationFrame(() => document.getElementById(GUIDE_HASH)?.scrollIntoView?.({ block: 'start' }));
  }, []);

  const closeGuide = useCallback(() => {
    setGuideOpen(false);
    if (location.hash === `#${GUIDE_HASH}`) history.replaceState(null, '', `${location.pathname}${location.search}`);
  }, []);

  const bump = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => onEvent((event) => event === 'library.changed' && bump()), [bump]);

  useEffect(() => {
    let live = true;
    library
      .request('library.stats', {})
      .then((s) => {
        if (!live) return;
        setStats(s);
        setBackendError(false);
      })
      .catch(() => live && setBackendError(true));
    return () => {
      live = false;
    };
  }, [version]);

  // The side navigation marks the section in view.
  useEffect(() => {
    const observer = new IntersectionObserver(
      (entries) => {
        const visible = entries.filter((e) => e.isIntersecting).sort((a, b) => a.boundingClientRect.top - b.boundingClientRect.top)[0];
        if (visible) setActive(visible.target.id as Section);
      },
      { rootMargin: '-20% 0px -70% 0px' },
    );
    for (const id of sections) {
      const el = document.getElementById(id);
      if (el) observer.observe(el);
    }
    return () => observer.disconnect();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `sections` follows `guideOpen`
  }, [guideOpen]);

  return (
    <div className="options">
      <header className="options-head">
        <div className="options-brand">
          <h1>{t('options.title')}</h1>
        </div>
        <div className="options-stats" aria-live="polite">
          <div className="stat">
            <span className="stat-number" data-testid="library-count">
              {stats ? stats.templates : 0}
            </span>
            <span className="stat-label">{t('options.templates')}</span>
          </div>
          <div className="stat">
            <span className="stat-number" data-testid="set-count">
              {stats ? formatCount(stats.sets, locale) : 0}
            </span>
            <span className="stat-label">{t('options.sets')}</span>
          </div>
        </div>
        <label className="row small">
          <span>{t('options.language')}</span>
          <select className="select lang-select" value={localeChoice} onChange={(e) => onLocaleChoice(e.target.value as Locale | 'auto')}>
            <option value="auto">{t('options.languageAuto')}</option>
            <option value="zh-CN" lang="zh-CN">
              简体中文
            </option>
            <option value="en" lang="en">
              English
            </option>
          </select>
        </label>
      </header>

      <div className="options-layout">
        <nav className="options-nav" aria-label={t('options.nav')}>
          <ul>
            {sections.map((id) => (
              <li key={id}>
                <a href={`#${id}`} aria-current={active === id ? 'true' : undefined} onClick={() => setActive(id)}>
                  {t(`section.${id}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>

        <main className="options-main">
          {backendError ? <Notice tone="error">{t('error.noBackground')}</Notice> : null}
          {guideOpen ? (
            <section id={GUIDE_HASH} className="options-section" aria-labelledby="guide-title">
              <h2 id="guide-title">{t('section.guide')}</h2>
              <FirstRunGuide stats={stats} onChanged={bump} onClose={closeGuide} />
            </section>
          ) : null}
          <section id="library" className="options-section" aria-labelledby="library-title">
            <h2 id="library-title">{t('section.library')}</h2>
            <LibraryManager version={version} stats={stats} onChanged={bump} />
          </section>
          <section id="import" className="options-section" aria-labelledby="import-title">
            <h2 id="import-title">{t('section.import')}</h2>
            <ImportExportPanel stats={stats} onChanged={bump} />
          </section>
          <section id="portals" className="options-section" aria-labelledby="portals-title">
            <h2 id="portals-title">{t('section.portals')}</h2>
            <PortalsPanel />
          </section>
          <section id="rules" className="options-section" aria-labelledby="rules-title">
            <h2 id="rules-title">{t('section.rules')}</h2>
            <RulesPanel />
          </section>
          <section id="about" className="options-section" aria-labelledby="about-title">
            <h2 id="about-title">{t('section.about')}</h2>
            <AboutPanel stats={stats} onOpenGuide={openGuide} />
          </section>
        </main>
      </div>
    </div>
  );
}
