import { describe, expect, it } from 'vitest';
import { makeIndicator, makeProject, makeSnapshot } from '../../../fixtures/make-snapshot';
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
});
