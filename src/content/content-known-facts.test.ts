import { describe, expect, it } from 'vitest';
import type { Known } from '../engine/conditions.ts';
import type { FactKey } from '../engine/facts.ts';
import { moves, pathsToOutcomes, type WalkState } from '../engine/graph.ts';
import { hasAnswers, type StepId, type Tree } from '../engine/model.ts';
import { fromState, remainingChecks } from '../engine/progress.ts';
import { decodeFacts } from '../engine/fact-link.ts';
import { handoffHref } from '../engine/handoff.ts';
import { autoAnswer, openAnswers, startSession, type GivenFacts } from '../engine/session.ts';
import { decodeTrail } from '../engine/trail.ts';
import { compileCodeIndex } from './compile-codes.ts';
import { compileTree } from './compile.ts';
import { loadContent } from './load.ts';
import { describeKnown, factCombinations, walkCombination } from './validate-facts.ts';

/** Tests generated from the real trees and every combination of the facts each reads. */
const { trees, codes, sources } = loadContent(process.cwd());
const compiled = trees.map((t) => compileTree(t.tree!, 'en'));
const index = compileCodeIndex(codes.map((c) => c.table!), 'en', sources);
const given = (known: Known): GivenFacts => Object.fromEntries(Object.entries(known).map(([k, v]) => [k, { value: v, source: 'link' }]));

for (const tree of compiled) {
  const combos = factCombinations(tree);
  describe(`tree ${tree.id}, under every combination of known facts (${combos.length})`, () => {
    it('never leaves a person stuck, and always leaves a way to an outcome', () => {
      const problems = combos.flatMap((c) => walkCombination(tree, c).problems.map((p) => `${describeKnown(c)} — ${p.step}: ${p.message}`));
      expect(problems).toEqual([]);
    }, 120_000);

    it('never asks what it already knows: a step shown on any path has a fact it asks for still unknown', () => {
      const asked: string[] = [];
      for (const c of combos) {
        for (const path of pathsToOutcomes(tree, 400, c)) {
          let known: Known = { ...c };
          for (const hop of path) {
            const step = tree.steps[hop.step]!;
            if (!hop.auto && hasAnswers(step) && step.asks?.length && step.asks.every((k) => known[k] !== undefined) && step.kind === 'question') {
              asked.push(`${describeKnown(c)}: ${hop.step} asks ${step.asks.join(', ')} again`);
            }
            const a = hasAnswers(step) ? step.answers.find((x) => x.id === hop.answer) : undefined;
            if (a) known = { ...Object.fromEntries(Object.entries(known).filter(([k]) => !(a.clears as string[] | undefined)?.includes(k))), ...a.sets };
          }
        }
      }
      expect(asked).toEqual([]);
    }, 120_000);

    it('shows a remaining-checks range that real walks bear out, on every step under every combination', () => {
      const wrong: string[] = [];
      for (const c of combos) {
        for (const id of Object.keys(tree.steps) as StepId[]) {
          const state: WalkState = { step: id, known: c };
          const r = fromState(tree, state);
          if (!r) continue;
          for (const [figure, path] of [
            [r.min, r.minPath],
            [r.max, r.maxPath],
          ] as const) {
            const problem = checkWalk(tree, state, path, figure);
            if (problem) wrong.push(`${describeKnown(c)} at ${id}: ${problem}`);
          }
          // No real way to a fix is shorter than the figure's lower end (breadth-first over every answer, loops included).
          const shortest = shortestToFix(tree, state);
          if (shortest === undefined || shortest > r.min) wrong.push(`${describeKnown(c)} at ${id}: shows at least ${r.min}, but a fix is ${shortest ?? 'never'} checks away`);
        }
      }
      expect(wrong).toEqual([]);
    }, 180_000);

    it('gives each step the figure a plain link shows (worked out at build time) that the walk gives a fresh session there', () => {
      const wrong: string[] = [];
      for (const step of Object.values(tree.steps)) {
        if (step.kind === 'outcome') {
          if (step.remaining !== undefined) wrong.push(`${step.id}: an outcome with a figure`);
          continue;
        }
        const plain = decodeTrail(tree, step.id, null, undefined);
        if (!plain.ok) throw new Error(`${step.id} does not open`);
        const r = remainingChecks(tree, plain.session);
        const expected = r ? [r.min, r.max] : null;
        if (JSON.stringify(step.remaining) !== JSON.stringify(expected)) wrong.push(`${step.id}: ${JSON.stringify(step.remaining)} built, ${JSON.stringify(expected)} walked`);
      }
      expect(wrong).toEqual([]);
    });
  });
}

/** A walk is real when each hop takes an answer open at that point (the automatic one where facts answer the step), it ends at a fix, and the figure counts the checks shown on it. */
function checkWalk(tree: Tree, from: WalkState, path: { step: StepId; answer?: string }[], figure: number): string | undefined {
  let s = from;
  let shown = 0;
  const seen = new Set<string>();
  for (const [i, hop] of path.entries()) {
    if (hop.step !== s.step) return `the walk is at ${hop.step}, but the answers led to ${s.step}`;
    if (seen.has(hop.step)) return `the walk passes ${hop.step} twice`;
    seen.add(hop.step);
    const step = tree.steps[hop.step]!;
    if (!hasAnswers(step)) return step.result === 'escalate' ? 'the walk ends in an escalation' : shown === figure ? undefined : `the walk has ${shown} checks, the figure says ${figure}`;
    if (i > 0 && !autoAnswer(step, s.known)) shown++;
    const m = moves(tree, s, i === 0).find((x) => x.answer === hop.answer);
    if (!m) return `${hop.answer} is not open at ${hop.step}`;
    s = m.to;
  }
  return 'the walk does not reach an outcome';
}

function shortestToFix(tree: Tree, from: WalkState): number | undefined {
  // 0-1 breadth-first search: a step passed by itself costs nothing, a shown check costs one.
  const key = (s: WalkState) => `${s.step}|${JSON.stringify(Object.entries(s.known).sort())}`;
  const dist = new Map<string, number>([[key(from), 0]]);
  const deque: { s: WalkState; n: number; first: boolean }[] = [{ s: from, n: 0, first: true }];
  let best: number | undefined;
  while (deque.length) {
    const { s, n, first } = deque.shift()!;
    if (n > (dist.get(key(s)) ?? Infinity)) continue;
    const step = tree.steps[s.step]!;
    if (!hasAnswers(step)) {
      if (step.result !== 'escalate') best = Math.min(best ?? n, n);
      continue;
    }
    for (const m of moves(tree, s, first)) {
      const to = tree.steps[m.to.step]!;
      const cost = hasAnswers(to) && !autoAnswer(to, m.to.known) ? 1 : 0;
      const k = key(m.to);
      if (n + cost < (dist.get(k) ?? Infinity)) {
        dist.set(k, n + cost);
        if (cost === 0) deque.unshift({ s: m.to, n, first: false });
        else deque.push({ s: m.to, n: n + 1, first: false });
      }
    }
  }
  return best;
}

describe('codes a guide handles, with what a hand-off knows', () => {
  // The 607 fix uploads an APK: the source gives it for Android only, and an iOS 607 goes to the 7XXX checks.
  const platformOnly: Record<string, string> = { 'mpaas:607': 'android' };
  const cases = index.tables.flatMap((table) =>
    table.codes.filter((e) => e.step).map((e) => ({ table: table.platform, entry: e, tree: compiled.find((t) => t.id === e.step!.split('/')[0])! })),
  );

  it('every code a guide handles is one its step lists, and its guide exists', () => {
    for (const { entry, tree } of cases) {
      expect(tree, entry.step).toBeDefined();
      expect(tree.steps[entry.step!.split('/')[1]!], entry.step).toBeDefined();
    }
  });

  it('a hand-off with the code (and each platform) lands on the code’s step or walks through it', () => {
    const wrong: string[] = [];
    for (const { table, entry, tree } of cases) {
      const stepId = entry.step!.split('/')[1]!;
      const implied = table === 'mpaas-ios' ? ['ios'] : table === 'mpaas-android' ? ['android'] : undefined;
      for (const platform of implied ?? (tree.facts.platform?.values ? Object.keys(tree.facts.platform.values) : [undefined])) {
        if (platform && platformOnly[`${table}:${entry.code}`] && platformOnly[`${table}:${entry.code}`] !== platform) continue;
        const href = handoffHref(tree, entry.step!, { code: entry.code, ...(platform ? { platform } : {}) }, 'log');
        const at = /^\/t\/[^/]+\/([^/?]+)/.exec(href)?.[1];
        const trail = new URLSearchParams(href.split('?')[1] ?? '').get('trail');
        const walked = trail ? decodeTrail(tree, at!, trail, decodeFacts(tree, new URLSearchParams(href.split('?')[1]).get('f')).given) : undefined;
        const through = walked?.ok && walked.session.visits.some((v) => v.step === stepId);
        if (at !== stepId && !through) wrong.push(`${table}:${entry.code} (${platform ?? 'no platform'}) → ${href}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('in the guide that reads the platform and the code, knowing both walks through the code’s step', () => {
    const missed: string[] = [];
    for (const { table, entry, tree } of cases) {
      if (!tree.facts.code || !tree.facts.platform) continue;
      const stepId = entry.step!.split('/')[1]!;
      const implied = table === 'mpaas-ios' ? ['ios'] : table === 'mpaas-android' ? ['android'] : undefined;
      const platforms = implied ?? (tree.facts.platform?.values ? Object.keys(tree.facts.platform.values) : [undefined]);
      for (const platform of platforms) {
        if (platform && platformOnly[`${table}:${entry.code}`] && platformOnly[`${table}:${entry.code}`] !== platform) continue;
        const facts: Known = { code: entry.code, ...(platform ? { platform } : {}) };
        const s = startSession(tree, given(facts));
        const steps = s.visits.map((v) => v.step);
        if (!steps.includes(stepId as StepId)) missed.push(`${table}:${entry.code} (${describeKnown(facts)}) → ${steps.join(' › ')}, not through ${stepId}`);
        // …and the step it stops at is one a person must answer: no open question about what is known.
        const last = tree.steps[steps[steps.length - 1]!]!;
        if (last.kind === 'question' && last.asks?.every((k: FactKey) => facts[k] !== undefined)) {
          missed.push(`${table}:${entry.code} stops at ${last.id}, which asks what is known (${openAnswers(last, facts).length} answers open)`);
        }
      }
    }
    expect(missed).toEqual([]);
  });
});
