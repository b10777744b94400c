/**
 * Analyzer figures in Node, for `npm run bench`. Prints one JSON line.
 *
 *   tsx scripts/bench/analyzer-cli.ts <log file> [runs]
 *     throughput: analyzes the file `runs` times after a warm-up.
 *   tsx scripts/bench/analyzer-cli.ts --corpus
 *     accuracy: the paste corpus (src/test/corpus/analyzer-pastes.*.jsonl)
 *     scored per set (dev, holdout), platform, format and origin.
 *   tsx scripts/bench/analyzer-cli.ts --adversarial
 *     growth: for each input built to make a recogniser rescan, the time at
 *     256 K and at 1 M characters (best of 3). Linear work grows ×4; a
 *     quadratic path would grow ×16.
 */
import { readFileSync } from 'node:fs';
import { ADVERSARIAL_INPUTS, repeatTo } from '../../src/test/adversarial.ts';
import { analyze } from '../../src/engine/analyze/analyze.ts';
import { scoreAll, tally, type Scored } from '../../src/test/corpus/score-analyzer.ts';

function timeOf(text: string): number {
  const t = performance.now();
  analyze(text);
  return performance.now() - t;
}

const bestOf = (n: number, text: string) => Math.min(...Array.from({ length: n }, () => timeOf(text)));

const args = process.argv.slice(2);
if (args[0] === '--corpus') {
  const rows = scoreAll();
  const table = (pick: (r: Scored) => string, of: Scored[]) => [...tally(of, pick)].map(([key, t]) => ({ key, ok: t.ok, n: t.n }));
  const out: Record<string, unknown> = {};
  for (const set of ['dev', 'holdout'] as const) {
    const of = rows.filter((r) => r.set === set);
    out[set] = {
      all: table(() => 'all', of)[0],
      byOrigin: table((r) => r.origin, of),
      byPlatform: table((r) => r.platform ?? 'look-alike', of),
      byFormat: table((r) => r.format, of),
      byPlatformAndOrigin: table((r) => `${r.platform ?? 'look-alike'} / ${r.origin}`, of),
    };
  }
  out.all = table(() => 'all', rows)[0];
  console.log(JSON.stringify(out));
} else if (args[0] === '--adversarial') {
  const SMALL = 256 * 1024;
  const LARGE = 1024 * 1024;
  analyze(repeatTo('warm-up {"Code":"x"} ', SMALL));
  const rows = ADVERSARIAL_INPUTS.map(({ label, build }) => ({ label, chars: [SMALL, LARGE], ms: [bestOf(3, build(SMALL)), bestOf(3, build(LARGE))] }));
  console.log(JSON.stringify({ rows }));
} else {
  const [file = '', runsArg = '5'] = args;
  const text = readFileSync(file, 'utf8');
  const runs = Number(runsArg);
  const times: number[] = [];
  let findings = 0;
  let hits = 0;
  analyze(text); // warm-up
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const result = analyze(text);
    times.push(performance.now() - t);
    findings = result.findings.length;
    hits = result.findings.reduce((n, f) => n + f.count, 0);
  }
  console.log(JSON.stringify({ bytes: Buffer.byteLength(text), times, findings, hits }));
}
