import type { LNode } from './types.ts';

/** 4. Barycenter sweeps down and up, then adjacent swaps; keeps the ordering with the fewest crossings. */
export function orderLayers(nodes: LNode[], layers: number[][]): void {
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
