import type { Known } from './conditions.ts';
import { hasAnswers, type AnswerId, type StepId, type Tree } from './model.ts';
import { autoAnswer, openAnswers } from './session.ts';

/** Step ids a step leads to. */
function nextSteps(tree: Tree, id: StepId): StepId[] {
  const step = tree.steps[id];
  return step && hasAnswers(step) ? step.answers.map((a) => a.next) : [];
}

/**
 * Every node reachable from `start` by `next`, `start` included, in
 * breadth-first order: the one reachability walk (the steps of a compiled
 * tree here, the nodes of a raw one in src/content/validate.ts).
 */
export function reachableFrom<T>(start: T, next: (node: T) => Iterable<T>): Set<T> {
  const seen = new Set<T>([start]);
  const queue: T[] = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const n of next(queue[i]!)) {
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return seen;
}

/** Every step reachable from the start. */
export function reachableSteps(tree: Tree): Set<StepId> {
  return reachableFrom(tree.start, (id) => nextSteps(tree, id));
}

/**
 * The fewest steps from each step to an outcome (0 on an outcome).
 * Steps that cannot reach an outcome are absent.
 */
export function stepsToOutcome(tree: Tree): Map<StepId, number> {
  const dist = new Map<StepId, number>();
  const preds = new Map<StepId, StepId[]>();
  for (const id of Object.keys(tree.steps) as StepId[]) {
    for (const next of nextSteps(tree, id)) preds.set(next, [...(preds.get(next) ?? []), id]);
  }
  const queue: StepId[] = [];
  for (const step of Object.values(tree.steps)) {
    if (step.kind === 'outcome') {
      dist.set(step.id, 0);
      queue.push(step.id);
    }
  }
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const p of preds.get(id) ?? []) {
      if (!dist.has(p)) {
        dist.set(p, dist.get(id)! + 1);
        queue.push(p);
      }
    }
  }
  return dist;
}

export interface PathStep {
  step: StepId;
  answer?: AnswerId;
  /** The answer was given by known facts (the step passed by itself), not by a person. */
  auto?: true;
}

/** A point of a walk: a step, and what is known on arriving there. */
export interface WalkState {
  step: StepId;
  known: Known;
}
/** One key per step and what is known there (the walks' visited sets). */
export const stateKey = (s: WalkState): string =>
  `${s.step}|${Object.entries(s.known)
    .sort()
    .map(([k, v]) => `${k}=${v}`)
    .join(',')}`;

/**
 * The answers that can be taken at a state — just the automatic one where
 * known facts answer the step — with what is known after each.
 */
export function moves(tree: Tree, s: WalkState, shown = false): { answer: AnswerId; auto: boolean; to: WalkState }[] {
  const step = tree.steps[s.step];
  if (!step || !hasAnswers(step)) return [];
  // A step the person is shown (they stand on it) offers every open answer, even one facts would pass.
  const auto = shown ? undefined : autoAnswer(step, s.known);
  const open = auto ? [auto] : openAnswers(step, s.known);
  return open.map((a) => {
    const kept = Object.entries(s.known).filter(([k]) => !(a.clears as string[] | undefined)?.includes(k));
    const known: Known = { ...Object.fromEntries(kept), ...a.sets };
    return { answer: a.id, auto: !!auto, to: { step: a.next, known } };
  });
}

/**
 * Every path from the start to an outcome that visits no step twice, with
 * what `given` facts and the answers on the way tell.
 * Used by the tests to walk each branch; `limit` bounds the search.
 */
export function pathsToOutcomes(tree: Tree, limit = 10_000, given: Known = {}): PathStep[][] {
  const out: PathStep[][] = [];
  const onPath = new Set<StepId>();
  const walk = (s: WalkState, path: PathStep[]): void => {
    if (out.length >= limit) return;
    const step = tree.steps[s.step];
    if (!step) return;
    if (!hasAnswers(step)) {
      out.push([...path, { step: s.step }]);
      return;
    }
    onPath.add(s.step);
    for (const m of moves(tree, s)) {
      if (!onPath.has(m.to.step)) walk(m.to, [...path, { step: s.step, answer: m.answer, ...(m.auto ? { auto: true as const } : {}) }]);
    }
    onPath.delete(s.step);
  };
  walk({ step: tree.start, known: given }, []);
  return out;
}

/** Shortest walk of answers from a state to a step that satisfies `isGoal`, ending with that step's state. */
function shortestWalk(tree: Tree, from: WalkState, isGoal: (id: StepId) => boolean): { walk: PathStep[]; end: WalkState } | undefined {
  const prev = new Map<string, { from: WalkState; answer: AnswerId; auto: boolean }>();
  const seen = new Set<string>([stateKey(from)]);
  const queue: WalkState[] = [from];
  for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
    if (isGoal(s.step)) {
      const walk: PathStep[] = [{ step: s.step }];
      for (let cur = s; stateKey(cur) !== stateKey(from);) {
        const p = prev.get(stateKey(cur))!;
        walk.unshift({ step: p.from.step, answer: p.answer, ...(p.auto ? { auto: true as const } : {}) });
        cur = p.from;
      }
      return { walk, end: s };
    }
    for (const m of moves(tree, s)) {
      const key = stateKey(m.to);
      if (!seen.has(key)) {
        seen.add(key);
        prev.set(key, { from: s, answer: m.answer, auto: m.auto });
        queue.push(m.to);
      }
    }
  }
  return undefined;
}

/**
 * The shortest walk from the start through `through` on to the nearest
 * outcome; the last entry is the outcome (it has no answer).
 */
function walkThrough(tree: Tree, through: StepId, given: Known = {}): PathStep[] | undefined {
  const head = shortestWalk(tree, { step: tree.start, known: given }, (id) => id === through);
  const tail = head && shortestWalk(tree, head.end, (id) => tree.steps[id]?.kind === 'outcome');
  if (!head || !tail) return undefined;
  return [...head.walk.slice(0, -1), ...tail.walk];
}

/**
 * A small set of walks from the start to an outcome that together visit
 * every step: the tests walk each one, so every branch is exercised.
 */
export function coveringWalks(tree: Tree): PathStep[][] {
  const covered = new Set<StepId>();
  const walks: PathStep[][] = [];
  // Deepest steps first, so one walk covers the most steps on its way.
  const dist = stepsToOutcome(tree);
  const ids = (Object.keys(tree.steps) as StepId[]).sort((a, b) => (dist.get(a) ?? 0) - (dist.get(b) ?? 0));
  for (const id of ids) {
    if (covered.has(id)) continue;
    const walk = walkThrough(tree, id);
    if (!walk) continue;
    walk.forEach((w) => covered.add(w.step));
    walks.push(walk);
  }
  return walks;
}
