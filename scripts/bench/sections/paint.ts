// ─── Figure 2: time to paint the step title, CPU slowed 4× ──────────────────
import {
  BenchError,
  CPU_SLOWDOWN,
  describePage,
  firstLine,
  fmtMs,
  median,
  NO_SERVICE_WORKER,
  PAGE_TIMEOUT_MS,
  SETTLE_MS,
  sleep,
  TITLE_SELECTOR,
  withTimeout,
  type Context,
  type SectionResult,
  type Server,
} from '../shared.ts';

/**
 * Runs before any page script. When the title <h1> first appears in the DOM it
 * waits for the next frame (requestAnimationFrame, then a setTimeout(0), which
 * runs after that frame has been painted) and records performance.now(): ms since
 * navigation start. It also asks for an Element Timing entry for the same <h1>
 * (a cross-check; the attribute is set before the element's first paint).
 */
/** The console message the probe logs once the title has been painted. */
const PAINT_MESSAGE = '__bench_title_painted__';

const PAINT_PROBE = `(() => {
  const SELECTOR = ${JSON.stringify(TITLE_SELECTOR)};
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.identifier === 'bench-title' && window.__h1Element == null) window.__h1Element = e.renderTime || e.loadTime;
    }).observe({ type: 'element', buffered: true });
  } catch { /* no Element Timing API */ }
  const observer = new MutationObserver(() => {
    const h1 = document.querySelector(SELECTOR);
    if (!h1) return;
    observer.disconnect();
    window.__h1InDom = performance.now();
    h1.setAttribute('elementtiming', 'bench-title');
    requestAnimationFrame(() => setTimeout(() => {
      window.__h1Paint = performance.now();
      // Tells the script without it polling the page (polling would take main-thread time).
      console.debug(${JSON.stringify(PAINT_MESSAGE)});
    }, 0));
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

interface PaintRun {
  paint: number;
  inDom: number;
  element: number | null;
}

export async function titlePaintSection(ctx: Context): Promise<SectionResult> {
  const { app, baseline } = ctx.servers;
  // One warm-up run each (not counted: first launch of the browser process,
  // disk cache of the server files, JIT of this script), then the timed runs,
  // alternating which page goes first so neither always runs on a warmer machine.
  await paintRun(ctx, app);
  await paintRun(ctx, baseline);
  const runs: Record<Server['name'], PaintRun[]> = { app: [], baseline: [] };
  for (let i = 0; i < ctx.options.runs; i++) {
    for (const server of i % 2 === 0 ? [app, baseline] : [baseline, app]) runs[server.name].push(await paintRun(ctx, server));
  }
  const paints = (r: PaintRun[]) => r.map((x) => x.paint);
  const line = (r: PaintRun[]) => r.map((x) => fmtMs(x.paint)).join(', ');
  const detail = (r: PaintRun[]) =>
    r.map((x, i) => `    run ${i + 1}: paint ${fmtMs(x.paint)}, h1 in DOM ${fmtMs(x.inDom)}, element timing ${x.element == null ? 'n/a' : fmtMs(x.element)}`);
  return {
    rows: [
      {
        label: `Title paint (${CPU_SLOWDOWN}× CPU)`,
        app: median(paints(runs.app)),
        baseline: median(paints(runs.baseline)),
        format: (v) => `${Math.round(v)} ms`,
        target: { maxRatio: 1.3 },
      },
    ],
    details: [
      `Title paint, ms from navigation start, CPU ${CPU_SLOWDOWN}× slower, cache disabled, fresh context per run; median of ${ctx.options.runs} after 1 warm-up:`,
      `  app:      ${line(runs.app)}`,
      ...detail(runs.app),
      `  baseline: ${line(runs.baseline)}`,
      ...detail(runs.baseline),
    ],
  };
}

/** One cold load in a fresh context: CPU slowed through CDP, cache disabled. */
async function paintRun(ctx: Context, server: Server): Promise<PaintRun> {
  const browser = await ctx.browser();
  const context = await browser.newContext(NO_SERVICE_WORKER);
  try {
    await context.addInitScript(PAINT_PROBE);
    const page = await context.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    // Nothing talks to the page while it loads (an evaluate or a poll would run
    // on its throttled main thread): the probe logs a console message when done.
    const painted = page.waitForEvent('console', { predicate: (m) => m.text() === PAINT_MESSAGE, timeout: PAGE_TIMEOUT_MS });
    painted.catch(() => {}); // handled below; avoids an unhandled rejection if goto fails first
    // "commit": return as soon as the document starts; the probe does the timing.
    await page.goto(server.url + ctx.stepPath, { waitUntil: 'commit', timeout: PAGE_TIMEOUT_MS });
    await painted.catch(async (e: unknown) => {
      throw new BenchError(
        `the ${server.name} never painted the step title (${TITLE_SELECTOR}) at ${ctx.stepPath}: ${firstLine(e)}\n${await describePage(page)}`,
      );
    });
    // Read the figures now the measurement is over; the Element Timing entry may
    // arrive a little after the paint, so give it up to 300 ms.
    return await withTimeout(
      page.evaluate(async () => {
        for (let i = 0; i < 30 && window.__h1Element == null; i++) await new Promise((r) => setTimeout(r, 10));
        return { paint: window.__h1Paint!, inDom: window.__h1InDom!, element: window.__h1Element ?? null };
      }),
      PAGE_TIMEOUT_MS,
      `reading the ${server.name}'s timings`,
    );
  } finally {
    await context.close();
    // Let the closed context's renderer process go away before the next run starts.
    await sleep(SETTLE_MS);
  }
}
