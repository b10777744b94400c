import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileSearchIndex } from '../content/compile-search.ts';
import { formatError } from '../content/errors.ts';
import { loadContent } from '../content/load.ts';
import { CODE_PLATFORMS, type Lang } from './model.ts';
import { openIndex, searchAll, type SearchIndex } from './search.ts';

/**
 * The home search measured on what people type: queries gathered from public
 * issue threads, Q&A pages, SDK messages and vendor pages
 * (src/test/corpus/README.md), each with the steps or code pages a person
 * would want. A query is a hit when any of them is among the first three
 * results. Target: 95 % over the whole set.
 *
 * Each query runs against the index of its language, built from content/ as
 * the build builds it (src/content/vite-plugin.ts: trees in the platforms'
 * order, then by id; code tables in file order) and opened as the browser
 * opens it (`openIndex`). A `mixed` query (Chinese and
 * Latin words, e.g. `一直SignatureDoesNotMatch`) runs against the Chinese
 * index: whoever types Chinese reads the app in Chinese. Every index holds the
 * texts of both languages, so only titles (and ties) differ between them; the
 * English index's figure for the mixed queries is printed as well.
 */

interface Query {
  q: string;
  lang: 'en' | 'zh' | 'mixed';
  expect: string[];
  source: string;
  note?: string;
}

const queries: Query[] = readFileSync(new URL('../test/corpus/search-queries.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Query);

const content = loadContent(process.cwd());
const rank = (platform: string) => (CODE_PLATFORMS as readonly string[]).indexOf(platform);
const trees = content.trees.map((t) => t.tree!).sort((a, b) => rank(a.platform) - rank(b.platform) || a.id.localeCompare(b.id));
const tables = content.codes.map((c) => c.table!);
const indexes: Record<Lang, SearchIndex> = {
  en: openIndex(compileSearchIndex(trees, tables, 'en')),
  zh: openIndex(compileSearchIndex(trees, tables, 'zh')),
};
const indexFor = (q: Query): SearchIndex => indexes[q.lang === 'en' ? 'en' : 'zh'];

/** Hrefs are URL-encoded (`/codes/easemob/Request%20Entity%20Too%20Large`); the corpus writes them plainly. */
const plain = (href: string) => decodeURIComponent(href);
const TOP = 3;
const TARGET = 0.95;

function run(q: Query, index = indexFor(q)) {
  const got = searchAll(index, q.q).map((e) => plain(e.href));
  const hit = got.slice(0, TOP).some((h) => q.expect.includes(h));
  return { q, got, hit };
}

const pct = (n: number, of: number) => `${((100 * n) / Math.max(of, 1)).toFixed(1)} % (${n}/${of})`;

describe('home search on the query corpus', () => {
  it('content/ loads without a problem', () => {
    expect(content.errors.map(formatError)).toEqual([]);
  });

  it('is big enough to mean something, in both languages, and every expected address exists', () => {
    expect(queries.length).toBeGreaterThanOrEqual(150);
    for (const lang of ['en', 'zh', 'mixed'] as const) expect(queries.filter((q) => q.lang === lang).length, lang).toBeGreaterThanOrEqual(30);
    const known = new Set(indexes.en.entries.map((e) => plain(e.href)));
    const unknown = queries.flatMap((q) => q.expect.filter((h) => !known.has(h)).map((h) => `${JSON.stringify(q.q)} expects ${h}`));
    expect(unknown).toEqual([]);
    for (const q of queries) expect(q.source, q.q).toMatch(/^https?:\/\//);
  });

  it(`puts an expected step or code in the top ${TOP} for at least ${TARGET * 100} % of the queries`, () => {
    const results = queries.map((q) => run(q));
    const by = (lang: Query['lang']) => results.filter((r) => r.q.lang === lang);
    const hits = (rs: typeof results) => rs.filter((r) => r.hit).length;
    const mixedEn = by('mixed').map((r) => run(r.q, indexes.en));
    const lines = [
      `top-${TOP}: ${pct(hits(results), results.length)}`,
      `  en ${pct(hits(by('en')), by('en').length)}, zh ${pct(hits(by('zh')), by('zh').length)}, mixed ${pct(hits(by('mixed')), by('mixed').length)} (mixed on the English index: ${pct(hits(mixedEn), mixedEn.length)})`,
    ];
    const misses = results
      .filter((r) => !r.hit)
      .map((r) => `  miss [${r.q.lang}] ${JSON.stringify(r.q.q)} → ${r.got.slice(0, TOP).join(', ') || '(nothing)'}; expected ${r.q.expect.join(' | ')}`);
    console.log(lines.join('\n'));
    expect(hits(results) / results.length, [...lines, ...misses].join('\n')).toBeGreaterThanOrEqual(TARGET);
  });
});
