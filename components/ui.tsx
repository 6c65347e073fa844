/**
 * Small building blocks shared by the side panel and the options page: buttons, fields with their
 * hint and error beside them, notices, empty states, badges, a progress bar and a modal dialog.
 */
import { useEffect, useId, useRef, type ComponentPropsWithRef, type ReactNode } from 'react';
import type { FindingSeverity, ProjectStatus } from '@/lib/ui/findings';
import { STATUS_SYMBOL } from '@/lib/ui/findings';
import { useI18n } from './i18n';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

export function Button({
  variant = 'secondary',
  small,
  className,
  type = 'button',
  ...rest
}: ComponentPropsWithRef<'button'> & { variant?: Variant; small?: boolean }) {
  const classes = ['btn', variant !== 'secondary' ? `btn-${variant}` : '', small ? 'btn-small' : '', className ?? ''].filter(Boolean).join(' ');
  return <button type={type} className={classes} {...rest} />;
}

/** Props a field's control takes to be tied to its label, hint and error. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

/** A labelled control with a hint and, when invalid, the error right under it. */
export function Field({
  label,
  hint,
  error,
  className,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  className?: string;
  children: (props: ControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className={`field ${className ?? ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, ...(described ? { 'aria-describedby': described } : {}), ...(error ? { 'aria-invalid': true } : {}) })}
      {hint ? (
        <span className="field-hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

export type Tone = 'info' | 'ok' | 'warn' | 'error';

/** A message in a coloured box; errors are announced at once, the rest politely. */
export function Notice({ tone = 'info', children, action, testId }: { tone?: Tone; children: ReactNode; action?: ReactNode; testId?: string }) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      <div className="grow">{children}</div>
      {action}
    </div>
  );
}

/** What to do when there is nothing to show. */
export function EmptyState({ title, body, actions, testId }: { title: ReactNode; body?: ReactNode; actions?: ReactNode; testId?: string }) {
  return (
    <div className="empty" data-testid={testId}>
      <div className="empty-title">{title}</div>
      {body ? <div className="empty-body">{body}</div> : null}
      {actions ? <div className="row">{actions}</div> : null}
    </div>
  );
}

export function Spinner({ label }: { label: string }) {
  return (
    <span className="row muted" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </span>
  );
}

/** ✓ / ⚠ / ✗ with its word: status is never told by colour alone. */
export function StatusBadge({ status }: { status: ProjectStatus }) {
  const { t } = useI18n();
  const tone = status === 'ok' ? 'ok' : status;
  return (
    <span className={`badge badge-${tone}`}>
      <span aria-hidden="true">{STATUS_SYMBOL[status]}</span>
      {t(`status.${status}`)}
    </span>
  );
}

export function SeverityBadge({ severity, count }: { severity: FindingSeverity; count?: number }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge-${severity}`}>
      {t(`severity.${severity}`)}
      {count !== undefined ? ` ${count}` : ''}
    </span>
  );
}

/** A determinate bar (value 0–1), or an indeterminate one without a value. */
export function ProgressBar({ value, label }: { value?: number; label: string }) {
  return value === undefined ? (
    <progress className="progress" aria-label={label} />
  ) : (
    <progress className="progress" aria-label={label} max={1000} value={Math.round(value * 1000)} />
  );
}

/**
 * A modal dialog on the native <dialog> (focus is trapped and returned by the browser; Esc closes).
 * `onClose` runs however it closes.
 */
export function Dialog({
  open,
  title,
  onClose,
  children,
  footer,
  wide,
}: {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { t } = useI18n();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal?.();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      style={wide ? { width: 'min(880px, calc(100vw - 32px))' } : undefined}
    >
      {open ? (
        <>
          <div className="dialog-head">
            <h2 id={titleId}>{title}</h2>
            <Button variant="ghost" onClick={onClose} aria-label={t('common.close')}>
              ✕
            </Button>
          </div>
          <div className="dialog-body">{children}</div>
          {footer ? <div className="dialog-foot">{footer}</div> : null}
        </>
      ) : null}
    </dialog>
  );
}

/** A value cell: `≥90%`, or a faint — when the set has none. */
export function ValueText({ text }: { text: string }) {
  return <span className={text === '—' ? 'value value-missing' : 'value'}>{text}</span>;
}
