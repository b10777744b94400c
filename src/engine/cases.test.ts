import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCaseFile, writeCaseFile } from './case-file.ts';
import {
  prune,
  closeCase,
  deleteCase,
  emptyCases,
  isEmptyCase,
  knownFacts,
  lastPosition,
  newCase,
  setFact,
  setMark,
  setNote,
  setPosition,
  setTicket,
  type Case,
  type CaseId,
  type CasesData,
} from './cases.ts';
import { mergeCases } from './cases-merge.ts';
import { migrateV1 } from './cases-migrate.ts';
import { readCasesData } from './cases-storage.ts';

const A = 'caaaaaaaa' as CaseId;
const B = 'cbbbbbbbb' as CaseId;
const DAY = 86_400_000;
const data = (...cases: Case[]): CasesData => ({ ...emptyCases(), cases: Object.fromEntries(cases.map((c) => [c.id, c])) });

describe('a case', () => {
  it('keeps notes, marks, facts and positions per guide and step, and says when it holds nothing a person wrote', () => {
    let c = newCase(A, 1000);
    expect(isEmptyCase(c)).toBe(true);
    c = setPosition(c, { tree: 'mpaas-system-busy', step: 'symptom', trail: '', title: 'Symptom' }, 1100);
    expect(isEmptyCase(c)).toBe(true);
    c = setNote(c, 'mpaas-system-busy', 'symptom', 'customer on iOS 17', 1200);
    c = setMark(c, 'mpaas-system-busy', 'bundle-id', 'same-id', 'ok', 1300);
    c = setFact(c, 'code', '7014', 'log', 1400);
    c = setTicket(c, '  ZD-48213\n', 1500);
    expect(isEmptyCase(c)).toBe(false);
    expect(c.ticket).toBe('ZD-48213');
    expect(c.notes['mpaas-system-busy/symptom']).toEqual({ text: 'customer on iOS 17', at: 1200 });
    expect(c.ticks['mpaas-system-busy/bundle-id']).toEqual({ marks: { 'same-id': 'ok' }, at: 1300 });
    expect(knownFacts(c.facts)).toEqual({ code: '7014' });
    expect(lastPosition(c)?.step).toBe('symptom');
    expect(c.updatedAt).toBe(1500);
    // A cleared fact is kept, dated, and no longer known.
    expect(knownFacts(setFact(c, 'code', ' ', 'typed', 1600).facts)).toEqual({});
  });
});

describe('two tabs', () => {
  it('merges one case field by field, the newer change winning each', () => {
    const base = setNote(newCase(A, 1000), 't', 's1', 'first', 1000);
    const tab1 = setNote(setTicket(base, 'ZD-1', 2000), 't', 's1', 'edited in tab 1', 3000);
    const tab2 = setNote(setNote(base, 't', 's2', 'written in tab 2', 2500), 't', 's1', 'older edit in tab 2', 1500);
    const merged = mergeCases(data(tab1), data(tab2)).cases[A]!;
    expect(merged.ticket).toBe('ZD-1');
    expect(merged.notes).toEqual({ 't/s1': { text: 'edited in tab 1', at: 3000 }, 't/s2': { text: 'written in tab 2', at: 2500 } });
    expect(mergeCases(data(tab2), data(tab1)).cases[A]).toEqual(merged);
  });

  it('keeps cases only one tab has, and does not bring back a case the other tab deleted', () => {
    const a = newCase(A, 1000);
    const b = newCase(B, 1000);
    const here = data(a, b);
    const there = deleteCase(data(a, b), B, 2000);
    expect(Object.keys(mergeCases(here, there).cases)).toEqual([A]);
    // A case changed after it was deleted elsewhere is kept (the change is newer than the deletion).
    const later = data(a, setNote(b, 't', 's', 'still needed', 3000));
    expect(Object.keys(mergeCases(later, there).cases).sort()).toEqual([A, B]);
  });
});

describe('retention and bounds', () => {
  it('removes closed cases past the retention, keeps open ones and recent closed ones', () => {
    const now = 100 * DAY;
    const old = closeCase(setNote(newCase(A, 0), 't', 's', 'x', 0), now - 31 * DAY);
    const recent = closeCase(setNote(newCase(B, 0), 't', 's', 'x', 0), now - 2 * DAY);
    const open = setNote(newCase('ccccccccc' as CaseId, 0), 't', 's', 'x', 0);
    const kept = prune(data(old, recent, open), now);
    expect(Object.keys(kept.cases).sort()).toEqual([B, 'ccccccccc']);
    expect(kept.deleted[A]).toBe(now);
    expect(Object.keys(prune({ ...data(old, recent, open), retentionDays: 1 }, now).cases)).toEqual(['ccccccccc']);
  });
});

describe('reading what storage holds', () => {
  it('never lets a saved key reach an object prototype, whatever the data', () => {
    const hostile = JSON.parse(
      '{"cases":{"__proto__":{"polluted":1},"caaaaaaaa":{"id":"caaaaaaaa","createdAt":1,"notes":{"__proto__":{"children":"POLLUTED"},"t/s":{"text":"ok","at":1}},"ticks":{"t/__proto__":{"marks":{"__proto__":"ok"},"at":1}},"facts":{"__proto__":{"value":"x","source":"log","at":1}}}},"deleted":{"__proto__":5}}',
    );
    const report = { dropped: 0 };
    const d = readCasesData(hostile, report);
    expect(Object.keys(d.cases)).toEqual([A]);
    expect(d.cases[A]!.notes).toEqual({ 't/s': { text: 'ok', at: 1 } });
    expect(Object.getPrototypeOf(d.cases[A]!.notes)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).children).toBeUndefined();
    expect(report.dropped).toBeGreaterThanOrEqual(5);
  });

  it('reads any JSON value as well-formed cases (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const d = readCasesData(v, { dropped: 0 });
        for (const [id, c] of Object.entries(d.cases)) {
          expect(c.id).toBe(id);
          expect(typeof c.ticket).toBe('string');
          for (const n of Object.values(c.notes)) expect(typeof n.text).toBe('string');
        }
      }),
      { numRuns: 500 },
    );
    // And the same values wrapped where a case would be.
    fc.assert(
      fc.property(fc.jsonValue(), (v) => void readCasesData({ cases: { caaaaaaaa: v } }, { dropped: 0 })),
      { numRuns: 500 },
    );
  });
});

describe('the first version of saved data', () => {
  it('becomes one case, named as the caller says, with every note, mark and position', () => {
    const v1 = {
      ticks: { 'mpaas-system-busy': { 'bundle-id': { 'same-id': 'ok', bad: 'maybe' } } },
      recent: { 'mpaas-system-busy': { step: 'check-time', trail: 'a.b', title: 'Check the clock', at: 5000 } },
      notes: { 'mpaas-system-busy': { symptom: 'customer on iOS 17' }, __proto__: { x: 'y' } },
      findings: { 'mpaas-system-busy': [{ platform: 'mpaas', code: '7014', ids: ['mgw-traceid: 0a1d'] }] },
    };
    const c = migrateV1(v1, A, 9000, 'Before cases', { dropped: 0 })!;
    expect(c.ticket).toBe('Before cases');
    expect(c.notes).toEqual({ 'mpaas-system-busy/symptom': { text: 'customer on iOS 17', at: 9000 } });
    expect(c.ticks).toEqual({ 'mpaas-system-busy/bundle-id': { marks: { 'same-id': 'ok' }, at: 9000 } });
    expect(c.positions['mpaas-system-busy']).toMatchObject({ step: 'check-time', trail: 'a.b' });
    expect(c.findings).toHaveLength(1);
    expect(migrateV1({ ticks: {}, notes: {}, recent: {}, findings: {} }, A, 1, 'x', { dropped: 0 })).toBeUndefined();
  });
});

describe('a case file', () => {
  const c = setFact(
    setNote(setTicket(newCase(A, 1000), 'ZD-48213', 1000), 't', 's', 'password=hunter2, call 13812345678', 1100),
    'traceId',
    '0a1d7667159712140890222728553',
    'log',
    1200,
  );
  const mask = (s: string) => s.replace('hunter2', '[masked password]').replace('13812345678', '[masked phone]');

  it('round-trips a case, masked unless the person unticks that', () => {
    const masked = readCaseFile(writeCaseFile(c, new Date(2000), mask));
    expect(masked).toMatchObject({ ok: true, masked: true });
    expect(masked.ok && masked.case.notes['t/s']!.text).toBe('password=[masked password], call [masked phone]');
    expect(masked.ok && masked.case.facts.traceId?.value).toBe('0a1d7667159712140890222728553');
    const plain = readCaseFile(writeCaseFile(c, new Date(2000)));
    expect(plain.ok && plain.case).toEqual(c);
  });

  it('says in one word what is wrong with a file that is not one', () => {
    expect(readCaseFile('not json')).toEqual({ ok: false, error: 'not-json' });
    expect(readCaseFile('{"hello":1}')).toEqual({ ok: false, error: 'not-a-case-file' });
    expect(readCaseFile(JSON.stringify({ format: 'gateway-troubleshooter/case', version: 99, case: c }))).toEqual({ ok: false, error: 'newer-version' });
    expect(readCaseFile(JSON.stringify({ format: 'gateway-troubleshooter/case', version: 1, case: { id: '__proto__' } }))).toEqual({
      ok: false,
      error: 'damaged',
    });
    expect(readCaseFile('x'.repeat(3 * 1024 * 1024))).toEqual({ ok: false, error: 'too-big' });
  });
});
