/**
 * The per-一级 weights of the `weights.sum` rule: a number per 一级 of the chosen taxonomy profile, with
 * the sum against the weight total shown live (合计 90 / 100) and what it means in words: all set and
 * equal to the total, some set with room left for the rest, or a mismatch to fix before saving.
 */
import type { TaxonomyProfile } from '@/lib/domain/schemas';
import type { UiTranslator } from '@/lib/i18n/ui';
import { formatCount } from '@/lib/ui/format';
import { foreignWeightKeys, type WeightDraft, type WeightError, type WeightSummary } from '@/lib/ui/rules-tables';
import { useI18n } from '../i18n';
import { Button, Field, Notice, type Tone } from '../ui';

export function weightErrorText(t: UiTranslator, error: WeightError): string {
  return error.code === 'negative' ? t('rules.weights.error.negative') : t('rules.weights.error.notNumber');
}

export function WeightsEditor({
  profile,
  weights,
  summary,
  errors,
  disabled,
  onChange,
}: {
  profile: TaxonomyProfile;
  weights: WeightDraft;
  /** The live sum against the total. */
  summary: WeightSummary;
  /** Unreadable values (live). */
  errors: readonly WeightError[];
  disabled: boolean;
  onChange: (weights: WeightDraft) => void;
}) {
  const { t, locale } = useI18n();
  const n = (x: number) => formatCount(x, locale);
  const foreign = foreignWeightKeys(weights, profile);
  const total = summary.total !== undefined ? n(summary.total) : '';

  const status: { tone: Tone; text: string } =
    summary.total === undefined
      ? { tone: 'info', text: t('rules.weights.noTotal') }
      : summary.state === 'none'
        ? { tone: 'info', text: t('rules.weights.none', { total }) }
        : summary.state === 'over'
          ? { tone: 'error', text: t('rules.weights.over', { sum: n(summary.sum), total }) }
          : summary.state === 'mismatch'
            ? { tone: 'error', text: t('rules.weights.mismatch', { sum: n(summary.sum), total }) }
            : summary.set === summary.of
              ? { tone: 'ok', text: t('rules.weights.okAll', { total }) }
              : { tone: 'ok', text: t('rules.weights.okPartial', { remaining: n(summary.remaining ?? 0), total }) };
  const sumInvalid = summary.state === 'over' || summary.state === 'mismatch';

  return (
    <fieldset className="weights-editor" data-testid="weights-editor" aria-describedby="weights-status">
      <legend className="field-label">{t('rules.weights.title')}</legend>
      <p className="small muted">{t('rules.weights.intro')}</p>
      <div className="weights-grid">
        {profile.level1.map((level1) => {
          const error = errors.find((e) => e.level1 === level1.name);
          return (
            <Field key={level1.name} label={level1.name} error={error ? weightErrorText(t, error) : null}>
              {(p) => (
                <input
                  {...p}
                  className="input weight-input"
                  inputMode="decimal"
                  autoComplete="off"
                  placeholder={t('rules.weights.placeholder')}
                  aria-label={t('rules.weights.input', { level1: level1.name })}
                  aria-invalid={p['aria-invalid'] || (sumInvalid && (weights[level1.name] ?? '').trim() !== '') || undefined}
                  data-level1={level1.name}
                  value={weights[level1.name] ?? ''}
                  disabled={disabled}
                  onChange={(e) => onChange({ ...weights, [level1.name]: e.target.value })}
                />
              )}
            </Field>
          );
        })}
        <div className="weights-sum" aria-hidden="true">
          <span className="field-label">{t('rules.weights.sum')}</span>
          <span className={`weights-sum-value${sumInvalid ? ' weights-sum-bad' : ''}`} data-testid="weights-sum">
            {summary.total !== undefined ? t('rules.weights.sumOf', { sum: n(summary.sum), total }) : n(summary.sum)}
          </span>
        </div>
      </div>
      {/* Polite and without role=alert: it changes with every keystroke. */}
      <div id="weights-status" className={`notice notice-${status.tone}`} aria-live="polite" data-testid="weights-status" data-state={summary.state}>
        {status.text}
      </div>
      {foreign.length > 0 ? (
        <Notice
          tone="warn"
          action={
            <Button
              small
              disabled={disabled}
              onClick={() => onChange(Object.fromEntries(Object.entries(weights).filter(([key]) => !foreign.includes(key))))}
            >
              {t('rules.weights.removeForeign')}
            </Button>
          }
        >
          {t('rules.weights.foreign', { names: foreign.map((k) => `${k} ${weights[k] ?? ''}`).join('，') })}
        </Notice>
      ) : null}
    </fieldset>
  );
}
