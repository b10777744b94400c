import type { AnalyzeResult } from '../../engine/analyze/analyze.ts';
import type { WorkerReply } from './protocol.ts';

/**
 * The last analysis of this tab, kept in sessionStorage so that following a
 * finding to its step and coming back (Back, or the header's link) shows the
 * same findings and the same text again. sessionStorage and nothing else:
 * the pasted text is kept for this tab only and goes when it is closed —
 * never in localStorage (shared by every tab, kept for good), never in a link.
 *
 * Storage may be full or blocked: the analysis works all the same, and the
 * page says what could not be kept (see `Kept`).
 */

export type Decoded = Extract<WorkerReply, { ok: true }>['decoded'];

/** Where the analyzed text came from: the text box, an opened file, or a paste too large for the box. */
export type AnalysisSource = { kind: 'text' } | { kind: 'file'; name: string } | { kind: 'large-paste'; chars: number };

export interface SavedAnalysis {
  source: AnalysisSource;
  /** What was in the text box, when it was kept (a file or a large paste never is: it was not in the box). */
  text?: string;
  result: AnalyzeResult;
  ms: number;
  decoded?: Decoded;
}

/**
 * What could be kept for this tab: everything shown (`all`), the findings
 * without the box's text, too large to keep (`findings`), or nothing
 * (storage blocked or full: leaving the page loses the analysis).
 */
export type Kept = 'all' | 'findings' | 'nothing';

export const SAVED_ANALYSIS_KEY = 'troubleshooter:analysis';
/** In the head; raised when a finding's shape changes, so that a tab open across an update drops what an older page kept. */
export const SAVED_ANALYSIS_VERSION = 2;
/**
 * Text in the box longer than this is not kept: a browser keeps about 5 MB
 * per site in sessionStorage, and the findings must fit beside it.
 */
export const KEEP_TEXT_MAX_CHARS = 1_000_000;

/** This tab's sessionStorage, or undefined where the browser blocks it (reading the property then throws). */
export function sessionStore(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/**
 * A record is written in parts of this many characters, under
 * `SAVED_ANALYSIS_KEY:0`, `:1`…, one part per task, then a head naming how
 * many there are. Chromium's setItem takes time that grows faster than the
 * value: measured on this project's 2-core machine, one 931,000-character
 * record took 230-410 ms at once, a long task right after the findings
 * appear; in parts each task takes a few milliseconds.
 */
export const PART_CHARS = 32_000;
const partKey = (i: number) => `${SAVED_ANALYSIS_KEY}:${i}`;

/** Lets the page run between two parts (tests pass one that does not wait). */
export type Pause = () => Promise<void>;
const nextTask: Pause = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Bumped by every save and every forget: a write still going on when another starts, or Clear is pressed, stops. */
let generation = 0;

/** Writes a record part by part; false if storage refused a part (then none is left) or a newer write took over. */
async function write(storage: Storage, record: object, mine: number, pause: Pause): Promise<boolean> {
  const json = JSON.stringify(record);
  let parts = 0;
  try {
    for (let at = 0; at < json.length; at += PART_CHARS) {
      await pause();
      if (mine !== generation) return false; // whoever took over has dropped these parts
      storage.setItem(partKey(parts++), json.slice(at, at + PART_CHARS));
    }
    await pause();
    if (mine !== generation) return false;
    // The head goes last: a write cut short (storage full, the tab closed) leaves no record to read.
    storage.setItem(SAVED_ANALYSIS_KEY, JSON.stringify({ v: SAVED_ANALYSIS_VERSION, parts }));
    return true;
  } catch {
    removeParts(storage, parts);
    return false;
  }
}

function removeParts(storage: Storage, count: number) {
  try {
    for (let i = count - 1; i >= 0; i--) storage.removeItem(partKey(i));
  } catch {
    /* storage blocked: there are no parts */
  }
}

/**
 * Keeps an analysis for this tab: with the box's text if it fits, else its
 * findings alone. Whatever was kept before is dropped at once, so that Back
 * never shows an older analysis than the last one seen; the new one is
 * written in the background, part by part. Resolves with what was kept
 * (`nothing` too when a newer save or `forgetAnalysis` took over).
 */
export async function saveAnalysis(storage: Storage | undefined, analysis: SavedAnalysis, pause: Pause = nextTask): Promise<Kept> {
  if (!storage) return 'nothing';
  forgetAnalysis(storage);
  const mine = generation;
  const { text, ...rest } = analysis;
  if (analysis.source.kind !== 'text') return (await write(storage, rest, mine, pause)) ? 'all' : 'nothing';
  if (text !== undefined && text.length <= KEEP_TEXT_MAX_CHARS && (await write(storage, { ...rest, text }, mine, pause))) return 'all';
  if (mine !== generation) return 'nothing';
  return (await write(storage, rest, mine, pause)) ? 'findings' : 'nothing';
}

/** Drops what this tab kept, and stops a save still being written (Clear, or a new analysis starting). */
export function forgetAnalysis(storage: Storage | undefined): void {
  generation++;
  if (!storage) return;
  try {
    const head = storage.getItem(SAVED_ANALYSIS_KEY);
    storage.removeItem(SAVED_ANALYSIS_KEY);
    // Parts named by the head, and any a cut-short write left after them.
    let parts = 0;
    try {
      const n: unknown = head === null ? 0 : (JSON.parse(head) as { parts?: unknown }).parts;
      if (typeof n === 'number' && Number.isSafeInteger(n) && n > 0) parts = n;
    } catch {
      /* an unreadable head: look for parts from the first */
    }
    removeParts(storage, parts);
    for (let i = parts; storage.getItem(partKey(i)) !== null; i++) storage.removeItem(partKey(i));
  } catch {
    /* storage blocked: nothing was kept */
  }
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isString = (x: unknown): x is string => typeof x === 'string';
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;
const isArrayOf = <T>(x: unknown, item: (y: unknown) => y is T): x is T[] => Array.isArray(x) && x.every(item);

function isSource(x: unknown): x is AnalysisSource {
  if (!isObject(x)) return false;
  if (x.kind === 'text') return true;
  if (x.kind === 'file') return isString(x.name);
  if (x.kind === 'large-paste') return isCount(x.chars);
  return false;
}

const isField = (x: unknown) => isObject(x) && isString(x.name) && isString(x.value) && (x.decoded === undefined || isString(x.decoded));
const isLine = (x: unknown) => isObject(x) && isCount(x.line) && isString(x.text);

function isFinding(x: unknown): boolean {
  return (
    isObject(x) &&
    isString(x.key) &&
    isString(x.platform) &&
    isString(x.code) &&
    isString(x.confidence) &&
    (x.subCode === undefined || isString(x.subCode)) &&
    (x.http === undefined || isCount(x.http)) &&
    typeof x.success === 'boolean' &&
    isString(x.format) &&
    isCount(x.count) &&
    isCount(x.firstLine) &&
    isCount(x.lastLine) &&
    Array.isArray(x.evidence) &&
    x.evidence.every(isLine) &&
    Array.isArray(x.fields) &&
    x.fields.every(isField) &&
    isArrayOf(x.ids, isString)
  );
}

function isResult(x: unknown): x is AnalyzeResult {
  return (
    isObject(x) &&
    Array.isArray(x.findings) &&
    x.findings.every(isFinding) &&
    Array.isArray(x.unclaimed) &&
    x.unclaimed.every((u) => isObject(u) && isCount(u.line) && isString(u.text) && isString(u.reason)) &&
    isCount(x.lines) &&
    isCount(x.chars) &&
    (x.omitted === undefined || (isObject(x.omitted) && isCount(x.omitted.findings) && isCount(x.omitted.hits)))
  );
}

/**
 * The analysis this tab kept, or undefined: none kept, storage blocked, or
 * what is there is unreadable or from an older page (then it is dropped).
 */
export function loadAnalysis(storage: Storage | undefined): (SavedAnalysis & { kept: Kept }) | undefined {
  let x: unknown;
  try {
    const head = storage?.getItem(SAVED_ANALYSIS_KEY) ?? null;
    if (head === null) return undefined;
    const { v, parts } = JSON.parse(head) as { v?: unknown; parts?: unknown };
    if (v !== SAVED_ANALYSIS_VERSION || typeof parts !== 'number' || !Number.isSafeInteger(parts) || parts < 1) throw new Error('not this page’s');
    let json = '';
    for (let i = 0; i < parts; i++) {
      const part = storage!.getItem(partKey(i));
      if (part === null) throw new Error('a part is missing');
      json += part;
    }
    x = JSON.parse(json);
  } catch {
    x = undefined;
  }
  if (
    !isObject(x) ||
    !isSource(x.source) ||
    !isResult(x.result) ||
    !isCount(x.ms) ||
    (x.text !== undefined && !isString(x.text)) ||
    (x.decoded !== undefined && !(isObject(x.decoded) && isString(x.decoded.encoding) && isString(x.decoded.how)))
  ) {
    forgetAnalysis(storage);
    return undefined;
  }
  const out: SavedAnalysis & { kept: Kept } = {
    source: x.source,
    result: x.result,
    ms: x.ms,
    kept: x.source.kind === 'text' && x.text === undefined ? 'findings' : 'all',
  };
  if (isString(x.text)) out.text = x.text;
  if (x.decoded !== undefined) out.decoded = x.decoded as Decoded;
  return out;
}
