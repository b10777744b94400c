import { FACT_VALUE } from './conditions.ts';
import { allowedValue } from './fact-link.ts';
import { FACT_KEYS, type FactKey, type FactSource } from './facts.ts';
import type { CodeEntry, Tree } from './model.ts';
import { paths } from './paths.ts';
import { startSession, type GivenFacts } from './session.ts';
import { sessionHref } from './trail.ts';
import { parseStepRef } from './refs.ts';

/**
 * Where a hand-off (a finding of the analyzer, a code page) sends a person,
 * with what it knows, in the facts the guide reads. Into the guide from its
 * start when those facts carry the walk through the step that handles the
 * code — then every step they answer passes by itself and the path shows
 * them ("Platform: iOS — from your log") — else straight to that step, with
 * the facts for the steps after it (a gateway code without its platform
 * would otherwise stop at the platform question first).
 */
export function handoffHref(tree: Tree, step: string, facts: Partial<Record<FactKey, string>>, source: FactSource): string {
  const id = step.slice(step.indexOf('/') + 1);
  const given: GivenFacts = {};
  for (const k of FACT_KEYS) if (facts[k] !== undefined && allowedValue(tree, k, facts[k]!)) given[k] = { value: facts[k]!, source };
  const walked = startSession(tree, given);
  if (walked.visits.some((v) => v.step === id)) return sessionHref(tree, walked);
  return quickHandoffHref(step, facts, Object.keys(tree.facts) as FactKey[]);
}

/** The same, before the guide is loaded: straight to the step, with the facts the guide reads (from its summary). */
export function quickHandoffHref(step: string, facts: Partial<Record<FactKey, string>>, treeFacts: readonly FactKey[]): string {
  const { tree, step: id } = parseStepRef(step);
  const f = FACT_KEYS.filter((k) => treeFacts.includes(k) && facts[k] !== undefined && FACT_VALUE.test(facts[k]!))
    .map((k) => `${k}:${facts[k]}`)
    .join(',');
  return paths.step.href(tree, id, undefined, f || undefined);
}

/**
 * What a code page tells a guide: the code (or the sub-code, for a row of a
 * group of sub-codes), the client platform where its
 * table is a client's, and the HTTP status where the code comes with one.
 * The code is the one asked for when the row is a pattern (`MissingAppKey`
 * on `Missing{ParameterName}`; the pattern itself is no one code), else the
 * row's code or, where that is a sentence rather than a code name, its first
 * alias that is one.
 */
export function codePageFacts(entry: CodeEntry, asked: string): Partial<Record<FactKey, string>> {
  const usable = (c: string) => FACT_VALUE.test(c) && !c.includes('{');
  const code = entry.code.includes('{') ? (usable(asked) ? asked : undefined) : [entry.code, ...(entry.aliases ?? [])].find(usable);
  const platform = entry.platform === 'mpaas-ios' ? 'ios' : entry.platform === 'mpaas-android' ? 'android' : undefined;
  return {
    ...(code ? { [entry.fact ?? 'code']: code } : {}),
    ...(platform ? { platform } : {}),
    ...(entry.http?.length === 1 ? { http: String(entry.http[0]) } : {}),
  };
}
