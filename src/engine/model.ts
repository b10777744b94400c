/**
 * The compiled content model the browser receives. It is produced at build
 * time by `src/content/` from the YAML files in `content/`, one copy per
 * language, so every text here is already a plain string in one language.
 */

import type { Cond } from './conditions.ts';
import type { FactKey } from './facts.ts';

declare const brand: unique symbol;
/** A string that is known to be a given kind of id. */
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type TreeId = Brand<string, 'TreeId'>;
export type StepId = Brand<string, 'StepId'>;
export type AnswerId = Brand<string, 'AnswerId'>;

export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

/** localStorage key of the reader's chosen language (read by an inline script before the app loads). */
export const LANG_STORAGE_KEY = 'troubleshooter-lang';
/**
 * On the dev server (`npm start`), the window event the content modules fire once
 * content/ changed and the new content compiled (src/content/vite-plugin.ts):
 * the loaded trees and tables are dropped and the page's data loaded again.
 */
export const CONTENT_UPDATE_EVENT = 'troubleshooter:content-update';

export const PLATFORMS = ['mpaas', 'aliyun', 'top', 'easemob'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** The platforms that have a code table (mPaaS has three: gateway, Android client, iOS client). */
export const CODE_PLATFORMS = ['mpaas', 'mpaas-android', 'mpaas-ios', 'aliyun', 'top', 'easemob'] as const;
export type CodePlatform = (typeof CODE_PLATFORMS)[number];

/**
 * What a person should do about an error: retry, fix the request, contact support; `none` for a success code.
 * `self-service`: the request is right, the account owner fixes the cause (settles a bill, activates a service).
 * `check-first`: do not resend before checking (a timed-out push has usually gone through already).
 */
export const RETRY_ADVICE = ['retry', 'fix-request', 'self-service', 'check-first', 'contact-support', 'none'] as const;
export type RetryAdvice = (typeof RETRY_ADVICE)[number];

/** Inline Markdown, as a small JSON tree rendered by React (never as HTML). */
export type Inline = string | { t: 'code'; v: string } | { t: 'strong' | 'em' | 'del'; c: Inline[] } | { t: 'a'; href: string; c: Inline[] } | { t: 'br' };

/** Block Markdown. */
export type Block =
  | { t: 'p'; c: Inline[] }
  | { t: 'h'; level: 2 | 3 | 4; c: Inline[] }
  | { t: 'ul' | 'ol'; start?: number; items: Block[][] }
  | { t: 'pre'; lang: string; v: string }
  | { t: 'quote'; c: Block[] };

export type Markdown = Block[];

export type OutcomeResult = 'fix' | 'resolved' | 'escalate';
export type ItemState = 'ok' | 'bad';
export type AnswerWhen = 'all-ok' | 'any-bad';

export interface Answer {
  id: AnswerId;
  label: string;
  next: StepId;
  hint?: string;
  /** On a checklist: the answer that fits when every item is OK / any is not. */
  when?: AnswerWhen;
  /** Facts this answer tells (`platform: ios`); the answer is closed when a known fact says otherwise. */
  sets?: Partial<Record<FactKey, string>>;
  /** Facts this answer makes stale (a re-test that shows another code forgets the old one). */
  clears?: FactKey[];
  /** When the answer is open, given what is known (src/engine/conditions.ts). */
  if?: Cond;
}

export interface ChecklistItem {
  id: string;
  label: string;
  hint?: Markdown;
}

interface StepBase {
  id: StepId;
  title: string;
  body?: Markdown;
  /** Ids of the tree's `sources` this step traces to. */
  sources: string[];
  /** Codes this step handles, as `platform:code` (e.g. `mpaas:7003`). */
  codes: string[];
  /**
   * The facts this step asks for. A question or check is passed by itself
   * when what is known leaves one of its answers open; an escalation lists
   * them as what the vendor asks for (checked against the case's facts).
   */
  asks?: FactKey[];
  /**
   * The checks left to a fix from here when nothing is known yet (what a
   * plain link to the step shows), worked out at build time so the first
   * step need not load the walk (src/engine/progress.ts); null when only an
   * escalation lies ahead. Absent on outcomes. A pair, not an object: it is
   * in every step of the chunk the first step loads.
   */
  remaining?: [min: number, max: number] | null;
}

/** The fewest and the most checks a person will still be shown before a fix. */
export interface CheckRange {
  min: number;
  max: number;
}

export interface QuestionStep extends StepBase {
  kind: 'question';
  answers: Answer[];
}
export interface CheckStep extends StepBase {
  kind: 'check';
  do: Markdown;
  expect: Markdown;
  answers: Answer[];
}
export interface ChecklistStep extends StepBase {
  kind: 'checklist';
  do?: Markdown;
  items: ChecklistItem[];
  answers: Answer[];
}
export interface OutcomeStep extends StepBase {
  kind: 'outcome';
  result: OutcomeResult;
}

export type Step = QuestionStep | CheckStep | ChecklistStep | OutcomeStep;

/** A document a step or code traces to, as readers see it: its public title, linked where it has a public address. */
export interface Source {
  title: string;
  url?: string;
}

export interface Tree {
  id: TreeId;
  lang: Lang;
  platform: Platform;
  title: string;
  symptom: string;
  summary?: Markdown;
  start: StepId;
  steps: Record<string, Step>;
  /** Old step id → current step id (chains already resolved at build time). */
  redirects: Record<string, StepId>;
  sources: Record<string, Source>;
  /** The facts the tree reads, with their labels and (for a closed set) their values' labels. */
  facts: Partial<Record<FactKey, TreeFact>>;
}

/** A fact a tree reads: its name as the reader sees it and, for a closed set, each value's label. */
export interface TreeFact {
  label: string;
  /** Allowed values and their labels; absent for an open fact (a code, an HTTP status). */
  values?: Record<string, string>;
}

/** What the home page needs about a tree, without loading the tree. */
export interface TreeSummary {
  id: TreeId;
  platform: Platform;
  title: string;
  symptom: string;
  start: StepId;
  stepCount: number;
  /** The facts the tree reads (a hand-off links in with them only where the tree reads them). */
  facts: FactKey[];
}

/** True for a step that has answers (every kind but `outcome`). */
export function hasAnswers(step: Step): step is QuestionStep | CheckStep | ChecklistStep {
  return step.kind !== 'outcome';
}

/** One row of a platform's code table, in one language. */
export interface CodeEntry {
  platform: CodePlatform;
  code: string;
  group: string;
  title: string;
  meaning: Markdown;
  action: Markdown;
  retry: RetryAdvice;
  sources: Source[];
  /** `tree-id/step-id` of the step that handles it. */
  step?: string;
  /** The fact a guide reads it as, when not the code (TOP's sub_code families: `subCode`). */
  fact?: 'subCode';
  http?: number[];
  name?: string;
  message?: string;
  protocols?: string[];
  prompt?: string;
  ranges?: [number, number][];
  aliases?: string[];
  variants?: { match: string; message?: string; meaning: Markdown; action?: Markdown }[];
  /** Lower-case text in every language (code, names, title, meaning, message), for search. */
  search: string;
}

export interface CodeTable {
  platform: CodePlatform;
  title: string;
  summary?: Markdown;
  groups: Record<string, { title: string; body?: Markdown }>;
  codes: CodeEntry[];
}

/** Every code table, in one language; a lazy chunk of its own. */
export interface CodeIndex {
  lang: Lang;
  tables: CodeTable[];
}
