import { describe, expect, it } from 'vitest';
import { acceptsAnswer, answerCheck } from '../../../src/lessons/checks/history.js';

const choice = { prompt: 'How many?', choices: ['2', '3', '4'], accept: ['b'] };
const free = { prompt: 'Which field?', accept: ['spec.replicas', '/^\\.?spec\\.replicas$/i'] };

describe('answers', () => {
  it.each([
    [choice, 'b', true],
    [choice, 'B)', true],
    [choice, '3', true],
    [choice, 'c', false],
    [free, '  Spec.Replicas ', true],
    [free, '.spec.replicas', true],
    [free, 'replicas', false],
  ])('%j accepts %j: %s', (question, answer, accepted) => {
    expect(acceptsAnswer(question, answer)).toBe(accepted);
  });

  it('says what to do when there is no answer yet, and when it is wrong', () => {
    expect(answerCheck(choice, { history: [], now: 0 })).toEqual({ ok: false, message: 'answer the question (type: answer TEXT)' });
    expect(answerCheck(choice, { history: [], now: 0, answer: 'c' })).toEqual({ ok: false, message: '"c" is not the answer; try again' });
    expect(answerCheck(choice, { history: [], now: 0, answer: 'b' })).toEqual({ ok: true, message: 'answered: b' });
  });
});
