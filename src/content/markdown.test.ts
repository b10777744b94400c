import { describe, expect, it } from 'vitest';
import { markdownText, MarkdownError, toMarkdown } from './markdown.ts';

describe('toMarkdown', () => {
  it('converts the allowed subset to a JSON tree', () => {
    expect(toMarkdown('Look at **the** `log`, [docs](https://example.com).\n\n- one\n- two\n\n```text\nresp:{ }\n```')).toEqual([
      { t: 'p', c: ['Look at ', { t: 'strong', c: ['the'] }, ' ', { t: 'code', v: 'log' }, ', ', { t: 'a', href: 'https://example.com', c: ['docs'] }, '.'] },
      { t: 'ul', items: [[{ t: 'p', c: ['one'] }], [{ t: 'p', c: ['two'] }]] },
      { t: 'pre', lang: 'text', v: 'resp:{ }' },
    ]);
  });

  it('stores a soft line break as a space, and keeps the lines of code blocks and hard breaks', () => {
    expect(toMarkdown('Find the RPC\n  response in the **client\nlog**.\n\n```\na\nb\n```\n\nend  \nnext')).toEqual([
      { t: 'p', c: ['Find the RPC response in the ', { t: 'strong', c: ['client log'] }, '.'] },
      { t: 'pre', lang: '', v: 'a\nb' },
      { t: 'p', c: ['end', { t: 'br' }, 'next'] },
    ]);
  });

  it('keeps text as text: entities and angle brackets are not HTML', () => {
    expect(markdownText(toMarkdown('a & b \\< c `<b>`'))).toBe('a & b < c <b>');
  });

  it.each([
    ['<script>alert(1)</script>', /raw HTML/],
    ['![x](https://example.com/x.png)', /an image/],
    ['[x](javascript:alert(1))', /https:\/\//],
    ['[x](http://example.com)', /https:\/\//],
    ['| a |\n|---|\n| 1 |', /a table/],
  ])('rejects %s', (source, message) => {
    expect(() => toMarkdown(source)).toThrow(MarkdownError);
    expect(() => toMarkdown(source)).toThrow(message);
  });
});
