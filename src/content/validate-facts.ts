/**
 * The rules of facts in a tree (content-format.md, "Facts"): every fact
 * named is declared, every value allowed, every condition readable; and the
 * guide stays whole under every combination of known facts — no step left
 * with no open answer, none that asks what is already known, none cut off
 * from an outcome. Each combination is walked as the browser would walk it.
 */

import { ConditionError, factsOf, parseCondition, valuesOf, type Cond, type Known } from '../engine/conditions.ts';
import { FACT_KEYS, type FactKey } from '../engine/facts.ts';
import { hasAnswers, type Tree } from '../engine/model.ts';
import { moves, stateKey, type WalkState } from '../engine/graph.ts';
import type { ContentError } from './errors.ts';
import type { RawTree } from './schema.ts';
import type { At } from './yaml-locate.ts';

/** A value no condition names: "any other code". */
const OTHER_VALUE = 'zz-other';
/** More combinations than this is a tree too tangled to check (or to follow). */
const MAX_COMBINATIONS = 5000;

/** Declarations, values and conditions; returns the errors (the walk needs a tree without them). */
export function checkFactNames(tree: RawTree, at: At): ContentError[] {
  const errors: ContentError[] = [];
  const declared = tree.facts ?? {};
  const isDeclared = (k: FactKey) => Object.hasOwn(declared, k);
  const undeclared = (k: FactKey) =>
    `uses the fact "${k}", which the tree does not declare: add it under "facts" at the top of the file${Object.keys(declared).length ? ` (declared: ${Object.keys(declared).join(', ')})` : ''}`;
  const checkValue = (nodeId: string, path: PropertyKey[], k: FactKey, v: string) => {
    const values = declared[k]?.values;
    if (values && !Object.hasOwn(values, v)) errors.push(at(['nodes', nodeId, ...path], `gives the fact "${k}" the value "${v}", which is not one of its values (${Object.keys(values).join(', ')})`));
  };

  for (const [nodeId, node] of Object.entries(tree.nodes)) {
    const here = (field: PropertyKey[], message: string) => at(['nodes', nodeId, ...field], message);
    if (node.kind === 'outcome') continue; // an escalation's asks are what the vendor asks for, not facts the tree reads
    for (const [i, k] of (node.asks ?? []).entries()) if (!isDeclared(k)) errors.push(here(['asks', i], undeclared(k)));
    let otherwise = 0;
    const readers = new Set<FactKey>();
    node.answers.forEach((a, i) => {
      for (const [k, v] of Object.entries(a.sets ?? {}) as [FactKey, string][]) {
        if (!isDeclared(k)) errors.push(here(['answers', i, 'sets', k], undeclared(k)));
        else checkValue(nodeId, ['answers', i, 'sets', k], k, v);
        readers.add(k);
      }
      for (const [j, k] of (a.clears ?? []).entries()) if (!isDeclared(k)) errors.push(here(['answers', i, 'clears', j], undeclared(k)));
      if (a.if === undefined) return;
      let cond: Cond;
      try {
        cond = parseCondition(a.if);
      } catch (e) {
        if (!(e instanceof ConditionError)) throw e;
        errors.push(here(['answers', i, 'if'], `the condition ${e.message}`));
        return;
      }
      if (cond.t === 'otherwise') {
        otherwise++;
        return;
      }
      for (const k of factsOf(cond)) {
        readers.add(k);
        if (!isDeclared(k)) errors.push(here(['answers', i, 'if'], undeclared(k)));
        else if (declared[k]?.values) for (const v of valuesOf(cond, k)) checkValue(nodeId, ['answers', i, 'if'], k, v);
      }
    });
    if (otherwise > 1) errors.push(here(['answers'], 'has more than one answer with "if: otherwise"; keep one'));
    if (otherwise === 1 && !node.answers.some((a) => a.if !== undefined && a.if.trim() !== 'otherwise')) {
      errors.push(here(['answers'], 'has an answer with "if: otherwise" but no other answer with a condition, so "otherwise" means "always": remove it'));
    }
    if (node.asks) {
      if (node.answers.length < 2) errors.push(here(['asks'], 'asks for a fact but has fewer than two answers, so there is nothing to choose: remove "asks"'));
      for (const [i, k] of node.asks.entries()) {
        if (isDeclared(k) && !readers.has(k)) errors.push(here(['asks', i], `asks for "${k}", but none of its answers sets it or has a condition on it, so knowing it changes nothing`));
      }
    }
  }
  return errors;
}

/** Sample values of each declared fact: its values, or every value and range end the tree compares it with, and one that none names. */
function factSamples(tree: Tree): Partial<Record<FactKey, string[]>> {
  const out: Partial<Record<FactKey, string[]>> = {};
  for (const [k, fact] of Object.entries(tree.facts) as [FactKey, NonNullable<Tree['facts'][FactKey]>][]) {
    if (fact.values) {
      out[k] = Object.keys(fact.values);
      continue;
    }
    const seen = new Set<string>();
    for (const step of Object.values(tree.steps)) {
      if (!hasAnswers(step)) continue;
      for (const a of step.answers) {
        if (a.if) valuesOf(a.if, k, seen);
        if (a.sets?.[k]) seen.add(a.sets[k]);
      }
    }
    out[k] = [...seen, OTHER_VALUE];
  }
  return out;
}

/** Every combination of known facts: each declared fact unknown or one of its samples. */
export function factCombinations(tree: Tree): Known[] {
  let combos: Known[] = [{}];
  for (const [k, samples] of Object.entries(factSamples(tree)) as [FactKey, string[]][]) {
    combos = combos.flatMap((c) => [c, ...samples.map((v) => ({ ...c, [k]: v }))]);
    if (combos.length > MAX_COMBINATIONS) break;
  }
  return combos;
}

export const describeKnown = (known: Known): string => {
  const parts = FACT_KEYS.filter((k) => known[k] !== undefined).map((k) => `${k}=${known[k] === OTHER_VALUE ? '(any other value)' : known[k]}`);
  return parts.length ? parts.join(', ') : 'nothing known';
};

type State = WalkState;

export interface WalkProblem {
  step: string;
  message: string;
}

/** Walks one combination from the start; returns what is wrong, one sentence per step, and the steps reached. */
export function walkCombination(tree: Tree, given: Known): { problems: WalkProblem[]; reached: Set<string> } {
  const problems = new Map<string, string>();
  const start: State = { step: tree.start as State['step'], known: given };
  const seen = new Map<string, State>([[stateKey(start), start]]);
  const edges = new Map<string, string[]>();
  const queue = [start];
  for (let s = queue.shift(); s; s = queue.shift()) {
    const step = tree.steps[s.step];
    if (!step || !hasAnswers(step)) continue;
    const next = moves(tree, s);
    const here = stateKey(s);
    if (next.length === 0 && !problems.has(s.step)) {
      problems.set(s.step, `with ${describeKnown(s.known)}, none of its answers is open, so a person would be stuck: give one answer a condition that holds (or "if: otherwise")`);
    }
    if (step.kind === 'question' && step.asks?.every((k) => s.known[k] !== undefined) && next.length > 1 && !problems.has(s.step)) {
      problems.set(
        s.step,
        `asks for ${step.asks.join(' and ')}, but with ${describeKnown(s.known)} ${next.length} answers are open (${next.map((n) => n.answer).join(', ')}), so it would ask what is known: make their conditions exclusive`,
      );
    }
    edges.set(here, next.map((n) => stateKey(n.to)));
    for (const n of next) {
      const key = stateKey(n.to);
      if (!seen.has(key)) {
        seen.set(key, n.to);
        queue.push(n.to);
      }
    }
  }
  // States from which an outcome can be reached.
  const finishes = new Set([...seen].filter(([, s]) => tree.steps[s.step]?.kind === 'outcome').map(([k]) => k));
  for (let grew = true; grew; ) {
    grew = false;
    for (const [k, out] of edges) {
      if (!finishes.has(k) && out.some((o) => finishes.has(o))) {
        finishes.add(k);
        grew = true;
      }
    }
  }
  // A step where a person would be stuck is the problem to fix; the steps before it cannot finish because of it.
  const stuck = problems.size > 0;
  for (const [k, s] of seen) {
    if (stuck) break;
    if (!finishes.has(k) && !problems.has(s.step) && (edges.get(k)?.length ?? 0) > 0) {
      problems.set(s.step, `with ${describeKnown(s.known)}, no outcome can be reached from it (its open answers lead in a circle): open an answer that leads out`);
    }
  }
  return { problems: [...problems].map(([step, message]) => ({ step, message })), reached: new Set([...seen.values()].map((s) => s.step)) };
}

/** The walk over every combination, as content errors (the first problem of each step). */
export function checkCombinations(tree: Tree, at: At): ContentError[] {
  if (Object.keys(tree.facts).length === 0) return [];
  const reported = new Map<string, string>();
  const reachedAny = new Set<string>();
  for (const given of factCombinations(tree)) {
    const { problems, reached } = walkCombination(tree, given);
    for (const r of reached) reachedAny.add(r);
    for (const p of problems) if (!reported.has(p.step)) reported.set(p.step, p.message);
  }
  const errors = [...reported].map(([step, message]) => at(['nodes', step], message, { key: true }));
  for (const id of Object.keys(tree.steps)) {
    if (!reachedAny.has(id)) errors.push(at(['nodes', id], 'cannot be reached with any combination of facts: an answer that leads to it is never open', { key: true }));
  }
  return errors;
}
