import { describe, expect, it } from 'vitest';
import { analyze, type Finding } from './analyze.ts';

/** The two example lines of seed 000 (Xcode console), verbatim. */
const IOS_OK =
  'Demo[83767:2555863] [mPaaSLog] APMobileNetwork alipay.client.getUnionResource resp:{ "Content-Encoding" = gzip; "Content-Type" = "text/plain;charset=UTF-8"; Date = "Tue, 11 Aug 2020 05:01:37 GMT"; Vary = "Accept-Encoding"; "mgw-traceid" = 0a1cfd401597122097726853822435; "result-status" = 1000; "server-time" = 1597122097739; }';
const IOS_7014 =
  'Demo[83383:2546279] [mPaaSLog] APMobileNetwork alipay.client.getUnionResource resp:{ "Content-Length" = 0; "Content-Type" = "text/plain;charset=UTF-8"; Date = "Tue, 11 Aug 2020 04:50:08 GMT"; memo = "%E9%AA%8C%E7%AD%BERPC%E6%8E%A5%E5%8F%A3%20%E5%8A%A0%E7%AD%BE%E6%95%B0%E6%8D%AE%E4%B8%BA%E7%A9%BA"; "mgw-traceid" = 0a1d7667159712140890222728553; "result-status" = 7014; "server-time" = 1597121408902; tips = "%E9%AA%8C%E7%AD%BERPC%E6%8E%A5%E5%8F%A3%20%E5%8A%A0%E7%AD%BE%E6%95%B0%E6%8D%AE%E4%B8%BA%E7%A9%BA"; }';

const only = (text: string): Finding => {
  const { findings } = analyze(text);
  expect(findings).toHaveLength(1);
  return findings[0]!;
};
const field = (f: Finding, name: string) => f.fields.find((x) => x.name === name);

describe('mPaaS', () => {
  it('reads the Xcode console error example of seed 000, decoding memo and tips', () => {
    const f = only(IOS_7014);
    expect(f).toMatchObject({ platform: 'mpaas', code: '7014', success: false, count: 1, firstLine: 1 });
    expect(field(f, 'operationType')?.value).toBe('alipay.client.getUnionResource');
    expect(field(f, 'mgw-traceid')?.value).toBe('0a1d7667159712140890222728553');
    expect(field(f, 'memo')?.decoded).toBe('验签RPC接口 加签数据为空');
    expect(field(f, 'tips')?.decoded).toBe('验签RPC接口 加签数据为空');
    expect(f.ids).toEqual(['0a1d7667159712140890222728553']);
  });

  it('reports result-status 1000 as a success, listed after the errors', () => {
    const { findings } = analyze(`${IOS_OK}\n${IOS_7014}\n`);
    expect(findings.map((f) => [f.code, f.success])).toEqual([
      ['7014', false],
      ['1000', true],
    ]);
  });

  it('reads a multi-line NSDictionary description as Xcode prints it', () => {
    const log = [
      '2024-03-02 10:11:12.345 Demo[1:2] [mPaaSLog] APMobileNetwork com.example.user.query resp:{',
      '    "Content-Type" = "text/plain;charset=UTF-8";',
      '    "mgw-traceid" = 0b2f00001;',
      '    "result-status" = 3002;',
      '    "x-mgs-encryption" = 1;',
      '}',
    ].join('\n');
    const f = only(log);
    expect(f).toMatchObject({ platform: 'mpaas', code: '3002', firstLine: 1, lastLine: 6 });
    expect(field(f, 'operationType')?.value).toBe('com.example.user.query');
    expect(field(f, 'x-mgs-encryption')?.value).toBe('1');
    expect(f.evidence.map((e) => e.line)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('reads Android RpcExceptions: gateway codes to mpaas, client codes to mpaas-android', () => {
    const log = [
      '11-20 10:21:33.456 E/mynet_RpcInvoker(12345): com.alipay.mobile.common.rpc.RpcException: [7001] alipay.client.getUnionResource 验签参数不足',
      '11-20 10:21:34.001 E/DynamicRelease(12345): RpcException: [2] Cannot connect to the network.',
    ].join('\n');
    const { findings } = analyze(log);
    expect(findings.map((f) => [f.platform, f.code])).toEqual([
      ['mpaas', '7001'],
      ['mpaas-android', '2'],
    ]);
    expect(field(findings[0]!, 'tag')?.value).toBe('mynet_RpcInvoker');
    expect(field(findings[0]!, 'operationType')?.value).toBe('alipay.client.getUnionResource');
    expect(field(findings[1]!, 'tag')?.value).toBe('DynamicRelease');
  });

  it('finds AppNotExist in iOS and H5 logs, Security Guard exceptions and iOS RPC error names', () => {
    const log = [
      'Error Domain=nebulaappmanager_error_domain Code=10008 "AppNotExist" UserInfo={appId=20000196}',
      'H5Log: err=[10008]AppNotExist appId=20000196',
      'SecException ErrorCode = 607',
      'RPC failed: Error Domain=DTRpcErrorDomain Code=0 kDTRpcNetworkError',
    ].join('\n');
    const { findings } = analyze(log);
    expect(findings.map((f) => [f.platform, f.code, f.count])).toEqual([
      ['mpaas', 'AppNotExist', 2],
      ['mpaas', '607', 1],
      ['mpaas-ios', 'kDTRpcNetworkError', 1],
    ]);
    expect(field(findings[0]!, 'error code')?.value).toBe('10008');
  });
});

describe('Alibaba Cloud OpenAPI', () => {
  it('reads the JSON envelope with its RequestId and Recommend', () => {
    const body =
      '{"RequestId":"4C467B38-3910-447D-87BC-AC049166F216","HostId":"cloudpush.aliyuncs.com","Code":"InvalidTimeStamp.Expired","Message":"Specified time stamp or date value is expired.","Recommend":"https://api.aliyun.com/troubleshoot?q=InvalidTimeStamp.Expired&product=Push"}';
    const f = only(`HTTP/1.1 400 Bad Request\n${body}`);
    expect(f).toMatchObject({ platform: 'aliyun', code: 'InvalidTimeStamp.Expired', firstLine: 2 });
    expect(field(f, 'RequestId')?.value).toBe('4C467B38-3910-447D-87BC-AC049166F216');
    expect(field(f, 'Recommend')?.value).toContain('troubleshoot');
  });

  it('reads the XML envelope', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <RequestId>D8A1D4B2-1111-2222-3333-444455556666</RequestId>\n  <HostId>cloudpush.aliyuncs.com</HostId>\n  <Code>SignatureDoesNotMatch</Code>\n  <Message>Specified signature is not matched with our calculation.</Message>\n</Error>`;
    const f = only(xml);
    expect(f).toMatchObject({ platform: 'aliyun', code: 'SignatureDoesNotMatch', firstLine: 2, lastLine: 7 });
    expect(field(f, 'Message')?.value).toBe('Specified signature is not matched with our calculation.');
  });

  it('reads the code inside SDK exceptions: Python, Go, Tea, Java', () => {
    const python =
      'aliyunsdkcore.acs_exception.exceptions.ServerException: HTTP Status: 400 Error:SignatureNonceUsed Specified signature nonce was used already. RequestID: 9C1A0B2E-0000-4D8D-9F3B-2F1E3A4B5C6D';
    const go =
      'SDK.ServerError\nErrorCode: InvalidAccessKeyId.NotFound\nRecommend: https://api.aliyun.com/troubleshoot?q=InvalidAccessKeyId.NotFound\nRequestId: 0E5D6F7A-AAAA-BBBB-CCCC-DDDDEEEEFFFF\nMessage: Specified access key is not found.';
    const tea =
      'Error: SDKError:\n   StatusCode: 400\n   Code: MissingAppKey\n   Message: code: 400, AppKey is mandatory for this action. request id: 11111111-2222-3333-4444-555555555555\n   Data: {"Code":"MissingAppKey","HostId":"cloudpush.aliyuncs.com","Message":"AppKey is mandatory for this action.","RequestId":"11111111-2222-3333-4444-555555555555"}';
    const java =
      'com.aliyuncs.exceptions.ClientException: Throttling.User : Request was denied due to user flow control.\nRequestId : 7AB8C9D0-1234-5678-9ABC-DEF012345678';
    const results = [python, go, tea, java].map((t) => only(t));
    expect(results.map((f) => [f.platform, f.code, f.http])).toEqual([
      ['aliyun', 'SignatureNonceUsed', 400],
      ['aliyun', 'InvalidAccessKeyId.NotFound', undefined],
      ['aliyun', 'MissingAppKey', 400],
      ['aliyun', 'Throttling.User', undefined],
    ]);
    expect(field(results[0]!, 'RequestId')?.value).toBe('9C1A0B2E-0000-4D8D-9F3B-2F1E3A4B5C6D');
    expect(field(results[1]!, 'Recommend')?.value).toContain('InvalidAccessKeyId.NotFound');
    expect(field(results[2]!, 'RequestId')?.value).toBe('11111111-2222-3333-4444-555555555555');
    expect(field(results[3]!, 'Message')?.value).toBe('Request was denied due to user flow control.');
  });

  it('does not take a lone "Code" key for an Alibaba Cloud envelope', () => {
    expect(analyze('{"Code":"Success","Data":{"items":[]}}').findings).toEqual([]);
  });
});

describe('Taobao Open Platform', () => {
  it('reads error_response with sub_code, sub_msg and args (seed 003 example)', () => {
    const body =
      '{"error_response":{"args":{"arg":[{"key":"app_key","value":"15739"},{"key":"method","value":"taobao.item.get"},{"key":"sign","value":"668FB4A049F71A1C845EF8C05B1F3E66"}]},"code":530,"msg":"Remote service error","sub_code":"isv.missing-parameter","sub_msg":"iid和num_iid至少要传入一个"}}';
    const f = only(body);
    expect(f).toMatchObject({ platform: 'top', code: '530', subCode: 'isv.missing-parameter' });
    expect(field(f, 'sub_msg')?.value).toBe('iid和num_iid至少要传入一个');
    expect(field(f, 'args')?.value).toContain('method=taobao.item.get');
  });

  it('reads the old error_rsp and the XML form', () => {
    expect(only('{"error_rsp":{"code":40,"msg":"Missing required arguments:iid/num_iid"}}')).toMatchObject({ platform: 'top', code: '40' });
    const xml =
      '<?xml version="1.0" encoding="utf-8" ?><error_response><code>27</code><msg>Invalid session</msg><sub_code>invalid-sessionkey</sub_code></error_response>';
    expect(only(xml)).toMatchObject({ platform: 'top', code: '27', subCode: 'invalid-sessionkey' });
  });

  it('recognises "asked for JSON, got XML" from the Java SDK', () => {
    const log =
      'com.taobao.api.ApiException: com.taobao.api.json.JSONException: A JSONObject text must begin with \'{\' at character 1\n<?xml version="1.0" encoding="utf-8" ?><items_get_response>';
    expect(only(log)).toMatchObject({ platform: 'top', code: 'response-format-error' });
    expect(analyze("org.json.JSONException: A JSONObject text must begin with '{' at character 1").findings).toEqual([]);
  });
});

describe('Easemob REST', () => {
  it('reads an error body with its HTTP status from the line before', () => {
    const log =
      'HTTP/1.1 401 Unauthorized\n{"error":"auth_bad_access_token","timestamp":1542350943210,"duration":0,"exception":"org.apache.usergrid.rest.exceptions.SecurityException","error_description":"Unable to authenticate due to corrupt access token"}';
    const f = only(log);
    expect(f).toMatchObject({ platform: 'easemob', code: 'auth_bad_access_token', http: 401 });
    expect(field(f, 'error_description')?.value).toBe('Unable to authenticate due to corrupt access token');
  });

  it('says plainly when an OAuth-style body names no service', () => {
    const result = analyze('{"error":"invalid_grant","error_description":"invalid username or password"}');
    expect(result.findings).toEqual([]);
    expect(result.unclaimed).toHaveLength(1);
    expect(result.unclaimed[0]!.reason).toMatch(/nothing in it says which service/);
  });

  it('claims a bare body when the request went to an Easemob host', () => {
    const log =
      'POST https://a1.easemob.com/easemob-demo/chatdemoui/users -> 400\n{"error":"duplicate_unique_property_exists","error_description":"Application 4d7e Entity user requires that property named username be unique, value of dddd exists"}';
    expect(only(log)).toMatchObject({ platform: 'easemob', code: 'duplicate_unique_property_exists', http: 400 });
  });
});

describe('whole logs', () => {
  it('groups repeated errors with counts, first and last lines and distinct ids', () => {
    const noise = (n: number) => Array.from({ length: n }, (_, i) => `2024-01-01 00:00:${String(i % 60).padStart(2, '0')} INFO ordinary line ${i}`);
    const log = [...noise(10), IOS_7014, ...noise(5), IOS_7014.replace('0a1d7667159712140890222728553', '0a1dffff'), ...noise(3), IOS_OK].join('\n');
    const { findings, lines } = analyze(log);
    expect(lines).toBe(21);
    expect(findings[0]).toMatchObject({ code: '7014', count: 2, firstLine: 11, lastLine: 17 });
    expect(findings[0]!.ids).toEqual(['0a1d7667159712140890222728553', '0a1dffff']);
    expect(findings[1]).toMatchObject({ code: '1000', success: true, firstLine: 21 });
  });

  it('returns nothing for text that belongs to no platform, and never throws on garbage', () => {
    expect(analyze('').findings).toEqual([]);
    expect(analyze('Everything is fine.\nNo errors here: code 200, status OK.').findings).toEqual([]);
    let garbage = '';
    for (let i = 0; i < 50_000; i++) garbage += String.fromCharCode((i * 7919) % 65_536);
    expect(() => analyze(garbage + '{"error_response":{' + '{'.repeat(1000))).not.toThrow();
  });

  it('reads a line of evidence no longer than 300 characters', () => {
    const f = only(`${'x'.repeat(2000)} ${IOS_7014}`);
    expect(f.evidence[0]!.text.length).toBeLessThanOrEqual(301);
  });
});

describe('a log with thousands of distinct codes', () => {
  it('lists the first MAX_FINDINGS and counts the rest', async () => {
    const { MAX_FINDINGS } = await import('./analyze.ts');
    const lines = Array.from({ length: MAX_FINDINGS + 300 }, (_, i) => `{"Code":"Err${i}.X","RequestId":"REQ-${i}-0000-0000"}`);
    lines.push(lines[MAX_FINDINGS + 1]!); // one of the omitted codes twice
    const r = analyze(lines.join('\n'));
    expect(r.findings).toHaveLength(MAX_FINDINGS);
    expect(r.omitted).toEqual({ findings: 300, hits: 301 });
  });
});
