// ─── Layout shift while a cold step page goes live ──────────────────────────
import { compileTree } from '../../../src/content/compile.ts';
import { loadContent } from '../../../src/content/load.ts';
import { paths } from '../../../src/engine/paths.ts';
import { answer, startSession } from '../../../src/engine/session.ts';
import { encodeTrail } from '../../../src/engine/trail.ts';
import { hasAnswers } from '../../../src/engine/model.ts';
import { BenchError, NO_SERVICE_WORKER, PAGE_TIMEOUT_MS, ROOT, SETTLE_MS, openStep, sleep, type Context, type SectionResult } from '../shared.ts';

/**
 * Cumulative Layout Shift (the browser's `layout-shift` entries, those without
 * recent input, summed) from navigation until the page is live and the network
 * has been idle: how far the step moves while a person starts reading it, when
 * the app takes over the prerendered markup. Four cold loads: the first step
 * (hydrated), the same in Chinese (markup swapped before the first paint, then
 * hydrated), the first answer's step with its trail (a shared link: the
 * prerendered markup stays until the app renders the path), and the first
 * step on a phone-sized screen. "Good" is ≤ 0.1
 * (web.dev, Core Web Vitals); a page that never moves scores 0.
 */
const RECORD_SHIFTS = `window.__shifts = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push({ value: e.value, at: e.startTime });
  }).observe({ type: 'layout-shift', buffered: true });
} catch { /* no Layout Instability API */ }`;

export async function layoutShiftSection(ctx: Context): Promise<SectionResult> {
  const pages = [
    { label: 'CLS, first step', path: ctx.stepPath, viewport: DESKTOP },
    { label: 'CLS, first step (zh)', path: `${ctx.stepPath}?lang=zh`, viewport: DESKTOP },
    { label: 'CLS, link with trail', path: trailLink(ctx), viewport: DESKTOP },
    { label: 'CLS, first step, phone', path: ctx.stepPath, viewport: PHONE },
  ];
  const rows = [];
  const details = ['Cumulative layout shift from navigation until the page is live and the network idle (cold, no service worker):'];
  for (const p of pages) {
    const { cls, shifts } = await measure(ctx, p.path, p.viewport);
    rows.push({ label: p.label, app: cls, format: (v: number) => v.toFixed(3), target: { max: 0.1 } });
    details.push(
      `  ${p.path} at ${p.viewport.width} px: ${cls.toFixed(3)}${shifts.length ? ` (${shifts.map((s) => `${s.value.toFixed(3)} at ${Math.round(s.at)} ms`).join(', ')})` : ' (no shift)'}`,
    );
  }
  return { rows, details };
}

/** The first answer's step, with the trail a shared link carries. */
function trailLink(ctx: Context): string {
  const { trees, sources } = loadContent(ROOT);
  const raw = trees.find((t) => t.tree?.id === ctx.first.treeId)?.tree;
  if (!raw) throw new BenchError(`no tree ${ctx.first.treeId} for the layout-shift figure`);
  const tree = compileTree(raw, 'en', sources);
  const start = startSession(tree);
  const first = tree.steps[tree.start]!;
  const next = hasAnswers(first) ? first.answers.map((a) => answer(tree, start, a.id)).find((s) => s !== undefined) : undefined;
  if (!next) throw new BenchError(`the first step of ${tree.id} has no answer to follow for the layout-shift figure`);
  return paths.step.href(tree.id, next.visits.at(-1)!.step, encodeTrail(tree, next));
}

const DESKTOP = { width: 1280, height: 900 };
/** A phone's screen (the e2e phone project's Pixel 7 in CSS pixels). */
const PHONE = { width: 412, height: 839 };

async function measure(
  ctx: Context,
  path: string,
  viewport: { width: number; height: number },
): Promise<{ cls: number; shifts: { value: number; at: number }[] }> {
  const browser = await ctx.browser();
  const context = await browser.newContext({ ...NO_SERVICE_WORKER, viewport });
  try {
    await context.addInitScript(RECORD_SHIFTS);
    const page = await context.newPage();
    await openStep(page, ctx.servers.app.url + path, 'app');
    await page.waitForLoadState('networkidle', { timeout: PAGE_TIMEOUT_MS });
    // A shift is reported a frame after it happens.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
    const shifts = (await page.evaluate(() => window.__shifts)) ?? [];
    return { cls: shifts.reduce((a, s) => a + s.value, 0), shifts };
  } finally {
    await context.close();
    await sleep(SETTLE_MS);
  }
}
