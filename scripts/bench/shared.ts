/**
 * What every section of `npm run bench` shares: settings, the context a section
 * gets, the row format of the table, and small helpers (scripts/bench/index.ts
 * describes the whole run).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { browserUse } from '../../playwright.config.ts';

// ─── Settings ───────────────────────────────────────────────────────────────

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const APP_DIST = join(ROOT, 'dist');
export const BASELINE_DIST = join(ROOT, 'dist-baseline');
export const TREES_DIR = join(ROOT, 'content', 'trees');
/** The tree whose first step is measured; any other tree if its file is missing. */
export const FIRST_TREE_FILE = 'mpaas-system-busy.yaml';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** The launch flags the e2e suite uses (playwright.config.ts), so the bench drives Chromium the same way. */
export const CHROMIUM_ARGS = browserUse.launchOptions.args;

/** The step's title: the <h1> inside the step's <article> (not a "not found" page's <h1>). */
export const TITLE_SELECTOR = 'article[data-step-kind] h1';

export const CPU_SLOWDOWN = 4;
export const SETTLE_MS = 250; // pause between timed runs
export const BUILD_TIMEOUT_MS = 5 * 60_000;
export const PAGE_TIMEOUT_MS = 30_000; // per navigation / wait in the browser
export const LISTEN_TIMEOUT_MS = 10_000;
export const WATCHDOG_MS = 15 * 60_000; // the whole run, whatever hangs

/**
 * Browser-context options of every measured page: the app registers a service
 * worker once it is idle (docs/decisions/0007-offline.md), and its precache
 * downloads would otherwise count as JavaScript the first step loads.
 */
export const NO_SERVICE_WORKER: BrowserContextOptions = { serviceWorkers: 'block' };

/**
 * An init script that records the page's long tasks in `window.__longTasks`
 * (page-globals.d.ts). A string, not a function: tsx would wrap a function's
 * inner functions in a helper (`__name`) the page does not have.
 */
export const RECORD_LONG_TASKS = `window.__longTasks = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch {
  /* no Long Tasks API */
}`;

// ─── Sections ───────────────────────────────────────────────────────────────
//
// A section is { name, run(ctx) } where run resolves to { rows, details }:
// - rows: table rows { label, app, baseline, format(v) → string, target? }, where
//   target = { maxRatio } compares app / baseline (lower is better), { max } and
//   { min } bound the app's figure; a row without a target is information only.
// - details: lines printed under the table (raw values, per-run figures, …).

export interface Row {
  label: string;
  app?: number;
  baseline?: number;
  format: (v: number) => string;
  target?: { maxRatio?: number; max?: number; min?: number };
}

export interface SectionResult {
  rows: Row[];
  details: string[];
}

export interface Options {
  build: boolean;
  runs: number;
  only: string | undefined;
}

export interface Server {
  name: 'app' | 'baseline';
  url: string;
  close: () => Promise<void>;
}

export interface FirstStep {
  treeId: string;
  stepId: string;
  title: string | undefined;
  file: string;
  problems: string[];
}

export interface Context {
  options: Options;
  stepPath: string;
  first: FirstStep;
  servers: { app: Server; baseline: Server };
  /** The browser, launched on first use and shared by all sections (each run gets its own context). */
  browser: () => Promise<Browser>;
}

export interface Section {
  name: string;
  run: (ctx: Context) => Promise<SectionResult>;
}

/** A failure worth a clear one-line message and exit code 1 (no stack trace). */
export class BenchError extends Error {}

// ─── Browser helpers ────────────────────────────────────────────────────────
//
// Callbacks passed to page.evaluate(), addInitScript() and waitForFunction() are
// serialized and run in the page. tsx compiles this script with esbuild's keepNames,
// which wraps a function bound to a name (`const f = () => …`, `function f() {}`)
// in `__name(…)`, a helper the page does not have: inside such callbacks, use
// inline arrows only (as arguments), or build the code as a string (PAINT_PROBE).

/** Navigates and waits until the step title is visible; explains what is on screen if it never is. */
export async function openStep(page: Page, url: string, name: string): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  try {
    await page.goto(url, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
    await page.locator(TITLE_SELECTOR).first().waitFor({ state: 'visible', timeout: PAGE_TIMEOUT_MS });
  } catch (e) {
    throw new BenchError(
      `the ${name} never showed the step title (${TITLE_SELECTOR}) at ${url}: ${firstLine(e)}\n${await describePage(page)}${errors.length ? `\n  ${errors.slice(0, 10).join('\n  ')}` : ''}`,
    );
  }
}

/** What the page shows, for error messages. */
export async function describePage(page: Page): Promise<string> {
  const text = await withTimeout(
    page.evaluate(() => document.body?.innerText ?? ''),
    5_000,
    'reading the page',
  ).catch(() => '(could not read the page)');
  return `  page shows: ${JSON.stringify(text.replace(/\s+/g, ' ').trim().slice(0, 300))}`;
}

/** Runs one of the Node-side bench scripts (scripts/bench/*-cli.ts) and parses the JSON line it prints last. */
export function tsxJson<T>(script: string, args: string[], timeout: number): T {
  const out = execFileSync('npx', ['tsx', join(ROOT, 'scripts', 'bench', script), ...args], { cwd: ROOT, encoding: 'utf8', timeout });
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}

// ─── Small helpers ──────────────────────────────────────────────────────────

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BenchError(`timed out after ${ms / 1000} s: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The first line of an error's message (Playwright's carry a call log after it). */
export const firstLine = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0]!;

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
export const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
export const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');
export const fmtMs = (n: number): string => `${Math.round(n)}`;
/** A long task's figure: none under the Long Tasks API's 50 ms floor. */
export const fmtTask = (v: number): string => (v === 0 ? 'none ≥50 ms' : `${fmtMs(v)} ms`);
/** The last lines of a command's output, without stack frames (they hide the message). */
export const tail = (s: string, lines = 40): string =>
  s
    .trimEnd()
    .split('\n')
    .filter((l) => !/^\s+at /.test(l) && !/^\s*errors: \[Getter\/Setter\]$/.test(l))
    .slice(-lines)
    .join('\n');

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** A JavaScript file a page fetched: its path, raw and gzip -9 sizes. */
export interface JsFile {
  path: string;
  raw: number;
  gzip: number;
}

export const fileLine = (f: JsFile, extra = ''): string =>
  `    ${f.path.padEnd(44)} ${fmtInt(f.raw).padStart(9)} B raw ${fmtInt(f.gzip).padStart(9)} B gzip${extra}`;
