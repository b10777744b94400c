// ─── The first step in Chinese ──────────────────────────────────────────────
import type { Context, SectionResult } from '../shared.ts';
import { jsBytesSection } from './first-step-bytes.ts';
import { titlePaintSection } from './paint.ts';

/**
 * The same two figures for the first step shown in Chinese (`?lang=zh`, issue 6),
 * against the same baseline page.
 */
export async function chineseSection(ctx: Context): Promise<SectionResult> {
  const zh = { ...ctx, stepPath: `${ctx.stepPath}?lang=zh` };
  const bytes = await jsBytesSection(zh);
  const paint = await titlePaintSection(zh);
  const labels: Record<string, string> = { 'JS gzip bytes': 'JS gzip bytes (zh)', 'Title paint (4× CPU)': 'Title paint (zh)' };
  return {
    rows: [...bytes.rows, ...paint.rows].filter((r) => labels[r.label]).map((r) => ({ ...r, label: labels[r.label]! })),
    details: [`Chinese first step: ${zh.stepPath}`, ...bytes.details.slice(1), ...paint.details],
  };
}
