// ─── Search index: what the first search downloads ──────────────────────────
import { gzipSync } from 'node:zlib';
import {
  BenchError,
  describePage,
  fileLine,
  firstLine,
  fmtInt,
  NO_SERVICE_WORKER,
  PAGE_TIMEOUT_MS,
  sum,
  withTimeout,
  type Context,
  type JsFile,
  type Row,
  type SectionResult,
} from '../shared.ts';

/** What the measured search types: a code, so results are sure to show. */
const SEARCH_QUERY = '7014';

/**
 * The home search's index is a lazy chunk per language, fetched when the box
 * is first focused (src/ui/home-search.tsx). For each language: open the home
 * page, wait until it is idle, then focus the box, type a query and wait for
 * the results; every JavaScript file fetched from the focus on is the cost of
 * the first search (gzip -9 per file, summed). Information only: no target.
 */
export async function searchIndexSection(ctx: Context): Promise<SectionResult> {
  const rows: Row[] = [];
  const details = [`Home search, first use: JavaScript fetched from focusing the search box to the results of "${SEARCH_QUERY}" (gzip -9 per file):`];
  for (const lang of ['en', 'zh']) {
    const browser = await ctx.browser();
    const context = await browser.newContext(NO_SERVICE_WORKER);
    try {
      const page = await context.newPage();
      await page.goto(`${ctx.servers.app.url}/?lang=${lang}`, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
      const box = page.getByRole('searchbox').first();
      await box.waitFor({ state: 'visible', timeout: PAGE_TIMEOUT_MS });
      await page.waitForLoadState('networkidle', { timeout: PAGE_TIMEOUT_MS });
      const files: JsFile[] = [];
      const pending: Promise<unknown>[] = [];
      page.on('response', (res) => {
        const isJs = res.request().resourceType() === 'script' || /javascript/.test(res.headers()['content-type'] ?? '') || /\.m?js(\?|$)/.test(res.url());
        if (!isJs) return;
        pending.push(
          res.body().then(
            (body) => files.push({ path: new URL(res.url()).pathname, raw: body.length, gzip: gzipSync(body, { level: 9 }).length }),
            () => undefined,
          ),
        );
      });
      await box.focus();
      await box.fill(SEARCH_QUERY);
      await page
        .locator('.search-results')
        .first()
        .waitFor({ state: 'visible', timeout: PAGE_TIMEOUT_MS })
        .catch(async (e: unknown) => {
          throw new BenchError(`the home search (${lang}) showed no results for "${SEARCH_QUERY}": ${firstLine(e)}\n${await describePage(page)}`);
        });
      await page.waitForLoadState('networkidle', { timeout: PAGE_TIMEOUT_MS });
      await withTimeout(Promise.all(pending), PAGE_TIMEOUT_MS, `reading the search chunks (${lang})`);
      if (files.length === 0) throw new BenchError(`focusing the home search (${lang}) fetched no JavaScript: is the index still a lazy chunk?`);
      const gzip = sum(files.map((f) => f.gzip));
      rows.push({ label: `Search index gzip (${lang})`, app: gzip, format: fmtInt });
      details.push(
        `  ${lang}: ${files.length} file(s), ${fmtInt(sum(files.map((f) => f.raw)))} B raw, ${fmtInt(gzip)} B gzip`,
        ...files.map((f) => fileLine(f)),
      );
    } finally {
      await context.close();
    }
  }
  return { rows, details };
}
