/**
 * `npm run typecheck`: `tsc -p` on each part (docs/architecture.md, "Type-checking
 * parts"), as many at once as the machine has cores, so five checks take about the
 * wall time one whole-repo check did. Each part's errors are printed under its name.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PARTS = ['browser', 'worker', 'node', 'test', 'e2e'];
const TSC = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));

function check(part: string): Promise<{ part: string; ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [TSC, '-p', `tsconfig.${part}.json`], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ part, ok: code === 0, output }));
  });
}

const queue = [...PARTS];
const failed: string[] = [];
async function worker(): Promise<void> {
  for (let part = queue.shift(); part; part = queue.shift()) {
    const result = await check(part);
    if (!result.ok) {
      failed.push(part);
      console.error(`\ntsconfig.${part}.json:\n${result.output.trimEnd()}`);
    }
  }
}
await Promise.all(Array.from({ length: Math.min(PARTS.length, availableParallelism()) }, worker));
if (failed.length) {
  console.error(`\ntypecheck: ${failed.join(', ')} failed`);
  process.exit(1);
}
console.log(`typecheck: ${PARTS.map((p) => `tsconfig.${p}.json`).join(', ')} pass`);
