import { describe, expect, it } from 'vitest';
import { checkProjectWith, where } from '../support';

describe('goal.missing', () => {
  it.each([
    ['a goal', { goal: '完成年度培训任务。' }, []],
    ['empty goal', { goal: '' }, ['error:-:goal']],
    ['only spaces', { goal: '   ' }, ['error:-:goal']],
    ['a stray list number', { goal: '1.' }, ['error:-:goal']],
    ['a goal that is a year is still text', { goal: '2024年完成' }, []],
    ['empty annual goal where the form has one', { goal: '完成任务。', annualGoal: '' }, ['error:-:annualGoal']],
    ['both empty', { goal: '', annualGoal: ' ' }, ['error:-:goal', 'error:-:annualGoal']],
  ])('%s', (_label, project, expected) => {
    expect(where(checkProjectWith('goal.missing', project))).toEqual(expected);
  });

  it('says what is expected', () => {
    expect(checkProjectWith('goal.missing', { goal: '' })[0]?.message).toBe(
      '缺少绩效目标（总体目标）；应写明项目在实施期内要达到的产出和效果',
    );
  });
});

describe('goal.annual-copied', () => {
  it.each([
    ['no annual goal field', { goal: '建设平台。' }, []],
    ['a different annual goal', { goal: '三年内建成平台。', annualGoal: '本年度完成一期建设。' }, []],
    ['the same text', { goal: '建成平台。', annualGoal: '建成平台。' }, ['warning:-:annualGoal']],
    ['the same text with other punctuation and spaces', { goal: '建成平台,提升效率。', annualGoal: '建成平台， 提升效率' }, ['warning:-:annualGoal']],
    ['an empty annual goal is goal.missing’s', { goal: '建成平台。', annualGoal: '' }, []],
  ])('%s', (_label, project, expected) => {
    expect(where(checkProjectWith('goal.annual-copied', project))).toEqual(expected);
  });
});
