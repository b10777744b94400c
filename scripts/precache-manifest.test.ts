import { describe, expect, it } from 'vitest';
import { isPrecached, precacheEntries, precacheVersion } from './precache-manifest.ts';

const file = (path: string, text = path) => ({ path, body: new TextEncoder().encode(text) });

describe('the precache list', () => {
  it('holds every built file but the worker and the prerendered step pages', () => {
    const entries = precacheEntries([
      file('index.html'),
      file('sw.js'),
      file('favicon.svg'),
      file('assets/boot-abc.js'),
      file('assets/analyze.worker-def.js'),
      file('assets/index-123.css'),
      file('t/mpaas-system-busy/symptom/index.html'),
      file('assets/boot-abc.js.map'),
      file('.DS_Store'),
    ]);
    expect(entries.map((e) => e.url)).toEqual(['/assets/analyze.worker-def.js', '/assets/boot-abc.js', '/assets/index-123.css', '/favicon.svg', '/index.html']);
    expect(entries.find((e) => e.url === '/index.html')?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('puts the base path in front of every URL', () => {
    const entries = precacheEntries([file('index.html'), file('assets/boot-abc.js'), file('t/a/b/index.html')], '/troubleshooter/');
    expect(entries.map((e) => e.url)).toEqual(['/troubleshooter/assets/boot-abc.js', '/troubleshooter/index.html']);
  });

  it('refuses a build without the app shell', () => {
    expect(() => precacheEntries([file('assets/boot-abc.js')])).toThrow(/index\.html is missing/);
  });

  it('keeps prerendered pages out, whatever their folder', () => {
    expect(isPrecached('t/aliyun-openapi-error/read-envelope/index.html')).toBe(false);
    expect(isPrecached('map/aliyun-openapi-error/index.html')).toBe(false);
    expect(isPrecached('index.html')).toBe(true);
    expect(isPrecached('tools.json')).toBe(true);
  });
});

describe('the worker version', () => {
  const files = [file('index.html', '<div id="root"></div>'), file('assets/boot-abc.js', 'boot')];

  it('is the same for the same build', () => {
    expect(precacheVersion(precacheEntries(files), 'code')).toBe(precacheVersion(precacheEntries([...files].reverse()), 'code'));
  });

  it('changes when any precached file or the worker itself changes', () => {
    const base = precacheVersion(precacheEntries(files), 'code');
    expect(precacheVersion(precacheEntries([files[0]!, file('assets/boot-abc.js', 'boot!')]), 'code')).not.toBe(base);
    expect(precacheVersion(precacheEntries(files), 'code 2')).not.toBe(base);
    expect(precacheVersion(precacheEntries([...files, file('t/x/y/index.html')]), 'code')).toBe(base);
  });
});
