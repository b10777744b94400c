import { describe, expect, it } from 'vitest';
import { BASE, paths, routePath, sitePath, siteUrl } from './paths.ts';

describe('paths under a base path', () => {
  it('is the site root outside a Vite build', () => {
    expect(BASE).toBe('/');
    expect(sitePath(paths.step.href('t', 's'))).toBe('/t/t/s');
  });
  it('puts the base in front of a router href', () => {
    expect(sitePath(paths.step.href('tree', 'step', 'x1'), '/troubleshooter/')).toBe('/troubleshooter/t/tree/step?trail=x1');
    expect(sitePath(paths.home.href(), '/troubleshooter/')).toBe('/troubleshooter/');
    expect(siteUrl(paths.code.href('aliyun', 'A.B'), 'https://support.example.com', '/troubleshooter/')).toBe('https://support.example.com/troubleshooter/codes/aliyun/A.B');
    expect(siteUrl(paths.analyze.href(), 'http://localhost:4173')).toBe('http://localhost:4173/analyze');
  });
  it('takes the base off a site path, and nothing else', () => {
    expect(routePath('/troubleshooter/t/a/b', '/troubleshooter/')).toBe('/t/a/b');
    expect(routePath('/troubleshooter/', '/troubleshooter/')).toBe('/');
    expect(routePath('/troubleshooter', '/troubleshooter/')).toBe('/');
    expect(routePath('/troubleshooters/t/a', '/troubleshooter/')).toBeUndefined();
    expect(routePath('/t/a/b', '/')).toBe('/t/a/b');
  });
});
