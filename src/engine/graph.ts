import { hasAnswers, type AnswerId, type StepId, type Tree } from './model.ts';

/** Step ids a step leads to. */
export function nextSteps(tree: Tree, id: StepId): StepId[] {
  const step = tree.steps[id];
  return step && hasAnswers(step) ? step.answers.map((a) => a.next) : [];
}

/** Every step reachable from the start. */
export function reachableSteps(tree: Tree): Set<StepId> {
  const seen = new Set<StepId>([tree.start]);
  const queue: StepId[] = [tree.start];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const next of nextSteps(tree, id)) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
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
}

/**
 * Every path from the start to an outcome that visits no step twice.
 * Used by the tests to walk each branch; `limit` bounds the search.
 */
export function pathsToOutcomes(tree: Tree, limit = 10_000): PathStep[][] {
  const out: PathStep[][] = [];
  const onPath = new Set<StepId>();
  const walk = (id: StepId, path: PathStep[]): void => {
    if (out.length >= limit) return;
    const step = tree.steps[id];
    if (!step) return;
    if (!hasAnswers(step)) {
      out.push([...path, { step: id }]);
      return;
    }
    onPath.add(id);
    for (const a of step.answers) {
      if (!onPath.has(a.next)) walk(a.next, [...path, { step: id, answer: a.id }]);
    }
    onPath.delete(id);
  };
  walk(tree.start, []);
  return out;
}

/** Shortest walk of answers from `from` to a step that satisfies `isGoal`. */
function shortestWalk(tree: Tree, from: StepId, isGoal: (id: StepId) => boolean): PathStep[] | undefined {
  const prev = new Map<StepId, { from: StepId; answer: AnswerId }>();
  const seen = new Set<StepId>([from]);
  const queue: StepId[] = [from];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (isGoal(id)) {
      const walk: PathStep[] = [{ step: id }];
      for (let cur = id; cur !== from; ) {
        const p = prev.get(cur)!;
        walk.unshift({ step: p.from, answer: p.answer });
        cur = p.from;
      }
      return walk;
    }
    const step = tree.steps[id];
    if (!step || !hasAnswers(step)) continue;
    for (const a of step.answers) {
      if (!seen.has(a.next)) {
        seen.add(a.next);
        prev.set(a.next, { from: id, answer: a.id });
        queue.push(a.next);
      }
    }
  }
  return undefined;
}

/**
 * The shortest walk from the start through `through` on to the nearest
 * outcome; the last entry is the outcome (it has no answer).
 */
export function walkThrough(tree: Tree, through: StepId): PathStep[] | undefined {
  const head = shortestWalk(tree, tree.start, (id) => id === through);
  const tail = shortestWalk(tree, through, (id) => tree.steps[id]?.kind === 'outcome');
  if (!head || !tail) return undefined;
  return [...head.slice(0, -1), ...tail];
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
