/**
 * Analyzer throughput in Node, for `npm run bench`: reads the log file given
 * as the first argument, analyzes it `runs` times, prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { analyze } from '../src/engine/analyze/analyze.ts';

const [file = '', runsArg = '5'] = process.argv.slice(2);
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
