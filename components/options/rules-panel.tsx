/**
 * Rules: switch each check on or off, re-grade it, set its thresholds and word lists, pick the
 * province's taxonomy profile. Saved (only what differs from the defaults, validated with
 * checkConfigSchema) under `tianbao:check-config`, which the background reads.
 */
import { useEffect, useMemo, useState } from 'react';
import { RULES } from '@/lib/checks/registry';
import { RULE_IDS, SEVERITIES, type RuleId, type Severity } from '@/lib/checks/types';
import { PROFILES } from '@/lib/domain/taxonomy';
import {
  changedRuleCount,
  configFromDraft,
  defaultDraft,
  draftFromConfig,
  OPTION_FIELDS,
  readStoredConfig,
  type OptionError,
  type OptionField,
  type RuleDraft,
  type RulesDraft,
} from '@/lib/ui/rules-config';
import { STORAGE_KEYS } from '@/lib/ui/storage-keys';
import { useI18n } from '../i18n';
import { storageGet, storageSet } from '../runtime';
import { Button, Field, Notice, Spinner, type Tone } from '../ui';

export function RulesPanel() {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState<RulesDraft | null>(null);
  const [saved, setSaved] = useState<string>('');
  const [invalidStored, setInvalidStored] = useState(false);
  const [errors, setErrors] = useState<OptionError[]>([]);
  const [outcome, setOutcome] = useState<{ tone: Tone; text: string } | null>(null);

  useEffect(() => {
    void storageGet(STORAGE_KEYS.checkConfig).then((stored) => {
      const { config, valid } = readStoredConfig(stored);
      const d = draftFromConfig(config);
      setDraft(d);
      setSaved(JSON.stringify(d));
      setInvalidStored(!valid);
    });
  }, []);

  const preview = useMemo(() => (draft ? configFromDraft(draft, locale) : null), [draft, locale]);
  if (!draft) return <Spinner label={t('common.loading')} />;

  const dirty = JSON.stringify(draft) !== saved;
  const changed = preview?.ok ? changedRuleCount(preview.input) : 0;
  const errorFor = (rule: RuleId, key: string) => errors.find((e) => e.rule === rule && e.key === key);
  const general = errors.filter((e) => e.key === null);

  const updateRule = (id: RuleId, patch: Partial<RuleDraft>) => {
    setDraft((d) => (d ? { ...d, rules: { ...d.rules, [id]: { ...d.rules[id], ...patch } } } : d));
    setOutcome(null);
  };

  async function save() {
    if (!draft) return;
    const result = configFromDraft(draft, locale);
    if (!result.ok) {
      setErrors(result.errors);
      setOutcome({ tone: 'error', text: t('rules.errors', { count: result.errors.length }) });
      return;
    }
    setErrors([]);
    await storageSet(STORAGE_KEYS.checkConfig, result.input);
    const next = draftFromConfig(result.config);
    setDraft(next);
    setSaved(JSON.stringify(next));
    setInvalidStored(false);
    setOutcome({ tone: 'ok', text: t('rules.saved') });
  }

  const profileId = typeof draft.profile === 'string' ? draft.profile : 'custom';
  const profile = typeof draft.profile === 'string' ? PROFILES.find((p) => p.id === draft.profile) : draft.profile;

  return (
    <div className="stack">
      <p className="muted">{t('rules.intro')}</p>
      {invalidStored ? <Notice tone="warn">{t('rules.invalidStored')}</Notice> : null}

      <div className="card stack-tight">
        <Field label={t('rules.profile')}>
          {(p) => (
            <select
              {...p}
              className="select narrow"
              value={profileId}
              onChange={(e) => {
                const id = e.target.value;
                if (id !== 'custom') setDraft({ ...draft, profile: id });
              }}
            >
              {PROFILES.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
              {profileId === 'custom' ? <option value="custom">{t('rules.profileCustom')}</option> : null}
            </select>
          )}
        </Field>
        {profile ? (
          <p className="small muted">
            {t('rules.profileLevels', { levels: profile.level1.map((l) => `${l.name}(${l.level2.map((x) => x.name).join('、')})`).join('；') })}
            {profile.weights ? ` · ${t('rules.profileWeights', { total: profile.weights.total })}` : ''}
          </p>
        ) : null}
      </div>

      {general.map((e, i) => (
        <Notice key={i} tone="error">
          {t('rules.error.invalid', { detail: e.code === 'invalid' ? e.detail : '' })}
        </Notice>
      ))}

      <ul className="rule-list">
        {RULE_IDS.map((id) => (
          <RuleCard key={id} id={id} draft={draft.rules[id]} onChange={(patch) => updateRule(id, patch)} errorFor={(key) => errorFor(id, key)} />
        ))}
      </ul>
      <p className="small muted">{t('rules.moreInJson')}</p>

      <div className="savebar">
        {outcome ? <Notice tone={outcome.tone}>{outcome.text}</Notice> : null}
        <div className="row-between">
          <span className="small muted">
            {[changed > 0 ? t('rules.changed', { count: changed }) : '', dirty ? t('rules.unsaved') : ''].filter(Boolean).join(' · ')}
          </span>
          <div className="row">
            <Button
              onClick={() => {
                setDraft({ ...defaultDraft(), profile: draft.profile });
                setErrors([]);
                setOutcome(null);
              }}
            >
              {t('rules.reset')}
            </Button>
            <Button variant="primary" data-testid="rules-save" onClick={() => void save()} disabled={!dirty && !invalidStored}>
              {t('rules.save')}
            </Button>
          </div>
        </div>
      </div>
    </div>
  );
}

function RuleCard({
  id,
  draft,
  onChange,
  errorFor,
}: {
  id: RuleId;
  draft: RuleDraft;
  onChange: (patch: Partial<RuleDraft>) => void;
  errorFor: (key: string) => OptionError | undefined;
}) {
  const { t } = useI18n();
  const fields = OPTION_FIELDS[id] ?? [];
  const defaultSeverity = RULES[id].severity;
  const hasError = fields.some((f) => errorFor(f.key));
  return (
    <li className={`rule-card${draft.enabled ? '' : ' rule-off'}`} data-rule={id}>
      <div className="rule-head">
        <label className="check-label rule-switch">
          <input type="checkbox" className="checkbox" checked={draft.enabled} onChange={(e) => onChange({ enabled: e.target.checked })} />
          <span className="rule-name">{t('rule.name', { id })}</span>
        </label>
        <code className="rule-id small muted">{id}</code>
        <label className="row small rule-severity">
          <span>{t('rules.severity')}</span>
          <select
            className="select"
            value={draft.severity}
            disabled={!draft.enabled}
            onChange={(e) => onChange({ severity: e.target.value as '' | Severity })}
          >
            <option value="">{t('rules.severityDefault', { severity: t(`severity.${defaultSeverity}`) })}</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`severity.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="small muted">{t('rule.description', { id })}</p>
      {fields.length > 0 ? (
        <details className="rule-options" open={hasError}>
          <summary>{t('rules.options')}</summary>
          <div className="form-grid">
            {fields.map((field) => (
              <OptionInput
                key={field.key}
                field={field}
                value={draft.options[field.key] ?? ''}
                disabled={!draft.enabled}
                error={errorFor(field.key)}
                onChange={(value) => onChange({ options: { ...draft.options, [field.key]: value } })}
              />
            ))}
          </div>
        </details>
      ) : null}
    </li>
  );
}

function OptionInput({
  field,
  value,
  disabled,
  error,
  onChange,
}: {
  field: OptionField;
  value: string;
  disabled: boolean;
  error: OptionError | undefined;
  onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  const message = !error
    ? null
    : error.code === 'notNumber'
      ? t('rules.error.notNumber')
      : error.code === 'notInteger'
        ? t('rules.error.notInteger')
        : error.code === 'outOfRange'
          ? t('rules.error.outOfRange', { ...(error.min !== undefined ? { min: error.min } : {}), ...(error.max !== undefined ? { max: error.max } : {}) })
          : error.code === 'minAboveMax'
            ? t('rules.error.minAboveMax')
            : t('rules.error.invalid', { detail: error.detail });
  const hint = field.kind === 'words' ? t('rules.wordsHint') : field.kind === 'groups' ? t('rules.groupsHint') : undefined;
  return (
    <Field label={t('option.label', { key: field.key })} hint={hint} error={message} className={field.kind === 'number' ? '' : 'span-2'}>
      {(p) =>
        field.kind === 'number' ? (
          <input {...p} className="input narrow" inputMode="decimal" value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <textarea {...p} className="textarea" rows={3} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} />
        )
      }
    </Field>
  );
}
