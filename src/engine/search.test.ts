import { describe, expect, it } from 'vitest';
import { normalize, queryTerms, searchAll, withinOneEdit, type SearchEntry, type SearchIndex } from './search.ts';

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
  it('ranks an exact code first, then the steps that handle it', () => {
    expect(searchAll(index, '7014').map((e) => e.kind)).toEqual(['code', 'step']);
    expect(searchAll(index, 'SignatureNonceUsed')[0]!.code).toBe('SignatureNonceUsed');
  });

  it('finds Chinese text while the titles are English, and full-width digits', () => {
    expect(searchAll(index, '系统繁忙').map((e) => e.kind)).toEqual(['tree']);
    expect(searchAll(index, '７０１４')).toHaveLength(2);
  });

  it('ranks the entry holding every word first, ignores case, leaves out words found nowhere, and returns nothing for an empty query', () => {
    expect(searchAll(index, 'SIGNATURE nonce')[0]!.code).toBe('SignatureNonceUsed');
    expect(searchAll(index, 'signature zebra')).toEqual(searchAll(index, 'signature'));
    expect(searchAll(index, 'zebra')).toEqual([]);
    expect(searchAll(index, '   ')).toEqual([]);
  });
});

describe('searching as people type', () => {
  const signature = entry('code', 'Signature does not match', {
    code: 'SignatureDoesNotMatch',
    platform: 'aliyun',
    step: 1,
    text: 'signature does not match\n签名不通过\n签名不匹配\nSpecified signature is not matched with our calculation.',
  });
  const idx: SearchIndex = {
    lang: 'zh',
    entries: [
      entry('tree', 'OpenAPI call returns an error', { platform: 'aliyun', step: 2, text: 'OpenAPI 调用返回错误' }),
      entry('step', 'Why does the signature not match?', { platform: 'aliyun', codes: ['SignatureDoesNotMatch'], text: '签名为什么不通过？' }),
      entry('step', 'Read the error envelope', { platform: 'aliyun', text: '读出失败调用返回的错误信息' }),
      signature,
      entry('code', 'Timestamp expired', {
        code: 'InvalidTimeStamp.Expired',
        platform: 'aliyun',
        text: '时间戳已过期\nSpecified time stamp or date value is expired.',
      }),
      entry('code', 'No network connectivity', { code: '2', platform: 'mpaas-android', text: '无网络连接\nCLIENT_NETWORK_UNAVAILABLE_ERROR' }),
    ],
  };
  const hrefs = (q: string) => searchAll(idx, q).map((e) => e.href);

  it('cuts Chinese into character bigrams, so other words around and between them do not matter', () => {
    expect(queryTerms('签名不匹配').map((t) => t.text)).toEqual(['签名', '名不', '不匹', '匹配']);
    expect(hrefs('阿里云一直报签名不匹配的错误')[0]).toBe('/step/Why does the signature not match?');
  });

  it('finds a code typed inside Chinese, and the code first', () => {
    expect(hrefs('一直SignatureDoesNotMatch')).toContain('/code/Signature does not match');
    expect(hrefs('SignatureDoesNotMatch')[0]).toBe('/code/Signature does not match');
  });

  it('puts the step that handles a code above the code when the query describes the problem', () => {
    expect(hrefs('Specified signature is not matched').slice(0, 2)).toEqual(['/step/Why does the signature not match?', '/code/Signature does not match']);
  });

  it('tolerates one typo in a Latin word of five letters or more, not in shorter ones', () => {
    expect(withinOneEdit('unavailble', 'unavailable')).toBe(true);
    expect(withinOneEdit('unavailabal', 'unavailable')).toBe(false);
    expect(withinOneEdit('signatrue', 'signature')).toBe(true);
    expect(withinOneEdit('interupted', 'interrupted')).toBe(true);
    expect(withinOneEdit('expried', 'expired')).toBe(true);
    expect(withinOneEdit('nonce', 'nance1')).toBe(false);
    expect(hrefs('timestmp expried')[0]).toBe('/code/Timestamp expired');
    expect(hrefs('CLIENT_NETWORK_UNAVAILBLE_ERROR')[0]).toBe('/code/No network connectivity');
    expect(hrefs('singature')).not.toEqual([]);
    expect(hrefs('tme')).toEqual([]);
  });

  it('weighs words like "the" and "is" little', () => {
    expect(queryTerms('the time stamp is expired').find((t) => t.text === 'the')!.weight).toBeLessThan(queryTerms('expired')[0]!.weight);
    expect(hrefs('the time stamp is expired')[0]).toBe('/code/Timestamp expired');
  });

  it('lists a guide once, as its first step (where it opens)', () => {
    expect(hrefs('OpenAPI 调用返回错误')).toContain('/step/Read the error envelope');
    expect(hrefs('OpenAPI 调用返回错误')).not.toContain('/tree/OpenAPI call returns an error');
  });
});
