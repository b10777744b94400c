import { describe, expect, it } from 'vitest';
import { BASE, matchRoute, paths, routePath, sitePath, siteUrl } from './paths.ts';

describe('paths under a base path', () => {
  it('is the site root outside a Vite build', () => {
    expect(BASE).toBe('/');
    expect(sitePath(paths.step.href('t', 's'))).toBe('/t/t/s');
  });
  it('puts the base in front of a router href', () => {
    expect(sitePath(paths.step.href('tree', 'step', 'x1'), '/troubleshooter/')).toBe('/troubleshooter/t/tree/step?trail=x1');
    expect(sitePath(paths.home.href(), '/troubleshooter/')).toBe('/troubleshooter/');
    expect(siteUrl(paths.code.href('aliyun', 'A.B'), 'https://support.example.com', '/troubleshooter/')).toBe(
      'https://support.example.com/troubleshooter/codes/aliyun/A.B',
    );
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

describe('matchRoute', () => {
  it('reads back every href the app builds', () => {
    expect(matchRoute(paths.home.href())).toEqual({ name: 'home', params: {} });
    expect(matchRoute(paths.tree.href('aliyun-openapi-error'))).toEqual({ name: 'tree', params: { treeId: 'aliyun-openapi-error' } });
    expect(matchRoute(paths.step.href('a', 'b', 'x.y', 'platform:ios').split('?')[0]!)).toEqual({ name: 'step', params: { treeId: 'a', stepId: 'b' } });
    expect(matchRoute(paths.code.href('aliyun', 'InvalidTimeStamp.Expired'))).toEqual({
      name: 'code',
      params: { platform: 'aliyun', code: 'InvalidTimeStamp.Expired' },
    });
    expect(matchRoute(paths.code.href('top', 'isv.missing-parameter:image/x'))).toEqual({
      name: 'code',
      params: { platform: 'top', code: 'isv.missing-parameter:image/x' },
    });
    expect(matchRoute(paths.codes.href())).toEqual({ name: 'codes', params: {} });
    expect(matchRoute(paths.analyze.href())).toEqual({ name: 'analyze', params: {} });
    expect(matchRoute(paths.cases.href())).toEqual({ name: 'cases', params: {} });
    expect(matchRoute(paths.map.href('a'))).toEqual({ name: 'map', params: { treeId: 'a' } });
  });
  it('allows one trailing slash, as the router does', () => {
    expect(matchRoute('/t/a/')).toEqual({ name: 'tree', params: { treeId: 'a' } });
    expect(matchRoute('/codes/')).toEqual({ name: 'codes', params: {} });
  });
  it('matches nothing else', () => {
    for (const path of ['', '/t', '/t/', '/t//b', '/t/a/b/c', '/codes/aliyun', '/map', '/x', '/T/a', '/t/%E0%A4%A/b', '//t/a'])
      expect(matchRoute(path), path).toBeUndefined();
  });
});
