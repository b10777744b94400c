import { hasAnswers, type StepId, type Tree } from '../model.ts';
import { edgeKey, type Link } from './types.ts';

/** A step's answers grouped by the step they lead to (two answers to one step are one line). */
function outLinks(tree: Tree, id: StepId): Link[] {
  const step = tree.steps[id];
  if (!step || !hasAnswers(step)) return [];
  const links: Link[] = [];
  for (const a of step.answers) {
    if (!tree.steps[a.next]) continue;
    const same = links.find((l) => l.to === a.next);
    if (same) same.answers.push(a.id);
    else links.push({ to: a.next, answers: [a.id] });
  }
  return links;
}

/** 1. Depth-first from the start: reachable steps in visiting order, a topological order of the forward edges, and the back edges. */
export function walk(tree: Tree): { pre: StepId[]; topo: StepId[]; back: Set<string>; links: Map<StepId, Link[]> } {
  const state = new Map<StepId, 'open' | 'done'>();
  const back = new Set<string>();
  const pre: StepId[] = [];
  const post: StepId[] = [];
  const links = new Map<StepId, Link[]>();
  const stack: { id: StepId; i: number }[] = [];
  const enter = (id: StepId) => {
    state.set(id, 'open');
    pre.push(id);
    links.set(id, outLinks(tree, id));
    stack.push({ id, i: 0 });
  };
  if (tree.steps[tree.start]) enter(tree.start);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const link = links.get(top.id)![top.i++];
    if (!link) {
      state.set(top.id, 'done');
      post.push(top.id);
      stack.pop();
    } else if (state.get(link.to) === 'open') back.add(edgeKey(top.id, link.to));
    else if (!state.has(link.to)) enter(link.to);
  }
  return { pre, topo: post.reverse(), back, links };
}

/**
 * 2. A step's layer: its longest path from the start over the forward edges,
 * then at most `max` steps per layer (2b, `capLayers`).
 */
export function rankSteps(topo: StepId[], links: Map<StepId, Link[]>, back: Set<string>, max: number): Map<StepId, number> {
  const layerOf = new Map<StepId, number>();
  for (const id of topo) {
    const l = layerOf.get(id) ?? 0;
    layerOf.set(id, l);
    for (const link of links.get(id)!) {
      if (!back.has(edgeKey(id, link.to))) layerOf.set(link.to, Math.max(layerOf.get(link.to) ?? 0, l + 1));
    }
  }
  capLayers(topo, links, back, layerOf, max);
  return layerOf;
}

/**
 * 2b. A question with many answers puts many steps in one layer, and the map
 * gets wider than any screen. A layer with more than `max` steps moves some
 * down one layer (and whatever they lead to further, as needed): first those
 * whose next step is far enough below that nothing else moves, then the
 * later answers. A wide fan of answers becomes a few rows, like wrapped text.
 */
function capLayers(topo: StepId[], links: Map<StepId, Link[]>, back: Set<string>, layerOf: Map<StepId, number>, max: number): void {
  const forward = new Map(
    topo.map((id) => [
      id,
      links
        .get(id)!
        .filter((l) => !back.has(edgeKey(id, l.to)))
        .map((l) => l.to),
    ]),
  );
  const rank = new Map(topo.map((id, i) => [id, i]));
  const push = (id: StepId) => {
    layerOf.set(id, layerOf.get(id)! + 1);
    for (const to of forward.get(id)!) if (layerOf.get(to)! <= layerOf.get(id)!) push(to);
  };
  for (let l = 0; l <= Math.max(...layerOf.values()); l++) {
    const inLayer = topo.filter((id) => layerOf.get(id) === l);
    if (inLayer.length <= max) continue;
    // Most slack first (Infinity for an outcome), then the later in the walk.
    const slack = new Map(inLayer.map((id) => [id, Math.min(...forward.get(id)!.map((to) => layerOf.get(to)! - l - 1))]));
    inLayer.sort((a, b) => slack.get(b)! - slack.get(a)! || rank.get(b)! - rank.get(a)!);
    for (const id of inLayer.slice(0, inLayer.length - max)) push(id);
  }
}
