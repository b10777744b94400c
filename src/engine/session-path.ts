import { hasAnswers, type AnswerId, type StepId, type Tree } from './model.ts';
import { paths } from './paths.ts';
import { answer, backTo, type Session } from './session.ts';
import { encodeTrail } from './trail.ts';

/** A session's path as the map shows it: which steps it visited, which edges it took, where it is now. */
export interface SessionPath {
  current: StepId;
  /** Visited steps, each with the index of its last visit (a loop may pass a step twice). */
  visited: ReadonlyMap<StepId, number>;
  /** Edges taken, as `from>to`. */
  taken: ReadonlySet<string>;
  /** The answers given at each visited step (several if a loop passed it more than once). */
  answered: ReadonlyMap<StepId, AnswerId[]>;
}

export const takenKey = (from: string, to: string) => `${from}>${to}`;

export function sessionPath(tree: Tree, session: Session): SessionPath {
  const visited = new Map<StepId, number>();
  const taken = new Set<string>();
  const answered = new Map<StepId, AnswerId[]>();
  session.visits.forEach((v, i) => {
    visited.set(v.step, i);
    const next = session.visits[i + 1];
    if (v.answer && next) {
      taken.add(takenKey(v.step, next.step));
      answered.set(v.step, [...(answered.get(v.step) ?? []), v.answer]);
    }
  });
  return { current: session.visits[session.visits.length - 1]!.step, visited, taken, answered };
}

/**
 * Where a step of the map links to. A step on the session's path opens with
 * the trail that led to it (its last visit), and a step the current one leads
 * to opens with the trail one answer further, as if that answer were given;
 * any other step opens on its own. Without a session, every step opens on its own.
 */
export function mapStepHref(tree: Tree, session: Session | undefined, id: StepId): string {
  if (!session) return paths.step.href(tree.id, id);
  const visits = session.visits;
  const at = visits.findLastIndex((v) => v.step === id);
  if (at >= 0) {
    const s = backTo(session, at);
    return paths.step.href(tree.id, id, encodeTrail(tree, s));
  }
  const current = tree.steps[visits[visits.length - 1]!.step];
  const via = current && hasAnswers(current) ? current.answers.find((a) => a.next === id) : undefined;
  const next = via && answer(tree, session, via.id);
  return paths.step.href(tree.id, id, next ? encodeTrail(tree, next) : undefined);
}
