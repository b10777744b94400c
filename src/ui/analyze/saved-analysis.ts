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
/** Raised when a finding's shape changes, so that a tab open across an update drops what an older page kept. */
export const SAVED_ANALYSIS_VERSION = 1;
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

function write(storage: Storage, record: object): boolean {
  try {
    storage.setItem(SAVED_ANALYSIS_KEY, JSON.stringify({ v: SAVED_ANALYSIS_VERSION, ...record }));
    return true;
  } catch {
    return false;
  }
}

/**
 * Keeps an analysis for this tab: with the box's text if it fits, else its
 * findings alone. Whatever was kept before is dropped first, so that Back
 * never shows an older analysis than the last one seen.
 */
export function saveAnalysis(storage: Storage | undefined, analysis: SavedAnalysis): Kept {
  if (!storage) return 'nothing';
  forgetAnalysis(storage);
  const { text, ...rest } = analysis;
  if (analysis.source.kind !== 'text') return write(storage, rest) ? 'all' : 'nothing';
  if (text !== undefined && text.length <= KEEP_TEXT_MAX_CHARS && write(storage, { ...rest, text })) return 'all';
  return write(storage, rest) ? 'findings' : 'nothing';
}

/** Drops what this tab kept (Clear, or a new analysis starting). */
export function forgetAnalysis(storage: Storage | undefined): void {
  try {
    storage?.removeItem(SAVED_ANALYSIS_KEY);
  } catch {
    /* nothing was kept */
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
  let raw: string | null;
  try {
    raw = storage?.getItem(SAVED_ANALYSIS_KEY) ?? null;
  } catch {
    return undefined;
  }
  if (raw === null) return undefined;
  let x: unknown;
  try {
    x = JSON.parse(raw);
  } catch {
    x = undefined;
  }
  if (
    !isObject(x) ||
    x.v !== SAVED_ANALYSIS_VERSION ||
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
