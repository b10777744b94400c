/// <reference lib="webworker" />
import { analyze } from '../../engine/analyze/analyze.ts';
import type { AnalyzeRequest, AnalyzeResponse } from './protocol.ts';

/**
 * Runs the analyzer off the main thread. A file is read here too, so a
 * 50 MB log never passes through the page's thread as one big string.
 */
self.onmessage = async (event: MessageEvent<AnalyzeRequest>) => {
  const req = event.data;
  const started = performance.now();
  let reply: AnalyzeResponse;
  try {
    const text = req.kind === 'file' ? await req.file.text() : req.text;
    const result = analyze(text);
    reply = { id: req.id, ok: true, result, ms: performance.now() - started };
  } catch (e) {
    reply = { id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(reply);
};
