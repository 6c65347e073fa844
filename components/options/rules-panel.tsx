/**
 * Rules: switch each check on or off, re-grade it, set its thresholds and word lists, edit the typo
 * table and the per-一级 weights, pick the province's taxonomy profile. Saved (only what differs from
 * the defaults, validated with checkConfigSchema) under `tianbao:check-config`, which the background reads.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { RULES } from '@/lib/checks/registry';
import { RULE_IDS, SEVERITIES, type RuleId, type Severity } from '@/lib/checks/types';
import { PROFILES } from '@/lib/domain/taxonomy';
import {
  changedRuleCount,
  configFromDraft,
  defaultDraft,
  draftFromConfig,
  draftProfile,
  errorCount,
  OPTION_FIELDS,
  readStoredConfig,
  type OptionError,
  type OptionField,
  type RuleDraft,
  type RulesDraft,
} from '@/lib/ui/rules-config';
import { perLevel1FromDraft, typosFromRows, weightSummary, weightTotal } from '@/lib/ui/rules-tables';
import { STORAGE_KEYS } from '@/lib/ui/storage-keys';
import { useI18n } from '../i18n';
import { storageGet, storageSet } from '../runtime';
import { Button, Field, Notice, Spinner, type Tone } from '../ui';
import { TypoTableEditor } from './typo-table-editor';
import { WeightsEditor } from './weights-editor';

export function RulesPanel() {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState<RulesDraft | null>(null);
  const [saved, setSaved] = useState<string>('');
  const [invalidStored, setInvalidStored] = useState(false);
  const [errors, setErrors] = useState<OptionError[]>([]);
  const [outcome, setOutcome] = useState<{ tone: Tone; text: string } | null>(null);
  /** A save was refused: every problem shows, also in fields not yet left. */
  const [attempted, setAttempted] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);

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
  // The two tables are checked as they are typed in (their messages sit beside the fields).
  const typoCheck = useMemo(() => (draft ? typosFromRows(draft.typos) : null), [draft]);
  const weightCheck = useMemo(() => (draft ? perLevel1FromDraft(draft.weights) : null), [draft]);
  if (!draft) return <Spinner label={t('common.loading')} />;

  const dirty = JSON.stringify(draft) !== saved;
  const changed = preview?.ok ? changedRuleCount(preview.input) : 0;
  const errorFor = (rule: RuleId, key: string) => errors.find((e) => e.rule === rule && e.key === key);
  const general = errors.filter((e) => e.key === null);

  const updateRule = (id: RuleId, patch: Partial<RuleDraft>) => {
    setDraft((d) => (d ? { ...d, rules: { ...d.rules, [id]: { ...d.rules[id], ...patch } } } : d));
    setOutcome(null);
  };

  const update = (patch: Partial<RulesDraft>) => {
    setDraft((d) => (d ? { ...d, ...patch } : d));
    setOutcome(null);
  };

  async function save() {
    if (!draft) return;
    const result = configFromDraft(draft, locale);
    if (!result.ok) {
      setErrors(result.errors);
      setAttempted(true);
      setOutcome({ tone: 'error', text: t('rules.errors', { count: errorCount(result) }) });
      // The first field to fix gets focus (its section opens first).
      requestAnimationFrame(() => rootRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setErrors([]);
    setAttempted(false);
    await storageSet(STORAGE_KEYS.checkConfig, result.input);
    const next = draftFromConfig(result.config);
    setDraft(next);
    setSaved(JSON.stringify(next));
    setInvalidStored(false);
    setOutcome({ tone: 'ok', text: t('rules.saved') });
  }

  const profileId = typeof draft.profile === 'string' ? draft.profile : 'custom';
  const profile = draftProfile(draft);
  const summary = weightSummary(draft.weights, profile, weightTotal(draft.rules['weights.sum'].options.total, profile));
  const typoErrors = typoCheck && !typoCheck.ok ? typoCheck.errors : [];
  const weightErrors = weightCheck && !weightCheck.ok ? weightCheck.errors : [];
  const weightsBad = weightErrors.length > 0 || summary.state === 'over' || summary.state === 'mismatch';
  const typosBad = typoErrors.some((e) => attempted || e.code !== 'required');

  return (
    <div className="stack" ref={rootRef}>
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
          <RuleCard
            key={id}
            id={id}
            draft={draft.rules[id]}
            onChange={(patch) => updateRule(id, patch)}
            errorFor={(key) => errorFor(id, key)}
            {...(id === 'text.typo'
              ? {
                  extraTitle: t('rules.typos.title', { count: draft.typos.length }),
                  extraInvalid: typosBad,
                  extra: (
                    <TypoTableEditor
                      rows={draft.typos}
                      errors={typoErrors}
                      showAll={attempted}
                      disabled={!draft.rules[id].enabled}
                      onChange={(typos) => update({ typos })}
                    />
                  ),
                }
              : id === 'weights.sum'
                ? {
                    extraInvalid: weightsBad,
                    extra: (
                      <WeightsEditor
                        profile={profile}
                        weights={draft.weights}
                        summary={summary}
                        errors={weightErrors}
                        disabled={!draft.rules[id].enabled}
                        onChange={(weights) => update({ weights })}
                      />
                    ),
                  }
                : {})}
          />
        ))}
      </ul>

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
                setAttempted(false);
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
  extra,
  extraTitle,
  extraInvalid = false,
}: {
  id: RuleId;
  draft: RuleDraft;
  onChange: (patch: Partial<RuleDraft>) => void;
  errorFor: (key: string) => OptionError | undefined;
  /** A table editor of the rule, shown with (or instead of) its thresholds. */
  extra?: ReactNode;
  /** The summary of the section when the rule has no thresholds. */
  extraTitle?: string;
  extraInvalid?: boolean;
}) {
  const { t } = useI18n();
  const fields = OPTION_FIELDS[id] ?? [];
  const defaultSeverity = RULES[id].severity;
  const hasError = fields.some((f) => errorFor(f.key)) || extraInvalid;
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
      {fields.length > 0 || extra ? (
        <Disclosure summary={fields.length > 0 ? t('rules.options') : (extraTitle ?? t('rules.options'))} forceOpen={hasError}>
          {fields.length > 0 ? (
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
          ) : null}
          {extra}
        </Disclosure>
      ) : null}
    </li>
  );
}

/**
 * A section that opens by itself when something in it needs fixing and otherwise stays as the person
 * left it (an `open` prop would close it again as soon as the problem is fixed, under their cursor).
 */
function Disclosure({ summary, forceOpen, children }: { summary: string; forceOpen: boolean; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (forceOpen && ref.current && !ref.current.open) ref.current.open = true;
  }, [forceOpen]);
  return (
    <details className="rule-options" ref={ref}>
      <summary>{summary}</summary>
      <div className="stack">{children}</div>
    </details>
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
