import { runInNewContext } from 'node:vm';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fillIn, inlineScript } from './inline-script.ts';

const root = join(import.meta.dirname, '../..');
const CHUNKS = { '': ['en-S', 'zh-S'], 'a-guide': ['en-A', 'zh-A'], 'en-only': ['en-E', null] };

/** Runs the built head script in a page at `url`, with a saved language and the browser's languages; what it did to the document. */
function run(script: string, url: string, saved: string | null = null, languages = ['en-US']) {
  const attrs: Record<string, string> = {};
  const links: string[] = [];
  const { pathname, search } = new URL(url, 'https://desk.example');
  const document = {
    documentElement: { lang: '', setAttribute: (k: string, v: string) => (attrs[k] = v) },
    createElement: () => ({ rel: '', href: '' }),
    head: { appendChild: (l: { rel: string; href: string }) => links.push(`${l.rel} ${l.href}`) },
  };
  const localStorage = {
    getItem: (k: string) => {
      if (saved === 'blocked') throw new Error('SecurityError');
      return k === 'troubleshooter-lang' ? saved : null;
    },
  };
  runInNewContext(script, { document, location: { pathname, search }, navigator: { languages, language: languages[0] }, localStorage, URLSearchParams });
  return { lang: document.documentElement.lang, attrs, links };
}

describe('the inline head script (src/head-script.ts, built)', () => {
  let atRoot = '';
  let underBase = '';
  beforeAll(async () => {
    atRoot = fillIn(await inlineScript(join(root, 'src/head-script.ts'), root, '/'), '__HEAD_CHUNKS__', CHUNKS);
    underBase = fillIn(await inlineScript(join(root, 'src/head-script.ts'), root, '/troubleshooter/'), '__HEAD_CHUNKS__', CHUNKS);
  }, 60_000);

  it('is one classic script with nothing left to import', () => {
    expect(atRoot).not.toMatch(/\bimport\b|\bexport\b|__HEAD_CHUNKS__/);
  });

  it("picks the language by the app's rule and preloads that language's strings and the guide's tree", () => {
    expect(run(atRoot, '/t/a-guide/step-one')).toEqual({ lang: 'en', attrs: {}, links: ['modulepreload /assets/en-S.js', 'modulepreload /assets/en-A.js'] });
    expect(run(atRoot, '/t/a-guide?lang=zh', 'en')).toEqual({ lang: 'zh-CN', attrs: { 'data-lang-pending': '' }, links: ['modulepreload /assets/zh-S.js', 'modulepreload /assets/zh-A.js'] });
    expect(run(atRoot, '/t/a-guide/x', 'zh').lang).toBe('zh-CN');
    expect(run(atRoot, '/t/a-guide/x', null, ['fr', 'zh-TW']).lang).toBe('zh-CN');
    expect(run(atRoot, '/t/a-guide/x', null, ['en-GB', 'zh']).lang).toBe('en');
    // Storage blocked: the URL still decides, as in the app (src/ui/i18n/lang.ts).
    expect(run(atRoot, '/?lang=zh', 'blocked').lang).toBe('zh-CN');
  });

  it('falls back to the English tree, and preloads no tree off a guide', () => {
    expect(run(atRoot, '/t/en-only/x?lang=zh').links).toEqual(['modulepreload /assets/zh-S.js', 'modulepreload /assets/en-E.js']);
    for (const url of ['/', '/codes/top/7', '/map/a-guide', '/t/unknown/x', '/t/__proto__/x', '/t/a-guide/x/y']) expect(run(atRoot, url).links, url).toEqual(['modulepreload /assets/en-S.js']);
  });

  it('marks a help desk frame', () => {
    expect(run(atRoot, '/t/a-guide/x?embed=1').attrs).toEqual({ 'data-embed': '' });
    expect(run(atRoot, '/t/a-guide/x?notembed=1').attrs).toEqual({});
  });

  it('reads the path under the base path', () => {
    expect(run(underBase, '/troubleshooter/t/a-guide/x').links).toEqual(['modulepreload /troubleshooter/assets/en-S.js', 'modulepreload /troubleshooter/assets/en-A.js']);
    expect(run(underBase, '/t/a-guide/x').links).toEqual(['modulepreload /troubleshooter/assets/en-S.js']);
  });
});

describe('the language swap of a prerendered step (src/swap-script.ts, built)', () => {
  let swap = '';
  beforeAll(async () => {
    swap = await inlineScript(join(root, 'src/swap-script.ts'), root, '/');
  }, 60_000);

  /** Runs the built script in a page whose `<html lang>` the head script set; what the page then shows. */
  function page(lang: string, withChinese = true) {
    const attrs = new Map([['data-lang-pending', '']]);
    const rootEl = { innerHTML: '<h1>Which platform?</h1>', attrs: {} as Record<string, string>, setAttribute: (k: string, v: string) => (rootEl.attrs[k] = v) };
    const zh = { innerHTML: '<h1>哪个平台？</h1>', getAttribute: (k: string) => (k === 'data-title' ? '哪个平台？ · 指南' : null) };
    const document = {
      title: 'Which platform? · Guide',
      documentElement: { lang, removeAttribute: (k: string) => attrs.delete(k) },
      getElementById: (id: string) => (id === 'root' ? rootEl : id === 'root-zh' && withChinese ? zh : null),
    };
    runInNewContext(swap, { document });
    return { html: rootEl.innerHTML, dataLang: rootEl.attrs['data-lang'], title: document.title, pending: attrs.has('data-lang-pending') };
  }

  it('is one classic script with nothing left to import', () => {
    expect(swap).not.toMatch(/\bimport\b|\bexport\b/);
  });

  it('shows the Chinese markup and title when the head script chose Chinese, and the page', () => {
    expect(page('zh-CN')).toEqual({ html: '<h1>哪个平台？</h1>', dataLang: 'zh', title: '哪个平台？ · 指南', pending: false });
  });

  it('leaves an English page, or a page without its Chinese markup, as it is', () => {
    expect(page('en')).toEqual({ html: '<h1>Which platform?</h1>', dataLang: undefined, title: 'Which platform? · Guide', pending: true });
    expect(page('zh-CN', false)).toEqual({ html: '<h1>Which platform?</h1>', dataLang: undefined, title: 'Which platform? · Guide', pending: true });
  });
});

describe('fillIn', () => {
  it('puts the value in once, as JSON that cannot end the script element', () => {
    expect(fillIn('f(X)', 'X', { a: '</script>' })).toBe('f({"a":"\\u003c/script>"})');
    expect(() => fillIn('f(X,X)', 'X', 1)).toThrow(/once/);
    expect(() => fillIn('f(Y)', 'X', 1)).toThrow(/once/);
  });
});
