import type { CodePlatform, Lang, Platform } from './model.ts';
import { paths } from './paths.ts';

/** One thing the home search can find: a guide, a step or a code. */
export interface SearchEntry {
  kind: 'tree' | 'step' | 'code';
  /** What the result shows, in the index's language. */
  title: string;
  /** Where it lives: the guide's title, or the code's platform. */
  context: string;
  platform: Platform | CodePlatform;
  href: string;
  /** The code itself, for code results (shown in a chip). */
  code?: string;
  /**
   * Other exact spellings: for a step, the codes it handles (`7014`,
   * `SignatureNonceUsed`); for a code, its aliases and symbolic name.
   */
  codes?: string[];
  /** The position in `entries` of the step it leads to: for a code, the step that handles it; for a guide, its first step. */
  step?: number;
  /**
   * Lower-case text in every language besides `title` and `context`, one
   * piece a line: the other titles, symptoms, codes, messages, meanings and
   * search phrases.
   */
  text: string;
}

export interface SearchIndex {
  lang: Lang;
  entries: SearchEntry[];
}

/**
 * The index as the build ships it (`virtual:content/search/<lang>`, one lazy
 * chunk per language; src/content/compile-search.ts): entries grouped by
 * guide and by code table, so what they share is written once. `openIndex`
 * makes the entries.
 */
export interface SearchData {
  lang: Lang;
  guides: {
    id: string;
    platform: Platform;
    title: string;
    symptom: string;
    /** The first step's id. */
    start: string;
    text: string;
    /** [step id, title, text, the codes it handles]. */
    steps: ([string, string, string] | [string, string, string, string[]])[];
  }[];
  tables: {
    platform: CodePlatform;
    title: string;
    /** [code, title, text, the step that handles it (`tree-id/step-id`, or ''), other spellings (aliases, name)]. */
    codes: ([string, string, string] | [string, string, string, string] | [string, string, string, string, string[]])[];
  }[];
}

/** The entries of a shipped index: guides, their steps, codes, with their addresses and links. */
export function openIndex(data: SearchData): SearchIndex {
  const entries: SearchEntry[] = [];
  const stepAt = new Map<string, number>();
  for (const g of data.guides) {
    const guide: SearchEntry = { kind: 'tree', title: g.title, context: g.symptom, platform: g.platform, href: paths.tree.href(g.id), text: g.text };
    entries.push(guide);
    for (const [id, title, text, codes] of g.steps) {
      stepAt.set(`${g.id}/${id}`, entries.length);
      if (id === g.start) guide.step = entries.length;
      entries.push({ kind: 'step', title, context: g.title, platform: g.platform, href: paths.step.href(g.id, id), ...(codes ? { codes } : {}), text });
    }
  }
  for (const t of data.tables) {
    for (const [code, title, text, step, spellings] of t.codes) {
      const at = step ? stepAt.get(step) : undefined;
      entries.push({
        kind: 'code',
        title,
        context: t.title,
        platform: t.platform,
        href: paths.code.href(t.platform, code),
        code,
        ...(spellings ? { codes: spellings } : {}),
        ...(at !== undefined ? { step: at } : {}),
        text,
      });
    }
  }
  return { lang: data.lang, entries };
}

/** Lower-cases and folds full-width characters, so `７０１４` finds `7014`. */
export function normalize(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

// ─── Terms ──────────────────────────────────────────────────────────────────

/** A Chinese (Han) character. */
const HAN = /\p{Script=Han}/u;
/** A query's pieces: runs of Han characters, and Latin words (`isv.invalid-permission`, `app_key`, `7014` stay whole). */
const PIECES = /\p{Script=Han}+|[a-z0-9_]+(?:[.\-{}][a-z0-9_]+)*\}?/gu;

/**
 * English words that say nothing about the problem (`Your logon session has
 * timed out`): they count a tenth of a word, so a sentence a person types is
 * matched on its content words.
 */
const STOPWORDS = new Set(
  (
    'a an the is are was were be been being am has have had do does did of to in on at for with by from as or and ' +
    'my your our their his her its it this that these those i you we they me us them there here what which who when ' +
    'where why how please can could would should will shall may might must so but if then than into onto about after before via per'
  ).split(' '),
);

/** A term of a query: a Han bigram (or a lone character), or a Latin word or number. */
export interface Term {
  text: string;
  han: boolean;
  /** How much it counts before its rarity: less for a word like `the`, less for each bigram of a long Chinese run. */
  weight: number;
}

/**
 * The terms of a query. Chinese has no spaces, so a run of Han characters
 * becomes its overlapping character bigrams (`签名不匹配` → 签名, 名不, 不匹,
 * 匹配): a query and a text that share most bigrams say much the same thing,
 * whatever the word order or the words around them. A run of n characters
 * holds about n/2 words but n-1 bigrams, so each bigram of a long run counts
 * less: Latin words typed among Chinese (`Mock`, `token`, `APK`) keep their
 * due share. Latin words stay whole.
 */
export function queryTerms(q: string): Term[] {
  const out = new Map<string, Term>();
  const add = (text: string, han: boolean, weight: number) => {
    const had = out.get(text);
    if (!had || had.weight < weight) out.set(text, { text, han, weight });
  };
  for (const [piece] of normalize(q).matchAll(PIECES)) {
    if (HAN.test(piece)) {
      const chars = [...piece];
      if (chars.length === 1) add(piece, true, 0.5);
      const weight = Math.max(0.5, chars.length / 2 / (chars.length - 1));
      for (let i = 0; i + 1 < chars.length; i++) add(chars[i]! + chars[i + 1]!, true, weight);
    } else {
      add(piece, false, STOPWORDS.has(piece) ? 0.1 : 1);
    }
  }
  return [...out.values()];
}

// ─── Matching ───────────────────────────────────────────────────────────────

const isWordChar = (c: string | undefined) => c !== undefined && /[a-z0-9]/.test(c);
const isDigits = (s: string) => /^\d+$/.test(s);

/**
 * Whether `hay` holds the term: a Han bigram anywhere; a number as a whole
 * number (`40` is not in `401`); a short word (under 4 letters) at the start
 * of a word (`ip` in `ip-whitelist`, not in `zip`); a longer word anywhere,
 * so `does` is found in `signaturedoesnotmatch` and `stamp` in `timestamp`.
 */
export function holds(hay: string, term: string, han = false): boolean {
  if (han || (term.length >= 4 && !isDigits(term))) return hay.includes(term);
  const whole = isDigits(term);
  for (let i = hay.indexOf(term); i >= 0; i = hay.indexOf(term, i + 1)) {
    if (isWordChar(hay[i - 1])) continue;
    if (whole && isWordChar(hay[i + term.length])) continue;
    return true;
  }
  return false;
}

/** Whether two words are at most one typo apart: a letter added, dropped or changed, or two neighbours swapped. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // changed
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swapped
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1); // dropped or added
}

/** Words of five letters or more may carry one typo (`interupted`, `signatrue`, `authenticte`). */
const FUZZY_MIN = 5;

/** A piece of an entry a query may quote among other words: a title or message of four Chinese characters or more, or of two Latin words. */
function isQuotable(line: string): boolean {
  if (line.length > 60) return false;
  const han = line.match(/\p{Script=Han}/gu)?.length ?? 0;
  return han >= 4 || (han === 0 && line.length >= 8 && /[a-z] [a-z]/.test(line));
}

// ─── The prepared index ─────────────────────────────────────────────────────

interface Prepared {
  /** Per entry: its title, text and context, lower-case. */
  hay: string[];
  title: string[];
  /** Per entry: every exact spelling (the code, a step's codes, aliases), lower-case. */
  codes: string[][];
  /** Per entry: its short pieces (titles, messages, phrases). */
  quotes: string[][];
  /** Every Latin word of the index, for typo tolerance. */
  words: string[];
  /** Per platform: how many steps and codes it has. */
  sizes: Map<string, { steps: number; codes: number }>;
  /** Which entries hold a term, by term (a cache: a query typed letter by letter asks again and again). */
  found: Map<string, { at: Uint8Array; df: number }>;
}

const prepared = new WeakMap<SearchIndex, Prepared>();

function prepare(index: SearchIndex): Prepared {
  let p = prepared.get(index);
  if (p) return p;
  // A guide's symptom is as much its headline as its title (its card on the home page shows both).
  const title = index.entries.map((e) => normalize(e.kind === 'tree' ? `${e.title}\n${e.context}` : e.title));
  const own = index.entries.map((e, i) => `${title[i]}\n${e.text}`);
  const words = new Set<string>();
  for (const h of own) for (const [w] of h.matchAll(/[a-z]{4,}/g)) words.add(w);
  const sizes = new Map<string, { steps: number; codes: number }>();
  for (const e of index.entries) {
    const s = sizes.get(e.platform) ?? { steps: 0, codes: 0 };
    if (e.kind === 'step') s.steps++;
    if (e.kind === 'code') s.codes++;
    sizes.set(e.platform, s);
  }
  p = {
    // The context (the guide's or table's title) counts as the entry's own words: `淘宝`, `环信` or a guide's symptom find its steps.
    hay: index.entries.map((e, i) => `${own[i]}\n${normalize(e.context)}`),
    title,
    codes: index.entries.map((e) => [e.code, ...(e.codes ?? [])].filter((c): c is string => !!c).map(normalize)),
    quotes: own.map((h) => h.split('\n').filter(isQuotable)),
    words: [...words],
    sizes,
    found: new Map(),
  };
  prepared.set(index, p);
  return p;
}

function lookup(p: Prepared, term: string, han: boolean): { at: Uint8Array; df: number } {
  let f = p.found.get(term);
  if (!f) {
    const at = new Uint8Array(p.hay.length);
    let df = 0;
    p.hay.forEach((h, i) => {
      if (!holds(h, term, han)) return;
      at[i] = 1;
      df++;
    });
    f = { at, df };
    if (p.found.size > 2000) p.found.clear();
    p.found.set(term, f);
  }
  return f;
}

// ─── Ranking ────────────────────────────────────────────────────────────────

const KIND_ORDER: Record<SearchEntry['kind'], number> = { step: 0, code: 1, tree: 2 };

/** A term matched through a typo counts this much. */
const FUZZY_WEIGHT = 0.8;
/**
 * An entry is listed when it holds MIN_COVERAGE of what the query says
 * (weighted by rarity), or, when none holds that much, RELATIVE_COVERAGE of
 * what the best one holds; never less than MIN_HELD.
 */
const MIN_COVERAGE = 0.4;
const RELATIVE_COVERAGE = 0.7;
const MIN_HELD = 0.15;
/** Bonuses on top of the share held: its title holds the terms (times their share), it holds or quotes the query's wording, the query names its code or its platform. */
const TITLE_BONUS = 0.25;
const WORDING_BONUS = 0.3;
const CODE_BONUS = 0.5;
const PLATFORM_BONUS = 0.15;

/** One term of the query as the index sees it: the spellings that count for it (itself, or the words one typo away). */
interface Group {
  spellings: string[];
  han: boolean;
  /** Its weight: rarer terms say more. */
  w: number;
  /** Per entry: 1 when the entry holds it. */
  at: Uint8Array;
}

/** The groups a query term stands for in this index: itself, its parts (a compound not found whole), or the words one typo away. */
function groups(p: Prepared, t: Term): Group[] {
  const make = (spellings: string[], factor: number): Group[] => {
    const at = new Uint8Array(p.hay.length);
    let df = 0;
    for (const s of spellings) {
      lookup(p, s, t.han).at.forEach((v, i) => {
        if (!v || at[i]) return;
        at[i] = 1;
        df++;
      });
    }
    return df ? [{ spellings, han: t.han, w: factor * Math.log(1 + p.hay.length / df), at }] : [];
  };
  if (t.han || lookup(p, t.text, false).df > 0) return make([t.text], t.weight);
  // A compound (`client_interupted_error`, `isv.permission-ip-whitelist-limit`) not found whole: its parts, if most of them are found.
  const parts = [...new Set(t.text.split(/[._\-{}]+/).filter(Boolean))];
  if (parts.length > 1) {
    const found = parts.map((part) => groups(p, { text: part, han: false, weight: STOPWORDS.has(part) ? 0.1 : t.weight }));
    return found.filter((g) => g.length).length * 2 >= parts.length ? found.flat() : [];
  }
  if (t.text.length >= FUZZY_MIN && /^[a-z]+$/.test(t.text))
    return make(
      p.words.filter((w) => withinOneEdit(t.text, w)),
      t.weight * FUZZY_WEIGHT,
    );
  return [];
}

/**
 * The platforms a query names: a term held by a third of one platform's steps
 * and of its codes (their guide's and table's titles name it), and almost
 * only by them, is that platform's name (`淘宝`, `环信`, `easemob`). Rarity
 * alone would weigh it little, since every entry of the platform holds it,
 * yet a person who types it has said where the problem is.
 */
function namedPlatforms(index: SearchIndex, p: Prepared, terms: Group[]): Set<string> {
  const named = new Set<string>();
  for (const t of terms) {
    const on = new Map<string, { steps: number; codes: number }>();
    let held = 0;
    index.entries.forEach((e, i) => {
      if (!t.at[i] || e.kind === 'tree') return;
      held++;
      const c = on.get(e.platform) ?? { steps: 0, codes: 0 };
      c[e.kind === 'step' ? 'steps' : 'codes']++;
      on.set(e.platform, c);
    });
    for (const [platform, c] of on) {
      const size = p.sizes.get(platform)!;
      if (c.steps + c.codes >= 0.9 * held && c.steps >= size.steps / 3 && c.codes >= size.codes / 3) named.add(platform);
    }
  }
  return named;
}

/**
 * The entries a query is about, best first (at most `limit`).
 *
 * - The query is cut into terms (Latin words, Chinese bigrams: `queryTerms`);
 *   a term found nowhere in the index is left out, and a Latin word of five
 *   letters or more found nowhere stands for the index's words one typo away.
 * - Each term weighs by how rare it is in the index (a code or `公钥` more
 *   than `error` or `请求`); an entry scores the share of the query's weight
 *   it holds, and more when the terms are in its title, when it holds the
 *   whole query or the query quotes one of its titles or messages, when the
 *   query names one of its codes or its platform.
 * - An exact code comes first (the code's page, then the steps that handle
 *   it). Otherwise the query describes a problem: the step that handles a
 *   code it finds comes right above the code's page.
 * - A guide opens on its first step: the two are one result, the step.
 */
export function searchAll(index: SearchIndex, query: string, limit = 12): SearchEntry[] {
  return rank(index, query)
    .slice(0, limit)
    .map((r) => r.entry);
}

/** Every entry the query finds, best first, with its score (`tier` 3: the code itself, 2: a step that handles it). */
export function rank(index: SearchIndex, query: string): { entry: SearchEntry; tier: number; score: number }[] {
  const q = normalize(query).trim().replace(/\s+/g, ' ');
  if (!q) return [];
  const p = prepare(index);
  const n = index.entries.length;
  const terms = queryTerms(q).flatMap((t) => groups(p, t));
  const total = terms.reduce((s, t) => s + t.w, 0);

  // The share of the query's weight each entry holds (0-1), and the best share.
  const held = new Float64Array(n);
  let best = 0;
  for (let i = 0; i < n; i++) {
    let share = 0;
    for (const t of terms) if (t.at[i]) share += t.w / total;
    held[i] = share;
    best = Math.max(best, share);
  }
  const enough = Math.max(MIN_HELD, Math.min(MIN_COVERAGE, best * RELATIVE_COVERAGE));
  const named = namedPlatforms(index, p, terms);

  const scored = new Map<number, { i: number; tier: number; score: number }>();
  for (let i = 0; i < n; i++) {
    const e = index.entries[i]!;
    const codes = p.codes[i]!;
    const exact = codes.includes(q);
    if (!exact && (held[i] === 0 || held[i]! < enough)) continue;
    let score = held[i]!;
    for (const t of terms) if (t.at[i] && t.spellings.some((s) => holds(p.title[i]!, s, t.han))) score += (TITLE_BONUS * t.w) / total;
    if ((q.length >= 4 && p.hay[i]!.includes(q)) || p.quotes[i]!.some((line) => q.includes(line))) score += WORDING_BONUS;
    if (codes.some((c) => c !== q && (c.length >= 3 || !isDigits(c)) && holds(q, c))) score += CODE_BONUS;
    if (named.has(e.platform)) score += PLATFORM_BONUS;
    scored.set(i, { i, tier: exact ? (e.kind === 'code' ? 3 : 2) : 0, score });
  }

  // A guide's result becomes its first step's; the step that handles a code a describing query finds comes just above the code.
  const describes = ![...scored.values()].some((s) => s.tier === 3);
  for (const s of [...scored.values()]) {
    const e = index.entries[s.i]!;
    if (e.step === undefined || !index.entries[e.step] || (e.kind === 'code' && !describes)) continue;
    const score = e.kind === 'tree' ? s.score : s.score + 0.001;
    const step = scored.get(e.step);
    if (step) step.score = Math.max(step.score, score);
    else scored.set(e.step, { i: e.step, tier: 0, score });
    if (e.kind === 'tree') scored.delete(s.i);
  }

  return [...scored.values()]
    .sort((a, b) => b.tier - a.tier || b.score - a.score || KIND_ORDER[index.entries[a.i]!.kind] - KIND_ORDER[index.entries[b.i]!.kind] || a.i - b.i)
    .map((s) => ({ entry: index.entries[s.i]!, tier: s.tier, score: s.score }));
}
