import type { AnswerId, StepId } from '../model.ts';

/** The shapes shared by the layout's phases (see ./index.ts). */

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
export const DEFAULT_LAYOUT: Record<LayoutDirection, LayoutOptions> = {
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

export type RoutedEdge = Omit<PlacedEdge, 'label'>;
export type Unlabelled = Omit<TreeLayout, 'edges'> & { edges: RoutedEdge[] };

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

export interface Link {
  to: StepId;
  answers: AnswerId[];
}

export const edgeKey = (from: string, to: string) => `${from}>${to}`;

/** A node of the layered graph: a step, or a dummy where an edge crosses a layer. */
export interface LNode {
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
export interface Chain {
  from: StepId;
  to: StepId;
  answers: AnswerId[];
  back: boolean;
  nodes: number[];
}

/** Drawing units to one decimal. */
export const round = (v: number) => Math.round(v * 10) / 10;
