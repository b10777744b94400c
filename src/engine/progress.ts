/**
 * How much is left: the checks a person will still be shown between this
 * step and a fix, given what is known — as a range from the shortest to the
 * longest way forward. Escalation is never counted as a way out, and a
 * re-test that loops back to an earlier step is not a way forward (it would
 * make every range endless).
 */

import { moves, stateKey, type PathStep, type WalkState } from './graph.ts';
import { hasAnswers, type AnswerId, type StepId, type Tree } from './model.ts';
import { autoAnswer, knownAt, values, type Session } from './session.ts';

export interface Remaining {
  /** Checks still to answer after this one, on the shortest and the longest way to a fix. */
  min: number;
  max: number;
  /** Those two ways, from this step to the outcome (for the tests, which check they are real walks). */
  minPath: PathStep[];
  maxPath: PathStep[];
}

/** Edges that lead back to a step on the way to them from the start: a re-test's "start again". */
const loopsByTree = new WeakMap<Tree, Set<string>>();
function loopEdges(tree: Tree): Set<string> {
  const cached = loopsByTree.get(tree);
  if (cached) return cached;
  const loops = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string) => {
    state.set(id, 'open');
    const step = tree.steps[id];
    for (const a of step && hasAnswers(step) ? step.answers : []) {
      const s = state.get(a.next);
      if (s === 'open') loops.add(`${id}>${a.next}`);
      else if (s === undefined && tree.steps[a.next]) visit(a.next);
    }
    state.set(id, 'done');
  };
  visit(tree.start);
  // Steps the start never reaches (none in a valid tree) are walked from themselves.
  for (const id of Object.keys(tree.steps)) if (!state.has(id)) visit(id);
  loopsByTree.set(tree, loops);
  return loops;
}

interface Best {
  min: number;
  max: number;
  minPath: PathStep[];
  maxPath: PathStep[];
}

/** Whether a person is shown this step (not passed by itself) and must answer it. */
function asked(tree: Tree, s: WalkState): boolean {
  const step = tree.steps[s.step];
  return !!step && hasAnswers(step) && !autoAnswer(step, s.known);
}

/** The shorter of two ways for `min`, the longer for `max`. */
function better(a: Best | null, b: Best): Best {
  if (!a) return b;
  return {
    min: Math.min(a.min, b.min),
    minPath: a.min <= b.min ? a.minPath : b.minPath,
    max: Math.max(a.max, b.max),
    maxPath: a.max >= b.max ? a.maxPath : b.maxPath,
  };
}

/**
 * The checks left after the current step of a session, given what is known;
 * undefined on an outcome, or where no way forward reaches a fix (only an
 * escalation is left).
 */
export function remainingChecks(tree: Tree, session: Session): Remaining | undefined {
  const current = session.visits[session.visits.length - 1]!.step;
  const step = tree.steps[current];
  if (!step || !hasAnswers(step)) return undefined;
  return fromState(tree, { step: current, known: values(knownAt(tree, session)) });
}

export function fromState(tree: Tree, start: WalkState): Remaining | undefined {
  const loops = loopEdges(tree);
  const memo = new Map<string, Best | null>();
  const best = (s: WalkState, personAnswers: boolean): Best | null => {
    const k = `${stateKey(s)}|${personAnswers}`;
    if (memo.has(k)) return memo.get(k)!;
    memo.set(k, null); // a guard: the walk follows no loop edge, so this is never read back before it is set
    const step = tree.steps[s.step];
    let out: Best | null = null;
    if (step && !hasAnswers(step)) {
      out = step.result === 'escalate' ? null : { min: 0, max: 0, minPath: [{ step: s.step }], maxPath: [{ step: s.step }] };
    } else if (step) {
      // Where the person stands, every open answer is theirs to give; further on, a step facts answer passes by itself.
      const here = moves(tree, s, personAnswers);
      for (const m of here) {
        if (loops.has(`${s.step}>${m.to.step}`)) continue;
        const rest = best(m.to, false);
        if (!rest) continue;
        const cost = asked(tree, m.to) ? 1 : 0;
        const hop: PathStep = { step: s.step as StepId, answer: m.answer as AnswerId, ...(m.auto && !personAnswers ? { auto: true as const } : {}) };
        const min = rest.min + cost;
        const max = rest.max + cost;
        out = better(out, { min, max, minPath: [hop, ...rest.minPath], maxPath: [hop, ...rest.maxPath] });
      }
    }
    memo.set(k, out);
    return out;
  };
  return best(start, true) ?? undefined;
}
