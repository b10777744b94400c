import { describe, expect, it } from 'vitest';
import { compileTree } from '../../content/compile.ts';
import { loadContent } from '../../content/load.ts';
import { demoTree } from '../../test/demo-tree.ts';
import { reachableSteps } from '../graph.ts';
import {
  bestLayout,
  fitInOrder,
  LABEL_MAX,
  labelBox,
  layoutTree,
  textWidthEm,
  wrapLabel,
  type LayoutDirection,
  type PlacedEdge,
  type PlacedStep,
  type Point,
  type TreeLayout,
} from './index.ts';
import type { AnswerId, Step, StepId, Tree } from '../model.ts';

/** A tree from an adjacency list: a step with answers is a question, one without is an outcome. */
function treeOf(start: string, next: Record<string, string[]>): Tree {
  const steps: Record<string, Step> = {};
  const ids = new Set([start, ...Object.keys(next), ...Object.values(next).flat()]);
  for (const id of ids) {
    const to = next[id] ?? [];
    const base = { id: id as StepId, title: id, sources: ['s'], codes: [] };
    steps[id] = to.length
      ? { ...base, kind: 'question', answers: to.map((n, i) => ({ id: `a${i}` as AnswerId, label: `to ${n}`, next: n as StepId })) }
      : { ...base, kind: 'outcome', result: 'fix' };
  }
  return {
    id: 't' as Tree['id'],
    lang: 'en',
    platform: 'mpaas',
    title: 'T',
    symptom: 'S',
    start: start as StepId,
    steps,
    redirects: {},
    sources: {},
    facts: {},
  };
}

const overlaps = (a: PlacedStep, b: PlacedStep) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Does the axis-parallel segment p–q pass through the inside of the box? */
function crossesBox(p: Point, q: Point, s: PlacedStep): boolean {
  const [x1, x2] = [Math.min(p.x, q.x), Math.max(p.x, q.x)];
  const [y1, y2] = [Math.min(p.y, q.y), Math.max(p.y, q.y)];
  return x1 < s.x + s.width - 1 && x2 > s.x + 1 && y1 < s.y + s.height - 1 && y2 > s.y + 1;
}

/** The properties every drawing must have, whatever the tree. */
function expectSound(tree: Tree, layout: TreeLayout) {
  // Every reachable step has a box, and only those.
  expect(layout.steps.map((s) => s.id).sort()).toEqual([...reachableSteps(tree)].sort());
  // No two boxes overlap, and all lie inside the drawing.
  const problems: string[] = [];
  for (const [i, a] of layout.steps.entries()) {
    if (a.x < 0 || a.y < 0 || a.x + a.width > layout.width || a.y + a.height > layout.height) problems.push(`${a.id} is outside the drawing`);
    for (const b of layout.steps.slice(i + 1)) if (overlaps(a, b)) problems.push(`${a.id} overlaps ${b.id}`);
  }
  const down = layout.direction === 'down';
  for (const e of layout.edges) {
    const from = layout.byId.get(e.from)!;
    const to = layout.byId.get(e.to)!;
    const first = e.points[0]!;
    const last = e.points[e.points.length - 1]!;
    if (e.from === e.to) continue;
    // Forward edges leave the far side of a step and enter the near side of the next, one layer or more further on.
    if (!e.back) {
      expect(to.layer, `${e.from} → ${e.to}`).toBeGreaterThan(from.layer);
      expect(down ? first.y : first.x).toBe(down ? from.y + from.height : from.x + from.width);
      expect(down ? last.y : last.x).toBe(down ? to.y : to.x);
    } else {
      expect(to.layer, `${e.from} ↩ ${e.to}`).toBeLessThan(from.layer);
      expect(down ? first.y : first.x).toBe(down ? from.y : from.x);
      expect(down ? last.y : last.x).toBe(down ? to.y + to.height : to.x + to.width);
    }
    // Orthogonal, and never through a step that is not one of its ends.
    for (let i = 1; i < e.points.length; i++) {
      const p = e.points[i - 1]!;
      const q = e.points[i]!;
      if (p.x !== q.x && p.y !== q.y) problems.push(`${e.from} → ${e.to} has a slanted leg`);
      for (const s of layout.steps) if (s.id !== e.from && s.id !== e.to && crossesBox(p, q, s)) problems.push(`${e.from} → ${e.to} crosses ${s.id}`);
    }
    expect(e.d.startsWith(`M${first.x} ${first.y}`)).toBe(true);
    // Its label sits next to its own line, and its text stays inside the drawing.
    const { label } = e;
    if (distanceToLine(label, e) > 20) problems.push(`${e.from} → ${e.to} has its label ${distanceToLine(label, e)} px from its line`);
    expect(label.room).toBeGreaterThanOrEqual(0);
    expect(label.room).toBeLessThanOrEqual(LABEL_MAX);
    if (label.anchor === 'start') expect(label.x + label.room).toBeLessThanOrEqual(layout.width);
    if (label.anchor === 'end') expect(label.x - label.room).toBeGreaterThanOrEqual(0);
  }
  // Labels written (room > 0) cover neither a step nor each other.
  const shown = layout.edges.filter((e) => e.label.room > 0).map((e) => ({ id: `${e.from} → ${e.to}`, box: labelBox(e.label) }));
  const cover = (a: ReturnType<typeof labelBox>, b: { x0: number; x1: number; y0: number; y1: number }) =>
    a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
  for (const [i, a] of shown.entries()) {
    for (const b of shown.slice(i + 1)) if (cover(a.box, b.box)) problems.push(`the labels of ${a.id} and ${b.id} overlap`);
    for (const st of layout.steps)
      if (cover(a.box, { x0: st.x, x1: st.x + st.width, y0: st.y, y1: st.y + st.height })) problems.push(`the label of ${a.id} covers ${st.id}`);
  }
  expect(problems).toEqual([]);
}

/** How far a label's anchor is from the nearest stretch of its edge's line. */
function distanceToLine(p: Point, e: PlacedEdge): number {
  let best = Infinity;
  for (let i = 1; i < e.points.length; i++) {
    const a = e.points[i - 1]!;
    const b = e.points[i]!;
    const x = Math.min(Math.max(p.x, Math.min(a.x, b.x)), Math.max(a.x, b.x));
    const y = Math.min(Math.max(p.y, Math.min(a.y, b.y)), Math.max(a.y, b.y));
    best = Math.min(best, Math.hypot(p.x - x, p.y - y));
  }
  return Math.round(best);
}

const DIRECTIONS: LayoutDirection[] = ['down', 'right'];

describe('layered layout', () => {
  for (const direction of DIRECTIONS) {
    it(`draws the demo tree ${direction}, its "start again" answer as a back edge`, () => {
      const tree = demoTree();
      const layout = layoutTree(tree, { direction });
      expectSound(tree, layout);
      expect(layout.edges.filter((e) => e.back).map((e) => `${e.from}>${e.to}`)).toEqual(['retest>first']);
      expect(layout.byId.get('first' as StepId)!.layer).toBe(0);
      // An outcome sits below (after) every step that leads to it.
      expect(layout.byId.get('resolved' as StepId)!.layer).toBeGreaterThan(layout.byId.get('retest' as StepId)!.layer);
    });
  }

  it('puts a step one layer below the deepest step that leads to it (longest path)', () => {
    const tree = treeOf('a', { a: ['b', 'd'], b: ['c'], c: ['d'] });
    const layout = layoutTree(tree);
    expect(['a', 'b', 'c', 'd'].map((id) => layout.byId.get(id as StepId)!.layer)).toEqual([0, 1, 2, 3]);
    expectSound(tree, layout);
  });

  it('draws two answers that lead to the same step as one edge', () => {
    const tree = treeOf('a', { a: ['b', 'b', 'c'] });
    const layout = layoutTree(tree);
    expect(layout.edges.map((e) => [e.to, e.answers])).toEqual([
      ['b', ['a0', 'a1']],
      ['c', ['a2']],
    ]);
  });

  it('handles cycles with exits, nested loops and a self-loop', () => {
    const tree = treeOf('a', { a: ['b'], b: ['c', 'a'], c: ['c', 'b', 'd'] });
    for (const direction of DIRECTIONS) {
      const layout = layoutTree(tree, { direction });
      expectSound(tree, layout);
      expect(
        layout.edges
          .filter((e) => e.back)
          .map((e) => `${e.from}>${e.to}`)
          .sort(),
      ).toEqual(['b>a', 'c>b', 'c>c']);
    }
  });

  it("writes each answer's label on its own stretch of line, not on the stem the answers share", () => {
    const tree = treeOf('q', { q: ['a', 'b'] });
    for (const direction of DIRECTIONS) {
      const layout = layoutTree(tree, { direction });
      const q = layout.byId.get('q' as StepId)!;
      for (const e of layout.edges) {
        const to = layout.byId.get(e.to)!;
        // Beside (down) or along (right) the line's last stretch, into its own step, with room for a short answer.
        if (direction === 'down') {
          expect(Math.abs(e.label.x - (to.x + to.width / 2))).toBeLessThanOrEqual(6);
          expect(e.label.y).toBeGreaterThan(q.y + q.height);
          expect(e.label.y).toBeLessThan(to.y);
        } else {
          expect(Math.abs(e.label.y - (to.y + to.height / 2))).toBeLessThanOrEqual(6);
          expect(e.label.x).toBeLessThan(to.x);
        }
      }
      // Both labels are written, in full.
      for (const e of layout.edges) expect(e.label.room).toBeGreaterThanOrEqual(textWidthEm(`to ${e.to}`) * 11);
      expect(layout.edges[0]!.label).not.toEqual(layout.edges[1]!.label);
    }
  });

  it('lays out only the steps the start reaches', () => {
    const tree = treeOf('a', { a: ['b'], orphan: ['b'] });
    expect(layoutTree(tree).steps.map((s) => s.id)).toEqual(['a', 'b']);
  });

  it('keeps the answers of a question in order, left to right, with no crossings in a plain tree', () => {
    const tree = treeOf('r', { r: ['a', 'b', 'c'], a: ['a1', 'a2'], b: ['b1', 'b2'], c: ['c1', 'c2'] });
    const layout = layoutTree(tree);
    const x = (id: string) => layout.byId.get(id as StepId)!.x;
    const row = ['a1', 'a2', 'b1', 'b2', 'c1', 'c2'];
    expect([...row].sort((p, q) => x(p) - x(q))).toEqual(row);
    expect([x('a'), x('b'), x('c')]).toEqual([x('a'), x('b'), x('c')].sort((p, q) => p - q));
    // A parent is centred over its answers.
    expect(x('b')).toBeCloseTo((x('b1') + x('b2')) / 2, 0);
  });

  it('wraps a question with many answers into rows of at most maxLayerSteps', () => {
    const answers = Array.from({ length: 14 }, (_, i) => `s${i}`);
    const tree = treeOf('q', { q: answers, ...Object.fromEntries(answers.map((a) => [a, ['end']])) });
    const layout = layoutTree(tree, { maxLayerSteps: 5 });
    const perLayer = new Map<number, number>();
    for (const s of layout.steps) perLayer.set(s.layer, (perLayer.get(s.layer) ?? 0) + 1);
    expect(Math.max(...perLayer.values())).toBeLessThanOrEqual(5);
    expectSound(tree, layout);
  });

  it('swaps the axes for left to right', () => {
    const tree = demoTree();
    const down = layoutTree(tree, { direction: 'down' });
    const right = layoutTree(tree, { direction: 'right' });
    expect(right.direction).toBe('right');
    for (const s of right.steps) expect([s.width, s.height]).toEqual([200, 76]);
    expect(right.layerCount).toBe(down.layerCount);
    const first = right.byId.get('first' as StepId)!;
    expect(right.steps.every((s) => s.x >= first.x)).toBe(true);
  });
});

describe('fitInOrder', () => {
  it('keeps positions that already respect the gaps', () => {
    expect(fitInOrder([0, 50, 200], [1, 1, 1], [40, 40])).toEqual([0, 50, 200]);
  });
  it('spreads crowded items evenly around where they want to be, in order', () => {
    expect(fitInOrder([100, 100, 100], [1, 1, 1], [20, 20])).toEqual([80, 100, 120]);
    const heavy = fitInOrder([0, 0], [9, 1], [10]);
    expect(heavy[1]! - heavy[0]!).toBe(10);
    expect(Math.abs(heavy[0]!)).toBeLessThan(Math.abs(heavy[1]!));
  });
});

describe('wrapLabel', () => {
  it('keeps a short title on one line', () => {
    expect(wrapLabel('Is the device clock right?', 14, 3)).toEqual({ lines: ['Is the device clock right?'], truncated: false });
  });
  it('breaks at spaces and ends a title that does not fit with an ellipsis, not mid-word or inside brackets', () => {
    const { lines, truncated } = wrapLabel('Is it the right app, and does it have the permission? (11-13, 42, 53)', 13.8, 3);
    expect(truncated).toBe(true);
    expect(lines).toHaveLength(3);
    // Not "(11-13, 42…": a bracket left open would read as a different text.
    expect(lines[2]).toBe('permission?…');
    for (const l of lines) expect(textWidthEm(l.trimEnd())).toBeLessThanOrEqual(13.8);
    expect(lines.slice(0, 2).join('')).toBe('Is it the right app, and does it have the ');
  });
  it('breaks Chinese between characters, never before closing punctuation', () => {
    const { lines } = wrapLabel('请检查设备的系统时间是否正确，并与服务器时间保持一致。', 8, 4);
    expect(lines.join('')).toBe('请检查设备的系统时间是否正确，并与服务器时间保持一致。');
    for (const l of lines) expect(l).not.toMatch(/^[，。]/);
  });
  it('does not leave one Chinese character alone on the last line', () => {
    const { lines } = wrapLabel('生成无线保镖图片并添加到工程', 13, 3);
    expect(lines).toEqual(['生成无线保镖图片并添加到', '工程']);
  });
  it('keeps a space between Latin and CJK where the title had one', () => {
    expect(wrapLabel('在 Xcode 控制台中找到', 40, 1).lines).toEqual(['在 Xcode 控制台中找到']);
  });
});

describe('the real trees', () => {
  const { trees } = loadContent(process.cwd());
  for (const parsed of trees) {
    for (const lang of ['en', 'zh'] as const) {
      const tree = compileTree(parsed.tree!, lang);
      it(`${tree.id} (${lang}): every step placed, nothing overlapping, in both directions`, () => {
        for (const direction of DIRECTIONS) expectSound(tree, layoutTree(tree, { direction }));
        expect(['down', 'right']).toContain(bestLayout(tree).direction);
      });
      it(`${tree.id} (${lang}): every title fits its box in three lines`, () => {
        for (const step of Object.values(tree.steps)) {
          const { lines, truncated } = wrapLabel(step.title, 13.8, 3);
          expect(lines.length).toBeLessThanOrEqual(3);
          for (const l of lines) expect(textWidthEm(l.trimEnd()), `${step.id}: ${l}`).toBeLessThanOrEqual(14.8);
          // The lines read as the title (as a screen reader gets them).
          if (!truncated) expect(lines.join('')).toBe(step.title);
        }
      });
    }
  }
});
