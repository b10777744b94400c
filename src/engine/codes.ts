import type { CodeEntry, CodeIndex, CodePlatform } from './model.ts';

/** `Invalid{ParameterName}.NotFound` → /^Invalid[A-Za-z0-9]+\.NotFound$/ (placeholders stand for one name). */
function patternOf(code: string): RegExp | undefined {
  if (!code.includes('{')) return undefined;
  const parts = code.split(/\{[A-Za-z]+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[A-Za-z0-9_-]+?')}$`);
}

const patterns = new WeakMap<CodeEntry, RegExp | null>();
function patternFor(e: CodeEntry): RegExp | undefined {
  let p = patterns.get(e);
  if (p === undefined) {
    p = patternOf(e.code) ?? null;
    patterns.set(e, p);
  }
  return p ?? undefined;
}

/**
 * The entry of `platform`'s table for a code as a log or a URL writes it.
 * Tries, in order: the exact code; any spelling (case, aliases, the iOS
 * `kDTRpc…` name); a numeric range (`4xx`); a `{Placeholder}` pattern
 * (`MissingAppKey` → `Missing{ParameterName}`); for TOP sub-codes, the part
 * before a `:` suffix (`isv.missing-parameter:image` → `isv.missing-parameter`).
 */
export function findCode(index: CodeIndex, platform: string, code: string): CodeEntry | undefined {
  const table = index.tables.find((t) => t.platform === platform);
  if (!table) return undefined;
  const exact = table.codes.find((e) => e.code === code);
  if (exact) return exact;
  const lower = code.toLowerCase();
  const spelled = table.codes.find((e) => e.code.toLowerCase() === lower || e.name?.toLowerCase() === lower || e.aliases?.some((a) => a.toLowerCase() === lower));
  if (spelled) return spelled;
  if (/^\d+$/.test(code)) {
    const n = Number(code);
    const ranged = table.codes.find((e) => e.ranges?.some(([lo, hi]) => n >= lo && n <= hi));
    if (ranged) return ranged;
  }
  const patterned = table.codes.find((e) => patternFor(e)?.test(code));
  if (patterned) return patterned;
  const colon = code.indexOf(':');
  if (colon > 0) return findCode(index, platform, code.slice(0, colon));
  return undefined;
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
