import { hasAnswers, type AnswerId, type ItemState, type Step, type StepId, type Tree } from './model.ts';

/** One step on the person's path, and the answer they gave there (if they went on). */
export interface Visit {
  step: StepId;
  answer?: AnswerId;
  /** Checklist marks at the time of answering, by item id. */
  ticks?: Record<string, ItemState>;
}

/** The path so far; the last visit is the current step and has no answer. */
export interface Session {
  tree: Tree['id'];
  visits: Visit[];
}

export type Ticks = Record<string, ItemState>;

/** A new session at the tree's start step. */
export function startSession(tree: Tree): Session {
  return { tree: tree.id, visits: [{ step: tree.start }] };
}

/** The step the person is on. */
export function currentStep(tree: Tree, session: Session): Step {
  const visit = session.visits[session.visits.length - 1];
  const step = visit && tree.steps[visit.step];
  if (!step) throw new Error(`Session for "${session.tree}" is not on a step of the tree`);
  return step;
}

/**
 * Answers the current step, returning the session one step further on.
 * @returns undefined when the answer is not one of the current step's.
 */
export function answer(tree: Tree, session: Session, answerId: string, ticks?: Ticks): Session | undefined {
  const step = currentStep(tree, session);
  if (!hasAnswers(step)) return undefined;
  const chosen = step.answers.find((a) => a.id === answerId);
  if (!chosen || !tree.steps[chosen.next]) return undefined;
  const done: Visit = { step: step.id, answer: chosen.id };
  if (step.kind === 'checklist' && ticks) {
    const kept = Object.fromEntries(step.items.flatMap((item) => (ticks[item.id] ? [[item.id, ticks[item.id]!]] : [])));
    if (Object.keys(kept).length > 0) done.ticks = kept;
  }
  return { tree: session.tree, visits: [...session.visits.slice(0, -1), done, { step: chosen.next }] };
}

/** One step back; the start step stays where it is. */
export function back(session: Session): Session {
  return backTo(session, session.visits.length - 2);
}

/** Back to the visit at `index` (0 is the first), forgetting what came after. */
export function backTo(session: Session, index: number): Session {
  if (index < 0 || index >= session.visits.length - 1) return session;
  const target = session.visits[index]!;
  return { tree: session.tree, visits: [...session.visits.slice(0, index), { step: target.step }] };
}

/** Which checklist answer fits the marks: `all-ok` when every item is OK, `any-bad` when one is not. */
export function fittingWhen(step: Step, ticks: Ticks): 'all-ok' | 'any-bad' | undefined {
  if (step.kind !== 'checklist') return undefined;
  if (step.items.some((item) => ticks[item.id] === 'bad')) return 'any-bad';
  if (step.items.every((item) => ticks[item.id] === 'ok')) return 'all-ok';
  return undefined;
}
