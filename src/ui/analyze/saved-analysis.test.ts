import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyze } from '../../engine/analyze/analyze.ts';
import { forgetAnalysis, KEEP_TEXT_MAX_CHARS, loadAnalysis, SAVED_ANALYSIS_KEY, SAVED_ANALYSIS_VERSION, saveAnalysis, sessionStore, type SavedAnalysis } from './saved-analysis.ts';

/** A Storage that holds up to `quota` characters of keys and values, and throws as browsers do past it. */
class MemoryStorage implements Storage {
  items = new Map<string, string>();
  constructor(private quota = 5_000_000) {}
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    let used = k.length + v.length;
    for (const [key, value] of this.items) if (key !== k) used += key.length + value.length;
    if (used > this.quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(k, v);
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
  clear() {
    this.items.clear();
  }
}

/** A Storage the browser blocks: every call throws. */
const blocked = new Proxy({} as Storage, {
  get() {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
});

const TEXT = 'noise\n{"error_response":{"code":27,"msg":"Invalid session","sub_code":"invalid-sessionkey","request_id":"zt2r9i5yxbe2"}}\n';
const pasted = (text = TEXT): SavedAnalysis => ({ source: { kind: 'text' }, text, result: analyze(text), ms: 3.2 });

describe('saveAnalysis / loadAnalysis', () => {
  it('keeps the box’s text and its findings, and gives them back as they were', () => {
    const storage = new MemoryStorage();
    const a = pasted();
    expect(a.result.findings.map((f) => f.code)).toEqual(['27']);
    expect(saveAnalysis(storage, a)).toBe('all');
    expect(loadAnalysis(storage)).toEqual({ ...a, kept: 'all' });
  });

  it('keeps a file’s findings and the way it was decoded, never its text', () => {
    const storage = new MemoryStorage();
    const a: SavedAnalysis = { source: { kind: 'file', name: 'app.log' }, text: TEXT, result: analyze(TEXT), ms: 1, decoded: { encoding: 'gb18030', how: 'valid' } };
    expect(saveAnalysis(storage, a)).toBe('all');
    expect(JSON.parse(storage.getItem(SAVED_ANALYSIS_KEY)!)).not.toHaveProperty('text');
    const { text: _text, ...withoutText } = a;
    expect(loadAnalysis(storage)).toEqual({ ...withoutText, kept: 'all' });
  });

  it('keeps the findings without the text when the text is over the limit', () => {
    const storage = new MemoryStorage(50_000_000);
    const big = `${'x'.repeat(KEEP_TEXT_MAX_CHARS)}\n${TEXT}`;
    expect(saveAnalysis(storage, pasted(big))).toBe('findings');
    const back = loadAnalysis(storage)!;
    expect(back.kept).toBe('findings');
    expect(back.text).toBeUndefined();
    expect(back.result.findings.map((f) => f.code)).toEqual(['27']);
    expect(storage.getItem(SAVED_ANALYSIS_KEY)!.length).toBeLessThan(10_000);
  });

  it('keeps the findings without the text when storage is too full for the text', () => {
    const storage = new MemoryStorage(20_000);
    storage.setItem('troubleshooter:other', 'y'.repeat(10_000));
    expect(saveAnalysis(storage, pasted(`${'z'.repeat(15_000)}\n${TEXT}`))).toBe('findings');
    expect(loadAnalysis(storage)).toMatchObject({ kept: 'findings', result: { findings: [{ code: '27' }] } });
    expect(storage.getItem('troubleshooter:other')).toHaveLength(10_000);
  });

  it('when nothing fits, keeps nothing, and the older analysis is gone too (Back never shows an older one)', () => {
    const storage = new MemoryStorage(3_000);
    expect(saveAnalysis(storage, pasted())).toBe('all');
    const many = Array.from({ length: 40 }, (_, i) => `{"error_response":{"code":${i + 1},"msg":"m${i}"}}`).join('\n');
    expect(saveAnalysis(storage, pasted(many))).toBe('nothing');
    expect(loadAnalysis(storage)).toBeUndefined();
  });

  it('storage blocked or missing: nothing is kept, nothing throws', () => {
    expect(saveAnalysis(blocked, pasted())).toBe('nothing');
    expect(loadAnalysis(blocked)).toBeUndefined();
    expect(() => forgetAnalysis(blocked)).not.toThrow();
    expect(saveAnalysis(undefined, pasted())).toBe('nothing');
    expect(loadAnalysis(undefined)).toBeUndefined();
  });

  it('drops what it cannot read, or what an older page kept', () => {
    const storage = new MemoryStorage();
    const a = pasted();
    const bad: unknown[] = [
      '{not json',
      JSON.stringify({ v: SAVED_ANALYSIS_VERSION - 1, ...a }),
      JSON.stringify({ v: SAVED_ANALYSIS_VERSION, ...a, source: { kind: 'url', href: 'x' } }),
      JSON.stringify({ v: SAVED_ANALYSIS_VERSION, ...a, result: { ...a.result, findings: [{ ...a.result.findings[0], evidence: 'x' }] } }),
      JSON.stringify({ v: SAVED_ANALYSIS_VERSION, ...a, text: 42 }),
      JSON.stringify([1, 2]),
    ];
    for (const raw of bad) {
      storage.setItem(SAVED_ANALYSIS_KEY, raw as string);
      expect(loadAnalysis(storage), String(raw).slice(0, 60)).toBeUndefined();
      expect(storage.getItem(SAVED_ANALYSIS_KEY)).toBeNull();
    }
  });

  it('forgetAnalysis drops it (Clear)', () => {
    const storage = new MemoryStorage();
    saveAnalysis(storage, pasted());
    forgetAnalysis(storage);
    expect(loadAnalysis(storage)).toBeUndefined();
  });
});

describe('sessionStore', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is this tab’s sessionStorage, never localStorage', () => {
    const session = new MemoryStorage();
    vi.stubGlobal('window', { sessionStorage: session, localStorage: new MemoryStorage() });
    expect(sessionStore()).toBe(session);
  });

  it('is undefined where the browser blocks storage (reading the property throws)', () => {
    vi.stubGlobal('window', {
      get sessionStorage(): Storage {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    expect(sessionStore()).toBeUndefined();
  });
});
