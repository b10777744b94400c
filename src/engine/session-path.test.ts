import { describe, expect, it } from 'vitest';
import { demoTree } from '../test/demo-tree.ts';
import type { StepId } from './model.ts';
import { answer, startSession, type Session } from './session.ts';
import { mapStepHref, sessionPath } from './session-path.ts';

const tree = demoTree();
const walk = (...answers: string[]): Session => answers.reduce<Session>((s, a) => answer(tree, s, a)!, startSession(tree));
const id = (s: string) => s as StepId;

describe('sessionPath', () => {
  it('lists the visited steps, the edges taken and the current step', () => {
    const p = sessionPath(tree, walk('a', 'pass'));
    expect(p.current).toBe('retest');
    expect([...p.visited.keys()]).toEqual(['first', 'check-a', 'retest']);
    expect([...p.taken]).toEqual(['first>check-a', 'check-a>retest']);
    expect(p.answered.get(id('first'))).toEqual(['a']);
    expect(p.answered.has(id('retest'))).toBe(false);
  });

  it('keeps the last visit of a step a loop passed twice, and both answers given there', () => {
    const p = sessionPath(tree, walk('a', 'pass', 'again', 'b'));
    expect(p.visited.get(id('first'))).toBe(3);
    expect(p.answered.get(id('first'))).toEqual(['a', 'b']);
    expect(p.taken.has('retest>first')).toBe(true);
  });
});

describe('mapStepHref', () => {
  const s = walk('a', 'pass');
  it('opens a step on the path with the trail that led to it', () => {
    expect(mapStepHref(tree, s, id('first'))).toBe('/t/demo/first');
    expect(mapStepHref(tree, s, id('check-a'))).toBe('/t/demo/check-a?trail=a');
    expect(mapStepHref(tree, s, id('retest'))).toBe('/t/demo/retest?trail=a.pass');
  });
  it('opens a step the current one leads to one answer further on', () => {
    expect(mapStepHref(tree, s, id('resolved'))).toBe('/t/demo/resolved?trail=a.pass.works');
  });
  it('opens any other step, or every step without a session, on its own', () => {
    expect(mapStepHref(tree, s, id('list-b'))).toBe('/t/demo/list-b');
    expect(mapStepHref(tree, undefined, id('retest'))).toBe('/t/demo/retest');
  });
});
