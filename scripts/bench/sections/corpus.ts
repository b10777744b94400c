// ─── The analyzer on what people paste: the public corpus ───────────────────
import { tsxJson, type SectionResult } from '../shared.ts';

/** Issue 11's targets: 95 % of the whole corpus; 90 % per platform is the unit test's (src/engine/analyze/corpus.test.ts). */
const CORPUS_TARGET_PCT = 95;

interface Tally {
  key: string;
  ok: number;
  n: number;
}
interface SetScore {
  all: Tally;
  byOrigin: Tally[];
  byPlatform: Tally[];
  byFormat: Tally[];
  byPlatformAndOrigin: Tally[];
}
/** What `scripts/bench/analyzer-cli.ts --corpus` prints. */
interface CorpusScore {
  dev: SetScore;
  holdout: SetScore;
  all: Tally;
}

/**
 * Scores the analyzer on the public paste corpus (src/test/corpus/analyzer-pastes.*.jsonl,
 * scripts/bench/analyzer-cli.ts --corpus): the held-aside third apart from the rest, real samples
 * apart from those built from vendors' documented examples, per platform and per format.
 */
export async function analyzerCorpusSection(): Promise<SectionResult> {
  const out = tsxJson<CorpusScore>('analyzer-cli.ts', ['--corpus'], 120_000);
  const pct = (t: Tally) => (100 * t.ok) / t.n;
  const cell = (t: Tally) => `${t.ok}/${t.n} ${pct(t).toFixed(1).padStart(5)} %`;
  const lines = (title: string, rows: Tally[]) => [`  ${title}:`, ...rows.map((r) => `    ${r.key.padEnd(34)} ${cell(r)}`)];
  const details = [
    'Analyzer on the public paste corpus (a sample is correct when a finding has the expected platform and code; a look-alike when nothing is claimed):',
  ];
  for (const set of ['dev', 'holdout'] as const) {
    const s = out[set];
    details.push(`${set === 'dev' ? 'Dev set (read while the readers were written)' : 'Holdout (the third kept aside)'}: ${cell(s.all)}`);
    details.push(
      ...lines('by origin', s.byOrigin),
      ...lines('by platform', s.byPlatform),
      ...lines('by platform and origin', s.byPlatformAndOrigin),
      ...lines('by format', s.byFormat),
    );
  }
  const fmtPct = (v: number) => `${v.toFixed(1)} %`;
  return {
    rows: [
      { label: 'Corpus correct (all)', app: pct(out.all), format: fmtPct, target: { min: CORPUS_TARGET_PCT } },
      { label: 'Corpus correct (dev)', app: pct(out.dev.all), format: fmtPct },
      { label: 'Corpus correct (holdout)', app: pct(out.holdout.all), format: fmtPct },
    ],
    details,
  };
}
