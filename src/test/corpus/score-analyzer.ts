/**
 * Scores the analyzer on the paste corpus (analyzer-pastes.*.jsonl): shared
 * by the corpus test and `npm run bench`. Test code only.
 */
import { readFileSync } from 'node:fs';
import { analyze, type FindingPlatform } from '../../engine/analyze/analyze.ts';

export interface PasteSample {
  id: string;
  text: string;
  /** null: a look-alike from another platform, which must not be claimed. */
  platform: FindingPlatform | null;
  code: string | null;
  format: string;
  origin: 'real' | 'vendor-doc-derived';
  source: string;
  note?: string;
}

export interface Scored extends PasteSample {
  set: 'dev' | 'holdout';
  correct: boolean;
  /** What the analyzer reported, as `platform:code` (errors only). */
  got: string[];
}

const DIR = new URL('.', import.meta.url).pathname;

function loadCorpus(set: 'dev' | 'holdout'): PasteSample[] {
  return readFileSync(`${DIR}analyzer-pastes.${set}.jsonl`, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as PasteSample);
}

/**
 * A sample is correct when a finding has the expected platform and code (a
 * success finding counts only when success is what is expected, as in a
 * digest log of result code 1000); a look-alike is correct when no error is
 * reported at all.
 */
function score(sample: PasteSample, set: 'dev' | 'holdout'): Scored {
  const { findings } = analyze(sample.text);
  const errors = findings.filter((f) => !f.success);
  const got = errors.map((f) => `${f.platform}:${f.code}`);
  const correct =
    sample.platform === null
      ? errors.length === 0
      : findings.some((f) => f.platform === sample.platform && f.code === sample.code && (!f.success || sample.code === '1000'));
  return { ...sample, set, correct, got };
}

export function scoreAll(): Scored[] {
  return (['dev', 'holdout'] as const).flatMap((set) => loadCorpus(set).map((s) => score(s, set)));
}

/** Correct / total per value of `key`. */
export function tally(rows: Scored[], key: (r: Scored) => string): Map<string, { ok: number; n: number }> {
  const out = new Map<string, { ok: number; n: number }>();
  for (const r of rows) {
    const k = key(r);
    const t = out.get(k) ?? { ok: 0, n: 0 };
    t.n++;
    if (r.correct) t.ok++;
    out.set(k, t);
  }
  return new Map([...out].sort((a, b) => a[0].localeCompare(b[0])));
}
