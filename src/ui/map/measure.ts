import { textWidthEm } from '../../engine/layout/index.ts';

let context: CanvasRenderingContext2D | null | undefined;
const cache = new Map<string, number>();

/**
 * A text's width in em in the page's own font, measured on a canvas (the
 * engine's estimate where there is none), so the map's titles wrap where this
 * browser's font needs them to: system fonts differ a lot in width.
 */
export function measureEm(text: string): number {
  let width = cache.get(text);
  if (width !== undefined) return width;
  if (context === undefined) {
    context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    if (context) context.font = `100px ${getComputedStyle(document.body).fontFamily}`;
  }
  width = context ? context.measureText(text).width / 100 : textWidthEm(text);
  cache.set(text, width);
  return width;
}
