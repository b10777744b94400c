/**
 * Facts in a link. A step URL carries what was known before its first step
 * as `f=platform:ios,code:7003`, so a shared link replays the same path; a
 * ticket system or a chat bot links straight into a guide with plain
 * parameters: `/t/mpaas-system-busy?platform=ios&code=7003`.
 *
 * A fact the guide does not read, or a value it does not allow, is left out
 * and named, so the page can say so (like a stale trail).
 */

import { FACT_VALUE } from './conditions.ts';
import { cleanFactValue, FACT_KEYS, isFactKey, type FactKey, type FactSource } from './facts.ts';
import type { Tree } from './model.ts';
import type { GivenFacts } from './session.ts';

/** Longer input is not a fact list anyone made: read none of it. */
const MAX_FACTS_LENGTH = 1000;

// Writing them (`encodeFacts`) is in trail.ts, with the rest of a step link: every page writes links, few read facts.

export interface ReadFacts {
  /** Facts the tree reads, with allowed values. */
  given: GivenFacts;
  /** Facts the case keeps but the tree does not read (a trace id, an app version). */
  other: Partial<Record<FactKey, string>>;
  /** What was left out, as written (`platform:windows`), for the notice. */
  dropped: string[];
}

/** Whether the tree allows this value for this fact. */
export function allowedValue(tree: Tree, key: FactKey, value: string): boolean {
  const fact = tree.facts[key];
  if (!fact) return false;
  if (fact.values) return Object.hasOwn(fact.values, value);
  return FACT_VALUE.test(value);
}

function read(tree: Tree, pairs: [string, string][], source: FactSource): ReadFacts {
  const out: ReadFacts = { given: {}, other: {}, dropped: [] };
  for (const [rawKey, rawValue] of pairs) {
    const shown = `${rawKey}:${rawValue}`.slice(0, 80);
    if (!isFactKey(rawKey)) {
      out.dropped.push(shown);
      continue;
    }
    const value = cleanFactValue(rawValue);
    if (value === undefined) continue;
    if (tree.facts[rawKey]) {
      if (allowedValue(tree, rawKey, value)) out.given[rawKey] = { value, source };
      else out.dropped.push(shown);
    } else out.other[rawKey] = value;
  }
  return out;
}

/** The `f` parameter of a step URL. */
export function decodeFacts(tree: Tree, raw: string | null | undefined, source: FactSource = 'link'): ReadFacts {
  if (!raw) return { given: {}, other: {}, dropped: [] };
  if (raw.length > MAX_FACTS_LENGTH) return { given: {}, other: {}, dropped: [raw.slice(0, 40) + '…'] };
  const pairs = raw
    .split(',')
    .filter(Boolean)
    .map((p): [string, string] => {
      const i = p.indexOf(':');
      return i < 0 ? [p, ''] : [p.slice(0, i), p.slice(i + 1)];
    });
  // A pair with no value is not a fact: name it as dropped.
  const empty = pairs.filter(([, v]) => v === '').map(([k]) => k.slice(0, 80));
  const read_ = read(
    tree,
    pairs.filter(([, v]) => v !== ''),
    source,
  );
  return { ...read_, dropped: [...read_.dropped, ...empty] };
}

/**
 * The facts of a guide's entry URL: `f=…` and plain parameters named after
 * facts (`?platform=ios&code=7003`). Other parameters (`embed`, `lang`) are
 * not facts and are ignored.
 */
export function entryFacts(tree: Tree, params: URLSearchParams, source: FactSource = 'link'): ReadFacts {
  const fromF = decodeFacts(tree, params.get('f'), source);
  const pairs: [string, string][] = [];
  for (const [k, v] of params) if (isFactKey(k) && pairs.length < FACT_KEYS.length) pairs.push([k, v]);
  const plain = read(tree, pairs, source);
  return {
    given: { ...fromF.given, ...plain.given },
    other: { ...fromF.other, ...plain.other },
    dropped: [...fromF.dropped, ...plain.dropped],
  };
}
