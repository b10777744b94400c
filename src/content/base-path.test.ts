import { describe, expect, it } from 'vitest';
import { basePath, nginxDir, outDir } from './base-path.ts';

describe('basePath', () => {
  it('is the site root by default', () => {
    expect(basePath(undefined)).toBe('/');
    expect(basePath('')).toBe('/');
    expect(basePath('/')).toBe('/');
  });
  it('gets a slash at both ends', () => {
    expect(basePath('/troubleshooter/')).toBe('/troubleshooter/');
    expect(basePath('troubleshooter')).toBe('/troubleshooter/');
    expect(basePath('/help/troubleshooter')).toBe('/help/troubleshooter/');
  });
  it('refuses what would need escaping in HTML, a worker or a server configuration', () => {
    for (const bad of ['/a b/', '/a"b/', '/a;b/', '/a/../b/', '/a//b/', 'https://example.com/', '/a?b/', '/$x/', '/a{1}/']) {
      expect(() => basePath(bad), bad).toThrow(/BASE_PATH/);
    }
  });
});

describe('outDir and nginxDir', () => {
  it('default to dist and dist-nginx', () => {
    expect(outDir(undefined)).toBe('dist');
    expect(nginxDir('dist')).toBe('dist-nginx');
    expect(nginxDir('.e2e/sub/')).toBe('.e2e/sub-nginx');
  });
});
