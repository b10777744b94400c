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
// of its own (sections/precache.ts).
//
// Figures are reported, not asserted: the script exits 0 whether or not a
// figure is over its target. It exits 1 only when something actually fails
// (a build error, a page that never shows its title, a timeout).
//
// The figures are sections (SECTIONS below, one module each in sections/): each
// is an async function that gets a shared context (servers, browser, first step;
// shared.ts) and returns rows for the table plus detail lines printed under it.
// To add a figure, add a section. Run with tsx (package.json's "bench").

import { chromium, type Browser } from '@playwright/test';
import { paths } from '../../src/engine/paths.ts';
import { build, stopBuild } from './build.ts';
import { findFirstStep } from './first-step.ts';
import { printReport } from './report.ts';
import { analyzerSection } from './sections/analyzer.ts';
import { chineseSection } from './sections/chinese.ts';
import { analyzerCorpusSection } from './sections/corpus.ts';
import { jsBytesSection } from './sections/first-step-bytes.ts';
import { keptSection } from './sections/kept.ts';
import { layoutShiftSection } from './sections/layout-shift.ts';
import { shareLinksSection } from './sections/links.ts';
import { titlePaintSection } from './sections/paint.ts';
import { precacheSection } from './sections/precache.ts';
import { searchIndexSection } from './sections/search.ts';
import { serve } from './serve.ts';
import {
  APP_DIST,
  BASELINE_DIST,
  BenchError,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  FIRST_TREE_FILE,
  firstLine,
  WATCHDOG_MS,
  withTimeout,
  type Context,
  type Options,
  type Section,
  type SectionResult,
  type Server,
} from './shared.ts';
import { existsSync } from 'node:fs';

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
const options: Options = {
  build: !argv.includes('--no-build'),
  runs: Math.max(1, Number(argv.find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? 5)),
  only: argv
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .toLowerCase(),
};

function fail(message: string): never {
  console.error(`\nbench: ${message}`);
  process.exit(1);
}

// ─── Sections: one per figure ───────────────────────────────────────────────

const SECTIONS: Section[] = [
  { name: 'JavaScript bytes', run: jsBytesSection },
  { name: 'Title paint', run: titlePaintSection },
  { name: 'Chinese first step', run: chineseSection },
  { name: 'Layout shift', run: layoutShiftSection },
  { name: 'Analyzer', run: analyzerSection },
  { name: 'Analyzer kept for the tab', run: keptSection },
  { name: 'Analyzer corpus', run: analyzerCorpusSection },
  { name: 'Offline precache', run: precacheSection },
  { name: 'Share links', run: shareLinksSection },
  { name: 'Search index', run: searchIndexSection },
];

// ─── Main ───────────────────────────────────────────────────────────────────

let browserPromise: Promise<Browser> | undefined;
const servers: Server[] = [];

async function cleanUp() {
  stopBuild();
  const browser = await browserPromise?.catch(() => undefined);
  await withTimeout(Promise.allSettled([browser?.close(), ...servers.map((s) => s.close())]), 15_000, 'closing the browser and servers').catch(() => {});
}

async function main() {
  const watchdog = setTimeout(() => {
    console.error(`\nbench: gave up after ${WATCHDOG_MS / 60_000} minutes (something hangs)`);
    stopBuild();
    process.exit(1); // Playwright kills the browser it launched when this process exits.
  }, WATCHDOG_MS);
  watchdog.unref();
  process.once('SIGINT', () => {
    stopBuild();
    process.exit(130);
  });

  const first = findFirstStep();
  if (first.file !== FIRST_TREE_FILE) console.log(`note: content/trees/${FIRST_TREE_FILE} not usable (${first.problems.join('; ')}); using ${first.file}`);
  const stepPath = paths.step.href(first.treeId, first.stepId);

  await build(options);

  if (!existsSync(CHROMIUM_PATH)) throw new BenchError(`no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`);
  servers.push(await serve('app', APP_DIST), await serve('baseline', BASELINE_DIST));
  const [app, baseline] = servers as [Server, Server];

  const ctx: Context = {
    options,
    stepPath,
    first,
    servers: { app, baseline },
    browser: () =>
      (browserPromise ??= chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 }).catch((e: unknown) => {
        throw new BenchError(`could not launch Chromium at ${CHROMIUM_PATH}: ${firstLine(e)}`);
      })),
  };

  const results: SectionResult[] = [];
  const failures: string[] = [];
  for (const section of SECTIONS.filter((x) => !options.only || x.name.toLowerCase().includes(options.only))) {
    console.log(`measuring: ${section.name}…`);
    try {
      results.push(await section.run(ctx));
    } catch (e) {
      failures.push(`${section.name}: ${e instanceof BenchError ? e.message : (e as Error).stack}`);
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
  fail(e instanceof BenchError ? e.message : String((e as Error).stack));
}
