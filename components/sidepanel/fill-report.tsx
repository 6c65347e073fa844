/**
 * The side panel's report after 填充 / 撤销 / 保存为模板: one line saying how it ended, then — when a fill or
 * undo stopped — where and why in Chinese with English under it (the same lines the page shows), then the
 * fields to check. Bounded: its body scrolls, so 48 failed fields never push the panel's buttons away.
 */
import type { BilingualLine } from '@/lib/page/strings';
import { useI18n } from '../i18n';
import type { Tone } from '../ui';

/** What an action ended in, as the side panel reports it. */
export interface ActionReport {
  tone: Tone;
  /** How it ended, in the UI language. */
  text: string;
  /** Where a fill or undo stopped and why, Chinese first (lib/page/strings.ts failureLines). */
  failure?: BilingualLine[];
  /** A line above the details (e.g. "3 fields did not take their value"). */
  detailsTitle?: string;
  /** The fields or problems to check, one per line. */
  details?: string[];
}

export function FillReport({ report, onClose }: { report: ActionReport; onClose: () => void }) {
  const { t } = useI18n();
  const hasBody = report.failure !== undefined || (report.details?.length ?? 0) > 0 || report.detailsTitle !== undefined;
  return (
    <div className={`notice notice-${report.tone} action-report`} role={report.tone === 'error' ? 'alert' : 'status'} data-testid="action-result">
      <div className="action-report-head">
        <div className="grow action-report-title">{report.text}</div>
        <button type="button" className="action-report-close" data-testid="action-result-close" aria-label={t('report.close')} title={t('report.close')} onClick={onClose}>
          ×
        </button>
      </div>
      {hasBody ? (
        <div className="action-report-body" tabIndex={0} aria-label={report.text}>
          {report.failure ? (
            <div className="action-failure" data-testid="fill-failure" role="group" aria-label={t('report.failureLabel')}>
              {report.failure.map((line, i) => (
                <div key={i} className="action-failure-line">
                  <p lang="zh-CN">{line.zh}</p>
                  <p lang="en" className="action-failure-en">
                    {line.en}
                  </p>
                </div>
              ))}
            </div>
          ) : null}
          {report.detailsTitle ? <div>{report.detailsTitle}</div> : null}
          {report.details && report.details.length > 0 ? (
            <ul data-testid="action-result-details">
              {report.details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** How a request to the page ended within a deadline. */
export type PageAnswer<T> = { kind: 'answer'; value: T } | { kind: 'error'; error: unknown } | { kind: 'timeout' };

/**
 * Waits for the page's answer at most `ms`: a fill whose content script died (or hangs) must still end in a
 * report. The request itself goes on; the caller may show its answer if it comes later.
 */
export function answerWithin<T>(request: Promise<T>, ms: number): Promise<PageAnswer<T>> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ kind: 'timeout' }), ms);
    request.then(
      (value) => {
        clearTimeout(timer);
        resolve({ kind: 'answer', value });
      },
      (error: unknown) => {
        clearTimeout(timer);
        resolve({ kind: 'error', error });
      },
    );
  });
}
