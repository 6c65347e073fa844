/**
 * A tab's findings grouped by project and severity, with counts. Each finding is a button: pressing it
 * scrolls the portal page to the field and highlights it.
 */
import { RULE_IDS, type RuleId } from '@/lib/checks/types';
import type { PageFinding } from '@/lib/page/protocol';
import { groupFindings } from '@/lib/ui/findings';
import { useI18n } from '../i18n';
import { SeverityBadge, StatusBadge } from '../ui';

const isRuleId = (rule: string): rule is RuleId => (RULE_IDS as readonly string[]).includes(rule);

export function FindingsList({ findings, onReveal }: { findings: readonly PageFinding[]; onReveal: (finding: PageFinding) => void }) {
  const { t } = useI18n();
  const groups = groupFindings(findings);
  if (groups.length === 0) return <p className="muted findings-none">{t('findings.none')}</p>;
  return (
    <div className="stack">
      {groups.map((group) => {
        const name = group.project || t('findings.projectUnnamed');
        return (
          <section key={group.project} className="finding-group" aria-label={t('findings.group', { project: name, ...group.counts })}>
            {groups.length > 1 ? (
              <div className="row-between finding-group-head">
                <h3 className="truncate grow" title={name}>
                  {name}
                </h3>
                <StatusBadge status={group.status} />
              </div>
            ) : null}
            {group.severities.map((block) => (
              <div key={block.severity} className="stack-tight">
                <div>
                  <SeverityBadge severity={block.severity} count={block.findings.length} />
                </div>
                <ul className="finding-list">
                  {block.findings.map((f) => (
                    <li key={f.key}>
                      <button
                        type="button"
                        className={`finding finding-${f.severity}`}
                        data-testid="finding"
                        data-rule={f.rule}
                        data-severity={f.severity}
                        aria-label={t('findings.reveal', { message: f.message })}
                        onClick={() => onReveal(f)}
                      >
                        <span className="finding-message">{f.message}</span>
                        <span className="finding-meta">
                          {isRuleId(f.rule) ? t('rule.name', { id: f.rule }) : f.rule}
                          {f.indicator ? ` · ${f.indicator}` : ''}
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
        );
      })}
    </div>
  );
}
