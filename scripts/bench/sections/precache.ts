// ─── Figure 4: what working offline costs ───────────────────────────────────
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { APP_DIST, BenchError, fileLine, fmtInt, fmtMs, openStep, PAGE_TIMEOUT_MS, sum, type Context, type SectionResult } from '../shared.ts';

/**
 * Opens the first step with service workers allowed, waits until the worker
 * controls the page (it activates only once everything is precached), then
 * reads its cache: how many files, their raw size (from the cache) and gzip -9
 * size (the same files in dist/), and when the page became available offline
 * (ms from navigation start, no throttling). This is downloaded once, after
 * the page has loaded and gone idle, not on the way to the first paint.
 */
export async function precacheSection(ctx: Context): Promise<SectionResult> {
  const browser = await ctx.browser();
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      navigator.serviceWorker?.addEventListener('controllerchange', () => (window.__controlled = performance.now()));
    });
    await openStep(page, ctx.servers.app.url + ctx.stepPath, ctx.servers.app.name);
    await page
      .waitForFunction(() => window.__controlled != null, null, { timeout: PAGE_TIMEOUT_MS })
      .catch(() => {
        throw new BenchError(`the service worker never took control of ${ctx.stepPath} (is dist/sw.js there? "npm run build" writes it)`);
      });
    const cached = await page.evaluate(async () => {
      const files: { path: string; raw: number }[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          const body = await (await cache.match(request))!.arrayBuffer();
          files.push({ path: new URL(request.url).pathname, raw: body.byteLength });
        }
      }
      return { files, controlled: window.__controlled! };
    });
    const controlled = cached.controlled;
    const files = cached.files.map((f) => ({ ...f, gzip: gzipSync(readFileSync(join(APP_DIST, f.path)), { level: 9 }).length }));
    files.sort((a, b) => b.gzip - a.gzip);
    const raw = sum(files.map((f) => f.raw));
    const gzip = sum(files.map((f) => f.gzip));
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    return {
      rows: [
        { label: 'Precache gzip bytes', app: gzip, format: fmtInt },
        { label: 'Precache raw bytes', app: raw, format: fmtInt },
        { label: 'Offline ready after', app: controlled, format: (v) => `${fmtMs(v)} ms` },
      ],
      details: [
        `Offline precache (downloaded by the service worker after the first page has loaded and gone idle): ${files.length} files, ${kb(raw)} raw, ${kb(gzip)} gzip -9; the page was controlled ${fmtMs(controlled)} ms after navigation start (no throttling).`,
        ...files.map((f) => fileLine(f)),
      ],
    };
  } finally {
    await context.close();
  }
}
