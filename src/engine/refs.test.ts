import { describe, expect, it } from 'vitest';
import { formatCodeRef, parseCodeRef, parseStepRef } from './refs.ts';

describe('references between content items', () => {
  it('splits a code reference at its first colon, and writes it back', () => {
    expect(parseCodeRef('mpaas:7003')).toEqual({ platform: 'mpaas', code: '7003' });
    expect(parseCodeRef('top:isv.missing-parameter:image')).toEqual({ platform: 'top', code: 'isv.missing-parameter:image' });
    expect(formatCodeRef(parseCodeRef('mpaas-ios:7014'))).toBe('mpaas-ios:7014');
  });
  it('splits a step reference into its tree and step', () => {
    expect(parseStepRef('mpaas-system-busy/symptom')).toEqual({ tree: 'mpaas-system-busy', step: 'symptom' });
    expect(parseStepRef('only-a-tree')).toEqual({ tree: 'only-a-tree', step: '' });
  });
});
