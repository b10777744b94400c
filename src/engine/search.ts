import type { CodePlatform, Lang, Platform } from './model.ts';

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
  /** Codes a step handles (`7014`, `SignatureNonceUsed`). */
  codes?: string[];
  /** Lower-case text in every language: titles, symptoms, codes, messages. */
  text: string;
}

export interface SearchIndex {
  lang: Lang;
  entries: SearchEntry[];
}

/** Lower-cases and folds full-width characters, so `７０１４` finds `7014`. */
export function normalize(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

const KIND_ORDER: Record<SearchEntry['kind'], number> = { step: 0, code: 1, tree: 2 };

/**
 * Every entry whose text holds every word of the query (either language),
 * best first: an exact code, a code or title that starts with the query, a
 * title that contains it, then the rest; steps before codes before guides
 * when the score ties.
 */
export function searchAll(index: SearchIndex, query: string, limit = 12): SearchEntry[] {
  const q = normalize(query).trim();
  if (!q) return [];
  const words = q.split(/\s+/);
  const scored: { e: SearchEntry; score: number }[] = [];
  for (const e of index.entries) {
    if (!words.every((w) => e.text.includes(w))) continue;
    const title = normalize(e.title);
    const codes = [e.code, ...(e.codes ?? [])].filter((c): c is string => !!c).map(normalize);
    let score = 1;
    if (codes.includes(q)) score = 5;
    else if (codes.some((c) => c.startsWith(q))) score = 4;
    else if (title.startsWith(q)) score = 3;
    else if (title.includes(q)) score = 2;
    scored.push({ e, score });
  }
  scored.sort((a, b) => b.score - a.score || KIND_ORDER[a.e.kind] - KIND_ORDER[b.e.kind]);
  return scored.slice(0, limit).map((s) => s.e);
}
