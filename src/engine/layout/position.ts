import type { LayoutOptions, LNode } from './types.ts';

/** 5. Horizontal centres: alternate passes pull each node toward its neighbours, without reordering or overlapping. */
export function placeX(nodes: LNode[], layers: number[][], o: LayoutOptions): void {
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
  const pull = {
    up: nodes.map((_, i) => pulledBy(i, ['up'])),
    down: nodes.map((_, i) => pulledBy(i, ['down'])),
    both: nodes.map((_, i) => pulledBy(i, ['up', 'down'])),
  };
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
