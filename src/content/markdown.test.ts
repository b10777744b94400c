import { describe, expect, it } from 'vitest';
import { markdownText } from '../engine/markdown-text.ts';
import { MarkdownError, softBreaks, toMarkdown } from './markdown.ts';

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

describe('line breaks inside Chinese paragraphs', () => {
  it('join Chinese lines without a space, keep a space before a Latin word, and leave English alone', () => {
    expect(softBreaks('逐个字母\n对比')).toBe('逐个字母对比');
    expect(softBreaks('请检查：\n  签名')).toBe('请检查：签名');
    expect(softBreaks('使用\nAccessKey 调用')).toBe('使用 AccessKey 调用');
    expect(softBreaks('line one\nline two')).toBe('line one line two');
    expect(softBreaks('末尾\n')).toBe('末尾');
  });
  it('apply to compiled paragraphs, around inline code too', () => {
    expect(toMarkdown('先在控制台\n找到 `appId`，\n然后对比')).toEqual([{ t: 'p', c: ['先在控制台找到 ', { t: 'code', v: 'appId' }, '，然后对比'] }]);
  });
});
