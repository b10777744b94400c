import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';
import { readRecords } from './objectish.ts';

const found = (text: string) =>
  analyze(text)
    .findings.filter((f) => !f.success)
    .map((f) => `${f.platform}:${f.code}:${f.confidence}`);

describe('the tolerant normaliser', () => {
  it('reads the same fields from every notation, with offsets', () => {
    const notations: [string, string][] = [
      ['json', '{"code": 15, "msg": "Remote service error"}'],
      ['node-inspect', "{ code: 15, msg: 'Remote service error' }"],
      ['php-print_r', '[code] => 15\n    [msg] => Remote service error'],
      ['php-var_dump', '["code"]=>\n  int(15)\n  ["msg"]=>\n  string(20) "Remote service error"'],
      ['python-repr', "{u'code': 15, u'msg': u'Remote service error'}"],
      ['key-value', 'code=15, msg=Remote service error'],
    ];
    for (const [notation, text] of notations) {
      const [rec] = readRecords(text);
      expect(rec?.notation, text).toBe(notation);
      expect(rec?.get('code')?.value, text).toBe('15');
      expect(rec?.get('msg')?.value, text).toBe('Remote service error');
      const code = rec!.get('code')!;
      expect(text.slice(code.start, code.end)).toContain('15');
    }
  });

  it('joins a hard-wrapped quoted value and strips markdown around it', () => {
    expect(readRecords('Code:"Inact\nive", HostId:"ram.aliyuncs.com"')[0]?.get('code')?.value).toBe('Inactive');
    expect(readRecords('errorCode:"**SDK.CanNotResolveEndpoint**"')[0]?.get('errorcode')?.value).toBe('SDK.CanNotResolveEndpoint');
  });

  it('starts a new record at a repeated key, so a log of repeated errors gives one record each', () => {
    const line = (id: string) =>
      `Aliyun API Error: RequestId: ${id} Status Code: 404 Code: InvalidAccessKeyId.NotFound Message: Specified access key is not found.`;
    const recs = readRecords([line('61671224-9C93'), line('38951641-55C1')].join('\n'));
    expect(recs.map((r) => r.get('requestid')?.value)).toEqual(['61671224-9C93', '38951641-55C1']);
    expect(recs[0]!.get('statuscode')?.value).toBe('404');
    expect(recs[0]!.get('message')?.value).toBe('Specified access key is not found.');
  });
});

describe('loose readers', () => {
  it('reads a TOP error without its wrapper only when the message is TOP’s for that code', () => {
    expect(found('stdClass Object ( [code] => 11 [msg] => Insufficient isv permissions [request_id] => ut1a52vjjfq )')).toEqual(['top:11:loose']);
    // Another platform's `{code, msg}`: code 5 is TOP's, its message is not.
    expect(found('{"code":5,"msg":"appid not allowed","data":{"appid":0}}')).toEqual([]);
  });

  it('claims an error_response only with TOP’s codes, sub-codes or name (Youzan shares the wrapper)', () => {
    expect(found("{ error_response: { code: 25, msg: 'Invalid signature' } }")).toEqual(['top:25:envelope']);
    expect(found('{"error_response": {"code": 40005, "msg": "??????"}}')).toEqual([]);
  });

  it('reads Alibaba Cloud SDK text and printed bodies, never an AWS one', () => {
    expect(found('Aliyun API Error: RequestId: 2640E5C1 Status Code: 400 Code: Forbidden.RAM Message: User not authorized')).toEqual([
      'aliyun:Forbidden.RAM:envelope',
    ]);
    expect(
      found(
        '&common.Error{ErrorResponse:common.ErrorResponse{Response:common.Response{RequestId:"21C0B7E4"}, HostId:"ecs-cn-hangzhou.aliyuncs.com", Code:"UnknownError", Message:"x"}, StatusCode:400}',
      ),
    ).toEqual(['aliyun:UnknownError:envelope']);
    expect(found("{u'Code': u'Forbidden.RAM', u'HostId': u'alidns.aliyuncs.com', u'RequestId': u'3AFE62CC'}")).toEqual(['aliyun:Forbidden.RAM:envelope']);
    expect(found('(Service: AWSSecurityTokenService; Status Code: 403; Error Code: AccessDenied; Request ID: b59b74ae-9)')).toEqual([]);
    // Tencent Cloud's SDK prints the same key=value shape, with a dotted code.
    expect(found('[TencentCloudSDKError] Code=FailedOperation.CertificateNotDeployInstance, Message=x, RequestId=3811ea1c-80cb')).toEqual([]);
  });

  it('reads the OSS Go SDK’s key=value error, its unquoted message ending before the RequestId', () => {
    const text = 'oss: service returned error: StatusCode=404, ErrorCode=NoSuchKey, ErrorMessage=The specified key does not exist., RequestId=5A44D439';
    const [f] = analyze(text).findings;
    expect(`${f?.platform}:${f?.code}:${f?.confidence}`).toBe('aliyun:NoSuchKey:envelope');
    expect(f?.fields).toContainEqual({ name: 'Message', value: 'The specified key does not exist.' });
    expect(f?.fields).toContainEqual({ name: 'RequestId', value: '5A44D439' });
  });

  it('reads a var_dump kept in source code as // comments', () => {
    const text =
      '// array(2) {\n  // ["error"]=>\n  // string(32) "duplicate_unique_property_exists"\n  // ["exception"]=>\n  // string(36) "org.apache.usergrid.DuplicateUnique"\n// }';
    expect(readRecords(text)[0]?.get('error')?.value).toBe('duplicate_unique_property_exists');
    expect(found(text)).toEqual(['easemob:duplicate_unique_property_exists:loose']);
  });

  it('reads the OSS JavaScript SDK’s error name next to the SDK, and no other error name', () => {
    expect(found('Unhandled Promise Rejection: SignatureDoesNotMatchError: The request signature…\n\t(aliyun-oss-sdk.min.js:4:7981)')).toEqual([
      'aliyun:SignatureDoesNotMatch:loose',
    ]);
    expect(found('Unhandled Promise Rejection: SignatureDoesNotMatchError: The request signature…\n\t(s3-sdk.min.js:4:7981)')).toEqual([]);
    expect(found('Uncaught TypeError: x is undefined\n\t(aliyun-oss-sdk.min.js:4:7981)')).toEqual([]);
  });

  it('reads mPaaS result-status in loose log forms only next to the gateway', () => {
    expect(found('alipay.client.getUnionResource result-status: 3002')).toEqual(['mpaas:3002:loose']);
    expect(found('mgw resultStatus=7014')).toEqual(['mpaas:7014:loose']);
    // Alipay's payment SDK also says resultStatus, with codes the gateway does not have.
    expect(found('"memo": "系统繁忙，请稍后再试", "resultStatus": "4000"')).toEqual([]);
  });

  it('reads the gateway’s digest logs and iOS NSError text', () => {
    expect(found('2020-06-03 14:14:08,001 - (/mgw.htm,response,N,61 ms,alipay.a.b,-,84EFA9A281942,default,7014,-,-,-)')).toEqual(['mpaas:7014:envelope']);
    const ok = analyze('2017-09-12 11:15:57,700 - (com.alipay.gateway.test,ANT_CLOUD_APP,3.0.0.20171214,36ms,Y,1000,79c731d5150518615768657974443)').findings;
    expect(ok.map((f) => [f.code, f.success])).toEqual([['1000', true]]);
    expect(found('Error Domain=nebulaappmanager_error_domain Code=10008 "app not exist"')).toEqual(['mpaas:AppNotExist:envelope']);
    expect(found('Error Domain=NSURLErrorDomain Code=-1001 "The request timed out."')).toEqual([]);
  });
});

describe('prose mentions', () => {
  it('offers a code a table holds when the text names its platform or the code is unique to it, ranked below envelopes', () => {
    expect(found('getUnionResource 返回 7003')).toEqual(['mpaas:7003:prose']);
    expect(found('更新完提示 3002')).toEqual([]);
    expect(found('alidayu提示isv.permission-api-package-limit')).toEqual(['top:isv.permission-api-package-limit:prose']);
    expect(found('2.7 报 SignatureDoesNotMatch 请求签名不匹配')).toEqual(['aliyun:SignatureDoesNotMatch:prose']);
    expect(found('`15    Remote service error`')).toEqual(['top:15:prose']);
    // A Security Guard code next to mPaaS, Security Guard or an offline package; not a number on any line, nor a gateway code by an offline package alone.
    expect(found('我更新离线包本地报错为：607')).toEqual(['mpaas:607:prose']);
    expect(found('无线保镖 608')).toEqual(['mpaas:608:prose']);
    expect(found('更新完提示 607')).toEqual([]);
    expect(found('更新离线包提示 3002')).toEqual([]);
    const mixed = analyze('报 SignatureDoesNotMatch\n{"RequestId":"A1","Code":"InvalidTimeStamp.Expired","Message":"x"}').findings;
    expect(mixed.map((f) => f.confidence)).toEqual(['envelope', 'prose']);
  });

  it('does not take a code inside another object, or a look-alike platform’s words', () => {
    expect(found('{"code":201,"requestId":"0be3e0bd","resultCode":"Frontend.Business.NeedLogin","key":"https://account.aliyun.com/"}')).toEqual([]);
    expect(found('执行的时候报：40001 invalid credential')).toEqual([]);
    expect(found('api error InvalidAccessKeyId: The Access Key Id you provided does not exist in our records.')).toEqual([]);
  });
});
