import { describe, expect, it } from 'vitest';
import { makeIndicator, makeProject, makeSnapshot } from '../../../fixtures/make-snapshot';
import { forgetIncrementalState } from '@/lib/checks';
import { checkWith } from '../support';

const list = (...names: string[]) => names.map((name) => makeIndicator({ name }));
const project = (name: string, ...names: string[]) => makeProject({ name, indicators: list(...names) });

describe('project.copied-indicators', () => {
  it.each([
    ['different lists', [project('甲', 'a1', 'a2', 'a3', 'a4'), project('乙', 'b1', 'b2', 'b3', 'b4')], []],
    ['the same list pasted', [project('甲', '1', '2', '3', '4', '5'), project('乙', '1', '2', '3', '4', '5')], ['乙←甲']],
    ['nearly the same (5 of 6)', [project('甲', '1', '2', '3', '4', '5'), project('乙', '1', '2', '3', '4', '5', '6')], ['乙←甲']],
    ['only half the same', [project('甲', '1', '2', '3', '4'), project('乙', '1', '2', 'x', 'y')], []],
    ['short boilerplate lists are not compared', [project('甲', '1', '2', '3'), project('乙', '1', '2', '3')], []],
    [
      'the later copy points at the first',
      [project('甲', '1', '2', '3', '4'), project('乙', 'z1', 'z2', 'z3', 'z4'), project('丙', '1', '2', '3', '4'), project('丁', '1', '2', '3', '4')],
      ['丙←甲', '丁←甲'],
    ],
    [
      'names compared without spacing and punctuation',
      [project('甲', '视频 会议', '平台,运行', '3', '4'), project('乙', '视频会议', '平台，运行', '3', '4')],
      ['乙←甲'],
    ],
  ])('%s', (_label, projects, expected) => {
    const findings = checkWith('project.copied-indicators', makeSnapshot({ projects }));
    expect(findings.map((f) => `${f.project}←${/「(.+?)」/.exec(f.message)?.[1]}`)).toEqual(expected);
    for (const f of findings) expect([f.severity, f.field]).toEqual(['warning', 'indicators']);
  });

  it('finds copies among boilerplate shared by every project (prefix filtering stays exact)', () => {
    // Every project shares four boilerplate names; only 乙 and 戊 share their own names too.
    const boiler = ['服务对象满意度', '预算执行率', '项目完成率', '验收合格率'];
    const projects = ['甲', '乙', '丙', '丁', '戊'].map((name, i) =>
      project(name, ...boiler, ...(name === '乙' || name === '戊' ? ['x', 'y'] : [`u${i}`, `v${i}`])),
    );
    const findings = checkWith('project.copied-indicators', makeSnapshot({ projects }), {
      rules: { 'project.copied-indicators': { similarity: 0.9 } },
    });
    expect(findings.map((f) => f.project)).toEqual(['戊']);
  });

  it('takes the threshold from the config', () => {
    const projects = [project('甲', '1', '2', '3', '4'), project('乙', '1', '2', 'x', 'y')];
    const config = { rules: { 'project.copied-indicators': { similarity: 0.3 } } };
    expect(checkWith('project.copied-indicators', makeSnapshot({ projects }), config)).toHaveLength(1);
  });

  it('keeps up with a sequence of single-project edits (the live checker’s incremental path)', () => {
    const nums = ['1', '2', '3', '4', '5'];
    const letters = ['a', 'b', 'c', 'd', 'e'];
    let projects = [project('甲', ...nums), project('乙', ...letters), project('丙', ...nums), project('丁', ...letters), project('戊', 'x1', 'x2', 'x3', 'x4')];
    const arrows = () =>
      checkWith('project.copied-indicators', makeSnapshot({ projects, units: [], total: null })).map(
        (f) => `${f.project}←${/「(.+?)」/.exec(f.message)?.[1]}`,
      );
    const replace = (i: number, ...names: string[]) => {
      projects = projects.map((p, k) => (k === i ? { ...p, indicators: list(...names) } : p));
    };
    forgetIncrementalState();
    expect(arrows()).toEqual(['丙←甲', '丁←乙']);
    replace(0, 'z1', 'z2', 'z3', 'z4');
    expect(arrows()).toEqual(['丁←乙']);
    replace(4, ...nums);
    expect(arrows()).toEqual(['丁←乙', '戊←丙']);
    replace(0, ...nums);
    expect(arrows()).toEqual(['丙←甲', '丁←乙', '戊←甲']);
    replace(1, 'a', 'b');
    expect(arrows()).toEqual(['丙←甲', '戊←甲']);
    replace(2, 'q1', 'q2', 'q3', 'q4');
    expect(arrows()).toEqual(['戊←甲']);
  });
});
