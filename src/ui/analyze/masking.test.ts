import { describe, expect, it } from 'vitest';
import { analyze } from '../../engine/analyze/analyze.ts';
import { countMasked } from './masking.ts';

describe('countMasked', () => {
  it('counts what the ticket summary masks: AccessKeys, secrets, tokens, phone numbers', () => {
    expect(countMasked(['{"accessKeyId":"LTAI5tQ9xKpZrW3mN8bV2cD7","accessKeySecret":"Wq3vX9kPz2LmN8bR4tY7uI1oP5aS6d"}'])).toBe(2);
    expect(countMasked(['access_token=2.00abcdEFGHijklMNOPqrstUVWXyz0123', 'call 13812345678'])).toBe(2);
  });

  it('keeps what support needs: codes, trace and request ids count for nothing', () => {
    expect(
      countMasked(['{"RequestId":"4C467B38-3910-447D-87BC-AC049166F216","Code":"SignatureDoesNotMatch"}', 'mgw-traceid 0a1cfd401597122097726853822435']),
    ).toBe(0);
  });

  it('counts the fields only when the lines hold none, so a value shown in both counts once', () => {
    const id = 'LTAI5tQ9xKpZrW3mN8bV2cD7';
    expect(countMasked([`{"Code":"InvalidAccessKeyId.NotFound","AccessKeyId":"${id}"}`], [id])).toBe(1);
    // The line was cut before the value (excerpts are capped); the field still shows it, masked.
    expect(countMasked(['{"Code":"InvalidAccessKeyId.NotFound","Message":"…'], [id])).toBe(1);
    expect(countMasked(['{"Code":"InvalidAccessKeyId.NotFound"}'], ['InvalidAccessKeyId.NotFound'])).toBe(0);
  });

  it('counts the secrets in a real finding’s evidence', () => {
    const sign = '668FB4A049F71A1C845EF8C05B1F3E66';
    const { findings } = analyze(
      `{"error_response":{"args":{"arg":[{"key":"app_key","value":"12345678"},{"key":"sign","value":"${sign}"}]},"code":25,"msg":"Invalid signature","request_id":"zt2r9i5yxbe2"}}`,
    );
    expect(findings).toHaveLength(1);
    expect(countMasked(findings[0]!.evidence.map((e) => e.text))).toBe(1);
  });
});
