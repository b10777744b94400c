import type { StepId, Tree } from './model.ts';

export interface ResolvedStep {
  step: StepId;
  /** The id that was asked for, when it was redirected to `step`. */
  redirectedFrom?: string;
}

/**
 * The step an id names today: itself, or where its redirect leads.
 * @returns undefined when the id was never a step of this tree.
 */
export function resolveStep(tree: Tree, id: string): ResolvedStep | undefined {
  if (Object.hasOwn(tree.steps, id)) return { step: id as StepId };
  const to = Object.hasOwn(tree.redirects, id) ? tree.redirects[id] : undefined;
  if (to && Object.hasOwn(tree.steps, to)) return { step: to, redirectedFrom: id };
  return undefined;
}
