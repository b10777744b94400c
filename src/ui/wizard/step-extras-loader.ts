import { useEffect, useMemo, useReducer } from 'react';
import type { ReadFacts } from '../../engine/fact-link.ts';
import type { FactSource } from '../../engine/facts.ts';
import type { CheckRange, Tree } from '../../engine/model.ts';
import { knownAt, type Session } from '../../engine/session.ts';

/**
 * What a step page needs only once a person is on a path or a link carries
 * facts: the "Your path" panel (with the facts that passed steps and their
 * "change" links), the reader of a link's facts (`f=`) and the walk that
 * works out the checks left (src/engine/progress.ts). They are a chunk of
 * their own: a plain link to a step — the first step above all — has no path
 * and knows nothing yet, and its figure was worked out at build time
 * (`Step.remaining`). Only such a page is hydrated from its prerendered
 * markup; every other page goes through the step loader, which fetches the
 * chunk with the tree, so it is here by the time it is needed.
 */
type Extras = typeof import('./step-extras.tsx');
let extras: Extras | undefined;
let loading: Promise<Extras> | undefined;

export function loadStepExtras(): Promise<Extras> {
  loading ??= import('./step-extras.tsx').then((m) => (extras = m));
  // A failed fetch (offline before the first visit was cached, a new deploy) may be retried.
  loading.catch(() => (loading = undefined));
  return loading;
}

export interface StepExtras {
  /** The module, once here (undefined on a plain step that does not need it). */
  extras: Extras | undefined;
  /** The checks left: a range, undefined when only an escalation is ahead, 'pending' while the chunk loads (shown as nothing). */
  remaining: CheckRange | undefined | 'pending';
}

/** `also`: load the chunk even on a plain step (the author view comes with it). */
export function useStepExtras(tree: Tree, session: Session, also = false): StepExtras {
  const [loads, loaded] = useReducer((n: number) => n + 1, 0);
  const step = tree.steps[session.visits[session.visits.length - 1]!.step];
  const plain = session.visits.length === 1 && step?.remaining !== undefined && Object.keys(knownAt(tree, session)).length === 0;
  useEffect(() => {
    if (!extras && (!plain || also)) void loadStepExtras().then(loaded, () => undefined);
  }, [plain, also]);
  // `loads` changes once the chunk has arrived, so the figure is worked out again then.
  const remaining = useMemo(() => {
    if (extras) return extras.remainingChecks(tree, session);
    if (plain) return step.remaining ? { min: step.remaining[0], max: step.remaining[1] } : undefined;
    return 'pending';
  }, [tree, session, plain, step, loads]); // eslint-disable-line react-hooks/exhaustive-deps
  return { extras, remaining };
}

const NO_FACTS: ReadFacts = { given: {}, other: {}, dropped: [] };

/** The facts of a step link's `f=`; undefined while the reader loads (not on a page the loader opened). */
export function useLinkFacts(tree: Tree, f: string | null, source: FactSource): ReadFacts | undefined {
  const [loads, loaded] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (f && !extras) void loadStepExtras().then(loaded, () => undefined);
  }, [f]);
  return useMemo(() => (!f ? NO_FACTS : extras?.decodeFacts(tree, f, source)), [tree, f, source, loads]); // eslint-disable-line react-hooks/exhaustive-deps
}
