/// <reference lib="webworker" />
import { analyze } from '../../engine/analyze/analyze.ts';
import { decodeLog } from '../../engine/analyze/decode.ts';
import type { AnalyzeRequest, WorkerMessage, WorkerReply } from './protocol.ts';

/**
 * Runs the analyzer off the main thread, one request per worker (the page
 * terminates the worker to stop it). A file is read and decoded here too, so
 * a 50 MB log never passes through the page's thread as one big string.
 */
self.onmessage = async (event: MessageEvent<AnalyzeRequest>) => {
  const req = event.data;
  const post = (m: WorkerMessage) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);
  post({ started: true });
  const started = performance.now();
  let reply: WorkerReply;
  try {
    if (req.kind === 'file') {
      const { text, ...decoded } = decodeLog(new Uint8Array(await req.file.arrayBuffer()));
      reply = { ok: true, result: analyze(text), ms: performance.now() - started, decoded };
    } else {
      reply = { ok: true, result: analyze(req.text), ms: performance.now() - started };
    }
  } catch (e) {
    reply = { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  post(reply);
};
