import { describe, expect, it } from 'vitest';
import { scoreAll, tally } from '../../test/corpus/score-analyzer.ts';

/**
 * The analyzer on what people really paste: every sample of the public
 * corpus (src/test/corpus/analyzer-pastes.*.jsonl, each with its source),
 * the held-aside third included. `npm run bench` prints the same figures per
 * platform and per format.
 */
const rows = scoreAll();
const pct = (ok: number, n: number) => (100 * ok) / n;

describe('analyzer on the public paste corpus', () => {
  it('has the samples it is meant to score', () => {
    // A guard against an empty or unread file making every figure below pass.
    expect(rows.filter((r) => r.set === 'dev').length).toBeGreaterThan(150);
    expect(rows.filter((r) => r.set === 'holdout').length).toBeGreaterThan(75);
    expect(rows.filter((r) => r.platform === null).length).toBeGreaterThanOrEqual(30);
  });

  it('claims no look-alike from another platform', () => {
    expect(rows.filter((r) => r.platform === null && !r.correct).map((r) => `${r.id}: ${r.got.join(', ')}`)).toEqual([]);
  });

  it('finds the expected platform and code in at least 95 % of all samples', () => {
    const ok = rows.filter((r) => r.correct).length;
    expect(
      pct(ok, rows.length),
      rows
        .filter((r) => !r.correct)
        .map((r) => r.id)
        .join(' '),
    ).toBeGreaterThanOrEqual(95);
  });

  it('finds at least 90 % per platform', () => {
    // The mPaaS tables (gateway, iOS, Android) are one platform for this figure, as each has few public samples.
    const per = tally(
      rows.filter((r) => r.platform !== null),
      (r) => (r.platform!.startsWith('mpaas') ? 'mpaas' : r.platform!),
    );
    expect(per.get('mpaas')?.n ?? 0).toBeGreaterThanOrEqual(20);
    const below = [...per].filter(([, t]) => pct(t.ok, t.n) < 90).map(([p, t]) => `${p}: ${t.ok}/${t.n}`);
    expect(below).toEqual([]);
  });

  it('has at least five samples of every kind of paste people were seen to paste', () => {
    // Real ones and ones built from a vendor's documented example (where fewer than five public ones were
    // found: README) together; the bench prints them apart.
    const kinds = tally(rows, (r) => r.format);
    const count = (k: string) => kinds.get(k)?.n ?? 0;
    expect(KINDS.filter((k) => count(k) < 5).map((k) => `${k}: ${count(k)}`)).toEqual([]);
  });

  it('marks every sample with where it was found and whether it is real or built from a vendor’s example', () => {
    const bad = rows.filter((r) => !/^https?:\/\/\S+$/.test(r.source) || (r.origin !== 'real' && r.origin !== 'vendor-doc-derived'));
    expect(bad.map((r) => r.id)).toEqual([]);
    // A derived sample says in its note what it was built from.
    expect(rows.filter((r) => r.origin === 'vendor-doc-derived' && !r.note).map((r) => r.id)).toEqual([]);
  });
});

/** The kinds of paste the analyzer is meant to read (its readers' notations and log forms). */
const KINDS = [
  'json',
  'partial-json',
  'xml',
  'node-inspect',
  'php-print_r',
  'php-var_dump',
  'python-repr',
  'devtools',
  'sdk-go',
  'sdk-java',
  'sdk-python',
  'sdk-dotnet',
  'sdk-tea',
  'error-center',
  'loose-kv',
  'digest-log',
  'nserror',
  'xcode-console',
  'prose',
  'terraform',
];
