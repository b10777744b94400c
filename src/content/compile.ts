import { parseCondition } from '../engine/conditions.ts';
import type { FactKey } from '../engine/facts.ts';
import type { Answer, Lang, Markdown, Step, StepId, Tree, TreeFact, TreeId, TreeSummary } from '../engine/model.ts';
import { fromState } from '../engine/progress.ts';
import { toMarkdown } from './markdown.ts';
import type { RawNode, RawText, RawTree } from './schema.ts';
import { compileSources, type RawSources } from './sources.ts';

const pick = (text: RawText, lang: Lang): string => text[lang] ?? text.en ?? '';
const md = (text: RawText, lang: Lang): Markdown => toMarkdown(pick(text, lang));

/** Follows redirect chains to the step they end at (the tree is already validated). */
function resolveRedirects(raw: RawTree): Record<string, StepId> {
  const out: Record<string, StepId> = {};
  for (const from of Object.keys(raw.redirects ?? {})) {
    let to = raw.redirects![from]!;
    for (let hops = 0; !raw.nodes[to] && hops < 100; hops++) to = raw.redirects![to]!;
    out[from] = to as StepId;
  }
  return out;
}

function compileStep(id: string, node: RawNode, lang: Lang): Step {
  const base = {
    id: id as StepId,
    title: pick(node.title, lang),
    ...(node.body ? { body: md(node.body, lang) } : {}),
    sources: node.sources,
    codes: node.codes ?? [],
    ...(node.asks ? { asks: node.asks } : {}),
  };
  if (node.kind === 'outcome') return { ...base, kind: 'outcome', result: node.result };
  const answers: Answer[] = node.answers.map((a) => ({
    id: a.id as Answer['id'],
    label: pick(a.label, lang),
    next: a.next as StepId,
    ...(a.hint ? { hint: pick(a.hint, lang) } : {}),
    ...(a.when ? { when: a.when } : {}),
    ...(a.sets ? { sets: a.sets } : {}),
    ...(a.clears ? { clears: a.clears } : {}),
    // Validated before compiling: the condition parses.
    ...(a.if ? { if: parseCondition(a.if) } : {}),
  }));
  switch (node.kind) {
    case 'question':
      return { ...base, kind: 'question', answers };
    case 'check':
      return { ...base, kind: 'check', do: md(node.do, lang), expect: md(node.expect, lang), answers };
    case 'checklist':
      return {
        ...base,
        kind: 'checklist',
        ...(node.do ? { do: md(node.do, lang) } : {}),
        items: node.items.map((item) => ({
          id: item.id,
          label: pick(item.label, lang),
          ...(item.hint ? { hint: md(item.hint, lang) } : {}),
        })),
        answers,
      };
  }
}

/** The browser's copy of a validated tree, in one language. */
export function compileTree(raw: RawTree, lang: Lang, registry: RawSources = {}): Tree {
  const steps: Record<string, Step> = {};
  for (const [id, node] of Object.entries(raw.nodes)) steps[id] = compileStep(id, node, lang);
  const tree: Tree = {
    id: raw.id as TreeId,
    lang,
    platform: raw.platform,
    title: pick(raw.title, lang),
    symptom: pick(raw.symptom, lang),
    ...(raw.summary ? { summary: md(raw.summary, lang) } : {}),
    start: raw.start as StepId,
    steps,
    redirects: resolveRedirects(raw),
    sources: compileSources(registry, new Set(Object.values(raw.nodes).flatMap((n) => n.sources)), lang),
    facts: compileFacts(raw, lang),
  };
  // What a plain link to each step shows as the checks left (nothing known yet).
  for (const step of Object.values(steps)) {
    if (step.kind === 'outcome') continue;
    const r = fromState(tree, { step: step.id, known: {} });
    step.remaining = r ? [r.min, r.max] : null;
  }
  return tree;
}

function compileFacts(raw: RawTree, lang: Lang): Partial<Record<FactKey, TreeFact>> {
  const out: Partial<Record<FactKey, TreeFact>> = {};
  for (const [k, f] of Object.entries(raw.facts ?? {}) as [FactKey, NonNullable<NonNullable<RawTree['facts']>[FactKey]>][]) {
    out[k] = {
      label: pick(f.label, lang),
      ...(f.values ? { values: Object.fromEntries(Object.entries(f.values).map(([v, label]) => [v, pick(label as RawText, lang)])) } : {}),
    };
  }
  return out;
}

export function summarizeTree(raw: RawTree, lang: Lang): TreeSummary {
  return {
    id: raw.id as TreeId,
    platform: raw.platform,
    title: pick(raw.title, lang),
    symptom: pick(raw.symptom, lang),
    start: raw.start as StepId,
    stepCount: Object.keys(raw.nodes).length,
    facts: Object.keys(raw.facts ?? {}) as FactKey[],
  };
}
