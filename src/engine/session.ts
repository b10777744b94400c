import { evaluate, type Known } from './conditions.ts';
import type { FactKey, FactSource } from './facts.ts';
import { hasAnswers, type Answer, type AnswerId, type ItemState, type Step, type StepId, type Tree } from './model.ts';

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
  /** Facts known before the first step: from a link, a pasted log, a code page. */
  given?: GivenFacts;
}

/** A fact handed to a session, and where it came from (shown beside it: "iOS — from your log"). */
export interface GivenFact {
  value: string;
  source: FactSource;
}
export type GivenFacts = Partial<Record<FactKey, GivenFact>>;

/** A fact known at a point of the path: from what was given, or from an answer (the visit that gave it). */
export interface KnownFact {
  value: string;
  source: FactSource;
  /** For a fact from an answer: the index of the visit whose answer told it. */
  visit?: number;
}
export type KnownFacts = Partial<Record<FactKey, KnownFact>>;

export type Ticks = Record<string, ItemState>;

/** A new session at the tree's start step; with facts given, already past the steps they answer. */
export function startSession(tree: Tree, given?: GivenFacts): Session {
  const s: Session = { tree: tree.id, visits: [{ step: tree.start }], ...(given && Object.keys(given).length ? { given } : {}) };
  return advance(tree, s);
}

/** What is known on arriving at visit `index` (by default the current one): the given facts, then each earlier answer's. */
export function knownAt(tree: Tree, session: Session, index = session.visits.length - 1): KnownFacts {
  let known: KnownFacts = {};
  for (const [k, f] of Object.entries(session.given ?? {}) as [FactKey, GivenFact][]) known[k] = { value: f.value, source: f.source };
  session.visits.slice(0, index).forEach((v, i) => {
    const step = tree.steps[v.step];
    const a = step && hasAnswers(step) ? step.answers.find((x) => x.id === v.answer) : undefined;
    if (a?.clears) known = Object.fromEntries(Object.entries(known).filter(([k]) => !(a.clears as string[]).includes(k)));
    for (const [k, value] of Object.entries(a?.sets ?? {}) as [FactKey, string][]) {
      // A fact already known keeps where it came from: an answer that agrees with it adds nothing.
      if (known[k]?.value !== value) known[k] = { value, source: 'answer', visit: i };
    }
  });
  return known;
}

/** Just the values, for conditions. */
export function values(known: KnownFacts): Known {
  const out: Known = {};
  for (const [k, f] of Object.entries(known) as [FactKey, KnownFact][]) out[k] = f.value;
  return out;
}

/**
 * The answers of a step that what is known leaves open. An answer is closed
 * when its condition is known to be false, or when it tells a fact that is
 * known to have another value; `otherwise` is open unless another answer's
 * condition is known to hold.
 */
export function openAnswers(step: Step, known: Known): Answer[] {
  if (!hasAnswers(step)) return [];
  const truth = step.answers.map((a) => (a.if && a.if.t !== 'otherwise' ? evaluate(a.if, known) : undefined));
  const someHolds = truth.some((t) => t === true);
  return step.answers.filter((a, i) => {
    for (const [k, v] of Object.entries(a.sets ?? {}) as [FactKey, string][]) if (known[k] !== undefined && known[k] !== v) return false;
    if (!a.if) return true;
    if (a.if.t === 'otherwise') return !someHolds;
    return truth[i] !== false;
  });
}

/**
 * The answer a step gives by itself: the step asks for facts, one of them
 * is known, and what is known leaves exactly one answer open.
 */
export function autoAnswer(step: Step, known: Known): Answer | undefined {
  if (!hasAnswers(step) || !step.asks?.some((k) => known[k] !== undefined)) return undefined;
  const open = openAnswers(step, known);
  return open.length === 1 ? open[0] : undefined;
}

/** Passes the steps that what is known answers, from the current one on (never in a loop). */
function advance(tree: Tree, session: Session): Session {
  let s = session;
  const passed = new Set<string>();
  for (;;) {
    const visit = s.visits[s.visits.length - 1]!;
    const step = tree.steps[visit.step];
    if (!step || passed.has(step.id)) return s;
    const a = autoAnswer(step, values(knownAt(tree, s)));
    if (!a || !tree.steps[a.next]) return s;
    passed.add(step.id);
    s = { ...s, visits: [...s.visits.slice(0, -1), { step: step.id, answer: a.id }, { step: a.next }] };
  }
}

/** True when visit `index` was answered by known facts, not by the person. */
export function wasAuto(tree: Tree, session: Session, index: number): boolean {
  const v = session.visits[index];
  const step = v && tree.steps[v.step];
  if (!v?.answer || !step) return false;
  return autoAnswer(step, values(knownAt(tree, session, index)))?.id === v.answer;
}

/** The step the person is on. */
export function currentStep(tree: Tree, session: Session): Step {
  const visit = session.visits[session.visits.length - 1];
  const step = visit && tree.steps[visit.step];
  if (!step) throw new Error(`Session for "${session.tree}" is not on a step of the tree`);
  return step;
}

/**
 * Answers the current step, returning the session one step further on —
 * past any step that what is then known answers by itself.
 * @returns undefined when the answer is not one of the current step's open answers.
 */
export function answer(tree: Tree, session: Session, answerId: string, ticks?: Ticks): Session | undefined {
  const next = answerOnly(tree, session, answerId, ticks);
  return next && advance(tree, next);
}

/** Answers the current step, without passing the steps after it (replaying a trail). */
export function answerOnly(tree: Tree, session: Session, answerId: string, ticks?: Ticks): Session | undefined {
  const step = currentStep(tree, session);
  if (!hasAnswers(step)) return undefined;
  const chosen = openAnswers(step, values(knownAt(tree, session))).find((a) => a.id === answerId);
  if (!chosen || !tree.steps[chosen.next]) return undefined;
  const done: Visit = { step: step.id, answer: chosen.id };
  if (step.kind === 'checklist' && ticks) {
    const kept = Object.fromEntries(step.items.flatMap((item) => (ticks[item.id] ? [[item.id, ticks[item.id]!]] : [])));
    if (Object.keys(kept).length > 0) done.ticks = kept;
  }
  return { ...session, visits: [...session.visits.slice(0, -1), done, { step: chosen.next }] };
}

/** One step back; the start step stays where it is. */
export function back(session: Session): Session {
  return backTo(session, session.visits.length - 2);
}

/** Back to the visit at `index` (0 is the first), forgetting what came after. */
export function backTo(session: Session, index: number): Session {
  if (index < 0 || index >= session.visits.length - 1) return session;
  const target = session.visits[index]!;
  return { ...session, visits: [...session.visits.slice(0, index), { step: target.step }] };
}

/** Which checklist answer fits the marks: `all-ok` when every item is OK, `any-bad` when one is not. */
export function fittingWhen(step: Step, ticks: Ticks): 'all-ok' | 'any-bad' | undefined {
  if (step.kind !== 'checklist') return undefined;
  if (step.items.some((item) => ticks[item.id] === 'bad')) return 'any-bad';
  if (step.items.every((item) => ticks[item.id] === 'ok')) return 'all-ok';
  return undefined;
}
