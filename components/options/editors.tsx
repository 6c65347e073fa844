/**
 * Edit forms of the library: a template (new or existing) and a set. Validated with the zod schemas
 * (lib/ui/template-form.ts) on save; each problem is shown under its field, and focus goes to the
 * first one.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { TaxonomyProfile, Template, TemplateSet } from '@/lib/domain/schemas';
import { inLocale } from '@/lib/ui/bilingual';
import { fieldErrorText } from '@/lib/ui/field-error';
import { previewLines } from '@/lib/ui/set-list';
import {
  EMPTY_TEMPLATE_FORM,
  setToForm,
  templateToForm,
  validateSetForm,
  validateTemplateForm,
  type FieldError,
  type SetField,
  type SetFormValues,
  type TemplateField,
  type TemplateFormValues,
} from '@/lib/ui/template-form';
import { useI18n } from '../i18n';
import { library } from '../runtime';
import { Button, Dialog, Field, Notice, ValueText } from '../ui';

function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

export function TemplateEditor({
  template,
  profile,
  onClose,
  onSaved,
}: {
  /** null: a new template. */
  template: Template | null;
  profile: TaxonomyProfile;
  onClose: () => void;
  onSaved: (saved: Template) => void;
}) {
  const { t, locale } = useI18n();
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<TemplateFormValues>(() => (template ? templateToForm(template) : EMPTY_TEMPLATE_FORM));
  const [errors, setErrors] = useState<Partial<Record<TemplateField, FieldError>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const set = (field: TemplateField) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: e.target.value }));
    // A corrected field loses its message at once; the others keep theirs until the next save.
    setErrors((current) => {
      if (!current[field]) return current;
      const { [field]: _dropped, ...rest } = current;
      return rest;
    });
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = validateTemplateForm(values, profile, template ?? undefined);
    if (!result.ok) {
      setErrors(result.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      const saved = await library.request('library.saveTemplate', {
        ...(template ? { id: template.id } : {}),
        content: result.value.content,
        tags: result.value.tags,
      });
      onSaved(saved);
    } catch (error) {
      setFailure(inLocale(error instanceof Error ? error.message : String(error), locale));
    } finally {
      setSaving(false);
    }
  }

  const level1 = profile.level1.find((l) => l.name === values.level1.trim());
  const level2Names = (level1 ? [level1] : profile.level1).flatMap((l) => l.level2.map((l2) => l2.name));
  const errorCount = Object.keys(errors).length;
  const err = (field: TemplateField) => fieldErrorText(t, errors[field]);

  return (
    <Dialog
      open
      title={template ? t('form.editTemplate') : t('form.newTemplate')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" form={formId} variant="primary" disabled={saving}>
            {t('common.save')}
          </Button>
        </>
      }
    >
      <form id={formId} ref={formRef} className="stack" onSubmit={(e) => void submit(e)} noValidate>
        {errorCount > 0 ? <Notice tone="error">{t('form.invalidSummary', { count: errorCount })}</Notice> : null}
        {failure ? <Notice tone="error">{failure}</Notice> : null}
        <div className="form-grid">
          <Field label={t('form.level1')} error={err('level1')}>
            {(p) => (
              <>
                <input {...p} className="input" list={`${formId}-l1`} value={values.level1} onChange={set('level1')} />
                <datalist id={`${formId}-l1`}>
                  {profile.level1.map((l) => (
                    <option key={l.code} value={l.name} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <Field label={t('form.level2')} error={err('level2')}>
            {(p) => (
              <>
                <input {...p} className="input" list={`${formId}-l2`} value={values.level2} onChange={set('level2')} />
                <datalist id={`${formId}-l2`}>
                  {level2Names.map((name) => (
                    <option key={name} value={name} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <Field label={t('form.name')} error={err('name')} className="span-2">
            {(p) => <input {...p} className="input" value={values.name} onChange={set('name')} required />}
          </Field>
          <Field label={t('form.period')} error={err('period')}>
            {(p) => <input {...p} className="input" value={values.period} onChange={set('period')} />}
          </Field>
          <Field label={t('form.annual')} error={err('annual')}>
            {(p) => <input {...p} className="input" value={values.annual} onChange={set('annual')} />}
          </Field>
          <p className="field-hint span-2">{t('form.valueHint')}</p>
          <Field label={t('form.explanation')} error={err('explanation')} className="span-2">
            {(p) => <textarea {...p} className="textarea" value={values.explanation} onChange={set('explanation')} />}
          </Field>
          <Field label={t('form.weight')} error={err('weight')}>
            {(p) => <input {...p} className="input" inputMode="decimal" value={values.weight} onChange={set('weight')} />}
          </Field>
          <Field label={t('form.remark')} error={err('remark')}>
            {(p) => <input {...p} className="input" value={values.remark} onChange={set('remark')} />}
          </Field>
          <Field label={t('form.tags')} hint={t('form.tagsHint')} error={err('tags')} className="span-2">
            {(p) => <input {...p} className="input" value={values.tags} onChange={set('tags')} />}
          </Field>
        </div>
      </form>
    </Dialog>
  );
}

export function SetEditor({ set, onClose, onSaved }: { set: TemplateSet; onClose: () => void; onSaved: (saved: TemplateSet) => void }) {
  const { t, locale } = useI18n();
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<SetFormValues>(() => setToForm(set));
  const [errors, setErrors] = useState<Partial<Record<SetField, FieldError>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => setValues(setToForm(set)), [set]);

  const change = (field: SetField) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: e.target.value }));
    setErrors((current) => {
      if (!current[field]) return current;
      const { [field]: _dropped, ...rest } = current;
      return rest;
    });
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = validateSetForm(values, set.items, set.id);
    if (!result.ok) {
      setErrors(result.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      onSaved(await library.request('library.saveSet', result.value));
    } catch (error) {
      setFailure(inLocale(error instanceof Error ? error.message : String(error), locale));
    } finally {
      setSaving(false);
    }
  }

  const err = (field: SetField) => fieldErrorText(t, errors[field]);
  const lines = previewLines(set.items);
  return (
    <Dialog
      open
      wide
      title={t('form.editSet')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" form={formId} variant="primary" disabled={saving}>
            {t('common.save')}
          </Button>
        </>
      }
    >
      <form id={formId} ref={formRef} className="stack" onSubmit={(e) => void submit(e)} noValidate>
        {Object.keys(errors).length > 0 ? <Notice tone="error">{t('form.invalidSummary', { count: Object.keys(errors).length })}</Notice> : null}
        {failure ? <Notice tone="error">{failure}</Notice> : null}
        <div className="form-grid">
          <Field label={t('form.setName')} error={err('name')}>
            {(p) => <input {...p} className="input" value={values.name} onChange={change('name')} required />}
          </Field>
          <Field label={t('form.projectName')} error={err('projectName')}>
            {(p) => <input {...p} className="input" value={values.projectName} onChange={change('projectName')} />}
          </Field>
          <Field label={t('form.goal')} error={err('goal')} className="span-2">
            {(p) => <textarea {...p} className="textarea" value={values.goal} onChange={change('goal')} />}
          </Field>
          <Field label={t('form.tags')} hint={t('form.tagsHint')} error={err('tags')} className="span-2">
            {(p) => <input {...p} className="input" value={values.tags} onChange={change('tags')} />}
          </Field>
        </div>
        <h3>{t('form.items', { count: set.items.length })}</h3>
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('form.items', { count: set.items.length })}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('library.col.level')}</th>
                <th scope="col">{t('library.col.name')}</th>
                <th scope="col">{t('library.col.period')}</th>
                <th scope="col">{t('library.col.annual')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l, i) => (
                <tr key={i}>
                  <td className="muted">{[l.level1, l.level2].filter(Boolean).join(' / ')}</td>
                  <td>{l.name}</td>
                  <td>
                    <ValueText text={l.period} />
                  </td>
                  <td>
                    <ValueText text={l.annual} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </form>
    </Dialog>
  );
}
