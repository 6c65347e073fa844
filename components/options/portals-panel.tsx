/**
 * Portals: add a portal address (the browser asks for that origin's permission, then the background
 * registers the content script), list, test (is a recognised form open on it?) and remove; per-site
 * settings. Registration belongs to the background (`portals.*` messages).
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { PROFILES } from '@/lib/domain/taxonomy';
import { inLocale } from '@/lib/ui/bilingual';
import {
  checkPortalAddress,
  invalidStoredLayout,
  readSiteProfiles,
  removeSiteProfile,
  sortPortals,
  upsertSiteProfile,
  type PortalEntry,
  type SiteProfile,
} from '@/lib/ui/portals';
import { STORAGE_KEYS } from '@/lib/ui/storage-keys';
import { useI18n } from '../i18n';
import { background, fetchTabState, releaseOrigin, requestOrigin, storageGet, storageSet, tabsMatching } from '../runtime';
import { Button, EmptyState, Field, Notice, Spinner, type Tone } from '../ui';
import { SiteLayoutEditor, checkLayoutText, layoutText } from './site-layout-editor';

interface Outcome {
  tone: Tone;
  text: string;
}

export function PortalsPanel() {
  const { t, locale } = useI18n();
  const [portals, setPortals] = useState<PortalEntry[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [address, setAddress] = useState('');
  const [addressError, setAddressError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [tests, setTests] = useState<Record<string, Outcome | 'testing'>>({});
  const [profiles, setProfiles] = useState<SiteProfile[]>([]);
  const [storedRaw, setStoredRaw] = useState<unknown>(undefined);
  const [editing, setEditing] = useState<string | null>(null);

  const messageOf = useCallback((e: unknown) => inLocale(e instanceof Error ? e.message : String(e), locale), [locale]);

  const load = useCallback(async () => {
    try {
      const r = await background.request('portals.list', {});
      setPortals(sortPortals(r.portals));
      setListError(null);
    } catch (e) {
      setPortals([]);
      setListError(messageOf(e));
    }
  }, [messageOf]);

  useEffect(() => {
    void load();
    void storageGet(STORAGE_KEYS.siteProfiles).then((stored) => {
      setStoredRaw(stored);
      setProfiles(readSiteProfiles(stored));
    });
  }, [load]);

  async function add(e: FormEvent) {
    e.preventDefault();
    setOutcome(null);
    const check = checkPortalAddress(address, portals ?? []);
    if (!check.ok) {
      setAddressError(t(`portals.error.${check.code}`));
      return;
    }
    setAddressError(null);
    setBusy(true);
    try {
      // The permission prompt must come straight from the click.
      const granted = await requestOrigin(check.pattern);
      if (!granted) {
        setOutcome({ tone: 'error', text: t('portals.error.denied') });
        return;
      }
      const r = await background.request('portals.add', { pattern: check.pattern });
      setPortals(sortPortals(r.portals));
      setOutcome({ tone: 'ok', text: t('portals.added', { pattern: check.pattern }) });
      setAddress('');
    } catch (err) {
      setOutcome({ tone: 'error', text: t('portals.error.backend', { message: messageOf(err) }) });
    } finally {
      setBusy(false);
    }
  }

  async function remove(pattern: string) {
    setOutcome(null);
    setBusy(true);
    try {
      const r = await background.request('portals.remove', { pattern });
      setPortals(sortPortals(r.portals));
      await releaseOrigin(pattern);
      const next = removeSiteProfile(profiles, pattern);
      setProfiles(next);
      await storageSet(STORAGE_KEYS.siteProfiles, next);
      setOutcome({ tone: 'ok', text: t('portals.removed', { pattern }) });
    } catch (err) {
      setOutcome({ tone: 'error', text: t('portals.error.backend', { message: messageOf(err) }) });
    } finally {
      setBusy(false);
    }
  }

  async function test(pattern: string) {
    setTests((s) => ({ ...s, [pattern]: 'testing' }));
    const tabIds = await tabsMatching(pattern);
    let result: Outcome = { tone: 'warn', text: t('portals.test.noTab') };
    if (tabIds.length > 0) {
      result = { tone: 'warn', text: t('portals.test.noForm') };
      for (const id of tabIds) {
        const state = await fetchTabState(id);
        if (state?.detected) {
          result = { tone: 'ok', text: t('portals.test.ok', { project: state.project?.name ?? '' }) };
          break;
        }
      }
    }
    setTests((s) => ({ ...s, [pattern]: result }));
  }

  async function saveProfile(profile: SiteProfile) {
    const next = upsertSiteProfile(profiles, profile);
    setProfiles(next);
    await storageSet(STORAGE_KEYS.siteProfiles, next);
    setEditing(null);
    setOutcome({ tone: 'ok', text: t('portals.profile.saved') });
  }

  return (
    <div className="stack">
      <p className="muted">{t('portals.intro')}</p>
      <form className="card portal-form" onSubmit={(e) => void add(e)} noValidate>
        <Field label={t('portals.address')} error={addressError} className="grow">
          {(p) => (
            <input
              {...p}
              className="input"
              data-testid="portal-address"
              type="url"
              inputMode="url"
              placeholder={t('portals.placeholder')}
              value={address}
              onChange={(e) => {
                setAddress(e.target.value);
                setAddressError(null);
              }}
            />
          )}
        </Field>
        <Button type="submit" variant="primary" data-testid="portal-add" disabled={busy}>
          {t('portals.add')}
        </Button>
      </form>
      {outcome ? (
        <Notice tone={outcome.tone} testId="portal-outcome">
          {outcome.text}
        </Notice>
      ) : null}

      <h3>{t('portals.listTitle')}</h3>
      {listError ? <Notice tone="warn">{t('portals.error.backend', { message: listError })}</Notice> : null}
      {portals === null ? (
        <Spinner label={t('common.loading')} />
      ) : portals.length === 0 ? (
        <EmptyState title={t('portals.empty')} />
      ) : (
        <ul className="portal-list" data-testid="portal-list">
          {portals.map((p) => {
            const profile = profiles.find((x) => x.pattern === p.pattern);
            const result = tests[p.pattern];
            return (
              <li key={p.pattern} className="portal-item" data-testid="portal-item" data-pattern={p.pattern}>
                <div className="row-between">
                  <div className="grow stack-tight portal-main">
                    <div className="row">
                      <strong className="portal-name">{profile?.name || p.pattern}</strong>
                      <span className="badge badge-neutral">{t(`portals.source.${p.source}`)}</span>
                      {profile?.layout ? (
                        <span className="badge badge-info" data-testid="portal-mapped">
                          {t('portals.layout.badge')}
                        </span>
                      ) : null}
                    </div>
                    {profile?.name ? <code className="small muted">{p.pattern}</code> : null}
                  </div>
                  <div className="row">
                    <Button small onClick={() => void test(p.pattern)} disabled={result === 'testing'}>
                      {result === 'testing' ? t('portals.testing') : t('portals.test')}
                    </Button>
                    <Button small onClick={() => setEditing(editing === p.pattern ? null : p.pattern)} aria-expanded={editing === p.pattern}>
                      {t('portals.profile')}
                    </Button>
                    {p.source === 'user' ? (
                      <Button small variant="danger" data-testid="portal-remove" onClick={() => void remove(p.pattern)} disabled={busy}>
                        {t('common.remove')}
                      </Button>
                    ) : null}
                  </div>
                </div>
                {result && result !== 'testing' ? <Notice tone={result.tone}>{result.text}</Notice> : null}
                {editing === p.pattern ? (
                  <SiteProfileForm
                    profile={profile ?? { pattern: p.pattern, name: '', taxonomy: '', note: '' }}
                    invalidLayout={invalidStoredLayout(storedRaw, p.pattern)}
                    onSave={(next) => void saveProfile(next)}
                    onCancel={() => setEditing(null)}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function SiteProfileForm({
  profile,
  invalidLayout,
  onSave,
  onCancel,
}: {
  profile: SiteProfile;
  /** A stored layout that no longer validates: shown with its problems to be fixed, never dropped unseen. */
  invalidLayout?: unknown;
  onSave: (p: SiteProfile) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const formId = useId();
  const [values, setValues] = useState(profile);
  const [mapping, setMapping] = useState(() => (invalidLayout !== undefined ? JSON.stringify(invalidLayout, null, 2) : layoutText(profile.layout)));
  const [checked, setChecked] = useState<ReturnType<typeof checkLayoutText> | null>(() => (invalidLayout !== undefined ? checkLayoutText(mapping) : null));
  return (
    <form
      id={formId}
      className="site-profile form-grid"
      data-testid="site-profile-form"
      onSubmit={(e) => {
        e.preventDefault();
        // The mapping is checked again on save: nothing invalid is stored.
        const result = checkLayoutText(mapping);
        setChecked(result);
        if (!result.ok) return;
        const { layout: _old, ...rest } = values;
        onSave({ ...rest, name: values.name.trim().slice(0, 100), note: values.note.trim().slice(0, 500), ...(result.layout ? { layout: result.layout } : {}) });
      }}
    >
      <Field label={t('portals.profile.name')}>
        {(p) => <input {...p} className="input" maxLength={100} value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} />}
      </Field>
      <Field label={t('portals.profile.taxonomy')}>
        {(p) => (
          <select {...p} className="select" value={values.taxonomy} onChange={(e) => setValues({ ...values, taxonomy: e.target.value })}>
            <option value="">{t('portals.profile.taxonomyDefault')}</option>
            {PROFILES.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('portals.profile.note')} className="span-2">
        {(p) => <input {...p} className="input" maxLength={500} value={values.note} onChange={(e) => setValues({ ...values, note: e.target.value })} />}
      </Field>
      <SiteLayoutEditor
        text={mapping}
        onText={(text) => {
          setMapping(text);
          setChecked(null);
        }}
        result={checked}
        onCheck={() => setChecked(checkLayoutText(mapping))}
      />
      <div className="row span-2">
        <Button type="submit" variant="primary" small data-testid="site-profile-save">
          {t('common.save')}
        </Button>
        <Button small onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

