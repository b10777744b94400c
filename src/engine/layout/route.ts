import { round, type Chain, type LayoutOptions, type LNode, type Point, type RoutedEdge } from './types.ts';

/** Vertical space per horizontal track in a gap between layers. */
const TRACK = 10;
/** Corner radius of the edges' bends. */
export const BEND = 6;

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
export function routeEdges(chains: Chain[], nodes: LNode[], layerCount: number, o: LayoutOptions): { tops: number[]; edges: RoutedEdge[] } {
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
export function loopPath(p: Point, q: Point, out: Point): string {
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
export function roundedPath(points: Point[], r: number): string {
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
