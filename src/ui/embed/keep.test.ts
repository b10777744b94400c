import { describe, expect, it } from 'vitest';
import { keepEmbedded, withEmbed } from './keep.ts';

describe('withEmbed', () => {
  it('adds embed=1 to the query, before a hash, once', () => {
    expect(withEmbed('/t/a/b')).toBe('/t/a/b?embed=1');
    expect(withEmbed('/t/a/b?trail=x.y')).toBe('/t/a/b?trail=x.y&embed=1');
    expect(withEmbed('/codes?q=7003#list')).toBe('/codes?q=7003&embed=1#list');
    expect(withEmbed('/t/a/b?embed=1&trail=x')).toBe('/t/a/b?embed=1&trail=x');
    expect(withEmbed('/t/a?notembed=1')).toBe('/t/a?notembed=1&embed=1');
    expect(withEmbed({ pathname: '/t/a', search: '?trail=x' })).toEqual({ pathname: '/t/a', search: '?trail=x&embed=1' });
    expect(withEmbed({ pathname: '/t/a' })).toEqual({ pathname: '/t/a', search: '?embed=1' });
  });
});

describe('keepEmbedded', () => {
  it('adds the flag to every navigation but history steps', async () => {
    const calls: unknown[][] = [];
    const router = { navigate: (to: unknown, opts?: unknown) => (calls.push([to, opts]), Promise.resolve()) };
    keepEmbedded(router as never);
    await router.navigate('/t/a/b', { replace: true });
    await router.navigate(-1);
    expect(calls).toEqual([
      ['/t/a/b?embed=1', { replace: true }],
      [-1, undefined],
    ]);
  });
});
