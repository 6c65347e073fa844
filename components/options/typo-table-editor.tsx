/**
 * The typo table of the `text.typo` rule: one row per 错别字 → 正确写法, with the neighbouring characters
 * that make a match part of a correct word. Rows are added, edited and removed in place; each problem
 * (empty, listed twice, the same as its correction) shows under its field as soon as the field was left,
 * and every one after a save attempt.
 */
import { useRef, useState } from 'react';
import { DEFAULT_TYPOS } from '@/lib/checks/defaults';
import { EMPTY_TYPO_ROW, rowsFromTypos, type TypoError, type TypoField, type TypoRow } from '@/lib/ui/rules-tables';
import type { UiTranslator } from '@/lib/i18n/ui';
import { useI18n } from '../i18n';
import { Button } from '../ui';

const FIELDS: readonly TypoField[] = ['wrong', 'right', 'notAfter', 'notBefore'];
const LABEL_KEY = {
  wrong: 'rules.typos.wrong',
  right: 'rules.typos.right',
  notAfter: 'rules.typos.notAfter',
  notBefore: 'rules.typos.notBefore',
} as const;

export function typoErrorText(t: UiTranslator, error: TypoError): string {
  switch (error.code) {
    case 'required':
      return t('rules.typos.error.required');
    case 'duplicate':
      return t('rules.typos.error.duplicate', { firstRow: error.firstRow ?? 1 });
    case 'sameAsRight':
      return t('rules.typos.error.sameAsRight');
    case 'tooLong':
      return t('rules.typos.error.tooLong', { max: error.max ?? 0 });
  }
}

export function TypoTableEditor({
  rows,
  errors,
  showAll,
  disabled,
  onChange,
}: {
  rows: readonly TypoRow[];
  /** Every problem of the rows (live). */
  errors: readonly TypoError[];
  /** Show problems of fields not yet left too (after a save attempt). */
  showAll: boolean;
  disabled: boolean;
  onChange: (rows: TypoRow[]) => void;
}) {
  const { t } = useI18n();
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const tableRef = useRef<HTMLTableElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);

  const shown = (row: number, field: TypoField) => {
    const error = errors.find((e) => e.row === row && e.field === field);
    if (!error) return undefined;
    // An empty field is only a problem once it was left (or saving was tried); the others show at once.
    return showAll || error.code !== 'required' || touched.has(`${row}:${field}`) ? error : undefined;
  };

  const focusCell = (row: number, field: TypoField | 'remove') =>
    requestAnimationFrame(() => {
      const el = tableRef.current?.querySelector<HTMLElement>(`[data-row="${row}"][data-field="${field}"]`);
      (el ?? addRef.current)?.focus();
    });

  const update = (row: number, field: TypoField, value: string) => onChange(rows.map((r, i) => (i === row ? { ...r, [field]: value } : r)));

  const add = () => {
    onChange([...rows, { ...EMPTY_TYPO_ROW }]);
    focusCell(rows.length, 'wrong');
  };

  const remove = (row: number) => {
    onChange(rows.filter((_, i) => i !== row));
    // Indexes shift: what was left of the rows below no longer applies to them.
    setTouched(new Set());
    focusCell(Math.min(row, rows.length - 2), 'remove');
  };

  return (
    <div className="stack-tight typo-editor" data-testid="typo-editor">
      <p className="small muted">{t('rules.typos.intro')}</p>
      {rows.length === 0 ? (
        <p className="empty-inline small" data-testid="typo-empty">
          {t('rules.typos.empty')}
        </p>
      ) : (
        <div className="table-scroll typo-scroll">
          <table className="table edit-table" ref={tableRef}>
            <thead>
              <tr>
                <th scope="col" className="num">
                  #
                </th>
                {FIELDS.map((f) => (
                  <th key={f} scope="col">
                    {t(LABEL_KEY[f])}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">{t('rules.typos.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i} data-testid="typo-row">
                  <td className="num muted">{i + 1}</td>
                  {FIELDS.map((field) => {
                    const error = shown(i, field);
                    const errorId = `typo-${i}-${field}-error`;
                    const wide = field === 'notAfter' || field === 'notBefore';
                    return (
                      <td key={field} className={wide ? 'typo-cell-wide' : 'typo-cell'}>
                        <input
                          className="input"
                          value={row[field]}
                          // Long neighbour lists overflow their box: the whole list on hover.
                          title={wide && row[field] ? row[field] : undefined}
                          disabled={disabled}
                          data-row={i}
                          data-field={field}
                          aria-label={t('rules.typos.fieldOfRow', { row: i + 1, field: t(LABEL_KEY[field]) })}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? errorId : undefined}
                          onChange={(e) => update(i, field, e.target.value)}
                          onBlur={() => setTouched((s) => (s.has(`${i}:${field}`) ? s : new Set(s).add(`${i}:${field}`)))}
                        />
                        {error ? (
                          <span className="field-error" id={errorId}>
                            {typoErrorText(t, error)}
                          </span>
                        ) : null}
                      </td>
                    );
                  })}
                  <td>
                    <Button
                      small
                      variant="ghost"
                      disabled={disabled}
                      data-row={i}
                      data-field="remove"
                      aria-label={t('rules.typos.removeRow', { row: i + 1, wrong: row.wrong.trim() })}
                      onClick={() => remove(i)}
                    >
                      {t('rules.typos.remove')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="row">
        <Button small ref={addRef} disabled={disabled} data-testid="typo-add" onClick={add}>
          {t('rules.typos.add')}
        </Button>
        <Button
          small
          variant="ghost"
          disabled={disabled}
          onClick={() => {
            onChange(rowsFromTypos(DEFAULT_TYPOS));
            setTouched(new Set());
          }}
        >
          {t('rules.typos.restore')}
        </Button>
      </div>
    </div>
  );
}
