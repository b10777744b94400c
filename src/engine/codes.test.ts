import { describe, expect, it } from 'vitest';
import { findCode, findVariant, nearestCodes, searchCodes } from './codes.ts';
import type { CodeEntry, CodeIndex, CodePlatform } from './model.ts';

const e = (code: string, more: Partial<CodeEntry> = {}): CodeEntry => ({
  platform: 'mpaas',
  code,
  group: 'g',
  title: `Title of ${code}`,
  meaning: [],
  action: [],
  retry: 'fix-request',
  sources: [],
  search: `${code}\n${more.title ?? `title of ${code}`}`.toLowerCase(),
  ...more,
});

const table = (platform: CodePlatform, codes: CodeEntry[]) => ({ platform, title: platform, groups: {}, codes: codes.map((c) => ({ ...c, platform })) });

const index: CodeIndex = {
  lang: 'en',
  tables: [
    table('mpaas', [e('7003', { title: 'Signature timeliness', search: '7003\nsignature timeliness\n验签时效性' }), e('AppNotExist')]),
    table('mpaas-android', [
      e('2'),
      e('4xx', { ranges: [[400, 499]] }),
      e('http-other', {
        ranges: [
          [100, 399],
          [501, 599],
        ],
      }),
    ]),
    table('mpaas-ios', [e('0', { name: 'kDTRpcNetworkError' })]),
    table('aliyun', [e('Missing{ParameterName}'), e('Invalid{ParameterName}.NotFound'), e('InvalidAccessKeyId.NotFound')]),
    table('top', [e('isv.missing-parameter', { aliases: ['missing-parameter'] }), e('25')]),
    table('easemob', [
      e('auth_bad_access_token', {
        variants: [
          { match: 'corrupt access token', meaning: [] },
          { match: 'Unable to authenticate', meaning: [] },
        ],
      }),
    ]),
  ],
};

describe('findCode', () => {
  it('finds exact codes, other spellings and iOS names', () => {
    expect(findCode(index, 'mpaas', '7003')?.code).toBe('7003');
    expect(findCode(index, 'mpaas', 'appnotexist')?.code).toBe('AppNotExist');
    expect(findCode(index, 'mpaas-ios', 'kDTRpcNetworkError')?.code).toBe('0');
    expect(findCode(index, 'top', 'missing-parameter')?.code).toBe('isv.missing-parameter');
  });

  it('resolves numeric ranges, {Placeholder} patterns and TOP sub-code suffixes', () => {
    expect(findCode(index, 'mpaas-android', '404')?.code).toBe('4xx');
    expect(findCode(index, 'mpaas-android', '502')?.code).toBe('http-other');
    expect(findCode(index, 'mpaas-android', '500')).toBeUndefined();
    expect(findCode(index, 'aliyun', 'MissingAppKey')?.code).toBe('Missing{ParameterName}');
    expect(findCode(index, 'aliyun', 'InvalidDeviceId.NotFound')?.code).toBe('Invalid{ParameterName}.NotFound');
    // An exact entry wins over a pattern that would also fit.
    expect(findCode(index, 'aliyun', 'InvalidAccessKeyId.NotFound')?.code).toBe('InvalidAccessKeyId.NotFound');
    expect(findCode(index, 'top', 'isv.missing-parameter:image')?.code).toBe('isv.missing-parameter');
  });

  it('finds nothing for an unknown platform or code', () => {
    expect(findCode(index, 'nope', '7003')).toBeUndefined();
    expect(findCode(index, 'mpaas', '7999')).toBeUndefined();
    expect(findCode(index, 'aliyun', 'Missing')).toBeUndefined();
  });
});

describe('findVariant', () => {
  it('picks the first variant whose fragment the message contains', () => {
    const entry = findCode(index, 'easemob', 'auth_bad_access_token')!;
    expect(findVariant(entry, 'Unable to authenticate due to corrupt access token')?.match).toBe('corrupt access token');
    expect(findVariant(entry, 'Unable to authenticate')?.match).toBe('Unable to authenticate');
    expect(findVariant(entry, undefined)).toBeUndefined();
  });
});

describe('searchCodes', () => {
  it('matches every word in either language, code prefixes first, and filters by platform', () => {
    expect(searchCodes(index, '时效').map((x) => x.code)).toEqual(['7003']);
    expect(searchCodes(index, 'signature timeliness').map((x) => x.code)).toEqual(['7003']);
    expect(searchCodes(index, '2', 'mpaas-android').map((x) => x.code)[0]).toBe('2');
    expect(searchCodes(index, '', 'top')).toHaveLength(2);
    expect(searchCodes(index, 'zzzz')).toEqual([]);
  });
});

describe('nearestCodes', () => {
  it('offers codes with a similar name', () => {
    expect(nearestCodes(index, 'mpaas', '7030', 1).map((x) => x.code)).toEqual(['7003']);
    expect(nearestCodes(index, 'unknown', 'InvalidAccessKey', 1).map((x) => x.code)).toEqual(['InvalidAccessKeyId.NotFound']);
  });
});
