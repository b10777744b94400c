import { useId, useState, type KeyboardEvent, type MouseEvent as ReactMouseEvent } from 'react';
import { useNavigate } from 'react-router';
import { edgeLabelText, LABEL_FONT, wrapLabel, type PlacedEdge, type PlacedStep, type TreeLayout } from '../../engine/layout/index.ts';
import type { Step, StepId, Tree } from '../../engine/model.ts';
import { sitePath } from '../../engine/paths.ts';
import { takenKey, type SessionPath } from '../../engine/session-path.ts';
import { useToolMessages } from '../i18n/use-messages.ts';
import { measureEm } from './measure.ts';
import { usePanZoom } from './use-pan-zoom.ts';

/** Text inside a step's box: padding, the kind line and up to three title lines (px, in drawing units). */
const PAD = 10;
const TITLE_SIZE = 13;
const TITLE_LINES = 3;
/** How far the arrow keys pan (px of screen). */
const PAN_STEP = 60;
const ZOOM_STEP = 1.25;

/** The class that colours and shapes a step: its kind, or an outcome's result. */
export const kindClass = (step: Step) => (step.kind === 'outcome' ? step.result : step.kind);

export interface MapViewProps {
  tree: Tree;
  layout: TreeLayout;
  path: SessionPath | undefined;
  hrefFor: (id: StepId) => string;
  /** The id of the list of steps below, for the skip link. */
  listId: string;
}

/**
 * The tree drawn as a graph: an SVG in a viewport that pans and zooms. Each
 * step is a real link to the step (focusable, in reading order); the edges
 * and decorations are hidden from assistive technology, which gets the list
 * of steps below instead.
 */
export function MapView({ tree, layout, path, hrefFor, listId }: MapViewProps) {
  const m = useToolMessages();
  const ids = useId();
  const helpId = `${ids}-help`;
  const first = path ? layout.byId.get(path.current) : layout.byId.get(tree.start);
  const { viewportRef, drawingRef, zoom, dragging, zoomBy, fit, centreOn, reveal, handlers } = usePanZoom(layout, first ?? { x: 0, y: 0, width: 0, height: 0 });
  const navigate = useNavigate();
  const current = path ? layout.byId.get(path.current) : undefined;

  /** Arrow keys pan, + and − zoom, 0 fits, while the viewport or a step in it has focus. */
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const vp = viewportRef.current!;
    const pan: Record<string, [number, number]> = { ArrowLeft: [-PAN_STEP, 0], ArrowRight: [PAN_STEP, 0], ArrowUp: [0, -PAN_STEP], ArrowDown: [0, PAN_STEP] };
    const by = pan[e.key];
    if (by) vp.scrollBy({ left: by[0], top: by[1], behavior: 'instant' });
    else if (e.key === '+' || e.key === '=') zoomBy(ZOOM_STEP);
    else if (e.key === '-' || e.key === '_') zoomBy(1 / ZOOM_STEP);
    else if (e.key === '0') fit();
    else return;
    e.preventDefault();
  };

  /** A plain click opens the step in the app; a modified click (new tab, window) is the browser's. */
  const open = (e: ReactMouseEvent<Element>, href: string) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };

  /** The step pointed at or focused: its answers' lines stand out, their labels in full. */
  const [active, setActive] = useState<StepId | null>(null);
  const isTaken = (e: PlacedEdge) => path?.taken.has(takenKey(e.from, e.to)) ?? false;
  const isActive = (e: PlacedEdge) => e.from === active;
  // The path's edges over the others, and the active step's over all.
  const rank = (e: PlacedEdge) => (isActive(e) ? 2 : isTaken(e) ? 1 : 0);
  const ordered = [...layout.edges].sort((a, b) => rank(a) - rank(b));

  return (
    <section className="map" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="visually-hidden">
        {m.mapViewportLabel}
      </h2>
      <div className="map-controls" role="group" aria-label={m.mapControls}>
        <button type="button" className="button button--quiet button--small" onClick={() => zoomBy(1 / ZOOM_STEP)} aria-label={m.mapZoomOut}>
          <span aria-hidden="true">−</span>
        </button>
        {/* An <output> is a polite live region: a zoom change is announced. */}
        <span className="map-controls__zoom">{zoom !== null && <output>{m.mapZoomLevel(Math.round(zoom * 100))}</output>}</span>
        <button type="button" className="button button--quiet button--small" onClick={() => zoomBy(ZOOM_STEP)} aria-label={m.mapZoomIn}>
          <span aria-hidden="true">+</span>
        </button>
        <button type="button" className="button button--quiet button--small" onClick={fit}>
          {m.mapFit}
        </button>
        {current && (
          <button type="button" className="button button--quiet button--small" onClick={() => centreOn(current)}>
            {m.mapShowMine}
          </button>
        )}
        <a className="map-controls__skip" href={`#${listId}`} onClick={(e) => jumpTo(e, listId)}>
          {m.mapSkipToList}
        </a>
      </div>
      <div
        ref={viewportRef}
        className={`map-viewport${dragging ? ' map-viewport--dragging' : ''}`}
        tabIndex={0}
        role="group"
        aria-label={m.mapViewportLabel}
        aria-describedby={helpId}
        data-direction={layout.direction}
        onKeyDown={onKeyDown}
        onDragStart={(e) => e.preventDefault()}
        {...handlers}
      >
        {zoom !== null && (
          <svg ref={drawingRef} className="map-svg" width={layout.width * zoom} height={layout.height * zoom} viewBox={`0 0 ${layout.width} ${layout.height}`}>
            <defs aria-hidden="true">
              <marker id={`${ids}-arrow`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
                <path d="M0 1L9 5L0 9z" className="map-arrow" />
              </marker>
              <marker id={`${ids}-arrow-path`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto">
                <path d="M0 1L9 5L0 9z" className="map-arrow map-arrow--path" />
              </marker>
            </defs>
            <g aria-hidden="true">
              {ordered.map((e) => {
                const taken = isTaken(e);
                return (
                  <path
                    key={`${e.from}>${e.to}`}
                    d={e.d}
                    className={`map-edge${e.back ? ' map-edge--back' : ''}${taken ? ' map-edge--path' : ''}${isActive(e) ? ' map-edge--active' : ''}`}
                    markerEnd={`url(#${ids}-arrow${taken ? '-path' : ''})`}
                    data-edge={`${e.from}>${e.to}`}
                  />
                );
              })}
            </g>
            <g aria-hidden="true">
              {layout.edges
                .filter((e) => !isActive(e))
                .map((e) => (
                  <EdgeLabelText key={`${e.from}>${e.to}`} edge={e} tree={tree} />
                ))}
            </g>
            {layout.steps.map((placed) => (
              <MapNode
                key={placed.id}
                step={tree.steps[placed.id]!}
                placed={placed}
                path={path}
                href={hrefFor(placed.id)}
                onOpen={open}
                onFocus={() => {
                  reveal(placed);
                  setActive(placed.id);
                }}
                onPoint={(on) => setActive((was) => (on ? placed.id : was === placed.id ? null : was))}
              />
            ))}
            {/* The active step's labels in full, over the steps they may run across. */}
            <ActiveLabels edges={layout.edges.filter(isActive)} tree={tree} width={layout.width} />
          </svg>
        )}
      </div>
      <p id={helpId} className="map-help muted small">
        {m.mapHelp}
      </p>
      <Legend hasPath={!!path} />
    </section>
  );
}

/**
 * The pointed-at or focused step's labels in full, on a plate over whatever
 * they cross; one that would cover another moves down a line.
 */
function ActiveLabels({ edges, tree, width }: { edges: PlacedEdge[]; tree: Tree; width: number }) {
  const placed: { x0: number; x1: number; y: number }[] = [];
  const line = LABEL_FONT + 5;
  return (
    <g aria-hidden="true">
      {edges.map((edge) => {
        const text = edgeLabelText(tree, edge);
        if (!text) return null;
        const { x, anchor } = edge.label;
        const w = measureEm(text) * LABEL_FONT;
        // Inside the drawing, where it would otherwise be cut off.
        const x0 = Math.max(4, Math.min(width - w - 4, anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2));
        let y = edge.label.y;
        for (let tries = 0; tries < 8 && placed.some((p) => p.x0 < x0 + w + 4 && x0 - 4 < p.x1 && Math.abs(p.y - y) < line); tries++) y += line;
        placed.push({ x0, x1: x0 + w, y });
        return (
          <g key={`${edge.from}>${edge.to}`} className="map-label-plate">
            <rect x={x0 - 3} y={y - LABEL_FONT} width={w + 6} height={LABEL_FONT + 4} rx={3} />
            <text x={x0} y={y} className="map-label map-label--active" data-edge-label={`${edge.from}>${edge.to}`}>
              {text}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** An answer's label on its line, shortened to the room it has (at word boundaries); in full on its own tooltip. */
function EdgeLabelText({ edge, tree }: { edge: PlacedEdge; tree: Tree }) {
  const text = edgeLabelText(tree, edge);
  const { x, y, anchor, room } = edge.label;
  if (!text || room === 0) return null;
  const shown = wrapLabel(text, room / LABEL_FONT, 1, measureEm).lines[0] ?? '';
  if (!shown) return null;
  return (
    <text x={x} y={y} textAnchor={anchor} className="map-label" data-edge-label={`${edge.from}>${edge.to}`}>
      <title>{text}</title>
      {shown}
    </text>
  );
}

/** Moves to an element of this page (and focus with it) without a router navigation. */
export function jumpTo(e: ReactMouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target || e.metaKey || e.ctrlKey || e.shiftKey) return;
  e.preventDefault();
  target.focus({ preventScroll: true });
  target.scrollIntoView({ behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'smooth', block: 'start' });
}

function MapNode({
  step,
  placed,
  path,
  href,
  onOpen,
  onFocus,
  onPoint,
}: {
  step: Step;
  placed: PlacedStep;
  path: SessionPath | undefined;
  href: string;
  onOpen: (e: ReactMouseEvent<Element>, href: string) => void;
  onFocus: () => void;
  /** The pointer came onto the step (true) or left it (false). */
  onPoint: (on: boolean) => void;
}) {
  const m = useToolMessages();
  const isCurrent = path?.current === step.id;
  const onPath = path?.visited.has(step.id) ?? false;
  const kind = step.kind === 'outcome' ? m.result[step.result] : m.kind[step.kind];
  // A little short of the box, for the rounding of the font at small zooms.
  const { lines } = wrapLabel(step.title, (placed.width - 2 * PAD) / TITLE_SIZE - 0.2, TITLE_LINES, measureEm);
  const { x, y, width: w, height: h } = placed;
  return (
    <a
      href={sitePath(href)}
      className={`map-node map-node--${kindClass(step)}`}
      data-step={step.id}
      data-on-path={onPath ? 'true' : undefined}
      data-current={isCurrent ? 'true' : undefined}
      aria-current={isCurrent ? 'step' : undefined}
      aria-label={m.mapNodeName(kind, step.title, isCurrent ? 'current' : onPath ? 'path' : undefined)}
      onClick={(e) => onOpen(e, href)}
      onFocus={onFocus}
      onBlur={() => onPoint(false)}
      onPointerEnter={() => onPoint(true)}
      onPointerLeave={() => onPoint(false)}
    >
      <g transform={`translate(${x} ${y})`} aria-hidden="true">
        <rect className="map-node__ring" x={-5} y={-5} width={w + 10} height={h + 10} rx={10} />
        {step.kind === 'checklist' && <rect className="map-node__shape map-node__shape--under" x={4} y={4} width={w} height={h} rx={4} />}
        <NodeShape step={step} w={w} h={h} />
        {/* The spaces keep the words apart in the link's text, which must read as its name (label in name). */}
        <text className="map-node__kind" x={PAD} y={18}>
          {`${kind} `}
        </text>
        <text className="map-node__title" x={PAD} y={36}>
          {lines.map((line, i) => (
            <tspan key={i} x={PAD} dy={i === 0 ? 0 : 16}>
              {line}
            </tspan>
          ))}
        </text>
        {isCurrent && (
          // On the top border at the left: edges arrive at the middle, and loops leave at the right.
          <g className="map-node__here" transform="translate(6 -12)">
            <rect width={hereWidth(m.mapYouAreHere)} height={19} rx={9.5} />
            <text x={hereWidth(m.mapYouAreHere) / 2} y={13.5} textAnchor="middle">
              {` ${m.mapYouAreHere}`}
            </text>
          </g>
        )}
      </g>
    </a>
  );
}

/** The "You are here" tag's width: about 6.5 px per Latin letter, 11 per CJK character, plus padding. */
function hereWidth(text: string): number {
  let w = 16;
  for (const c of text) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(c) ? 11 : 6.5;
  return Math.round(w);
}

/** A question is a chamfered box, a check a plain one, a checklist a stack, an outcome a pill. */
function NodeShape({ step, w, h }: { step: Step; w: number; h: number }) {
  if (step.kind === 'question') {
    const c = 9;
    return <path className="map-node__shape" d={`M${c} 0H${w - c}L${w} ${h / 2}L${w - c} ${h}H${c}L0 ${h / 2}Z`} />;
  }
  return <rect className="map-node__shape" width={w} height={h} rx={step.kind === 'outcome' ? 18 : 4} />;
}

/** What the shapes, colours and lines mean. */
function Legend({ hasPath }: { hasPath: boolean }) {
  const m = useToolMessages();
  const kinds: [string, string][] = [
    ['question', m.kind.question],
    ['check', m.kind.check],
    ['checklist', m.kind.checklist],
    ['fix', m.result.fix],
    ['resolved', m.result.resolved],
    ['escalate', m.result.escalate],
  ];
  return (
    <div className="map-legend">
      <h3 className="map-legend__title">{m.mapLegendTitle}</h3>
      <ul className="map-legend__list">
        {kinds.map(([k, label]) => (
          <li key={k}>
            <svg className={`map-legend__swatch map-node--${k}`} width="34" height="20" viewBox="-3 -3 34 20" aria-hidden="true">
              {k === 'checklist' && <rect className="map-node__shape map-node__shape--under" x={3} y={3} width={26} height={12} rx={2} />}
              {k === 'question' ? (
                <path className="map-node__shape" d="M4 0H22L26 7L22 14H4L0 7Z" />
              ) : (
                <rect className="map-node__shape" width={26} height={14} rx={['fix', 'resolved', 'escalate'].includes(k) ? 7 : 2} />
              )}
            </svg>
            {label}
          </li>
        ))}
        <EdgeLegend kind="back" label={m.mapLegendBack} />
        {hasPath && (
          <>
            <EdgeLegend kind="path" label={m.mapLegendOnPath} />
            <li>
              <svg className="map-legend__swatch map-node--check" width="34" height="20" viewBox="-3 -3 34 20" aria-hidden="true">
                <rect className="map-node__shape map-node__shape--current" width={26} height={14} rx={2} />
              </svg>
              {m.mapLegendCurrent}
            </li>
          </>
        )}
      </ul>
    </div>
  );
}

/** A legend entry for a kind of edge: a short line drawn as the map draws it. */
function EdgeLegend({ kind, label }: { kind: 'back' | 'path'; label: string }) {
  return (
    <li>
      <svg className="map-legend__swatch" width="34" height="20" viewBox="0 0 34 20" aria-hidden="true">
        <path className={`map-edge map-edge--${kind}`} d="M2 10H32" />
      </svg>
      {label}
    </li>
  );
}
