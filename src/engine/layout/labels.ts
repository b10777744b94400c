import { hasAnswers, type Tree } from '../model.ts';
import { BEND } from './route.ts';
import { textWidthEm } from './text.ts';
import {
  LABEL_MAX,
  round,
  type EdgeLabel,
  type LayoutDirection,
  type PlacedEdge,
  type Point,
  type RoutedEdge,
  type TreeLayout,
  type Unlabelled,
} from './types.ts';

/** How far from a corner a label starts (past the bend's rounding), and the arrow's length at a line's end. */
const LABEL_OFFSET = 9;
const ARROW = 10;
/** A horizontal stretch with less room than this (drawing units) gives its label to the vertical one after it. */
const SHORT = 64;

/** Places every edge's label (see `EdgeLabel`) on the finished drawing. */
export function withLabels(layout: Unlabelled, tree: Tree): TreeLayout {
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
    const inside =
      label.anchor === 'end' ? label.x - 2 : label.anchor === 'start' ? layout.width - label.x - 2 : Math.min(label.x, layout.width - label.x) * 2 - 4;
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
function placeLabel(
  e: Pick<PlacedEdge, 'from' | 'to' | 'points'>,
  shared: (p: Point, q: Point, siblings: boolean) => boolean,
  direction: LayoutDirection,
): EdgeLabel {
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
  return q.x > p.x
    ? { x: round(p.x + LABEL_OFFSET), y: round(p.y - 4), anchor: 'start', room }
    : { x: round(p.x - LABEL_OFFSET), y: round(p.y - 4), anchor: 'end', room };
}
