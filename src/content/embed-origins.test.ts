import { describe, expect, it } from 'vitest';
import { embedOrigins } from './embed-origins.ts';
import { frameAncestors } from './csp.ts';

describe('embedOrigins', () => {
  it('is empty by default', () => {
    expect(embedOrigins(undefined)).toEqual([]);
    expect(embedOrigins('  ')).toEqual([]);
  });

  it('reads origins separated by commas or spaces, once each, without a trailing slash', () => {
    expect(embedOrigins('https://desk.example.com, http://127.0.0.1:4394 https://desk.example.com/')).toEqual(['https://desk.example.com', 'http://127.0.0.1:4394']);
  });

  it('refuses anything that is not exactly an origin', () => {
    for (const bad of ['desk.example.com', 'https://desk.example.com/sidebar', 'https://*.example.com', 'ftp://desk.example.com', 'https://u:p@desk.example.com', "https://a.com'"]) {
      expect(() => embedOrigins(bad), bad).toThrow(/EMBED_ORIGINS/);
    }
  });
});

describe('frameAncestors', () => {
  it("is 'none' unless origins are allowed", () => {
    expect(frameAncestors([])).toBe("frame-ancestors 'none'");
    expect(frameAncestors(['https://a.example', 'https://b.example:8443'])).toBe('frame-ancestors https://a.example https://b.example:8443');
  });
});
