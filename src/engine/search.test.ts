import { describe, expect, it } from 'vitest';
import { normalize, searchAll, type SearchEntry, type SearchIndex } from './search.ts';

const entry = (kind: SearchEntry['kind'], title: string, more: Partial<SearchEntry> = {}): SearchEntry => ({
  kind,
  title,
  context: 'ctx',
  platform: 'mpaas',
  href: `/${kind}/${title}`,
  ...more,
  text: normalize([title, more.code, ...(more.codes ?? []), more.text].filter(Boolean).join('\n')),
});

const index: SearchIndex = {
  lang: 'en',
  entries: [
    entry('tree', 'H5 app shows System busy', { text: '系统繁忙，请稍后再试' }),
    entry('step', 'Which 7XXX code does the gateway return?', { codes: ['7000', '7014'] }),
    entry('code', 'Signature verification - missing sign parameter', { code: '7014' }),
    entry('code', 'Signature nonce already used', { code: 'SignatureNonceUsed', platform: 'aliyun' }),
  ],
};

describe('searchAll', () => {
  it('ranks an exact code first and finds steps that handle it', () => {
    expect(searchAll(index, '7014').map((e) => e.kind)).toEqual(['step', 'code']);
    expect(searchAll(index, 'SignatureNonceUsed')[0]!.code).toBe('SignatureNonceUsed');
  });

  it('finds Chinese text while the titles are English, and full-width digits', () => {
    expect(searchAll(index, '系统繁忙').map((e) => e.kind)).toEqual(['tree']);
    expect(searchAll(index, '７０１４')).toHaveLength(2);
  });

  it('needs every word, ignores case and returns nothing for an empty query', () => {
    expect(searchAll(index, 'SIGNATURE nonce')).toHaveLength(1);
    expect(searchAll(index, 'signature zebra')).toEqual([]);
    expect(searchAll(index, '   ')).toEqual([]);
  });
});
