import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyze } from '../../engine/analyze/analyze.ts';
import {
  forgetAnalysis,
  KEEP_TEXT_MAX_CHARS,
  loadAnalysis,
  PART_CHARS,
  SAVED_ANALYSIS_KEY,
  SAVED_ANALYSIS_VERSION,
  saveAnalysis,
  sessionStore,
  type SavedAnalysis,
} from './saved-analysis.ts';

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
/** The record as kept, its parts joined. */
const stored = (storage: Storage) => {
  const { parts } = JSON.parse(storage.getItem(SAVED_ANALYSIS_KEY)!) as { parts: number };
  return Array.from({ length: parts }, (_, i) => storage.getItem(`${SAVED_ANALYSIS_KEY}:${i}`)).join('');
};
/** Saves without waiting between parts. */
const save = (storage: Storage | undefined, a: SavedAnalysis) => saveAnalysis(storage, a, async () => {});
const pasted = (text = TEXT): SavedAnalysis => ({ source: { kind: 'text' }, text, result: analyze(text), ms: 3.2 });

describe('saveAnalysis / loadAnalysis', () => {
  it('keeps the box’s text and its findings, and gives them back as they were', async () => {
    const storage = new MemoryStorage();
    const a = pasted();
    expect(a.result.findings.map((f) => f.code)).toEqual(['27']);
    expect(await save(storage, a)).toBe('all');
    expect(loadAnalysis(storage)).toEqual({ ...a, kept: 'all' });
  });

  it('keeps a file’s findings and the way it was decoded, never its text', async () => {
    const storage = new MemoryStorage();
    const a: SavedAnalysis = {
      source: { kind: 'file', name: 'app.log' },
      text: TEXT,
      result: analyze(TEXT),
      ms: 1,
      decoded: { encoding: 'gb18030', how: 'valid' },
    };
    expect(await save(storage, a)).toBe('all');
    expect(JSON.parse(stored(storage))).not.toHaveProperty('text');
    const { text: _text, ...withoutText } = a;
    expect(loadAnalysis(storage)).toEqual({ ...withoutText, kept: 'all' });
  });

  it('keeps the findings without the text when the text is over the limit', async () => {
    const storage = new MemoryStorage(50_000_000);
    const big = `${'x'.repeat(KEEP_TEXT_MAX_CHARS)}\n${TEXT}`;
    expect(await save(storage, pasted(big))).toBe('findings');
    const back = loadAnalysis(storage)!;
    expect(back.kept).toBe('findings');
    expect(back.text).toBeUndefined();
    expect(back.result.findings.map((f) => f.code)).toEqual(['27']);
    expect(stored(storage).length).toBeLessThan(10_000);
  });

  it('keeps the findings without the text when storage is too full for the text', async () => {
    const storage = new MemoryStorage(20_000);
    storage.setItem('troubleshooter:other', 'y'.repeat(10_000));
    expect(await save(storage, pasted(`${'z'.repeat(15_000)}\n${TEXT}`))).toBe('findings');
    expect(loadAnalysis(storage)).toMatchObject({ kept: 'findings', result: { findings: [{ code: '27' }] } });
    expect(storage.getItem('troubleshooter:other')).toHaveLength(10_000);
  });

  it('when nothing fits, keeps nothing, and the older analysis is gone too (Back never shows an older one)', async () => {
    const storage = new MemoryStorage(3_000);
    expect(await save(storage, pasted())).toBe('all');
    const many = Array.from({ length: 40 }, (_, i) => `{"error_response":{"code":${i + 1},"msg":"m${i}"}}`).join('\n');
    expect(await save(storage, pasted(many))).toBe('nothing');
    expect(loadAnalysis(storage)).toBeUndefined();
  });

  it('storage blocked or missing: nothing is kept, nothing throws', async () => {
    expect(await save(blocked, pasted())).toBe('nothing');
    expect(loadAnalysis(blocked)).toBeUndefined();
    expect(() => forgetAnalysis(blocked)).not.toThrow();
    expect(await save(undefined, pasted())).toBe('nothing');
    expect(loadAnalysis(undefined)).toBeUndefined();
  });

  it('writes a long record in parts of at most PART_CHARS, the head last, and reads it back whole', async () => {
    const storage = new MemoryStorage();
    const text = `${'log line with nothing in it, status=200\n'.repeat(5_000)}${TEXT}`;
    expect(await save(storage, pasted(text))).toBe('all');
    const head = JSON.parse(storage.getItem(SAVED_ANALYSIS_KEY)!);
    expect(head).toEqual({ v: SAVED_ANALYSIS_VERSION, parts: Math.ceil(stored(storage).length / PART_CHARS) });
    expect(head.parts).toBeGreaterThan(5);
    for (let i = 0; i < head.parts; i++) expect(storage.getItem(`${SAVED_ANALYSIS_KEY}:${i}`)!.length).toBeLessThanOrEqual(PART_CHARS);
    expect(loadAnalysis(storage)?.text).toBe(text);
    // A shorter one after it leaves none of the longer one's parts behind.
    await save(storage, pasted());
    expect([...storage.items.keys()]).toEqual([`${SAVED_ANALYSIS_KEY}:0`, SAVED_ANALYSIS_KEY]);
  });

  it('a write cut short by a full storage leaves no parts behind', async () => {
    const storage = new MemoryStorage(PART_CHARS * 3);
    expect(await save(storage, pasted(`${'y'.repeat(PART_CHARS * 4)}\n${TEXT}`))).toBe('findings');
    expect([...storage.items.keys()].sort()).toEqual([SAVED_ANALYSIS_KEY, `${SAVED_ANALYSIS_KEY}:0`].sort());
  });

  it('drops what it cannot read, or what an older page kept', async () => {
    const storage = new MemoryStorage();
    const a = pasted();
    const put = (head: string, ...parts: string[]) => {
      storage.clear();
      parts.forEach((p, i) => storage.setItem(`${SAVED_ANALYSIS_KEY}:${i}`, p));
      storage.setItem(SAVED_ANALYSIS_KEY, head);
    };
    const head = (parts = 1, v = SAVED_ANALYSIS_VERSION) => JSON.stringify({ v, parts });
    const cases: [string, () => void][] = [
      ['unreadable head', () => put('{not json', JSON.stringify(a))],
      ['older page', () => put(head(1, SAVED_ANALYSIS_VERSION - 1), JSON.stringify(a))],
      ['a part missing', () => put(head(2), JSON.stringify(a))],
      ['parts that do not join into JSON', () => put(head(1), JSON.stringify(a).slice(0, 40))],
      ['unknown source', () => put(head(), JSON.stringify({ ...a, source: { kind: 'url', href: 'x' } }))],
      [
        'a finding without its lines',
        () => put(head(), JSON.stringify({ ...a, result: { ...a.result, findings: [{ ...a.result.findings[0], evidence: 'x' }] } })),
      ],
      ['text that is not text', () => put(head(), JSON.stringify({ ...a, text: 42 }))],
      ['an array', () => put(head(), '[1,2]')],
    ];
    for (const [what, setUp] of cases) {
      setUp();
      expect(loadAnalysis(storage), what).toBeUndefined();
      expect(storage.length, what).toBe(0);
    }
  });

  it('writes one part per task, so the page runs between them', async () => {
    const storage = new MemoryStorage();
    const written: number[] = [];
    const text = `${'log line with nothing in it, status=200\n'.repeat(5_000)}${TEXT}`;
    await saveAnalysis(storage, pasted(text), async () => {
      written.push(storage.length);
    });
    // Before each part and before the head, the storage has one more item than at the pause before.
    expect(written).toEqual(Array.from({ length: written.length }, (_, i) => i));
    expect(written.length).toBe(JSON.parse(storage.getItem(SAVED_ANALYSIS_KEY)!).parts + 1);
  });

  it('a newer save, or Clear, stops one still being written: only the newer one is left, or nothing', async () => {
    const storage = new MemoryStorage();
    let release!: () => void;
    const gate = () => new Promise<void>((r) => (release = r));
    const long = `${'log line with nothing in it, status=200\n'.repeat(5_000)}${TEXT}`;
    const first = saveAnalysis(storage, pasted(long), gate);
    release();
    for (let i = 0; i < 10 && storage.length === 0; i++) await Promise.resolve();
    expect(storage.length).toBe(1); // the first part of the long one is written, the rest waits
    const second = save(storage, pasted());
    expect(await second).toBe('all');
    release();
    expect(await first).toBe('nothing');
    expect(loadAnalysis(storage)?.text).toBe(TEXT);
    expect(storage.length).toBe(2);

    const third = saveAnalysis(storage, pasted(long), gate);
    forgetAnalysis(storage);
    release();
    expect(await third).toBe('nothing');
    expect(storage.length).toBe(0);
  });

  it('forgetAnalysis drops it (Clear)', async () => {
    const storage = new MemoryStorage();
    await save(storage, pasted());
    forgetAnalysis(storage);
    expect(loadAnalysis(storage)).toBeUndefined();
  });
});

describe('sessionStore', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is this tab’s sessionStorage, never localStorage', async () => {
    const session = new MemoryStorage();
    vi.stubGlobal('window', { sessionStorage: session, localStorage: new MemoryStorage() });
    expect(sessionStore()).toBe(session);
  });

  it('is undefined where the browser blocks storage (reading the property throws)', async () => {
    vi.stubGlobal('window', {
      get sessionStorage(): Storage {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    expect(sessionStore()).toBeUndefined();
  });
});
