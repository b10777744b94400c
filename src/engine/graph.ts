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
