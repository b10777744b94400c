import { hasAnswers, type AnswerId, type StepId, type Tree } from './model.ts';
import { trimEndChars } from './strings.ts';

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
 */

export interface LayoutOptions {
  nodeWidth: number;
  nodeHeight: number;
  /** Vertical space between layers, where the edges bend. */
  layerGap: number;
  /** Horizontal space between two steps of a layer. */
  nodeGap: number;
  /** Horizontal space an edge passing through a layer takes. */
  edgeGap: number;
  /** Space around the drawing. */
  margin: number;
  /** At most this many steps side by side (about a desktop screen's width); more wrap to the next layers. */
  maxLayerSteps: number;
  /**
   * Room along the layers, after the tracks of a gap, where the lines run
   * straight into the next layer's steps: an answer's label is written there.
   * Top to bottom, beside a vertical line (one line of text); left to right,
   * along a horizontal one (the label's length).
   */
  labelRoom: number;
}

/** Which way the layers go: top to bottom, or left to right (for a broad, shallow tree). */
export type LayoutDirection = 'down' | 'right';

/** Defaults per direction; nodeWidth and nodeHeight are the step's box on screen either way. */
const DEFAULT_LAYOUT: Record<LayoutDirection, LayoutOptions> = {
  down: { nodeWidth: 200, nodeHeight: 76, layerGap: 52, nodeGap: 28, edgeGap: 14, margin: 20, maxLayerSteps: 6, labelRoom: 18 },
  right: { nodeWidth: 200, nodeHeight: 76, layerGap: 64, nodeGap: 16, edgeGap: 12, margin: 20, maxLayerSteps: 10, labelRoom: 96 },
};

export interface Point {
  x: number;
  y: number;
}

/** A step's box; `x`, `y` are its top-left corner. */
export interface PlacedStep {
  id: StepId;
  layer: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every answer from one step to another, drawn as one line. */
export interface PlacedEdge {
  from: StepId;
  to: StepId;
  /** The answers of `from` that lead to `to`, in their order. */
  answers: AnswerId[];
  /** Leads back to a step at the same or an earlier layer (a loop). */
  back: boolean;
  /** The polyline from `from` to `to` (bends at each layer crossed). */
  points: Point[];
  /** The same line as an SVG path, smoothed with vertical tangents. */
  d: string;
  /** Where its answers' label is written. */
  label: EdgeLabel;
}

/**
 * Where an edge's label goes: at the start of the first stretch of its line
 * that no other answer of the same step shares, so the label reads as this
 * answer's. Beside a vertical stretch the text runs to its right; along a
 * horizontal one it runs above the line, away from the corner.
 */
export interface EdgeLabel {
  /** The text's anchor point (its baseline), in drawing units. */
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  /** How long the text may be (drawing units) before it runs into the line's next bend or its arrow. */
  room: number;
}

/** An edge as routed, before its label is placed; a layout of such edges. */
type RoutedEdge = Omit<PlacedEdge, 'label'>;
type Unlabelled = Omit<TreeLayout, 'edges'> & { edges: RoutedEdge[] };

/** A label beside a vertical line is never longer than this (drawing units); a longer one is shortened. */
export const LABEL_MAX = 120;

export interface TreeLayout {
  direction: LayoutDirection;
  /** Reachable steps in reading order: by layer, then left to right. */
  steps: PlacedStep[];
  byId: ReadonlyMap<StepId, PlacedStep>;
  edges: PlacedEdge[];
  width: number;
  height: number;
  layerCount: number;
}

interface Link {
  to: StepId;
  answers: AnswerId[];
}

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

const edgeKey = (from: string, to: string) => `${from}>${to}`;

/** Depth-first from the start: reachable steps in visiting order, a topological order of the forward edges, and the back edges. */
function walk(tree: Tree): { pre: StepId[]; topo: StepId[]; back: Set<string>; links: Map<StepId, Link[]> } {
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

/** A node of the layered graph: a step, or a dummy where an edge crosses a layer. */
interface LNode {
  step?: StepId;
  layer: number;
  width: number;
  /** Neighbours one layer up / down, with the edge's slot at the step end (−0.5…0.5, 0 for a dummy). */
  up: { n: number; f: number }[];
  down: { n: number; f: number }[];
  pos: number;
  x: number;
}

/** One drawn edge: the layered nodes it passes, top to bottom. */
interface Chain {
  from: StepId;
  to: StepId;
  answers: AnswerId[];
  back: boolean;
  nodes: number[];
}

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

/** How far from a corner a label starts (past the bend's rounding), and the arrow's length at a line's end. */
const LABEL_OFFSET = 9;
const ARROW = 10;
/** A horizontal stretch with less room than this (drawing units) gives its label to the vertical one after it. */
const SHORT = 64;

/** Places every edge's label (see `EdgeLabel`) on the finished drawing. */
function withLabels(layout: Unlabelled, tree: Tree): TreeLayout {
  // The stretches of every line, by the line they run on ("x=…" vertical, "y=…" horizontal), to find shared ones fast.
  const byLine = new Map<string, { lo: number; hi: number; edge: RoutedEdge }[]>();
  const lineOf = (p: Point, q: Point) => (p.x === q.x ? `x=${p.x}` : p.y === q.y ? `y=${p.y}` : undefined);
  const span = (p: Point, q: Point) => (p.x === q.x ? [Math.min(p.y, q.y), Math.max(p.y, q.y)] : [Math.min(p.x, q.x), Math.max(p.x, q.x)]) as [number, number];
  for (const edge of layout.edges) {
    for (let i = 1; i < edge.points.length; i++) {
      const key = lineOf(edge.points[i - 1]!, edge.points[i]!);
      if (!key) continue;
      const [lo, hi] = span(edge.points[i - 1]!, edge.points[i]!);
      byLine.set(key, [...(byLine.get(key) ?? []), { lo, hi, edge }]);
    }
  }
  /** Does another line (of the same step only, with `siblings`) run along the stretch p–q for more than a point? */
  const shared = (edge: RoutedEdge, p: Point, q: Point, siblings: boolean) => {
    const key = lineOf(p, q);
    if (!key) return false;
    const [lo, hi] = span(p, q);
    return (byLine.get(key) ?? []).some((o) => o.edge !== edge && (!siblings || o.edge.from === edge.from) && Math.min(hi, o.hi) - Math.max(lo, o.lo) > 0.5);
  };
  // Labels are written one by one; each keeps clear of the steps and of the labels before it,
  // shortened to the room left (or left out, its full text then shown when its step is pointed at).
  const taken: Box[] = layout.steps.map((st) => ({ x0: st.x - 4, x1: st.x + st.width + 4, y0: st.y - 4, y1: st.y + st.height + 4 }));
  const edges = layout.edges.map((e) => {
    const label = placeLabel(e, (p, q, siblings) => shared(e, p, q, siblings), layout.direction);
    // Never past the drawing's edge, where it would be cut off.
    const inside = label.anchor === 'end' ? label.x - 2 : label.anchor === 'start' ? layout.width - label.x - 2 : Math.min(label.x, layout.width - label.x) * 2 - 4;
    const whole = textWidthEm(edgeLabelText(tree, e)) * LABEL_FONT + 2;
    let room = Math.max(0, Math.min(label.room, inside, whole));
    for (const b of taken) {
      const box = labelBox({ ...label, room });
      if (box.y1 <= b.y0 || box.y0 >= b.y1 || box.x1 <= b.x0 || box.x0 >= b.x1) continue;
      // Stop short of what is in the way (a label starts at its anchor, so what covers the anchor leaves no room).
      room = label.anchor === 'start' ? b.x0 - label.x - 3 : label.anchor === 'end' ? label.x - b.x1 - 3 : 0;
      if (room < Math.min(MIN_LABEL, whole)) break;
    }
    room = room < Math.min(MIN_LABEL, whole) ? 0 : Math.round(room);
    if (room > 0) taken.push(labelBox({ ...label, room }));
    return { ...e, label: { ...label, room } };
  });
  return { ...layout, edges };
}

/** The font size of the labels (drawing units); the UI writes them at this size. */
export const LABEL_FONT = 11;
/** Less room than this (drawing units, about five letters and an ellipsis) and a shortened label is left out. */
const MIN_LABEL = 44;

interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** The box a label's text takes: `room` wide from its anchor, a line of text high around its baseline. */
export function labelBox(l: EdgeLabel): Box {
  const x0 = l.anchor === 'start' ? l.x : l.anchor === 'end' ? l.x - l.room : l.x - l.room / 2;
  return { x0, x1: x0 + l.room, y0: l.y - LABEL_FONT + 1, y1: l.y + 3 };
}

/** What an edge's answers say, joined when two or more answers lead to the same step. */
export function edgeLabelText(tree: Tree, edge: Pick<PlacedEdge, 'from' | 'answers'>): string {
  const from = tree.steps[edge.from];
  if (!from || !hasAnswers(from)) return '';
  return from.answers
    .filter((a) => edge.answers.includes(a.id))
    .map((a) => a.label)
    .join(' / ');
}

/**
 * `shared(p, q, siblings)`: does another line run along the stretch p–q (only
 * the same step's other answers, with `siblings`)?
 */
function placeLabel(e: Pick<PlacedEdge, 'from' | 'to' | 'points'>, shared: (p: Point, q: Point, siblings: boolean) => boolean, direction: LayoutDirection): EdgeLabel {
  const pts = e.points;
  const roomAlong = (i: number) => Math.max(0, Math.min(LABEL_MAX, Math.abs(pts[i]!.x - pts[i - 1]!.x) - LABEL_OFFSET - (i === pts.length - 1 ? ARROW : BEND)));
  if (e.from === e.to) {
    // A self-loop bulges out of the step's side (right when drawn down, bottom when drawn right).
    const [p, q] = [pts[0]!, pts[1]!];
    return direction === 'down'
      ? { x: round(p.x + 28), y: round((p.y + q.y) / 2 + 4), anchor: 'start', room: LABEL_MAX }
      : { x: round((p.x + q.x) / 2), y: round(p.y + 40), anchor: 'middle', room: LABEL_MAX };
  }
  const ownAll = (i: number) => !shared(pts[i - 1]!, pts[i]!, false);
  const stretches = pts.slice(1).map((_, k) => k + 1);
  // The first stretch no other line runs along; failing that, the first no other answer of this step runs along
  // (a line into a trunk shares its end with other steps' answers).
  let i = stretches.find(ownAll) ?? stretches.find((k) => !shared(pts[k - 1]!, pts[k]!, true)) ?? 1;
  // Along the layers (down when drawn down, right when drawn right) a label has more room than across them.
  const along = (k: number) => (direction === 'down' ? pts[k - 1]!.x === pts[k]!.x : pts[k - 1]!.y === pts[k]!.y);
  if (!along(i) && i + 1 < pts.length && along(i + 1) && ownAll(i + 1)) i++;
  else if (!along(i) && direction === 'down' && roomAlong(i) < SHORT && i + 1 < pts.length && ownAll(i + 1)) i++;
  const p = pts[i - 1]!;
  const q = pts[i]!;
  if (p.x === q.x) {
    // Beside a vertical stretch: one line of text, on the side the line came from (left after a turn to the left).
    const before = pts[i - 2];
    const left = before !== undefined && before.y === p.y && before.x > p.x;
    const y = q.y > p.y ? p.y + LABEL_OFFSET + 9 : p.y - LABEL_OFFSET;
    return { x: round(left ? p.x - 5 : p.x + 5), y: round(y), anchor: left ? 'end' : 'start', room: LABEL_MAX };
  }
  const room = roomAlong(i);
  return q.x > p.x ? { x: round(p.x + LABEL_OFFSET), y: round(p.y - 4), anchor: 'start', room } : { x: round(p.x - LABEL_OFFSET), y: round(p.y - 4), anchor: 'end', room };
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
  for (const e of layout.edges) for (let i = 1; i < e.points.length; i++) sum += Math.abs(e.points[i]!.x - e.points[i - 1]!.x) + Math.abs(e.points[i]!.y - e.points[i - 1]!.y);
  return sum;
}

function layoutDown(tree: Tree, o: LayoutOptions): Unlabelled {
  const { pre, topo, back, links } = walk(tree);

  // 2. Longest path from the start over the forward edges.
  const layerOf = new Map<StepId, number>();
  for (const id of topo) {
    const l = layerOf.get(id) ?? 0;
    layerOf.set(id, l);
    for (const link of links.get(id)!) {
      if (!back.has(edgeKey(id, link.to))) layerOf.set(link.to, Math.max(layerOf.get(link.to) ?? 0, l + 1));
    }
  }
  capLayers(topo, links, back, layerOf, o.maxLayerSteps);
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

/**
 * 2b. A question with many answers puts many steps in one layer, and the map
 * gets wider than any screen. A layer with more than `max` steps moves some
 * down one layer (and whatever they lead to further, as needed): first those
 * whose next step is far enough below that nothing else moves, then the
 * later answers. A wide fan of answers becomes a few rows, like wrapped text.
 */
function capLayers(topo: StepId[], links: Map<StepId, Link[]>, back: Set<string>, layerOf: Map<StepId, number>, max: number): void {
  const forward = new Map(topo.map((id) => [id, links.get(id)!.filter((l) => !back.has(edgeKey(id, l.to))).map((l) => l.to)]));
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

/** 4. Barycenter sweeps down and up, then adjacent swaps; keeps the ordering with the fewest crossings. */
function orderLayers(nodes: LNode[], layers: number[][]): void {
  const setPos = () => layers.forEach((layer) => layer.forEach((n, i) => (nodes[n]!.pos = i)));
  setPos();
  const sortLayer = (layer: number[], side: 'up' | 'down') => {
    const key = new Map<number, number>();
    for (const i of layer) {
      const nb = nodes[i]![side];
      key.set(i, nb.length === 0 ? nodes[i]!.pos : nb.reduce((s, e) => s + nodes[e.n]!.pos + e.f, 0) / nb.length);
    }
    layer.sort((a, b) => key.get(a)! - key.get(b)! || nodes[a]!.pos - nodes[b]!.pos);
    layer.forEach((n, i) => (nodes[n]!.pos = i));
  };
  let best = layers.map((l) => [...l]);
  let bestCrossings = crossings(nodes, layers);
  for (let round = 0; round < 8 && bestCrossings > 0; round++) {
    for (let l = 1; l < layers.length; l++) sortLayer(layers[l]!, 'up');
    for (let l = layers.length - 2; l >= 0; l--) sortLayer(layers[l]!, 'down');
    transpose(nodes, layers);
    const c = crossings(nodes, layers);
    if (c < bestCrossings) {
      bestCrossings = c;
      best = layers.map((l) => [...l]);
    }
  }
  best.forEach((l, i) => (layers[i] = l));
  setPos();
}

/** Crossings between the edges of node `a` and node `b` (a left of b) with one side's neighbours. */
function pairCrossings(nodes: LNode[], a: number, b: number, side: 'up' | 'down'): number {
  let c = 0;
  for (const ea of nodes[a]![side]) for (const eb of nodes[b]![side]) if (nodes[ea.n]!.pos > nodes[eb.n]!.pos) c++;
  return c;
}

/** Every crossing of the drawing (edges between adjacent layers only, which is all there are). */
function crossings(nodes: LNode[], layers: number[][]): number {
  let c = 0;
  for (const layer of layers) {
    for (let i = 0; i < layer.length; i++) for (let j = i + 1; j < layer.length; j++) c += pairCrossings(nodes, layer[i]!, layer[j]!, 'down');
  }
  return c;
}

/** Swaps neighbours in a layer while that removes crossings. */
function transpose(nodes: LNode[], layers: number[][]): void {
  for (let pass = 0, improved = true; improved && pass < 12; pass++) {
    improved = false;
    for (const layer of layers) {
      for (let i = 0; i + 1 < layer.length; i++) {
        const a = layer[i]!;
        const b = layer[i + 1]!;
        const now = pairCrossings(nodes, a, b, 'up') + pairCrossings(nodes, a, b, 'down');
        const swapped = pairCrossings(nodes, b, a, 'up') + pairCrossings(nodes, b, a, 'down');
        if (swapped < now) {
          layer[i] = b;
          layer[i + 1] = a;
          nodes[a]!.pos = i + 1;
          nodes[b]!.pos = i;
          improved = true;
        }
      }
    }
  }
}

/** 5. Horizontal centres: alternate passes pull each node toward its neighbours, without reordering or overlapping. */
function placeX(nodes: LNode[], layers: number[][], o: LayoutOptions): void {
  const sep = (a: LNode, b: LNode) => (a.width + b.width) / 2 + (a.step && b.step ? o.nodeGap : o.edgeGap);
  for (const layer of layers) {
    let x = 0;
    layer.forEach((n, i) => {
      if (i > 0) x += sep(nodes[layer[i - 1]!]!, nodes[n]!);
      nodes[n]!.x = x;
    });
    for (const n of layer) nodes[n]!.x -= x / 2;
  }
  // A trunk (a dummy many edges join) does not pull the steps that join it, and
  // a dummy follows its own line, so trunks and long edges run straight down.
  const isTrunk = (n: LNode) => !n.step && n.up.length > 1;
  const pulledBy = (i: number, sides: ('up' | 'down')[]) => {
    const node = nodes[i]!;
    const all = sides.flatMap((s) => node[s]).map((e) => e.n);
    const own = all.filter((m) => (node.step ? !isTrunk(nodes[m]!) : !nodes[m]!.step));
    return own.length > 0 ? own : all;
  };
  const pull = { up: nodes.map((_, i) => pulledBy(i, ['up'])), down: nodes.map((_, i) => pulledBy(i, ['down'])), both: nodes.map((_, i) => pulledBy(i, ['up', 'down'])) };
  // Dummies weigh more, so long edges run straight and the steps move around them.
  const weights = layers.map((layer) => layer.map((i) => (nodes[i]!.step ? 1 : 4)));
  const gaps = layers.map((layer) => layer.slice(1).map((n, i) => sep(nodes[layer[i]!]!, nodes[n]!)));
  const pass = (l: number, side: keyof typeof pull) => {
    const layer = layers[l]!;
    const desired = layer.map((i) => {
      const nb = pull[side][i]!;
      let sum = 0;
      for (const m of nb) sum += nodes[m]!.x;
      return nb.length === 0 ? nodes[i]!.x : sum / nb.length;
    });
    fitInOrder(desired, weights[l]!, gaps[l]!).forEach((x, i) => (nodes[layer[i]!]!.x = x));
  };
  for (let round = 0; round < 6; round++) {
    for (let l = 1; l < layers.length; l++) pass(l, 'up');
    for (let l = layers.length - 2; l >= 0; l--) pass(l, 'down');
  }
  for (let l = 0; l < layers.length; l++) pass(l, 'both');
}

/**
 * The positions closest (weighted least squares) to `desired` that keep the
 * order and at least `gaps[i]` between item i and i+1: with x = y + offset the
 * gaps become "y never decreases", solved exactly by pool-adjacent-violators.
 */
export function fitInOrder(desired: number[], weights: number[], gaps: number[]): number[] {
  const offset = [0];
  for (let i = 1; i < desired.length; i++) offset.push(offset[i - 1]! + gaps[i - 1]!);
  const blocks: { w: number; sum: number; count: number }[] = [];
  desired.forEach((d, i) => {
    blocks.push({ w: weights[i]!, sum: weights[i]! * (d - offset[i]!), count: 1 });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1]!;
      const prev = blocks[blocks.length - 2]!;
      if (prev.sum / prev.w <= last.sum / last.w) break;
      blocks.pop();
      prev.w += last.w;
      prev.sum += last.sum;
      prev.count += last.count;
    }
  });
  return blocks.flatMap((b) => Array.from({ length: b.count }, () => b.sum / b.w)).map((y, i) => y + offset[i]!);
}

/** Vertical space per horizontal track in a gap between layers. */
const TRACK = 10;
/** Corner radius of the edges' bends. */
const BEND = 6;

interface Net {
  kind: 'out' | 'back' | 'in';
  /** The layer above the gap the line runs in. */
  layer: number;
  xs: number[];
  y?: number;
}

/**
 * 6. Orthogonal edges, like an org chart. In the gap under a layer, a step's
 * answers leave its bottom centre and spread along one horizontal line; the
 * edges that end at one step (or one trunk) gather on one line and enter its
 * top centre. Each line gets a track of its own in the gap, and a gap grows
 * to fit its tracks. Back edges leave and enter at a step's right, on tracks
 * of their own, so a loop never reads as one more answer.
 */
function routeEdges(chains: Chain[], nodes: LNode[], layerCount: number, o: LayoutOptions): { tops: number[]; edges: RoutedEdge[] } {
  // Back edges into a step share one port at its bottom right; each step they leave has its own at its top right.
  const backFrom = new Map<number, Chain[]>();
  const backInto = new Set<number>();
  for (const c of chains) {
    if (!c.back || c.nodes.length < 2) continue;
    backInto.add(c.nodes[0]!);
    const u = c.nodes[c.nodes.length - 1]!;
    backFrom.set(u, [...(backFrom.get(u) ?? []), c]);
  }
  const portX = (n: number, c: Chain) => {
    const node = nodes[n]!;
    if (!node.step || !c.back) return node.x;
    const k = n === c.nodes[0] ? 0 : backFrom.get(n)!.indexOf(c) + (backInto.has(n) ? 1 : 0);
    return node.x + o.nodeWidth / 2 - 18 - k * 12;
  };

  // Which line (net) each segment between two layers runs along.
  const fanIn = new Map<number, Set<number>>();
  for (const c of chains) {
    if (c.back) continue;
    for (let i = 1; i < c.nodes.length; i++) fanIn.set(c.nodes[i]!, (fanIn.get(c.nodes[i]!) ?? new Set()).add(c.nodes[i - 1]!));
  }
  const nets = new Map<string, Net>();
  const netOf = (c: Chain, i: number): [string, Net['kind']] => {
    const a = c.nodes[i - 1]!;
    const b = c.nodes[i]!;
    if (c.back) return [`back:${a}`, 'back'];
    return fanIn.get(b)!.size > 1 ? [`in:${b}`, 'in'] : [`out:${a}`, 'out'];
  };
  for (const c of chains) {
    for (let i = 1; i < c.nodes.length; i++) {
      const [key, kind] = netOf(c, i);
      const net = nets.get(key) ?? { kind, layer: nodes[c.nodes[i - 1]!]!.layer, xs: [] };
      net.xs.push(portX(c.nodes[i - 1]!, c), portX(c.nodes[i]!, c));
      nets.set(key, net);
    }
  }

  // Tracks per gap: lines that overlap horizontally get different tracks.
  const byGap: Net[][] = Array.from({ length: layerCount }, () => []);
  for (const net of nets.values()) {
    if (Math.max(...net.xs) - Math.min(...net.xs) >= 1) byGap[net.layer]!.push(net); // else straight down: no track
  }
  // Layers that forward lines leave (the last one, and one only loops leave, need no room for labels).
  const leaves = new Set(chains.filter((c) => !c.back && c.nodes.length > 1).flatMap((c) => c.nodes.slice(0, -1).map((n) => nodes[n]!.layer)));
  const tops: number[] = [];
  let y = o.margin;
  const order: Record<Net['kind'], number> = { out: 0, back: 1, in: 2 };
  for (let l = 0; l < layerCount; l++) {
    tops.push(y);
    const gapNets = (byGap[l] ?? []).map((net) => ({ net, lo: Math.min(...net.xs), hi: Math.max(...net.xs) }));
    gapNets.sort((p, q) => order[p.net.kind] - order[q.net.kind] || p.lo - q.lo);
    const tracks: [number, number][][] = [];
    const trackOf = gapNets.map(({ lo, hi }) => {
      const span: [number, number] = [lo - 8, hi + 8];
      let t = tracks.findIndex((tr) => tr.every(([lo, hi]) => span[1] < lo || span[0] > hi));
      if (t < 0) t = tracks.push([]) - 1;
      tracks[t]!.push(span);
      return t;
    });
    // The tracks first, then the room where the lines run into the next layer and carry their labels.
    const span = Math.max(o.layerGap, (tracks.length + 1) * TRACK);
    gapNets.forEach(({ net }, i) => (net.y = y + o.nodeHeight + ((trackOf[i]! + 1) * span) / (tracks.length + 1)));
    y += o.nodeHeight + span + (leaves.has(l) ? o.labelRoom : 0);
  }

  const edges = chains.map((c): RoutedEdge => {
    if (c.nodes.length < 2) return selfLoop(c, nodes, o, tops);
    let points: Point[] = [{ x: portX(c.nodes[0]!, c), y: tops[nodes[c.nodes[0]!]!.layer]! + o.nodeHeight }];
    for (let i = 1; i < c.nodes.length; i++) {
      const b = nodes[c.nodes[i]!]!;
      const xs = points[points.length - 1]!.x;
      const xe = portX(c.nodes[i]!, c);
      const net = nets.get(netOf(c, i)[0])!;
      if (net.y !== undefined && xs !== xe) points.push({ x: xs, y: net.y }, { x: xe, y: net.y });
      points.push({ x: xe, y: tops[b.layer]! });
      if (!b.step) points.push({ x: xe, y: tops[b.layer]! + o.nodeHeight });
    }
    points = simplify(points.map((p) => ({ x: round(p.x), y: round(p.y) })));
    if (c.back) points.reverse();
    return { from: c.from, to: c.to, answers: c.answers, back: c.back, points, d: roundedPath(points, BEND) };
  });
  return { tops, edges };
}

/** An answer that leads back to its own step: a small loop at the step's right. */
function selfLoop(c: Chain, nodes: LNode[], o: LayoutOptions, tops: number[]): RoutedEdge {
  const n = nodes.find((x) => x.step === c.from)!;
  const right = round(n.x + o.nodeWidth / 2);
  const top = tops[n.layer]!;
  const p = { x: right, y: round(top + o.nodeHeight * 0.3) };
  const q = { x: right, y: round(top + o.nodeHeight * 0.7) };
  return { from: c.from, to: c.to, answers: c.answers, back: true, points: [p, q], d: loopPath(p, q, { x: 1, y: 0 }) };
}

/** A loop from p to q on one side of a step, bulging toward `out` (a unit vector). */
function loopPath(p: Point, q: Point, out: Point): string {
  const k = 30;
  const tx = (q.x - p.x) / 4;
  const ty = (q.y - p.y) / 4;
  return `M${p.x} ${p.y}C${p.x + out.x * k - tx} ${p.y + out.y * k - ty} ${q.x + out.x * k + tx} ${q.y + out.y * k + ty} ${q.x} ${q.y}`;
}

/** Drops repeated points and the middle of three points on one straight line. */
function simplify(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    const before = out[out.length - 2];
    if (before && last && ((before.x === last.x && last.x === p.x) || (before.y === last.y && last.y === p.y))) out.pop();
    out.push(p);
  }
  return out;
}

/** An SVG path along the points, each bend rounded with radius `r` (less where a leg is short). */
function roundedPath(points: Point[], r: number): string {
  const [first, ...rest] = points;
  if (!first) return '';
  let d = `M${first.x} ${first.y}`;
  for (let i = 0; i < rest.length; i++) {
    const p = rest[i]!;
    const prev = i === 0 ? first : rest[i - 1]!;
    const next = rest[i + 1];
    if (!next) {
      d += `L${p.x} ${p.y}`;
      break;
    }
    const lin = Math.hypot(p.x - prev.x, p.y - prev.y);
    const lout = Math.hypot(next.x - p.x, next.y - p.y);
    const k = Math.min(r, lin / 2, lout / 2);
    const a = { x: round(p.x - ((p.x - prev.x) / lin) * k), y: round(p.y - ((p.y - prev.y) / lin) * k) };
    const b = { x: round(p.x + ((next.x - p.x) / lout) * k), y: round(p.y + ((next.y - p.y) / lout) * k) };
    d += `L${a.x} ${a.y}Q${p.x} ${p.y} ${b.x} ${b.y}`;
  }
  return d;
}

const round = (v: number) => Math.round(v * 10) / 10;

/** CJK and full-width characters are one em wide. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
/** Punctuation that may not start a line (it stays on the line before, even a little over). */
const NO_LINE_START = /^[，。、；：？！）」』】》,.;:?!)\]}]/u;

/**
 * About how wide a text is, in em, without a DOM to measure it: widths of a
 * fairly wide sans-serif (DejaVu Sans, the fallback on Linux), so the
 * estimate errs toward fitting on narrower system fonts.
 */
export function textWidthEm(text: string): number {
  let w = 0;
  for (const c of text) {
    if (WIDE.test(c)) w += 1;
    else if (/[\s.,:;!|'`ijlI]/.test(c)) w += 0.32;
    else if (/[()[\]{}ftr-]/.test(c)) w += 0.42;
    else if (/[sczkvxy]/.test(c)) w += 0.55;
    else if (/[mwMW@%]/.test(c)) w += 0.9;
    else if (/[A-Z]/.test(c)) w += 0.72;
    else w += 0.63;
  }
  return w;
}

/**
 * Splits a title into at most `maxLines` lines of at most `maxEm` each (by
 * `widthEm`: the browser passes a measurement in its own font),
 * breaking at spaces, or between CJK characters; the last line ends in "…"
 * when the title does not fit. SVG text does not wrap by itself. A line that
 * ends at a space keeps it, so the lines joined read as the title (the text a
 * screen reader or a label-in-name check sees).
 */
export function wrapLabel(text: string, maxEm: number, maxLines: number, widthEm: (text: string) => number = textWidthEm): { lines: string[]; truncated: boolean } {
  const lines: string[] = [];
  let line = '';
  for (const t of tokenize(text.trim())) {
    const next = line + (line && t.space ? ' ' : '') + t.text;
    if (!line || widthEm(next) <= maxEm || (NO_LINE_START.test(t.text) && !t.space)) line = next;
    else {
      lines.push(t.space ? `${line} ` : line);
      line = t.text;
    }
  }
  if (line) lines.push(line);
  // A word longer than a line is cut to fit.
  const fitted = lines.flatMap((l) => (widthEm(l.trimEnd()) <= maxEm + 1 ? [l] : chop(l, maxEm, widthEm)));
  avoidLoneCharacter(fitted);
  if (fitted.length <= maxLines) return { lines: fitted, truncated: false };
  const kept = fitted.slice(0, maxLines);
  const rest = [...`${kept[maxLines - 1]!}${fitted[maxLines]!}`];
  let n = rest.length;
  while (widthEm(`${rest.slice(0, n).join('')}…`) > maxEm && n > 1) n--;
  let cut = rest.slice(0, n).join('');
  // Not in the middle of a word, unless that would leave the line half empty.
  const space = cut.lastIndexOf(' ');
  if (rest[n] !== ' ' && !WIDE.test(rest[n] ?? '') && space > cut.length / 2) cut = cut.slice(0, space);
  // Nor inside brackets it would leave open: "(11-13, 42…" reads as a different text from "(11-13, 42, 53)".
  const shown = kept.slice(0, -1).join('') + cut;
  const open = Math.max(cut.lastIndexOf('('), cut.lastIndexOf('（'));
  if (open > 0 && (shown.match(/[(（]/g) ?? []).length > (shown.match(/[)）]/g) ?? []).length) cut = cut.slice(0, open);
  kept[maxLines - 1] = `${trimEndChars(cut, ' \t\n\u3000,.;:，。、；：(-')}…`;
  return { lines: kept, truncated: true };
}

/** A single CJK character alone on the last line reads badly: it takes the line before's last character with it. */
function avoidLoneCharacter(lines: string[]): void {
  const last = [...(lines[lines.length - 1] ?? '')];
  const before = [...(lines[lines.length - 2] ?? '')];
  const moved = before[before.length - 1] ?? '';
  if (last.length !== 1 || !WIDE.test(last[0]!) || !WIDE.test(moved) || NO_LINE_START.test(moved) || before.length < 3) return;
  lines[lines.length - 2] = before.slice(0, -1).join('');
  lines[lines.length - 1] = moved + last[0]!;
}

function chop(s: string, maxEm: number, widthEm: (text: string) => number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const c of s) {
    if (cur && widthEm(cur + c) > maxEm) {
      out.push(cur);
      cur = '';
    }
    cur += c;
  }
  if (cur) out.push(cur);
  return out;
}

/** Words of Latin text, single CJK characters; `space` when a space came before. */
function tokenize(text: string): { text: string; space: boolean }[] {
  const tokens: { text: string; space: boolean }[] = [];
  let word = '';
  let space = false;
  const flush = () => {
    if (word) tokens.push({ text: word, space });
    word = '';
    space = false;
  };
  for (const c of text) {
    if (/\s/u.test(c)) {
      flush();
      space = tokens.length > 0;
    } else if (WIDE.test(c)) {
      const spaced = !word && space;
      flush();
      tokens.push({ text: c, space: spaced });
    } else word += c;
  }
  flush();
  return tokens;
}
