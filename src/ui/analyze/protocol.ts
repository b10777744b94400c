import type { AnalyzeResult } from '../../engine/analyze/analyze.ts';
import type { DecodedLog } from '../../engine/analyze/decode.ts';

export type AnalyzeRequest = { kind: 'text'; text: string } | { kind: 'file'; file: File };
/** What the worker sends back: findings (and, for a file, how its bytes were decoded), or why it failed. */
export type WorkerReply = { ok: true; result: AnalyzeResult; ms: number; decoded?: Omit<DecodedLog, 'text'> } | { ok: false; error: string };
/** What the worker posts: `started` as soon as it has the request (the time budget counts from then), then its reply. */
export type WorkerMessage = { started: true } | WorkerReply;

/** Why an analysis did not finish: it ran past its time budget, a newer one replaced it, the person cleared it or left the page. */
export type StopReason = 'timeout' | 'replaced' | 'cleared' | 'left';
export type AnalyzeReply = WorkerReply | { ok: false; stopped: StopReason; afterMs: number };

/** The largest log file the page opens. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/**
 * How long an analysis may run before its worker is stopped: 5 s, plus half
 * a second per MB of input. Every recogniser is linear (a 10 MB log takes
 * about a second on a slow machine, handing it to the worker included), so
 * only a pathological input or a stuck worker reaches it.
 */
export function timeBudgetMs(bytes: number): number {
  return 5000 + Math.ceil(bytes / (1024 * 1024)) * 500;
}

interface Running {
  worker: Worker;
  started: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  finish: (reply: AnalyzeReply) => void;
}

let running: Running | undefined;

/**
 * Analyzes text or a file in a fresh Web Worker. Only one analysis runs at a
 * time: starting another, `stopAnalysis`, or the time budget terminates the
 * worker at once (a worker cannot be interrupted any other way, and a
 * terminated one frees its memory), and the stopped analysis resolves with
 * the reason.
 */
export function analyzeInWorker(input: { text: string } | { file: File }): Promise<AnalyzeReply> {
  stopAnalysis('replaced');
  const worker = new Worker(new URL('./analyze.worker.ts', import.meta.url), { type: 'module', name: 'analyzer' });
  const budget = timeBudgetMs('file' in input ? input.file.size : input.text.length);
  return new Promise((resolve) => {
    const mine: Running = {
      worker,
      started: performance.now(),
      timer: undefined,
      finish: (reply) => {
        clearTimeout(mine.timer);
        worker.terminate();
        if (running === mine) running = undefined;
        resolve(reply);
      },
    };
    running = mine;
    // Armed when the input is posted (a worker that never starts is stopped too), and again when it starts.
    const arm = () => {
      clearTimeout(mine.timer);
      mine.timer = setTimeout(() => mine.finish({ ok: false, stopped: 'timeout', afterMs: budget }), budget);
    };
    arm();
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      // The budget counts from when the worker has the input: handing over a large paste, or a
      // main thread busy drawing, must not eat into it.
      if ('started' in e.data) arm();
      else mine.finish(e.data);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      mine.finish({ ok: false, error: e.message || 'the analyzer stopped' });
    };
    const req: AnalyzeRequest = 'file' in input ? { kind: 'file', file: input.file } : { kind: 'text', text: input.text };
    worker.postMessage(req);
  });
}

function stop(r: Running, why: StopReason) {
  r.finish({ ok: false, stopped: why, afterMs: performance.now() - r.started });
}

/** Stops the running analysis, if any (Clear, leaving the page). */
export function stopAnalysis(why: StopReason): void {
  if (running) stop(running, why);
}
