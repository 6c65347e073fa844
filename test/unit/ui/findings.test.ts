import { describe, expect, it } from 'vitest';
import type { PageFinding } from '../../../lib/page/protocol';
import { countFindings, groupFindings, STATUS_SYMBOL, statusOf } from '../../../lib/ui/findings';

let n = 0;
function finding(project: string, severity: PageFinding['severity'], indicatorIndex?: number, rule = 'value.malformed'): PageFinding {
  n += 1;
  return { key: `k${n}`, rule, severity, project, message: `m${n}`, ...(indicatorIndex !== undefined ? { indicatorIndex } : {}) };
}

describe('statusOf', () => {
  it.each([
    [{ error: 0, warning: 0, info: 0 }, 'ok'],
    [{ error: 0, warning: 0, info: 5 }, 'ok'],
    [{ error: 0, warning: 2, info: 0 }, 'warning'],
    [{ error: 1, warning: 2, info: 3 }, 'error'],
  ] as const)('%o → %s', (counts, status) => {
    expect(statusOf(counts)).toBe(status);
  });

  it('has a distinct glyph per status', () => {
    expect(new Set(Object.values(STATUS_SYMBOL)).size).toBe(3);
    expect(STATUS_SYMBOL).toEqual({ ok: '✓', warning: '⚠', error: '✗' });
  });
});

describe('groupFindings', () => {
  it('groups by project in order of appearance, errors before warnings before notes', () => {
    const list = [
      finding('A', 'info', 0),
      finding('B', 'warning', 1),
      finding('A', 'error', 3),
      finding('A', 'warning', 2),
      finding('A', 'error', 1),
    ];
    const groups = groupFindings(list);
    expect(groups.map((g) => g.project)).toEqual(['A', 'B']);
    const a = groups[0]!;
    expect(a.severities.map((s) => s.severity)).toEqual(['error', 'warning', 'info']);
    expect(a.severities[0]!.findings.map((f) => f.indicatorIndex)).toEqual([1, 3]);
    expect(a.counts).toEqual({ error: 2, warning: 1, info: 1 });
    expect(a.status).toBe('error');
    expect(groups[1]!.status).toBe('warning');
    expect(groups[1]!.severities.map((s) => s.severity)).toEqual(['warning']);
  });

  it('puts project-level findings before indicator findings and keeps ties in their order', () => {
    const first = finding('P', 'error', 2);
    const projectLevel = finding('P', 'error');
    const tie = finding('P', 'error', 2);
    const ordered = groupFindings([first, projectLevel, tie])[0]!.severities[0]!.findings;
    expect(ordered.map((f) => f.key)).toEqual([projectLevel.key, first.key, tie.key]);
  });

  it('gives nothing for no findings, and counts them', () => {
    expect(groupFindings([])).toEqual([]);
    expect(countFindings([finding('x', 'info'), finding('x', 'info')])).toEqual({ error: 0, warning: 0, info: 2 });
  });
});
