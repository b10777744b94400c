import { describe, expect, it } from 'vitest';
import { demoTree } from '../test/demo-tree.ts';
import { answer, back, backTo, currentStep, fittingWhen, startSession } from './session.ts';

const tree = demoTree();

describe('session', () => {
  it('starts at the start step', () => {
    const s = startSession(tree);
    expect(currentStep(tree, s).id).toBe('first');
    expect(s.visits).toEqual([{ step: 'first' }]);
  });

  it('answers move on and record the answer given', () => {
    const s = answer(tree, startSession(tree), 'a')!;
    expect(currentStep(tree, s).id).toBe('check-a');
    expect(s.visits).toEqual([{ step: 'first', answer: 'a' }, { step: 'check-a' }]);
  });

  it('rejects an answer the step does not have, and answers on an outcome', () => {
    expect(answer(tree, startSession(tree), 'nope')).toBeUndefined();
    const atFix = answer(tree, answer(tree, startSession(tree), 'a')!, 'fail')!;
    expect(currentStep(tree, atFix).kind).toBe('outcome');
    expect(answer(tree, atFix, 'pass')).toBeUndefined();
  });

  it('keeps checklist marks of the step answered, and only known items', () => {
    const atList = answer(tree, startSession(tree), 'b')!;
    const s = answer(tree, atList, 'differs', { one: 'ok', two: 'bad', ghost: 'ok' })!;
    expect(s.visits[1]).toEqual({ step: 'list-b', answer: 'differs', ticks: { one: 'ok', two: 'bad' } });
  });

  it('goes back one step, and back to any earlier step', () => {
    const s = answer(tree, answer(tree, startSession(tree), 'a')!, 'pass')!;
    expect(back(s).visits).toEqual([{ step: 'first', answer: 'a' }, { step: 'check-a' }]);
    expect(backTo(s, 0).visits).toEqual([{ step: 'first' }]);
    expect(back(startSession(tree))).toEqual(startSession(tree));
  });

  it('says which checklist answer fits the marks', () => {
    const list = tree.steps['list-b']!;
    expect(fittingWhen(list, {})).toBeUndefined();
    expect(fittingWhen(list, { one: 'ok', two: 'ok' })).toBeUndefined();
    expect(fittingWhen(list, { one: 'ok', two: 'ok', three: 'ok' })).toBe('all-ok');
    expect(fittingWhen(list, { two: 'bad' })).toBe('any-bad');
    expect(fittingWhen(tree.steps.first!, { two: 'bad' })).toBeUndefined();
  });
});
