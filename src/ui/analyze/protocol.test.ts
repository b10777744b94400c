import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { analyzeInWorker, stopAnalysis, timeBudgetMs } from './protocol.ts';

/** A Worker that never answers (an analysis stuck on a pathological input), recording what happens to it. */
class StuckWorker {
  static made: StuckWorker[] = [];
  terminated = false;
  posted: unknown[] = [];
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  constructor() {
    StuckWorker.made.push(this);
  }
  postMessage(data: unknown) {
    this.posted.push(data);
    // Like the real worker: it says it has the input before it starts reading.
    queueMicrotask(() => this.onmessage?.(new MessageEvent('message', { data: { started: true } })));
  }
  terminate() {
    this.terminated = true;
  }
}

describe('analyzeInWorker', () => {
  beforeEach(() => {
    StuckWorker.made = [];
    vi.useFakeTimers();
    vi.stubGlobal('Worker', StuckWorker);
  });
  afterEach(() => {
    stopAnalysis('left');
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('terminates a worker that runs past its time budget and says so', async () => {
    const reply = analyzeInWorker({ text: 'x'.repeat(1000) });
    await vi.advanceTimersByTimeAsync(timeBudgetMs(1000) + 1);
    await expect(reply).resolves.toEqual({ ok: false, stopped: 'timeout', afterMs: timeBudgetMs(1000) });
    expect(StuckWorker.made[0]!.terminated).toBe(true);
  });

  it('a new analysis terminates the one still running, which resolves as replaced', async () => {
    const first = analyzeInWorker({ text: 'big' });
    const second = analyzeInWorker({ text: 'small' });
    await expect(first).resolves.toMatchObject({ ok: false, stopped: 'replaced' });
    expect(StuckWorker.made[0]!.terminated).toBe(true);
    expect(StuckWorker.made[1]!.terminated).toBe(false);
    StuckWorker.made[1]!.onmessage!(new MessageEvent('message', { data: { ok: true, result: { findings: [], unclaimed: [], lines: 1, chars: 5 }, ms: 1 } }));
    await expect(second).resolves.toMatchObject({ ok: true });
    expect(StuckWorker.made[1]!.terminated).toBe(true);
  });

  it('Clear and leaving the page stop the running worker', async () => {
    const reply = analyzeInWorker({ text: 'x' });
    stopAnalysis('cleared');
    await expect(reply).resolves.toMatchObject({ ok: false, stopped: 'cleared' });
    expect(StuckWorker.made[0]!.terminated).toBe(true);
  });

  it('gives large inputs more time, within reason', () => {
    expect(timeBudgetMs(1)).toBe(5500);
    expect(timeBudgetMs(50 * 1024 * 1024)).toBe(30_000);
  });
});
