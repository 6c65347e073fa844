/**
 * The page mapping of a site profile, edited as JSON: 校验 checks it (schema, then every CSS selector with
 * the browser's own parser) and lists each problem beside the field with its JSON path
 * (`layout.columns[2].widget: 不认识的控件类型 "dropdown"`); 填入示例 starts from the custom replica's mapping.
 */
import { useId } from 'react';
import { FILL_FIELDS } from '@/lib/fill/types';
import { PROFILE_WIDGET_KINDS } from '@/lib/fill/profile';
import type { UiTranslator } from '@/lib/i18n/ui';
import { EXAMPLE_LAYOUT, checkSiteLayout, type LayoutCheck, type LayoutIssue, type SiteLayout } from '@/lib/ui/portals';
import { useI18n } from '../i18n';
import { Button } from '../ui';

/** One issue in the UI language, after its path. */
export function layoutIssueText(t: UiTranslator, issue: LayoutIssue): string {
  const message = (() => {
    switch (issue.code) {
      case 'json':
        return t('portals.layout.error.json', { detail: issue.detail });
      case 'widget':
        return t('portals.layout.error.widget', { value: issue.value, allowed: PROFILE_WIDGET_KINDS.join(', ') });
      case 'field':
        return t('portals.layout.error.field', { value: issue.value, allowed: FILL_FIELDS.join(', ') });
      case 'set':
        return t('portals.layout.error.set', { value: issue.value });
      case 'kind':
        return t('portals.layout.error.kind', { value: issue.value });
      case 'selector':
        return t('portals.layout.error.selector', { value: issue.value });
      case 'unknownKey':
        return t('portals.layout.error.unknownKey', { value: issue.value });
      case 'type':
        return t('portals.layout.error.type', { expected: issue.expected });
      default:
        return t(`portals.layout.error.${issue.code}`);
    }
  })();
  return `${issue.path}: ${message}`;
}

/** Whether the browser parses a CSS selector (a fragment's querySelector throws on a bad one). */
export function browserParsesSelector(selector: string): boolean {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

/** Checks the textarea's text: empty means no mapping (automatic recognition only). */
export function checkLayoutText(text: string): LayoutCheck | { ok: true; layout: undefined } {
  return text.trim() === '' ? { ok: true, layout: undefined } : checkSiteLayout(text, browserParsesSelector);
}

export function layoutText(layout: SiteLayout | undefined): string {
  return layout ? JSON.stringify(layout, null, 2) : '';
}

export function SiteLayoutEditor({
  text,
  onText,
  result,
  onCheck,
}: {
  text: string;
  onText: (text: string) => void;
  /** The last check's outcome, shown under the field; null before any check or after an edit. */
  result: LayoutCheck | { ok: true; layout: undefined } | null;
  onCheck: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const issues = result && !result.ok ? result.issues : [];
  return (
    <div className="field span-2 site-layout">
      <label className="field-label" htmlFor={id}>
        {t('portals.layout')}
      </label>
      <textarea
        id={id}
        className="textarea"
        style={{ fontFamily: 'ui-monospace, monospace', fontSize: 12 }}
        data-testid="profile-layout"
        rows={12}
        spellCheck={false}
        value={text}
        aria-describedby={`${id}-hint ${id}-result`}
        aria-invalid={issues.length > 0 || undefined}
        placeholder='{ "grid": { "root": "#kpi", "row": ".kpi-row" }, "columns": [null, "level1", "level2", "name"] }'
        onChange={(e) => onText(e.target.value)}
      />
      <span className="field-hint" id={`${id}-hint`}>
        {t('portals.layout.hint')}
      </span>
      <div className="row">
        <Button small onClick={onCheck} data-testid="profile-layout-check">
          {t('portals.layout.check')}
        </Button>
        <Button small onClick={() => onText(layoutText(EXAMPLE_LAYOUT))} data-testid="profile-layout-example">
          {t('portals.layout.example')}
        </Button>
      </div>
      <div id={`${id}-result`} aria-live="polite">
        {result?.ok && result.layout ? (
          <span className="field-hint" data-testid="profile-layout-ok">
            {t('portals.layout.ok')}
          </span>
        ) : null}
        {issues.length > 0 ? (
          <div className="field-error" data-testid="profile-layout-errors">
            {t('portals.layout.issues', { count: issues.length })}
            <ul>
              {issues.map((issue, i) => (
                <li key={i}>
                  <code>{layoutIssueText(t, issue)}</code>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </div>
  );
}
