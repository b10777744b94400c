#!/usr/bin/env node
// npm run bench [-- --no-build] [-- --runs=N] [-- --only=NAME]
//
// Prints figures for the first step page of the first tree, next to a bare
// React + react-router + zustand page (bench/baseline/) built the same way:
//
//   1. JS gzip bytes: every JavaScript file the browser loads to show the step,
//      each gzipped (level 9) and summed.
//   2. Title paint: time from navigation start to the paint of the step's <h1>,
//      with the CPU slowed down 4×; median of N runs after one warm-up run.
//
// Service workers are blocked in every measured page (NO_SERVICE_WORKER), so the
// offline precache never counts as first-step JavaScript; its size is a figure
// of its own (precacheSection).
//
// Figures are reported, not asserted: the script exits 0 whether or not a
// figure is over its target. It exits 1 only when something actually fails
// (a build error, a page that never shows its title, a timeout).
//
// The figures are sections (see SECTIONS below): each is an async function
// that gets a shared context (servers, browser, first step) and returns rows
// for the table plus detail lines printed under it. To add a figure, add a section.
//
// Node ESM run through tsx (npm run bench), so it can take the app's URLs from
// src/engine/paths.ts; it uses only what package.json already has: @playwright/test, yaml, vite, tsx.

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { basename, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import { sampleLog } from './sample-log.mjs';
// The app's own URLs (run through tsx, which reads TypeScript: npm run bench).
import { paths } from '../src/engine/paths.ts';

// ─── Settings ───────────────────────────────────────────────────────────────

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const APP_DIST = join(ROOT, 'dist');
const BASELINE_DIST = join(ROOT, 'dist-baseline');
const TREES_DIR = join(ROOT, 'content', 'trees');
/** The tree whose first step is measured; any other tree if its file is missing. */
const FIRST_TREE_FILE = 'mpaas-system-busy.yaml';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The step's title: the <h1> inside the step's <article> (not a "not found" page's <h1>). */
const TITLE_SELECTOR = 'article[data-step-kind] h1';

const CPU_SLOWDOWN = 4;
const SETTLE_MS = 250; // pause between timed runs
const BUILD_TIMEOUT_MS = 5 * 60_000;
const PAGE_TIMEOUT_MS = 30_000; // per navigation / wait in the browser
const LISTEN_TIMEOUT_MS = 10_000;
const WATCHDOG_MS = 15 * 60_000; // the whole run, whatever hangs

// ─── Command line ───────────────────────────────────────────────────────────

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  console.log(`usage: npm run bench [-- --no-build] [-- --runs=N] [-- --only=NAME]

  --no-build   measure the existing dist/ instead of running "vite build" first
               (the baseline in dist-baseline/ is always rebuilt: it takes a second)
  --runs=N     timed runs per page for the paint figure (default 5, plus one warm-up)
  --only=NAME  run only the sections whose name contains NAME (e.g. --only=bytes)`);
  process.exit(0);
}
const unknown = argv.filter((a) => a !== '--no-build' && !/^--runs=\d+$/.test(a) && !/^--only=.+$/.test(a));
if (unknown.length) fail(`unknown option(s): ${unknown.join(' ')} (try --help)`);
const options = {
  build: !argv.includes('--no-build'),
  runs: Math.max(1, Number(argv.find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? 5)),
  only: argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).toLowerCase(),
};

/** A failure worth a clear one-line message and exit code 1 (no stack trace). */
class BenchError extends Error {}

function fail(message) {
  console.error(`\nbench: ${message}`);
  process.exit(1);
}

// ─── Sections: one per figure ───────────────────────────────────────────────
//
// A section is { name, run(ctx) } where run resolves to { rows, details }:
// - rows: table rows { label, app, baseline, format(v) → string, target? }, where
//   target = { maxRatio } compares app / baseline (lower is better); a row
//   without a target is information only.
// - details: lines printed under the table (raw values, per-run figures, …).

const SECTIONS = [
  { name: 'JavaScript bytes', run: jsBytesSection },
  { name: 'Title paint', run: titlePaintSection },
  { name: 'Chinese first step', run: chineseSection },
  { name: 'Analyzer', run: analyzerSection },
  { name: 'Analyzer kept for the tab', run: keptSection },
  { name: 'Analyzer corpus', run: analyzerCorpusSection },
  { name: 'Offline precache', run: precacheSection },
  { name: 'Share links', run: shareLinksSection },
  { name: 'Search index', run: searchIndexSection },
];

// ─── Search index: what the first search downloads ──────────────────────────

/** What the measured search types: a code, so results are sure to show. */
const SEARCH_QUERY = '7014';

/**
 * The home search's index is a lazy chunk per language, fetched when the box
 * is first focused (src/ui/home/home-search.tsx). For each language: open the home
 * page, wait until it is idle, then focus the box, type a query and wait for
 * the results; every JavaScript file fetched from the focus on is the cost of
 * the first search (gzip -9 per file, summed). Information only: no target.
 */
async function searchIndexSection(ctx) {
  const rows = [];
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
      const files = [];
      const pending = [];
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
      await page.locator('.search-results').first().waitFor({ state: 'visible', timeout: PAGE_TIMEOUT_MS }).catch(async (e) => {
        throw new BenchError(`the home search (${lang}) showed no results for "${SEARCH_QUERY}": ${e.message.split('\n')[0]}\n${await describePage(page)}`);
      });
      await page.waitForLoadState('networkidle', { timeout: PAGE_TIMEOUT_MS });
      await withTimeout(Promise.all(pending), PAGE_TIMEOUT_MS, `reading the search chunks (${lang})`);
      if (files.length === 0) throw new BenchError(`focusing the home search (${lang}) fetched no JavaScript: is the index still a lazy chunk?`);
      const gzip = sum(files.map((f) => f.gzip));
      rows.push({ label: `Search index gzip (${lang})`, app: gzip, format: fmtInt });
      details.push(
        `  ${lang}: ${files.length} file(s), ${fmtInt(sum(files.map((f) => f.raw)))} B raw, ${fmtInt(gzip)} B gzip`,
        ...files.map((f) => `    ${f.path.padEnd(44)} ${fmtInt(f.raw).padStart(9)} B raw ${fmtInt(f.gzip).padStart(9)} B gzip`),
      );
    } finally {
      await context.close();
    }
  }
  return { rows, details };
}

// ─── Share links: the longest session link of each tree ─────────────────────

/** Issue 5: "links are short enough to paste in a chat". Target: a worst link under 400 characters with its origin. */
const SHARE_LINK_TARGET = 400;
const ASSUMED_ORIGIN = 'https://troubleshooter.example.com';

/**
 * For every tree, the longest session link of any path from the start to an
 * outcome, every checklist item on the way marked (scripts/bench-links.ts),
 * with a typical origin in front; and the upper bound over paths that visit
 * each step at most once, where the path search had to stop early.
 */
async function shareLinksSection() {
  const out = execFileSync('npx', ['tsx', join(ROOT, 'scripts', 'bench-links.ts')], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  const trees = JSON.parse(out.trim().split('\n').pop());
  return {
    rows: trees.map((t) => ({
      label: `Longest link: ${t.tree}`,
      app: ASSUMED_ORIGIN.length + (t.capped ? t.bound : t.length),
      format: (v) => `${fmtInt(v)} chars`,
      target: { max: SHARE_LINK_TARGET },
    })),
    details: [
      `Origin assumed: ${ASSUMED_ORIGIN} (${ASSUMED_ORIGIN.length} characters). Longest found, path and query:`,
      ...trees.map((t) => `  ${t.tree}: ${t.length} chars over ${t.steps} steps (${fmtInt(t.paths)} paths${t.capped ? `, search capped; upper bound ${t.bound}, shown above` : ''}): ${t.link}`),
    ],
  };
}

/**
 * Browser-context options of every measured page: the app registers a service
 * worker once it is idle (docs/decisions/0007-offline.md), and its precache
 * downloads would otherwise count as JavaScript the first step loads.
 */
const NO_SERVICE_WORKER = { serviceWorkers: 'block' };

// ─── Figure 4: what working offline costs ───────────────────────────────────

/**
 * Opens the first step with service workers allowed, waits until the worker
 * controls the page (it activates only once everything is precached), then
 * reads its cache: how many files, their raw size (from the cache) and gzip -9
 * size (the same files in dist/), and when the page became available offline
 * (ms from navigation start, no throttling). This is downloaded once, after
 * the page has loaded and gone idle, not on the way to the first paint.
 */
async function precacheSection(ctx) {
  const browser = await ctx.browser();
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      navigator.serviceWorker?.addEventListener('controllerchange', () => (window.__controlled = performance.now()));
    });
    await openStep(page, ctx.servers.app.url + ctx.stepPath, ctx.servers.app.name);
    await page.waitForFunction(() => window.__controlled != null, null, { timeout: PAGE_TIMEOUT_MS }).catch(() => {
      throw new BenchError(`the service worker never took control of ${ctx.stepPath} (is dist/sw.js there? "npm run build" writes it)`);
    });
    const { files, controlled } = await page.evaluate(async () => {
      const files = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          const body = await (await cache.match(request)).arrayBuffer();
          files.push({ path: new URL(request.url).pathname, raw: body.byteLength });
        }
      }
      return { files, controlled: window.__controlled };
    });
    for (const f of files) f.gzip = gzipSync(readFileSync(join(APP_DIST, f.path)), { level: 9 }).length;
    files.sort((a, b) => b.gzip - a.gzip);
    const raw = sum(files.map((f) => f.raw));
    const gzip = sum(files.map((f) => f.gzip));
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    return {
      rows: [
        { label: 'Precache gzip bytes', app: gzip, format: fmtInt },
        { label: 'Precache raw bytes', app: raw, format: fmtInt },
        { label: 'Offline ready after', app: controlled, format: (v) => `${fmtMs(v)} ms` },
      ],
      details: [
        `Offline precache (downloaded by the service worker after the first page has loaded and gone idle): ${files.length} files, ${kb(raw)} raw, ${kb(gzip)} gzip -9; the page was controlled ${fmtMs(controlled)} ms after navigation start (no throttling).`,
        ...files.map((f) => `    ${f.path.padEnd(44)} ${fmtInt(f.raw).padStart(9)} B raw ${fmtInt(f.gzip).padStart(9)} B gzip`),
      ],
    };
  } finally {
    await context.close();
  }
}

/**
 * The same two figures for the first step shown in Chinese (`?lang=zh`, issue 6),
 * against the same baseline page.
 */
async function chineseSection(ctx) {
  const zh = { ...ctx, stepPath: `${ctx.stepPath}?lang=zh` };
  const bytes = await jsBytesSection(zh);
  const paint = await titlePaintSection(zh);
  const labels = { 'JS gzip bytes': 'JS gzip bytes (zh)', 'Title paint (4× CPU)': 'Title paint (zh)' };
  return {
    rows: [...bytes.rows, ...paint.rows].filter((r) => labels[r.label]).map((r) => ({ ...r, label: labels[r.label] })),
    details: [`Chinese first step: ${zh.stepPath}`, ...bytes.details.slice(1), ...paint.details],
  };
}

// ─── The analyzer on what people paste: the public corpus ───────────────────

/** Issue 11's targets: 95 % of the whole corpus; 90 % per platform is the unit test's (src/engine/analyze/corpus.test.ts). */
const CORPUS_TARGET_PCT = 95;

/**
 * Scores the analyzer on the public paste corpus (src/test/corpus/analyzer-pastes.*.jsonl,
 * scripts/bench-analyzer.ts --corpus): the held-aside third apart from the rest, real samples
 * apart from those built from vendors' documented examples, per platform and per format.
 */
async function analyzerCorpusSection() {
  const out = JSON.parse(execFileSync('npx', ['tsx', join(ROOT, 'scripts', 'bench-analyzer.ts'), '--corpus'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 }).trim().split('\n').pop());
  const pct = (t) => (100 * t.ok) / t.n;
  const cell = (t) => `${t.ok}/${t.n} ${pct(t).toFixed(1).padStart(5)} %`;
  const lines = (title, rows) => [`  ${title}:`, ...rows.map((r) => `    ${r.key.padEnd(34)} ${cell(r)}`)];
  const details = ['Analyzer on the public paste corpus (a sample is correct when a finding has the expected platform and code; a look-alike when nothing is claimed):'];
  for (const set of ['dev', 'holdout']) {
    const s = out[set];
    details.push(`${set === 'dev' ? 'Dev set (read while the readers were written)' : 'Holdout (the third kept aside)'}: ${cell(s.all)}`);
    details.push(...lines('by origin', s.byOrigin), ...lines('by platform', s.byPlatform), ...lines('by platform and origin', s.byPlatformAndOrigin), ...lines('by format', s.byFormat));
  }
  const fmtPct = (v) => `${v.toFixed(1)} %`;
  return {
    rows: [
      { label: 'Corpus correct (all)', app: pct(out.all), format: fmtPct, target: { min: CORPUS_TARGET_PCT } },
      { label: 'Corpus correct (dev)', app: pct(out.dev.all), format: fmtPct },
      { label: 'Corpus correct (holdout)', app: pct(out.holdout.all), format: fmtPct },
    ],
    details,
  };
}

// ─── Figure 3: the analyzer on a 10 MB log ──────────────────────────────────

const LOG_BYTES = 10 * 1024 * 1024;
/** Issue 3's targets: findings on screen within 1 s, no main-thread task over 100 ms. */
const ANALYZE_TARGET_MS = 1000;
const LONG_TASK_TARGET_MS = 100;
/** Time at 1 M characters over time at 256 K: ×4 is linear, ×16 quadratic; under ×8 leaves room for noise. */
const ADVERSARIAL_GROWTH_MAX = 8;

/**
 * 1. Throughput: the analyzer alone, in Node (scripts/bench-analyzer.ts), on a
 *    generated 10 MB log (scripts/sample-log.mjs); median of 5 after a warm-up.
 * 2. In Chromium (no throttling): open the same file on /analyze with the file
 *    input; time from the input's change ('analyze:start' mark) to the findings
 *    being rendered ('analyze:rendered'), and the longest main-thread task in
 *    between (Long Tasks API). Median of 3 runs, each in a fresh context.
 */
async function analyzerSection(ctx) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-log-'));
  const file = join(dir, 'sample-10mb.log');
  try {
    writeFileSync(file, sampleLog(LOG_BYTES));
    const out = execFileSync('npx', ['tsx', join(ROOT, 'scripts', 'bench-analyzer.ts'), file, '5'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    const node = JSON.parse(out.trim().split('\n').pop());
    const mb = node.bytes / 1024 / 1024;
    const nodeMs = median(node.times);
    const adv = JSON.parse(
      execFileSync('npx', ['tsx', join(ROOT, 'scripts', 'bench-analyzer.ts'), '--adversarial'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 }).trim().split('\n').pop(),
    ).rows.map((r) => ({ ...r, growth: r.ms[1] / Math.max(r.ms[0], 0.05) }));
    const slowest = adv.reduce((a, b) => (b.ms[1] > a.ms[1] ? b : a));
    const steepest = adv.reduce((a, b) => (b.growth > a.growth ? b : a));
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await analyzeRun(ctx, file));
    const onScreen = median(runs.map((r) => r.ms));
    const longest = Math.max(...runs.map((r) => r.longTask));
    // A log of 30,841 distinct codes (once froze the page for 39 s drawing a card for each).
    const distinctFile = join(dir, 'distinct-codes.log');
    writeFileSync(distinctFile, Array.from({ length: 30_841 }, (_, i) => `{"Code":"Err${i}.Generated","RequestId":"REQ-${i}-0000-0000-0000"}`).join('\n'));
    const distinct = await analyzeRun(ctx, distinctFile);
    return {
      rows: [
        { label: 'Analyzer MB/s (Node)', app: mb / (nodeMs / 1000), format: (v) => v.toFixed(0) },
        { label: '10 MB log → findings', app: onScreen, format: (v) => `${fmtMs(v)} ms`, target: { max: ANALYZE_TARGET_MS } },
        { label: 'Longest main task', app: longest, format: (v) => (v === 0 ? 'none ≥50 ms' : `${fmtMs(v)} ms`), target: { max: LONG_TASK_TARGET_MS } },
        { label: '30,841 codes → findings', app: distinct.ms, format: (v) => `${fmtMs(v)} ms` },
        { label: '…its longest main task', app: distinct.longTask, format: (v) => (v === 0 ? 'none ≥50 ms' : `${fmtMs(v)} ms`), target: { max: 100 } },
        { label: 'Worst-case 1 MB (Node)', app: slowest.ms[1], format: (v) => `${fmtMs(v)} ms` },
        { label: 'Worst-case growth ×4', app: steepest.growth, format: (v) => `×${v.toFixed(1)}`, target: { max: ADVERSARIAL_GROWTH_MAX } },
      ],
      details: [
        `Analyzer on a generated ${mb.toFixed(1)} MB log (${fmtInt(node.hits)} errors in ${node.findings} findings), Node, median of 5: ${fmtMs(nodeMs)} ms (${node.times.map(fmtMs).join(', ')}).`,
        `Worst cases (Node): each input repeats a piece that starts a match and never ends it (src/test/adversarial.ts); best of 3 at 256 K and 1 M characters. Linear work grows ×4, quadratic ×16:`,
        ...adv.map((r) => `  ${r.label.padEnd(56)} ${fmtMs(r.ms[0]).padStart(6)} ms → ${fmtMs(r.ms[1]).padStart(6)} ms  ×${r.growth.toFixed(1)}`),
        `/analyze in Chromium, file input → findings rendered (Web Worker reads and analyzes the file), 3 runs; long tasks are those of 50 ms or more (Long Tasks API):`,
        ...runs.map((r, i) => `  run ${i + 1}: ${fmtMs(r.ms)} ms, worker ${fmtMs(r.workerMs)} ms, longest main-thread task ${r.longTask === 0 ? 'none ≥50 ms' : `${fmtMs(r.longTask)} ms`}, ${r.findings}${r.tasks ? ` (long tasks, start relative to the file's change event + duration, ms: ${r.tasks})` : ''}`),
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function analyzeRun(ctx, file) {
  const browser = await ctx.browser();
  const context = await browser.newContext(NO_SERVICE_WORKER);
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__longTasks = [];
      try {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
        }).observe({ type: 'longtask', buffered: true });
      } catch {
        /* no Long Tasks API */
      }
    });
    await page.goto(`${ctx.servers.app.url}${paths.analyze.href()}`, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
    const input = page.locator('input[type=file]');
    await input.waitFor({ state: 'attached', timeout: PAGE_TIMEOUT_MS });
    await page.waitForLoadState('networkidle', { timeout: PAGE_TIMEOUT_MS });
    await sleep(SETTLE_MS);
    await input.setInputFiles(file);
    await page.getByRole('heading', { name: /finding/ }).waitFor({ timeout: PAGE_TIMEOUT_MS });
    await sleep(300); // let the long-task observer report
    return await page.evaluate(() => {
      const start = performance.getEntriesByName('analyze:start').pop()?.startTime ?? NaN;
      const end = performance.getEntriesByName('analyze:rendered').pop()?.startTime ?? NaN;
      const tasks = window.__longTasks.filter((t) => t.start + t.duration >= start && t.start <= end);
      const around = tasks.map((t) => `${Math.round(t.start - start)}+${Math.round(t.duration)}`).join(' ');
      const status = document.querySelector('.findings .muted')?.textContent ?? '';
      const worker = Number(/in ([\d.]+) ms/.exec(status)?.[1] ?? NaN);
      return { ms: end - start, workerMs: worker, longTask: Math.max(0, ...tasks.map((t) => t.duration)), tasks: around, findings: document.querySelector('#findings-title')?.textContent ?? '' };
    });
  } finally {
    await context.close();
    await sleep(SETTLE_MS);
  }
}

// ─── The analyzer's result kept for the tab ─────────────────────────────────

/**
 * After the findings are on screen, /analyze keeps them (and the box's text)
 * in sessionStorage, in parts, one per task (src/ui/analyze/saved-analysis.ts):
 * a single large setItem blocks Chromium's main thread for hundreds of ms.
 * Measured on the largest records the page writes: 500 findings (the cap) with full
 * 8-line excerpts (from a file), and ~970,000 characters typed in the box.
 * Figures: the longest single setItem, and the longest main-thread task
 * between the findings being rendered and the record's head being written.
 */
async function keptSection(ctx) {
  const msg = 'x'.repeat(260);
  const fat = Array.from({ length: 600 }, (_, i) =>
    JSON.stringify({ RequestId: `REQ-${i}-0000-0000-0000`, HostId: 'ecs.aliyuncs.com', Code: `Err${i}.Generated`, Message: `${msg} ${i}`, Recommend: `https://api.aliyun.com/troubleshoot?q=Err${i}&${msg}` }, null, 2),
  ).join('\n');
  const box = `${'I/Example: 2026-12-02 06:00:00.000 request ok, nothing to see here, status=200 len=1024\n'.repeat(11_000)}{"error_response":{"code":27,"msg":"Invalid session"}}`;
  const runs = [];
  for (const [label, input] of [['500 full findings (file)', { file: fat }], [`${fmtInt(box.length)} characters in the box`, { text: box }]]) {
    const browser = await ctx.browser();
    const context = await browser.newContext(NO_SERVICE_WORKER);
    try {
      const page = await context.newPage();
      await page.addInitScript(() => {
        window.__longTasks = [];
        window.__sets = [];
        const set = Storage.prototype.setItem;
        Storage.prototype.setItem = function (k, v) {
          const t = performance.now();
          const r = set.call(this, k, v);
          if (k.startsWith('troubleshooter:analysis')) window.__sets.push({ key: k, at: t, ms: performance.now() - t, chars: v.length });
          return r;
        };
        try {
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
          }).observe({ type: 'longtask', buffered: true });
        } catch {
          /* no Long Tasks API */
        }
      });
      await page.goto(`${ctx.servers.app.url}${paths.analyze.href()}`, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
      await page.waitForLoadState('networkidle', { timeout: PAGE_TIMEOUT_MS });
      if (input.file) {
        await page.locator('input[type=file]').setInputFiles({ name: 'kept.log', mimeType: 'text/plain', buffer: Buffer.from(input.file) });
      } else {
        await page.locator('textarea').evaluate((el, text) => (el.value = text), input.text);
        await page.locator('button[type=submit]').click();
      }
      await page.waitForFunction(() => window.__sets.some((s) => s.key === 'troubleshooter:analysis'), null, { timeout: PAGE_TIMEOUT_MS });
      await sleep(300); // let the long-task observer report
      runs.push({
        label,
        ...(await page.evaluate(() => {
          const rendered = performance.getEntriesByName('analyze:rendered').pop()?.startTime ?? 0;
          const head = window.__sets.find((s) => s.key === 'troubleshooter:analysis');
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
      { label: `${r.label}: longest setItem`, app: r.longestSet, format: (v) => `${fmtMs(v)} ms` },
      { label: '…longest task while kept', app: r.longTask, format: (v) => (v === 0 ? 'none ≥50 ms' : `${fmtMs(v)} ms`), target: { max: 100 } },
    ]),
    details: runs.map((r) => `  ${r.label}: ${fmtInt(r.chars)} characters in ${r.parts} parts and a head, written ${fmtMs(r.wall)} ms after the findings were rendered; longest setItem ${fmtMs(r.longestSet)} ms.`),
  };
}

// ─── Figure 1: JavaScript bytes of the first step ───────────────────────────

async function jsBytesSection(ctx) {
  const app = await collectJs(ctx, ctx.servers.app);
  const baseline = await collectJs(ctx, ctx.servers.baseline);
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const list = (r) =>
    r.files.map((f) => `    ${f.path.padEnd(44)} ${fmtInt(f.raw).padStart(9)} B raw ${fmtInt(f.gzip).padStart(9)} B gzip  (${f.type})`);
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

/**
 * Opens the step URL in a fresh context (no throttling) and records the body of
 * every JavaScript response: resourceType "script", and anything else served as
 * JavaScript (modulepreload'ed chunks), until the title is visible and the
 * network has been idle for 500 ms. Inline scripts in index.html are not counted.
 */
async function collectJs(ctx, server) {
  const browser = await ctx.browser();
  const context = await browser.newContext(NO_SERVICE_WORKER);
  try {
    const page = await context.newPage();
    const files = new Map(); // url → { path, type, raw, gzip }
    const pending = []; // body reads; each settles to undefined or its error (never an unhandled rejection)
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
      pending.push(read.then(() => undefined, (e) => e));
    });
    await openStep(page, server.url + ctx.stepPath, server.name);
    const title = await page.locator(TITLE_SELECTOR).first().innerText();
    await page.waitForLoadState('networkidle', { timeout: PAGE_TIMEOUT_MS });
    const errors = (await withTimeout(Promise.all(pending), PAGE_TIMEOUT_MS, `reading the JS bodies of the ${server.name}`)).filter(Boolean);
    if (errors.length) throw new BenchError(`could not read the ${server.name}'s JavaScript: ${errors.map((e) => e.message.split('\n')[0]).join('; ')}`);
    const list = [...files.values()].sort((a, b) => b.gzip - a.gzip);
    if (list.length === 0) throw new BenchError(`the ${server.name} loaded no JavaScript at ${ctx.stepPath}?`);
    return { title, files: list, raw: sum(list.map((f) => f.raw)), gzip: sum(list.map((f) => f.gzip)) };
  } finally {
    await context.close();
  }
}

// ─── Figure 2: time to paint the step title, CPU slowed 4× ──────────────────

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

async function titlePaintSection(ctx) {
  const { app, baseline } = ctx.servers;
  // One warm-up run each (not counted: first launch of the browser process,
  // disk cache of the server files, JIT of this script), then the timed runs,
  // alternating which page goes first so neither always runs on a warmer machine.
  await paintRun(ctx, app);
  await paintRun(ctx, baseline);
  const runs = { app: [], baseline: [] };
  for (let i = 0; i < ctx.options.runs; i++) {
    for (const server of i % 2 === 0 ? [app, baseline] : [baseline, app]) runs[server.name].push(await paintRun(ctx, server));
  }
  const paints = (r) => r.map((x) => x.paint);
  const line = (r) => r.map((x) => fmtMs(x.paint)).join(', ');
  const detail = (r) =>
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
async function paintRun(ctx, server) {
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
    await painted.catch(async (e) => {
      throw new BenchError(`the ${server.name} never painted the step title (${TITLE_SELECTOR}) at ${ctx.stepPath}: ${e.message.split('\n')[0]}\n${await describePage(page)}`);
    });
    // Read the figures now the measurement is over; the Element Timing entry may
    // arrive a little after the paint, so give it up to 300 ms.
    const result = await withTimeout(
      page.evaluate(async () => {
        for (let i = 0; i < 30 && window.__h1Element == null; i++) await new Promise((r) => setTimeout(r, 10));
        return { paint: window.__h1Paint, inDom: window.__h1InDom, element: window.__h1Element ?? null };
      }),
      PAGE_TIMEOUT_MS,
      `reading the ${server.name}'s timings`,
    );
    return result;
  } finally {
    await context.close();
    // Let the closed context's renderer process go away before the next run starts.
    await sleep(SETTLE_MS);
  }
}

// ─── The first step ─────────────────────────────────────────────────────────

/**
 * The tree id and start step, read from content/trees/mpaas-system-busy.yaml at
 * run time (its `id` and `start` fields); any other tree in content/trees/ if
 * that file is missing or unreadable.
 */
function findFirstStep() {
  if (!existsSync(TREES_DIR)) throw new BenchError(`${TREES_DIR} does not exist`);
  const others = readdirSync(TREES_DIR)
    .filter((f) => /\.ya?ml$/.test(f) && f !== FIRST_TREE_FILE)
    .sort();
  const problems = [];
  for (const file of [FIRST_TREE_FILE, ...others]) {
    const path = join(TREES_DIR, file);
    if (!existsSync(path)) {
      problems.push(`${file}: missing`);
      continue;
    }
    try {
      const doc = parseYaml(readFileSync(path, 'utf8'));
      const treeId = typeof doc?.id === 'string' ? doc.id : basename(file).replace(/\.ya?ml$/, '');
      if (typeof doc?.start !== 'string' || !doc.start) throw new Error('no "start:" field');
      const title = doc.nodes?.[doc.start]?.title?.en;
      return { treeId, stepId: doc.start, title: typeof title === 'string' ? title : undefined, file, problems };
    } catch (e) {
      problems.push(`${file}: ${e.message.split('\n')[0]}`);
    }
  }
  throw new BenchError(`no usable tree in content/trees/ (${problems.join('; ')}): nothing to measure yet`);
}

// ─── Building ───────────────────────────────────────────────────────────────

let activeChild; // a running build, killed on Ctrl-C or by its timeout

/** Runs a command in the project root; its output is shown only if it fails. */
function runCommand(label, cmd, args) {
  return new Promise((resolvePromise, reject) => {
    const started = Date.now();
    // Own process group (detached) so a timeout can stop npx *and* vite.
    const env = { ...process.env, NO_COLOR: '1' }; // plain text in error messages
    delete env.FORCE_COLOR; // (picocolors colours whenever FORCE_COLOR is set, even to 0)
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    activeChild = child;
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      killGroup(child);
      reject(new BenchError(`${label} did not finish within ${BUILD_TIMEOUT_MS / 1000} s:\n${tail(output)}`));
    }, BUILD_TIMEOUT_MS);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new BenchError(`${label}: could not run ${cmd}: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      activeChild = undefined;
      if (code === 0) {
        console.log(`${label}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        resolvePromise(output);
      } else {
        reject(new BenchError(`${label} failed (${signal ?? `exit ${code}`}):\n${tail(output)}`));
      }
    });
  });
}

function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
}

async function build() {
  if (options.build) {
    // npm run build: the Vite build plus the prerendered step pages (docs/decisions/0004).
    await runCommand('app build (npm run build)', 'npm', ['run', 'build']).catch((e) => {
      e.message += '\n(If content/ is being edited right now, wait a minute and run again.)';
      throw e;
    });
  } else {
    console.log('app build: skipped (--no-build), measuring the existing dist/');
  }
  await runCommand('baseline build (npx vite build --config bench/baseline/vite.config.mjs)', 'npx', ['vite', 'build', '--config', 'bench/baseline/vite.config.mjs']);
  for (const dir of [APP_DIST, BASELINE_DIST]) {
    if (!existsSync(join(dir, 'index.html'))) {
      throw new BenchError(`${join(dir, 'index.html')} is missing${dir === APP_DIST && !options.build ? ': run without --no-build, or "npm run build" first' : ''}`);
    }
  }
}

// ─── Static server ──────────────────────────────────────────────────────────

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `dir` on 127.0.0.1 at a port the OS picks (so a busy port cannot
 * happen). A path that is not a file gets its own index.html if it was
 * prerendered, else index.html (the SPA fallback) when
 * it looks like a page (no extension, or the browser asks for HTML); a missing
 * asset is a 404 so a broken chunk fails loudly. No compression: the script
 * gzips the bodies itself.
 */
function serve(name, dir) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = resolve(join(root, pathname));
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      const isFile = await stat(file).then((s) => s.isFile(), () => false);
      if (!isFile) {
        const looksLikePage = !extname(pathname) || (req.headers.accept ?? '').includes('text/html');
        if (!looksLikePage) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
          return;
        }
        // A prerendered page (dist/t/<tree>/<step>/index.html) first, as static hosts serve it; else the SPA fallback.
        const own = join(file, 'index.html');
        file = (await stat(own).then((s) => s.isFile(), () => false)) ? own : join(root, 'index.html');
      }
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(e));
    }
  });
  return withTimeout(
    new Promise((resolvePromise, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address();
        resolvePromise({
          name,
          url: `http://127.0.0.1:${port}`,
          close: () => new Promise((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
        });
      });
    }),
    LISTEN_TIMEOUT_MS,
    `starting the ${name} server`,
  );
}

// ─── Browser helpers ────────────────────────────────────────────────────────

/** Navigates and waits until the step title is visible; explains what is on screen if it never is. */
async function openStep(page, url, name) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  try {
    await page.goto(url, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
    await page.locator(TITLE_SELECTOR).first().waitFor({ state: 'visible', timeout: PAGE_TIMEOUT_MS });
  } catch (e) {
    throw new BenchError(`the ${name} never showed the step title (${TITLE_SELECTOR}) at ${url}: ${e.message.split('\n')[0]}\n${await describePage(page)}${errors.length ? `\n  ${errors.slice(0, 10).join('\n  ')}` : ''}`);
  }
}

/** What the page shows, for error messages. */
async function describePage(page) {
  const text = await withTimeout(page.evaluate(() => document.body?.innerText ?? ''), 5_000, 'reading the page').catch(() => '(could not read the page)');
  return `  page shows: ${JSON.stringify(text.replace(/\s+/g, ' ').trim().slice(0, 300))}`;
}

// ─── Small helpers ──────────────────────────────────────────────────────────

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new BenchError(`timed out after ${ms / 1000} s: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const fmtInt = (n) => Math.round(n).toLocaleString('en-US');
const fmtMs = (n) => `${Math.round(n)}`;
/** The last lines of a command's output, without stack frames (they hide the message). */
const tail = (s, lines = 40) =>
  s
    .trimEnd()
    .split('\n')
    .filter((l) => !/^\s+at /.test(l) && !/^\s*errors: \[Getter\/Setter\]$/.test(l))
    .slice(-lines)
    .join('\n');

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The table: one line per row, then each section's details. */
function printReport(header, results) {
  const cols = [22, 12, 12, 8, 8];
  const pad = (s, i) => s.padEnd(cols[i]);
  const lines = [header, ['', 'app', 'baseline', 'ratio', 'target'].map(pad).join(' ')];
  for (const { rows } of results) {
    for (const row of rows) {
      const hasBoth = row.app != null && row.baseline != null && row.baseline !== 0;
      const ratio = hasBoth ? row.app / row.baseline : undefined;
      const max = row.target?.maxRatio;
      const absolute = row.target?.max;
      const floor = row.target?.min;
      const verdict =
        floor != null && row.app != null
          ? row.app >= floor
            ? 'PASS'
            : 'BELOW TARGET'
          : absolute != null && row.app != null
            ? row.app <= absolute
              ? 'PASS'
              : 'OVER TARGET'
            : max == null || ratio == null
              ? ''
              : ratio <= max
                ? 'PASS'
                : 'OVER TARGET';
      lines.push(
        [
          row.label,
          row.app == null ? '—' : row.format(row.app),
          row.baseline == null ? '—' : row.format(row.baseline),
          ratio == null ? '—' : `${ratio.toFixed(2)}×`,
          floor != null ? `≥${row.format(floor)}` : absolute != null ? `≤${row.format(absolute)}` : max == null ? '—' : `≤${max.toFixed(2)}×`,
        ]
          .map(pad)
          .join(' ') + (verdict ? ` ${verdict}` : ''),
      );
    }
  }
  console.log(`\n${lines.join('\n')}`);
  for (const { details } of results) if (details?.length) console.log(`\n${details.join('\n')}`);
}

// ─── Main ───────────────────────────────────────────────────────────────────

let browserPromise;
const servers = [];

async function cleanUp() {
  if (activeChild) killGroup(activeChild);
  const browser = await browserPromise?.catch(() => undefined);
  await withTimeout(Promise.allSettled([browser?.close(), ...servers.map((s) => s.close())]), 15_000, 'closing the browser and servers').catch(() => {});
}

async function main() {
  const watchdog = setTimeout(() => {
    console.error(`\nbench: gave up after ${WATCHDOG_MS / 60_000} minutes (something hangs)`);
    if (activeChild) killGroup(activeChild);
    process.exit(1); // Playwright kills the browser it launched when this process exits.
  }, WATCHDOG_MS);
  watchdog.unref();
  process.once('SIGINT', () => {
    if (activeChild) killGroup(activeChild);
    process.exit(130);
  });

  const first = findFirstStep();
  if (first.file !== FIRST_TREE_FILE) console.log(`note: content/trees/${FIRST_TREE_FILE} not usable (${first.problems.join('; ')}); using ${first.file}`);
  const stepPath = paths.step.href(first.treeId, first.stepId);

  await build();

  if (!existsSync(CHROMIUM_PATH)) throw new BenchError(`no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`);
  servers.push(await serve('app', APP_DIST), await serve('baseline', BASELINE_DIST));
  const [app, baseline] = servers;

  const ctx = {
    options,
    stepPath,
    first,
    servers: { app, baseline },
    /** The browser, launched on first use and shared by all sections (each run gets its own context). */
    browser: () =>
      (browserPromise ??= chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 }).catch((e) => {
        throw new BenchError(`could not launch Chromium at ${CHROMIUM_PATH}: ${e.message.split('\n')[0]}`);
      })),
  };

  const results = [];
  const failures = [];
  for (const section of SECTIONS.filter((x) => !options.only || x.name.toLowerCase().includes(options.only))) {
    console.log(`measuring: ${section.name}…`);
    try {
      results.push(await section.run(ctx));
    } catch (e) {
      failures.push(`${section.name}: ${e instanceof BenchError ? e.message : e.stack}`);
    }
  }

  if (results.length) printReport(`First step: ${stepPath}${first.title ? `  (“${first.title}”)` : ''}`, results);
  if (failures.length) throw new BenchError(`${failures.length} section(s) failed:\n${failures.join('\n')}`);
  console.log('\nFigures are reported, not asserted (exit 0 whether or not a row is over target).');
}

try {
  await main();
  await cleanUp();
  process.exit(0);
} catch (e) {
  await cleanUp();
  fail(e instanceof BenchError ? e.message : e.stack);
}
