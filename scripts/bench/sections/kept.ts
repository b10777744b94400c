// ─── The analyzer's result kept for the tab ─────────────────────────────────
import {
  fmtInt,
  fmtMs,
  fmtTask,
  NO_SERVICE_WORKER,
  PAGE_TIMEOUT_MS,
  RECORD_LONG_TASKS,
  SETTLE_MS,
  sleep,
  type Context,
  type SectionResult,
} from '../shared.ts';
import { paths } from '../../../src/engine/paths.ts';

interface KeptRun {
  label: string;
  parts: number;
  chars: number;
  longestSet: number;
  longTask: number;
  wall: number;
}

/**
 * After the findings are on screen, /analyze keeps them (and the box's text)
 * in sessionStorage, in parts, one per task (src/ui/analyze/saved-analysis.ts):
 * a single large setItem blocks Chromium's main thread for hundreds of ms.
 * Measured on the largest records the page writes: 500 findings (the cap) with full
 * 8-line excerpts (from a file), and ~970,000 characters typed in the box.
 * Figures: the longest single setItem, and the longest main-thread task
 * between the findings being rendered and the record's head being written.
 */
export async function keptSection(ctx: Context): Promise<SectionResult> {
  const msg = 'x'.repeat(260);
  const fat = Array.from({ length: 600 }, (_, i) =>
    JSON.stringify(
      {
        RequestId: `REQ-${i}-0000-0000-0000`,
        HostId: 'ecs.aliyuncs.com',
        Code: `Err${i}.Generated`,
        Message: `${msg} ${i}`,
        Recommend: `https://api.aliyun.com/troubleshoot?q=Err${i}&${msg}`,
      },
      null,
      2,
    ),
  ).join('\n');
  const box = `${'I/Example: 2026-12-02 06:00:00.000 request ok, nothing to see here, status=200 len=1024\n'.repeat(11_000)}{"error_response":{"code":27,"msg":"Invalid session"}}`;
  const inputs: [string, { file?: string; text?: string }][] = [
    ['500 full findings (file)', { file: fat }],
    [`${fmtInt(box.length)} characters in the box`, { text: box }],
  ];
  const runs: KeptRun[] = [];
  for (const [label, input] of inputs) {
    const browser = await ctx.browser();
    const context = await browser.newContext(NO_SERVICE_WORKER);
    try {
      const page = await context.newPage();
      await page.addInitScript({ content: RECORD_LONG_TASKS });
      await page.addInitScript(() => {
        window.__sets = [];
        const set = Storage.prototype.setItem;
        Storage.prototype.setItem = function (this: Storage, k: string, v: string) {
          const t = performance.now();
          const r = set.call(this, k, v);
          if (k.startsWith('troubleshooter:analysis')) window.__sets.push({ key: k, at: t, ms: performance.now() - t, chars: v.length });
          return r;
        };
      });
      await page.goto(`${ctx.servers.app.url}${paths.analyze.href()}`, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
      await page.waitForLoadState('networkidle', { timeout: PAGE_TIMEOUT_MS });
      if (input.file) {
        await page.locator('input[type=file]').setInputFiles({ name: 'kept.log', mimeType: 'text/plain', buffer: Buffer.from(input.file) });
      } else {
        await page.locator('textarea').evaluate((el: HTMLTextAreaElement, text) => (el.value = text), input.text ?? '');
        await page.locator('button[type=submit]').click();
      }
      await page.waitForFunction(() => window.__sets.some((s) => s.key === 'troubleshooter:analysis'), null, { timeout: PAGE_TIMEOUT_MS });
      await sleep(300); // let the long-task observer report
      runs.push({
        label,
        ...(await page.evaluate(() => {
          const rendered = performance.getEntriesByName('analyze:rendered').pop()?.startTime ?? 0;
          const head = window.__sets.find((s) => s.key === 'troubleshooter:analysis')!;
          const tasks = window.__longTasks.filter((t) => t.start + t.duration > rendered && t.start <= head.at);
          return {
            parts: window.__sets.length - 1,
            chars: window.__sets.reduce((n, s) => n + s.chars, 0),
            longestSet: Math.max(...window.__sets.map((s) => s.ms)),
            longTask: Math.max(0, ...tasks.map((t) => t.duration)),
            wall: head.at - rendered,
          };
        })),
      });
    } finally {
      await context.close();
      await sleep(SETTLE_MS);
    }
  }
  return {
    rows: runs.flatMap((r) => [
      { label: `${r.label}: longest setItem`, app: r.longestSet, format: (v: number) => `${fmtMs(v)} ms` },
      { label: '…longest task while kept', app: r.longTask, format: fmtTask, target: { max: 100 } },
    ]),
    details: runs.map(
      (r) =>
        `  ${r.label}: ${fmtInt(r.chars)} characters in ${r.parts} parts and a head, written ${fmtMs(r.wall)} ms after the findings were rendered; longest setItem ${fmtMs(r.longestSet)} ms.`,
    ),
  };
}
