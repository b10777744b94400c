import { fitsParts, partsOf } from './code-pattern.ts';
import type { CodeEntry, CodeIndex, CodePlatform } from './model.ts';

const partsCache = new Map<string, string[] | null>();
function patternFits(entryCode: string, code: string): boolean {
  let p = partsCache.get(entryCode);
  if (p === undefined) {
    p = partsOf(entryCode) ?? null;
    partsCache.set(entryCode, p);
  }
  return p !== null && fitsParts(p, code);
}

/** What the code matcher needs of a code-table row (a compiled entry, or a raw one in the validator). */
export interface MatchableCode {
  code: string;
  name?: string | undefined;
  aliases?: readonly string[] | undefined;
  ranges?: readonly (readonly [number, number])[] | undefined;
}

/** How a code fits a row, best first: its code as written, another spelling, a numeric range, a `{Placeholder}` pattern. */
export const MATCH_ORDER = ['exact', 'spelled', 'range', 'pattern'] as const;
export type CodeMatch = (typeof MATCH_ORDER)[number];

/**
 * How `code` fits one row of a code table, or undefined. The one code
 * matcher: the code pages, the analyzer's join and the content validator all
 * use it. A spelling is the code, the platform's name for it (the iOS
 * `kDTRpc…` name) or an alias, compared without case; a range holds numeric
 * codes (`4xx`); a placeholder stands for one name of letters, digits, `_` or `-`.
 */
export function matchCode(entry: MatchableCode, code: string): CodeMatch | undefined {
  if (entry.code === code) return 'exact';
  const lower = code.toLowerCase();
  if (entry.code.toLowerCase() === lower || entry.name?.toLowerCase() === lower || entry.aliases?.some((a) => a.toLowerCase() === lower)) return 'spelled';
  if (entry.ranges && /^\d{1,9}$/.test(code)) {
    const n = Number(code);
    if (entry.ranges.some(([lo, hi]) => n >= lo && n <= hi)) return 'range';
  }
  if (patternFits(entry.code, code)) return 'pattern';
  return undefined;
}

/**
 * The row of `entries` that `code` fits best (see matchCode): every row is
 * tried for an exact match before any is tried for a spelling, and so on; for
 * TOP sub-codes, the part before a `:` suffix (`isv.missing-parameter:image`
 * → `isv.missing-parameter`) is tried last.
 */
export function bestMatch<E extends MatchableCode>(entries: readonly E[], code: string): E | undefined {
  let best: E | undefined;
  let rank: number = MATCH_ORDER.length;
  for (const e of entries) {
    const m = matchCode(e, code);
    if (m === undefined) continue;
    const r = MATCH_ORDER.indexOf(m);
    if (r < rank) {
      best = e;
      rank = r;
      if (r === 0) break;
    }
  }
  if (best) return best;
  const colon = code.indexOf(':');
  return colon > 0 ? bestMatch(entries, code.slice(0, colon)) : undefined;
}

/** The entry of `platform`'s table for a code as a log or a URL writes it (see bestMatch). */
export function findCode(index: CodeIndex, platform: string, code: string): CodeEntry | undefined {
  const table = index.tables.find((t) => t.platform === platform);
  return table ? bestMatch(table.codes, code) : undefined;
}

/** The variant of an entry that fits a message (Easemob's `error_description`), if the entry has variants. */
export function findVariant(entry: CodeEntry, message: string | undefined): NonNullable<CodeEntry['variants']>[number] | undefined {
  if (!entry.variants || !message) return undefined;
  const lower = message.toLowerCase();
  return entry.variants.find((v) => lower.includes(v.match.toLowerCase()));
}

export interface CodeHit {
  entry: CodeEntry;
  /** Higher is better. */
  score: number;
}

/**
 * Code search as you type: every word of the query must appear in the
 * entry's text (either language); a code that starts with the query ranks first.
 */
export function searchCodes(index: CodeIndex, query: string, platform?: CodePlatform | ''): CodeEntry[] {
  const q = query.trim().toLowerCase();
  const all = index.tables.filter((t) => !platform || t.platform === platform).flatMap((t) => t.codes);
  if (!q) return all;
  const words = q.split(/\s+/);
  const hits: CodeHit[] = [];
  for (const entry of all) {
    if (!words.every((w) => entry.search.includes(w))) continue;
    const code = entry.code.toLowerCase();
    const score = code === q ? 4 : code.startsWith(q) ? 3 : entry.title.toLowerCase().includes(q) ? 2 : 1;
    hits.push({ entry, score });
  }
  return hits.sort((a, b) => b.score - a.score).map((h) => h.entry);
}

/** Codes near an unknown one, for a not-found page: same prefix first, then by edit distance. */
export function nearestCodes(index: CodeIndex, platform: string, code: string, max = 5): CodeEntry[] {
  const table = index.tables.find((t) => t.platform === platform);
  const pool = table ? table.codes : index.tables.flatMap((t) => t.codes);
  const c = code.toLowerCase();
  return pool
    .map((e) => ({ e, d: distance(c, e.code.toLowerCase()) - (e.code.toLowerCase().startsWith(c.slice(0, 3)) ? 2 : 0) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, max)
    .map((x) => x.e);
}

/** Levenshtein distance (also behind the content validator's did-you-mean hints). */
export function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}
