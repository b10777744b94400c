import { describe, expect, it } from 'vitest';
import { MAX_NOTE_LENGTH, sanitize } from './saved.ts';

const none = { ticks: {}, recent: {}, notes: {}, findings: {} };

describe('sanitize saved data', () => {
  it('keeps well-formed entries', () => {
    const data = {
      ticks: { t: { s: { a: 'ok', b: 'bad' } } },
      recent: { t: { step: 's', trail: 'x', title: 'T', at: 1 } },
      notes: { t: { s: 'customer on iOS 17' } },
      findings: { t: [{ platform: 'mpaas', code: '7014', http: 200, title: 'Signature check failed', ids: ['mgw-traceid: 0b2f'] }] },
    };
    expect(sanitize(data)).toEqual(data);
  });

  it('drops anything malformed, whatever its shape', () => {
    for (const junk of [
      null,
      5,
      'str',
      [],
      { ticks: 5 },
      { ticks: { t: [1] } },
      { recent: { t: { step: 1 } } },
      { notes: { t: { s: 5 } } },
      { notes: { t: 'x' } },
      { findings: { t: [{ platform: 'mpaas' }] } },
      { findings: { t: 'x' } },
      { findings: { t: [{ platform: 'mpaas', code: '7014', ids: [1] }] } },
    ]) {
      expect(sanitize(junk)).toEqual(none);
    }
    expect(sanitize({ ticks: { t: { s: { a: 'maybe', b: 'ok' } } } }).ticks).toEqual({ t: { s: { b: 'ok' } } });
  });

  it('caps notes and drops unknown fields of a finding', () => {
    const long = 'x'.repeat(MAX_NOTE_LENGTH + 10);
    expect(sanitize({ notes: { t: { s: long } } }).notes.t!.s).toHaveLength(MAX_NOTE_LENGTH);
    expect(sanitize({ findings: { t: [{ platform: 'top', code: '25', ids: [], html: '<img onerror=x>', http: 'x' }] } }).findings).toEqual({ t: [{ platform: 'top', code: '25', ids: [] }] });
  });
});
