import type { StepId, Tree } from '../model.ts';
import { withLabels } from './labels.ts';
import { orderLayers } from './order.ts';
import { placeX } from './position.ts';
import { rankSteps, walk } from './rank.ts';
import { BEND, loopPath, roundedPath, routeEdges } from './route.ts';
import {
  DEFAULT_LAYOUT,
  edgeKey,
  round,
  type Chain,
  type LayoutDirection,
  type LayoutOptions,
  type LNode,
  type PlacedStep,
  type Point,
  type TreeLayout,
  type Unlabelled,
} from './types.ts';

/**
 * A layered drawing of a tree for its map (`/map/:treeId`). Pure TypeScript,
 * so it is unit-tested without a browser and costs no dependency (dagre or elk
 * would weigh more than the whole wizard). The classic steps of a layered
 * ("Sugiyama") layout, kept small because trees are tens of steps:
 *
 * 1. Depth-first from the start, an answer that leads to a step still on the
 *    walk is a *back edge* ("changed, start again"); the others form a DAG.
 * 2. A step's layer is its longest path from the start over that DAG, so every
 *    forward edge points down and a step sits below everything that leads to it;
 *    a layer with too many steps wraps into the next (2b).
 * 3. An edge that spans layers gets a dummy node in each layer it crosses, so
 *    it takes part in ordering and is routed between the steps, not over them;
 *    edges into the same step share them (a trunk).
 * 4. Barycenter sweeps and adjacent swaps order each layer to cut crossings.
 * 5. Each node is pulled toward its neighbours; an order-preserving least-squares
 *    fit (pool-adjacent-violators) removes the overlaps that creates.
 * 6. Edges are routed orthogonally, on tracks in the gaps between layers.
 * 7. Each edge's answer label goes on the first stretch of its line that no
 *    other line shares (beside it when vertical, along it when horizontal),
 *    shortened to the room left by the steps and the labels before it, or left
 *    out (the map shows it in full when its step is pointed at or focused).
 *
 * The map page uses `bestLayout` (top to bottom or left to right, whichever
 * draws the tree with less ink) and `wrapLabel` for the titles in the boxes.
 *
 * One file per phase: rank.ts (1, 2), index.ts (3, and the whole pipeline),
 * order.ts (4), position.ts (5), route.ts (6), labels.ts (7); text.ts
 * estimates and wraps text without a DOM; types.ts holds the shapes they share.
 */

export { edgeLabelText, LABEL_FONT, labelBox } from './labels.ts';
export { fitInOrder } from './position.ts';
export { textWidthEm, wrapLabel } from './text.ts';
export { LABEL_MAX, type LayoutDirection, type LayoutOptions, type PlacedEdge, type PlacedStep, type Point, type TreeLayout } from './types.ts';

/**
 * Lays out the steps reachable from the start. The work is done top to
 * bottom; left to right is the same drawing with its axes swapped.
 */
export function layoutTree(tree: Tree, options: Partial<LayoutOptions> & { direction?: LayoutDirection } = {}): TreeLayout {
  const direction = options.direction ?? 'down';
  const o = { ...DEFAULT_LAYOUT[direction], ...options };
  if (direction === 'down') return withLabels(layoutDown(tree, o), tree);
  // Across a layer a step takes its height; along the layers, its width.
  const t = layoutDown(tree, { ...o, nodeWidth: o.nodeHeight, nodeHeight: o.nodeWidth });
  const flip = (p: Point): Point => ({ x: p.y, y: p.x });
  const steps = t.steps.map((s) => ({ ...s, x: s.y, y: s.x, width: s.height, height: s.width }));
  const edges = t.edges.map((e) => {
    const points = e.points.map(flip);
    return { ...e, points, d: e.from === e.to ? loopPath(points[0]!, points[1]!, { x: 0, y: 1 }) : roundedPath(points, BEND) };
  });
  return withLabels({ direction, steps, byId: new Map(steps.map((s) => [s.id, s])), edges, width: t.height, height: t.width, layerCount: t.layerCount }, tree);
}

/**
 * Of the two directions, the drawing with less ink in its edges (their total
 * length): a deep tree reads top to bottom, a broad one (a question with many
 * answers) left to right, where its answers stack instead of wrapping into
 * rows. The same drawing on every screen, so two people see the same map.
 */
export function bestLayout(tree: Tree): TreeLayout {
  const down = layoutTree(tree, { direction: 'down' });
  const right = layoutTree(tree, { direction: 'right' });
  return lineInk(right) < lineInk(down) ? right : down;
}

/** The edges' length without the stretches that only make room for labels (the same in every drawing of a tree's shape). */
function lineInk(layout: TreeLayout): number {
  let crossed = 0;
  for (const e of layout.edges) if (e.from !== e.to) crossed += Math.abs(layout.byId.get(e.to)!.layer - layout.byId.get(e.from)!.layer);
  return edgeLength(layout) - crossed * DEFAULT_LAYOUT[layout.direction].labelRoom;
}

/** The total length of the edges' polylines. */
function edgeLength(layout: TreeLayout): number {
  let sum = 0;
  for (const e of layout.edges)
    for (let i = 1; i < e.points.length; i++) sum += Math.abs(e.points[i]!.x - e.points[i - 1]!.x) + Math.abs(e.points[i]!.y - e.points[i - 1]!.y);
  return sum;
}

function layoutDown(tree: Tree, o: LayoutOptions): Unlabelled {
  const { pre, topo, back, links } = walk(tree);

  const layerOf = rankSteps(topo, links, back, o.maxLayerSteps);
  const layerCount = topo.length === 0 ? 0 : Math.max(...layerOf.values()) + 1;

  // 3. The layered graph: one node per step, one dummy per layer an edge crosses.
  const nodes: LNode[] = [];
  const index = new Map<StepId, number>();
  const selfLoops = new Set<StepId>();
  for (const id of topo) {
    for (const link of links.get(id)!) if (link.to === id) selfLoops.add(id);
  }
  // Created in visiting order, which is the first ordering of each layer: first answers on the left.
  for (const id of pre) {
    index.set(id, nodes.length);
    nodes.push({ step: id, layer: layerOf.get(id)!, width: o.nodeWidth + (selfLoops.has(id) ? o.nodeGap : 0), up: [], down: [], pos: 0, x: 0 });
  }
  const chains: Chain[] = [];
  // Forward edges into one step share their dummies layer by layer, so the many
  // answers that end at "contact support" merge into one trunk instead of a
  // band of parallel lines as wide as the screen. Back edges to one step share theirs.
  const trunks = new Map<string, number>();
  const dummy = (l: number, key?: string) => {
    const shared = key === undefined ? undefined : trunks.get(`${key}@${l}`);
    if (shared !== undefined) return shared;
    const n = nodes.push({ layer: l, width: 0, up: [], down: [], pos: 0, x: 0 }) - 1;
    if (key !== undefined) trunks.set(`${key}@${l}`, n);
    return n;
  };
  const connect = (a: number, b: number, f: number) => {
    if (nodes[a]!.down.some((e) => e.n === b)) return;
    nodes[a]!.down.push({ n: b, f: 0 });
    nodes[b]!.up.push({ n: a, f });
  };
  for (const from of pre) {
    const out = links.get(from)!;
    out.forEach((link, i) => {
      const isBack = back.has(edgeKey(from, link.to));
      const chain: Chain = { from, to: link.to, answers: link.answers, back: isBack, nodes: [] };
      chains.push(chain);
      if (link.to === from) return; // a self-loop is drawn beside its step
      // A back edge is laid out reversed (top to bottom) and drawn the other way.
      const [top, bottom] = isBack ? [link.to, from] : [from, link.to];
      const slot = isBack || out.length < 2 ? 0 : i / (out.length - 1) - 0.5;
      let prev = index.get(top)!;
      chain.nodes.push(prev);
      for (let l = layerOf.get(top)! + 1; l <= layerOf.get(bottom)!; l++) {
        const next = l === layerOf.get(bottom)! ? index.get(bottom)! : dummy(l, isBack ? `back>${top}` : bottom);
        connect(prev, next, prev === chain.nodes[0] ? slot : 0);
        chain.nodes.push(next);
        prev = next;
      }
    });
  }

  const layers: number[][] = Array.from({ length: layerCount }, () => []);
  nodes.forEach((n, i) => layers[n.layer]!.push(i));
  orderLayers(nodes, layers);
  placeX(nodes, layers, o);

  // Coordinates from the top-left of the drawing; steps in reading order.
  const minX = nodes.length === 0 ? 0 : Math.min(...nodes.map((n) => n.x - n.width / 2));
  const shift = o.margin - minX;
  for (const n of nodes) n.x = Math.round(n.x + shift);
  const width = Math.max(...nodes.map((n) => n.x + n.width / 2), 0) + o.margin;
  const { tops, edges } = routeEdges(chains, nodes, layerCount, o);
  const height = layerCount === 0 ? 2 * o.margin : tops[layerCount - 1]! + o.nodeHeight + o.margin;
  const steps: PlacedStep[] = layers.flatMap((layer) =>
    layer
      .map((i) => nodes[i]!)
      .filter((n) => n.step !== undefined)
      .map((n) => ({ id: n.step!, layer: n.layer, x: round(n.x - o.nodeWidth / 2), y: tops[n.layer]!, width: o.nodeWidth, height: o.nodeHeight })),
  );
  return { direction: 'down', steps, byId: new Map(steps.map((st) => [st.id, st])), edges, width: Math.ceil(width), height, layerCount };
}
