/** Renders a form's FieldError in the UI language. */
import type { UiTranslator } from '../i18n/ui';
import type { FieldError } from './template-form';

export function fieldErrorText(t: UiTranslator, error: FieldError | undefined): string | null {
  if (!error) return null;
  switch (error.code) {
    case 'required':
      return t('form.error.required');
    case 'tooLong':
      return t('form.error.tooLong', { max: error.max });
    case 'valueMissing':
      return t('form.error.valueMissing');
    case 'valueUnreadable':
      return t('form.error.valueUnreadable', { raw: error.raw });
    case 'level2Misplaced':
      return t('form.error.level2Misplaced', { level1: error.level1, expected: error.expected });
    case 'notNumber':
      return t('form.error.notNumber');
    case 'tagTooLong':
      return t('form.error.tagTooLong', { tag: error.tag, max: error.max });
    case 'tooManyTags':
      return t('form.error.tooManyTags', { max: error.max });
    case 'invalid':
      return t('form.error.invalid');
  }
}
