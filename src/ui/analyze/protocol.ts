import type { AnalyzeResult } from '../../engine/analyze/analyze.ts';

export type AnalyzeRequest = { id: number; kind: 'text'; text: string } | { id: number; kind: 'file'; file: File };
export type AnalyzeResponse = { id: number; ok: true; result: AnalyzeResult; ms: number } | { id: number; ok: false; error: string };

/** The largest log file the page opens. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, (r: AnalyzeResponse) => void>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./analyze.worker.ts', import.meta.url), { type: 'module', name: 'analyzer' });
    worker.onmessage = (e: MessageEvent<AnalyzeResponse>) => {
      pending.get(e.data.id)?.(e.data);
      pending.delete(e.data.id);
    };
    worker.onerror = (e) => {
      for (const [id, resolve] of pending) resolve({ id, ok: false, error: e.message || 'the analyzer stopped' });
      pending.clear();
      worker?.terminate();
      worker = undefined;
    };
  }
  return worker;
}

/** Analyzes text or a file in the Web Worker. */
export function analyzeInWorker(input: { text: string } | { file: File }): Promise<AnalyzeResponse> {
  const id = nextId++;
  const req: AnalyzeRequest = 'file' in input ? { id, kind: 'file', file: input.file } : { id, kind: 'text', text: input.text };
  return new Promise((resolve) => {
    pending.set(id, resolve);
    getWorker().postMessage(req);
  });
}
