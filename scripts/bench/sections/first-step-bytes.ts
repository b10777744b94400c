// ─── Figure 1: JavaScript bytes of the first step ───────────────────────────
import { gzipSync } from 'node:zlib';
import {
  BenchError,
  fileLine,
  fmtInt,
  NO_SERVICE_WORKER,
  openStep,
  PAGE_TIMEOUT_MS,
  sum,
  TITLE_SELECTOR,
  withTimeout,
  type Context,
  type JsFile,
  type SectionResult,
  type Server,
} from '../shared.ts';

export async function jsBytesSection(ctx: Context): Promise<SectionResult> {
  const app = await collectJs(ctx, ctx.servers.app);
  const baseline = await collectJs(ctx, ctx.servers.baseline);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  const list = (r: Collected) => r.files.map((f) => fileLine(f, `  (${f.type})`));
  return {
    rows: [
      { label: 'JS gzip bytes', app: app.gzip, baseline: baseline.gzip, format: fmtInt, target: { maxRatio: 1.25 } },
      { label: 'JS raw bytes', app: app.raw, baseline: baseline.raw, format: fmtInt },
    ],
    details: [
      `The app shows the title ${JSON.stringify(app.title)}.`,
      `JS loaded until the title is visible and the network is idle (gzip -9 per file):`,
      `  app: ${app.files.length} file(s), ${fmtInt(app.raw)} B raw (${kb(app.raw)}), ${fmtInt(app.gzip)} B gzip (${kb(app.gzip)})`,
      ...list(app),
      `  baseline: ${baseline.files.length} file(s), ${fmtInt(baseline.raw)} B raw (${kb(baseline.raw)}), ${fmtInt(baseline.gzip)} B gzip (${kb(baseline.gzip)})`,
      ...list(baseline),
    ],
  };
}

interface Collected {
  title: string;
  files: (JsFile & { type: string })[];
  raw: number;
  gzip: number;
}

/**
 * Opens the step URL in a fresh context (no throttling) and records the body of
 * every JavaScript response: resourceType "script", and anything else served as
 * JavaScript (modulepreload'ed chunks), until the title is visible and the
 * network has been idle for 500 ms. Inline scripts in index.html are not counted.
 */
async function collectJs(ctx: Context, server: Server): Promise<Collected> {
  const browser = await ctx.browser();
  const context = await browser.newContext(NO_SERVICE_WORKER);
  try {
    const page = await context.newPage();
    const files = new Map<string, (JsFile & { type: string }) | undefined>();
    const pending: Promise<unknown>[] = []; // body reads; each settles to undefined or its error (never an unhandled rejection)
    page.on('response', (res) => {
      const type = res.request().resourceType();
      const contentType = res.headers()['content-type'] ?? '';
      const isJs = type === 'script' || /javascript/.test(contentType) || /\.m?js(\?|$)/.test(res.url());
      if (!isJs || files.has(res.url())) return;
      files.set(res.url(), undefined);
      const read = res.body().then((body) => {
        if (res.status() !== 200) throw new BenchError(`${res.url()} answered ${res.status()}`);
        files.set(res.url(), { path: new URL(res.url()).pathname, type, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
      });
      pending.push(
        read.then(
          () => undefined,
          (e: unknown) => e,
        ),
      );
    });
    await openStep(page, server.url + ctx.stepPath, server.name);
    const title = await page.locator(TITLE_SELECTOR).first().innerText();
    await page.waitForLoadState('networkidle', { timeout: PAGE_TIMEOUT_MS });
    const errors = (await withTimeout(Promise.all(pending), PAGE_TIMEOUT_MS, `reading the JS bodies of the ${server.name}`)).filter(Boolean);
    if (errors.length)
      throw new BenchError(`could not read the ${server.name}'s JavaScript: ${errors.map((e) => String((e as Error).message).split('\n')[0]).join('; ')}`);
    const list = [...files.values()].filter((f) => f !== undefined).sort((a, b) => b.gzip - a.gzip);
    if (list.length === 0) throw new BenchError(`the ${server.name} loaded no JavaScript at ${ctx.stepPath}?`);
    return { title, files: list, raw: sum(list.map((f) => f.raw)), gzip: sum(list.map((f) => f.gzip)) };
  } finally {
    await context.close();
  }
}
