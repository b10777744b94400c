import {
  useEffect,
  useEffectEvent,
  useLayoutEffect,
  useRef,
  useState,
  type MouseEvent as ReactMouseEvent,
  type PointerEvent as ReactPointerEvent,
} from 'react';

const MIN_ZOOM = 0.1;
const MAX_ZOOM = 2;
/** The smallest zoom the map opens at: below it the titles are too small to read. */
const READABLE_ZOOM = 0.9;
/** A pointer that moves less than this (px) is a click, not a drag. */
const DRAG_THRESHOLD = 5;

const clamp = (z: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));

/** A point of the drawing (drawing units) that must end up under a point of the screen (client px). */
interface Anchor {
  gx: number;
  gy: number;
  cx: number;
  cy: number;
  smooth?: boolean;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

type ClientPoint = { cx: number; cy: number };

const prefersLessMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Pan and zoom of a drawing inside a scrolling viewport. The viewport scrolls
 * natively (scrollbars, wheel, keyboard and focus all pan it, and the browser
 * scrolls a focused step into view); zoom scales the drawing's size, then
 * scrolls so the point under the pointer (or the centre) stays put. Dragging
 * pans with any pointer; two fingers pinch; Ctrl/⌘ + wheel (and a trackpad
 * pinch) zooms, while a plain wheel still scrolls the page as everywhere else.
 * Scrolling is smooth only when the reader has not asked for reduced motion.
 *
 * The map opens at a readable zoom (all of it, when that is readable),
 * centred on `start`.
 */
export function usePanZoom(size: { width: number; height: number }, start: Box) {
  const viewportRef = useRef<HTMLDivElement>(null);
  const drawingRef = useRef<SVGSVGElement>(null);
  /** The viewport's size, once measured (a ResizeObserver reports it). */
  const [view, setView] = useState<{ width: number; height: number } | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  const fitZoom = (v: { width: number; height: number }) => clamp(Math.min((v.width - 16) / size.width, (v.height - 16) / size.height));
  const zoom = chosen ?? (view ? Math.min(1, Math.max(fitZoom(view), READABLE_ZOOM)) : null);

  const pending = useRef<Anchor | null>(null);
  const opened = useRef(false);
  /** The zoom on screen, and the one asked for (ahead of it while a render is pending). */
  const drawn = useRef(1);
  const wanted = useRef<number | null>(null);

  useEffect(() => {
    const vp = viewportRef.current;
    if (!vp) return;
    const observer = new ResizeObserver(() => setView({ width: vp.clientWidth, height: vp.clientHeight }));
    observer.observe(vp);
    return () => observer.disconnect();
  }, []);

  const centreOfView = (): ClientPoint => {
    const vp = viewportRef.current!;
    const r = vp.getBoundingClientRect();
    return { cx: r.left + vp.clientWidth / 2, cy: r.top + vp.clientHeight / 2 };
  };

  /** The drawing's point under a client point, at the zoom on screen. */
  const drawingPoint = ({ cx, cy }: ClientPoint) => {
    const r = drawingRef.current!.getBoundingClientRect();
    return { gx: (cx - r.left) / drawn.current, gy: (cy - r.top) / drawn.current };
  };

  /** Scrolls so the pending anchor's drawing point is under its screen point. */
  const applyAnchor = () => {
    const a = pending.current;
    const vp = viewportRef.current;
    const svg = drawingRef.current;
    if (!a || !vp || !svg) return;
    pending.current = null;
    const r = svg.getBoundingClientRect();
    const left = vp.scrollLeft + r.left + a.gx * drawn.current - a.cx;
    const top = vp.scrollTop + r.top + a.gy * drawn.current - a.cy;
    vp.scrollTo({ left, top, behavior: a.smooth && !prefersLessMotion() ? 'smooth' : 'instant' });
  };

  /** Zooms to `next`, keeping the drawing's point under `at` (default: the viewport's centre) in place. */
  const zoomTo = (next: number, at?: ClientPoint) => {
    if (!viewportRef.current || !drawingRef.current) return;
    const point = at ?? centreOfView();
    pending.current = { ...drawingPoint(point), ...point };
    wanted.current = clamp(next);
    setChosen(wanted.current);
  };
  const zoomBy = (factor: number, at?: ClientPoint) => zoomTo((wanted.current ?? zoom ?? 1) * factor, at);

  /** The whole drawing, centred. */
  const fit = () => {
    if (!viewportRef.current) return;
    pending.current = { gx: size.width / 2, gy: size.height / 2, ...centreOfView() };
    wanted.current = fitZoom({ width: viewportRef.current.clientWidth, height: viewportRef.current.clientHeight });
    setChosen(wanted.current);
  };

  /** Scrolls so a box of the drawing is in the middle of the viewport. */
  const centreOn = (box: Box, smooth = true) => {
    if (!viewportRef.current) return;
    pending.current = { gx: box.x + box.width / 2, gy: box.y + box.height / 2, ...centreOfView(), smooth };
    applyAnchor();
  };

  /** Brings a box of the drawing into the middle if any of it is hidden or at the very edge (a step reached with Tab). */
  const reveal = (box: Box) => {
    const vp = viewportRef.current;
    const svg = drawingRef.current;
    if (!vp || !svg) return;
    const z = drawn.current;
    const r = svg.getBoundingClientRect();
    const v = vp.getBoundingClientRect();
    const left = r.left + box.x * z;
    const top = r.top + box.y * z;
    const m = 12;
    if (left < v.left + m || top < v.top + m || left + box.width * z > v.left + vp.clientWidth - m || top + box.height * z > v.top + vp.clientHeight - m)
      centreOn(box);
  };

  // After each zoom is drawn, scroll so its anchor stays put; the first time, centre on `start`.
  useLayoutEffect(() => {
    if (zoom === null) return;
    drawn.current = zoom;
    if (!opened.current) {
      opened.current = true;
      pending.current = { gx: start.x + start.width / 2, gy: start.y + start.height / 2, ...centreOfView() };
    }
    applyAnchor();
  });

  const onWheel = useEffectEvent((e: WheelEvent) => {
    if (!e.ctrlKey && !e.metaKey) return;
    e.preventDefault();
    const delta = Math.max(-60, Math.min(60, e.deltaMode === 1 ? e.deltaY * 20 : e.deltaY));
    zoomBy(Math.exp(-delta * 0.006), { cx: e.clientX, cy: e.clientY });
  });
  // Not React's onWheel, which is passive: the browser's own page zoom must be prevented.
  useEffect(() => {
    const vp = viewportRef.current;
    if (!vp) return;
    const listener = (e: WheelEvent) => onWheel(e);
    vp.addEventListener('wheel', listener, { passive: false });
    return () => vp.removeEventListener('wheel', listener);
  }, []);

  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const drag = useRef<{ x: number; y: number; left: number; top: number; moved: boolean } | null>(null);
  const pinch = useRef<{ dist: number; zoom: number; gx: number; gy: number } | null>(null);
  const suppressClick = useRef(false);
  const [dragging, setDragging] = useState(false);

  const twoPointers = () => [...pointers.current.values()] as [{ x: number; y: number }, { x: number; y: number }];

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    const vp = viewportRef.current!;
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    suppressClick.current = false;
    if (pointers.current.size === 1) {
      drag.current = { x: e.clientX, y: e.clientY, left: vp.scrollLeft, top: vp.scrollTop, moved: false };
    } else if (pointers.current.size === 2) {
      const [a, b] = twoPointers();
      pinch.current = {
        dist: Math.hypot(a.x - b.x, a.y - b.y),
        zoom: wanted.current ?? zoom ?? 1,
        ...drawingPoint({ cx: (a.x + b.x) / 2, cy: (a.y + b.y) / 2 }),
      };
      drag.current = null;
      suppressClick.current = true;
    }
  };

  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!pointers.current.has(e.pointerId)) return;
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    const p = pinch.current;
    if (p && pointers.current.size === 2) {
      const [a, b] = twoPointers();
      pending.current = { gx: p.gx, gy: p.gy, cx: (a.x + b.x) / 2, cy: (a.y + b.y) / 2 };
      wanted.current = clamp((p.zoom * Math.hypot(a.x - b.x, a.y - b.y)) / Math.max(p.dist, 1));
      setChosen(wanted.current);
      return;
    }
    const d = drag.current;
    if (!d) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    const vp = viewportRef.current!;
    if (!d.moved) {
      d.moved = true;
      suppressClick.current = true;
      vp.setPointerCapture(e.pointerId);
      setDragging(true);
    }
    vp.scrollTo({ left: d.left - dx, top: d.top - dy, behavior: 'instant' });
  };

  const onPointerUp = (e: ReactPointerEvent<HTMLDivElement>) => {
    pointers.current.delete(e.pointerId);
    if (pointers.current.size < 2) pinch.current = null;
    if (pointers.current.size === 0) {
      drag.current = null;
      setDragging(false);
    }
  };

  /** A click that ends a drag or a pinch is not a click on the step under it. */
  const onClickCapture = (e: ReactMouseEvent) => {
    if (!suppressClick.current) return;
    suppressClick.current = false;
    e.preventDefault();
    e.stopPropagation();
  };

  return {
    viewportRef,
    drawingRef,
    zoom,
    dragging,
    zoomBy,
    fit,
    centreOn,
    reveal,
    handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp, onClickCapture },
  };
}
