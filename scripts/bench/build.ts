// ─── Building ───────────────────────────────────────────────────────────────
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { APP_DIST, BASELINE_DIST, BenchError, BUILD_TIMEOUT_MS, ROOT, tail, type Options } from './shared.ts';

let activeChild: ChildProcess | undefined; // a running build, killed on Ctrl-C or by its timeout

/** Stops the running build, if any (Ctrl-C, the watchdog, clean-up). */
export function stopBuild(): void {
  if (activeChild) killGroup(activeChild);
}

/** Runs a command in the project root; its output is shown only if it fails. */
function runCommand(label: string, cmd: string, args: string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const started = Date.now();
    // Own process group (detached) so a timeout can stop npx *and* vite.
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' }; // plain text in error messages
    delete env.FORCE_COLOR; // (picocolors colours whenever FORCE_COLOR is set, even to 0)
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    activeChild = child;
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      killGroup(child);
      reject(new BenchError(`${label} did not finish within ${BUILD_TIMEOUT_MS / 1000} s:\n${tail(output)}`));
    }, BUILD_TIMEOUT_MS);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new BenchError(`${label}: could not run ${cmd}: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      activeChild = undefined;
      if (code === 0) {
        console.log(`${label}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        resolvePromise(output);
      } else {
        reject(new BenchError(`${label} failed (${signal ?? `exit ${code}`}):\n${tail(output)}`));
      }
    });
  });
}

function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    /* already gone */
  }
}

export async function build(options: Options): Promise<void> {
  if (options.build) {
    // npm run build: the Vite build plus the prerendered step pages (docs/decisions/0004).
    await runCommand('app build (npm run build)', 'npm', ['run', 'build']).catch((e: Error) => {
      e.message += '\n(If content/ is being edited right now, wait a minute and run again.)';
      throw e;
    });
  } else {
    console.log('app build: skipped (--no-build), measuring the existing dist/');
  }
  await runCommand('baseline build (npx vite build --config bench/baseline/vite.config.mjs)', 'npx', [
    'vite',
    'build',
    '--config',
    'bench/baseline/vite.config.mjs',
  ]);
  for (const dir of [APP_DIST, BASELINE_DIST]) {
    if (!existsSync(join(dir, 'index.html'))) {
      throw new BenchError(
        `${join(dir, 'index.html')} is missing${dir === APP_DIST && !options.build ? ': run without --no-build, or "npm run build" first' : ''}`,
      );
    }
  }
}
