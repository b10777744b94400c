import { describe, expect, it } from 'vitest';
import { sanitize } from './saved.ts';

describe('sanitize saved data', () => {
  it('keeps well-formed entries', () => {
    const data = { ticks: { t: { s: { a: 'ok', b: 'bad' } } }, recent: { t: { step: 's', trail: 'x', title: 'T', at: 1 } } };
    expect(sanitize(data)).toEqual(data);
  });

  it('drops anything malformed, whatever its shape', () => {
    for (const junk of [null, 5, 'str', [], { ticks: 5 }, { ticks: { t: [1] } }, { recent: { t: { step: 1 } } }]) {
      expect(sanitize(junk)).toEqual({ ticks: {}, recent: {} });
    }
    expect(sanitize({ ticks: { t: { s: { a: 'maybe', b: 'ok' } } } }).ticks).toEqual({ t: { s: { b: 'ok' } } });
  });
});
