/**
 * Conditions on facts: when an answer of a guide is open. A small language,
 * parsed when the content is built and evaluated in the browser as JSON — no
 * code in content is ever run.
 *
 *     platform = ios
 *     platform != ios
 *     code in [7003, 7007]
 *     code in 7000..7999            (a numeric range, ends included)
 *     code in [Missing{ParameterName}, Invalid{ParameterName}.Format]
 *                                   (a pattern, as the code tables write them:
 *                                    each {Placeholder} stands for one name)
 *     code not in [607, 608, 3000..3999]
 *     code is known / code is unknown
 *     platform = android and code = 607
 *     not (a or b)
 *     otherwise                     (open when no sibling answer's condition holds)
 *
 * A fact that is not known makes a comparison neither true nor false:
 * conditions are evaluated in three values, and an answer is closed only
 * when its condition is known to be false.
 */

import { fitsParts, partsOf } from './code-pattern.ts';
import { isFactKey, type FactKey } from './facts.ts';

export type Cond =
  | { t: 'in'; fact: FactKey; values: string[]; ranges: [number, number][]; patterns?: string[][] }
  | { t: 'known'; fact: FactKey }
  | { t: 'not'; c: Cond }
  | { t: 'and' | 'or'; c: Cond[] }
  | { t: 'otherwise' };

/** What is known: a fact's value by name. */
export type Known = Partial<Record<FactKey, string>>;

/** True, false, or undefined when it depends on a fact that is not known. */
export type Truth = boolean | undefined;

const NUMBER = /^-?\d{1,15}$/;

/** Evaluates a condition against what is known (`otherwise` is decided by its caller). */
export function evaluate(cond: Cond, known: Known): Truth {
  switch (cond.t) {
    case 'in': {
      const v = known[cond.fact];
      if (v === undefined) return undefined;
      if (cond.values.includes(v) || cond.patterns?.some((p) => fitsParts(p, v))) return true;
      if (cond.ranges.length > 0 && NUMBER.test(v)) {
        const n = Number(v);
        return cond.ranges.some(([lo, hi]) => n >= lo && n <= hi);
      }
      return false;
    }
    case 'known':
      return known[cond.fact] !== undefined;
    case 'not': {
      const v = evaluate(cond.c, known);
      return v === undefined ? undefined : !v;
    }
    case 'and':
    case 'or': {
      // "and" is decided by the first false part, "or" by the first true one; otherwise an unknown part leaves it undecided.
      const decides = cond.t === 'or';
      let unknown = false;
      for (const c of cond.c) {
        const v = evaluate(c, known);
        if (v === decides) return decides;
        if (v === undefined) unknown = true;
      }
      return unknown ? undefined : !decides;
    }
    case 'otherwise':
      return undefined;
  }
}

/** The facts a condition reads. */
export function factsOf(cond: Cond, out: Set<FactKey> = new Set()): Set<FactKey> {
  if (cond.t === 'in' || cond.t === 'known') out.add(cond.fact);
  else if (cond.t === 'not') factsOf(cond.c, out);
  else if (cond.t === 'and' || cond.t === 'or') for (const c of cond.c) factsOf(c, out);
  return out;
}

/** Every value and range end a condition compares a fact with (the validator's sample values). */
export function valuesOf(cond: Cond, fact: FactKey, out: Set<string> = new Set()): Set<string> {
  if (cond.t === 'in' && cond.fact === fact) {
    for (const v of cond.values) out.add(v);
    // A pattern's sample: its placeholders filled with a name.
    for (const p of cond.patterns ?? []) out.add(p.join('Name'));
    for (const [lo, hi] of cond.ranges) {
      out.add(String(lo));
      out.add(String(hi));
      if (hi - lo > 1) out.add(String(lo + 1));
    }
  } else if (cond.t === 'not') valuesOf(cond.c, fact, out);
  else if (cond.t === 'and' || cond.t === 'or') for (const c of cond.c) valuesOf(c, fact, out);
  return out;
}

export class ConditionError extends Error {}

/** A fact value as content and links may write it. */
export const FACT_VALUE = /^[A-Za-z0-9][A-Za-z0-9._{}-]{0,63}$/;

const TOKEN = /\s*(\.\.|!=|[=[\](),]|[A-Za-z0-9_.{}-]+)/y;

/** Parses a condition (see the top of this file); throws ConditionError with a plain sentence. */
export function parseCondition(source: string): Cond {
  if (source.length > 500) throw new ConditionError('is longer than 500 characters; split it over several answers');
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < source.length) {
    if (/^\s*$/.test(source.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(source);
    if (!m) throw new ConditionError(`cannot read "${source.slice(at).trim().slice(0, 20)}"`);
    // "7000..7999" arrives as one word: split it around the dots.
    const word = m[1]!;
    const range = /^(-?\d+)\.\.(-?\d+)$/.exec(word);
    if (range) tokens.push(range[1]!, '..', range[2]!);
    else if (word.includes('..')) throw new ConditionError(`has the range "${word}", whose ends are not whole numbers`);
    else tokens.push(word);
    at = TOKEN.lastIndex;
  }
  if (tokens.length === 0) throw new ConditionError('is empty');
  let i = 0;
  const peek = () => tokens[i];
  const take = (want?: string): string => {
    const tok = tokens[i];
    if (tok === undefined) throw new ConditionError(want ? `ends where "${want}" was expected` : 'ends too early');
    if (want !== undefined && tok !== want) throw new ConditionError(`has "${tok}" where "${want}" was expected`);
    i++;
    return tok;
  };

  const fact = (): FactKey => {
    const name = take();
    if (!isFactKey(name)) throw new ConditionError(`names "${name}", which is not a fact`);
    return name;
  };
  const value = (): string => {
    const v = take();
    if (!FACT_VALUE.test(v) || ['and', 'or', 'not', 'in', 'is'].includes(v)) throw new ConditionError(`has "${v}" where a value was expected`);
    return v;
  };
  const item = (into: { values: string[]; ranges: [number, number][]; patterns?: string[][] }) => {
    const v = value();
    const parts = partsOf(v);
    if (parts || v.includes('{') || v.includes('}')) {
      if (!parts || !/^(?:[^{}]*\{[A-Za-z][A-Za-z0-9]*\})+[^{}]*$/.test(v) || parts.slice(1, -1).some((p) => p === '')) {
        throw new ConditionError(
          `has "${v}", which is not a pattern: name each placeholder in single braces, with text between two of them, like Missing{ParameterName}`,
        );
      }
      (into.patterns ??= []).push(parts);
      return;
    }
    if (peek() === '..') {
      take('..');
      const hi = value();
      if (!NUMBER.test(v) || !NUMBER.test(hi)) throw new ConditionError(`has the range "${v}..${hi}", whose ends are not whole numbers`);
      if (Number(v) > Number(hi)) throw new ConditionError(`has the range "${v}..${hi}", which is empty (the lower end comes first)`);
      into.ranges.push([Number(v), Number(hi)]);
    } else into.values.push(v);
  };
  const one = (f: FactKey): Cond => {
    const out = { t: 'in' as const, fact: f, values: [] as string[], ranges: [] as [number, number][] };
    item(out);
    return out;
  };
  const list = (f: FactKey): Cond => {
    const out = { t: 'in' as const, fact: f, values: [] as string[], ranges: [] as [number, number][] };
    if (peek() === '[') {
      take('[');
      item(out);
      while (peek() === ',') {
        take(',');
        item(out);
      }
      take(']');
    } else item(out);
    return out;
  };
  const atom = (): Cond => {
    if (peek() === '(') {
      take('(');
      const c = or();
      take(')');
      return c;
    }
    if (peek() === 'not') {
      take('not');
      return { t: 'not', c: atom() };
    }
    if (peek() === 'otherwise') throw new ConditionError('uses "otherwise" inside a condition; it must stand alone');
    const f = fact();
    const op = take();
    switch (op) {
      case '=':
        return one(f);
      case '!=':
        return { t: 'not', c: one(f) };
      case 'in':
        return list(f);
      case 'not':
        take('in');
        return { t: 'not', c: list(f) };
      case 'is': {
        const w = take();
        if (w === 'known') return { t: 'known', fact: f };
        if (w === 'unknown') return { t: 'not', c: { t: 'known', fact: f } };
        throw new ConditionError(`has "is ${w}"; write "is known" or "is unknown"`);
      }
      default:
        throw new ConditionError(`has "${op}" after "${f}"; use =, !=, in, not in, is known or is unknown`);
    }
  };
  const and = (): Cond => {
    const parts = [atom()];
    while (peek() === 'and') {
      take('and');
      parts.push(atom());
    }
    return parts.length === 1 ? parts[0]! : { t: 'and', c: parts };
  };
  function or(): Cond {
    const parts = [and()];
    while (peek() === 'or') {
      take('or');
      parts.push(and());
    }
    return parts.length === 1 ? parts[0]! : { t: 'or', c: parts };
  }

  if (tokens.length === 1 && tokens[0] === 'otherwise') return { t: 'otherwise' };
  const cond = or();
  if (i < tokens.length) throw new ConditionError(`has "${tokens[i]}" after a complete condition; join conditions with "and" or "or"`);
  return cond;
}
