import { describe, expect, it } from 'vitest';
import { demoTree } from '../test/demo-tree.ts';
import { coveringWalks, pathsToOutcomes, reachableSteps, stepsToOutcome } from './graph.ts';

const tree = demoTree();

describe('graph queries', () => {
  it('finds every reachable step', () => {
    expect([...reachableSteps(tree)].sort()).toEqual(['check-a', 'escalate', 'first', 'fix-a', 'list-b', 'resolved', 'retest']);
  });

  it('counts the fewest steps to an outcome', () => {
    const d = stepsToOutcome(tree);
    expect(d.get('fix-a' as never)).toBe(0);
    expect(d.get('check-a' as never)).toBe(1);
    expect(d.get('first' as never)).toBe(2);
  });

  it('lists every simple path from the start to an outcome', () => {
    const paths = pathsToOutcomes(tree).map((p) => p.map((s) => (s.answer ? `${s.step}:${s.answer}` : s.step)).join(' '));
    expect(paths.sort()).toEqual(
      [
        'first:a check-a:pass retest:works resolved',
        'first:a check-a:pass retest:stuck escalate',
        'first:a check-a:fail fix-a',
        'first:b list-b:match retest:works resolved',
        'first:b list-b:match retest:stuck escalate',
        'first:b list-b:differs fix-a',
      ].sort(),
    );
  });
});

describe('covering walks', () => {
  it('visit every step, each from the start to an outcome', () => {
    const walks = coveringWalks(tree);
    const seen = new Set(walks.flatMap((w) => w.map((s) => s.step)));
    expect([...seen].sort()).toEqual(Object.keys(tree.steps).sort());
    for (const w of walks) {
      expect(w[0]!.step).toBe('first');
      expect(tree.steps[w[w.length - 1]!.step]!.kind).toBe('outcome');
    }
  });
});
