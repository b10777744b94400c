import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskFor, redact, type SecretKind } from './redact.ts';

/** Asserts that every secret is gone, the kind was counted, and the rest of the text is untouched. */
function expectMasked(text: string, secrets: string[], kind: SecretKind, keep: string[] = []) {
  const r = redact(text);
  for (const s of secrets) expect(r.text, `"${s}" should be masked in ${text}`).not.toContain(s);
  expect(r.text).toContain(maskFor(kind));
  expect(r.masked[kind]).toBe(secrets.length);
  for (const k of keep) expect(r.text).toContain(k);
  return r;
}

describe('redact: signatures', () => {
  it('masks sign in a TOP request URL, keeping sign_method and the other parameters', () => {
    expectMasked(
      'GET https://eco.taobao.com/router/rest?app_key=12345678&method=taobao.item.get&sign_method=md5&sign=668FB4A049F71A1C845EF8C05B1F3E66&timestamp=2021-03-05+18%3A03%3A06',
      ['668FB4A049F71A1C845EF8C05B1F3E66'],
      'signature',
      ['sign_method=md5', 'app_key=12345678', 'method=taobao.item.get'],
    );
  });
  it('masks sign in TOP error_response args (key/value pairs) and in the analyzer’s key=value rendering', () => {
    expectMasked(
      '{"error_response":{"args":{"arg":[{"key":"app_key","value":"15739"},{"key":"sign","value":"668FB4A049F71A1C845EF8C05B1F3E66"}]},"code":25,"msg":"Invalid signature"}}',
      ['668FB4A049F71A1C845EF8C05B1F3E66'],
      'signature',
      ['"code":25', 'Invalid signature', '15739'],
    );
    expectMasked('app_key=15739, sign=668FB4A049F71A1C845EF8C05B1F3E66, v=2.0', ['668FB4A049F71A1C845EF8C05B1F3E66'], 'signature', ['v=2.0']);
  });
  it('masks an Alibaba Cloud Signature parameter but not SignatureNonce, SignatureMethod or the error code', () => {
    expectMasked(
      'Action=Push&AccessKeyId=testid&Signature=OLeaidS1JvxuMvnyHOwuJ%2BuX5qY%3D&SignatureMethod=HMAC-SHA1&SignatureNonce=c1b2a3&Code=SignatureDoesNotMatch',
      ['OLeaidS1JvxuMvnyHOwuJ%2BuX5qY%3D'],
      'signature',
      ['SignatureMethod=HMAC-SHA1', 'SignatureNonce=c1b2a3', 'Code=SignatureDoesNotMatch'],
    );
  });
  it('masks sign in an Xcode console dictionary and in JSON', () => {
    expectMasked('resp:{\n    "result-status" = 7002;\n    sign = 9f8e7d6c5b4a39281706f5e4d3c2b1a0;\n}', ['9f8e7d6c5b4a39281706f5e4d3c2b1a0'], 'signature', [
      '"result-status" = 7002;',
    ]);
    expectMasked('{"sign": "abcdef0123456789", "sign_type": "RSA2"}', ['abcdef0123456789'], 'signature', ['"sign_type": "RSA2"']);
  });
});

describe('redact: AccessKeys', () => {
  it('masks AccessKey ids by name and by their LTAI shape', () => {
    expectMasked('AccessKeyId=LTAI4FxyzABCDEFGH1234567&Format=JSON', ['LTAI4FxyzABCDEFGH1234567'], 'accessKeyId', ['Format=JSON']);
    expectMasked('using key LTAI5tQ9xKpZrW3mN8bV2cD7 for cloudpush', ['LTAI5tQ9xKpZrW3mN8bV2cD7'], 'accessKeyId', ['for cloudpush']);
  });
  it('leaves the error code InvalidAccessKeyId.NotFound alone', () => {
    const r = redact('{"Code":"InvalidAccessKeyId.NotFound","Message":"Specified access key is not found."}');
    expect(r.text).toContain('InvalidAccessKeyId.NotFound');
    expect(r.masked).toEqual({});
  });
  it('masks AccessKey secrets in env, JSON, XML and SDK config lines', () => {
    expectMasked('export ALIBABA_CLOUD_ACCESS_KEY_SECRET=Wq3vX9kPz2LmN8bR4tY7uI1oP5aS6d', ['Wq3vX9kPz2LmN8bR4tY7uI1oP5aS6d'], 'accessKeySecret');
    expectMasked(
      '{"accessKeyId":"LTAI5tQ9xKpZrW3mN8bV2cD7","accessKeySecret":"Wq3vX9kPz2LmN8bR4tY7uI1oP5aS6d"}',
      ['Wq3vX9kPz2LmN8bR4tY7uI1oP5aS6d'],
      'accessKeySecret',
    );
    expectMasked(
      '<Credentials><AccessKeySecret>Wq3vX9kPz2LmN8bR4tY7uI1oP5aS6d</AccessKeySecret></Credentials>',
      ['Wq3vX9kPz2LmN8bR4tY7uI1oP5aS6d'],
      'accessKeySecret',
      ['<Credentials>'],
    );
    expectMasked(
      'client = AcsClient(ak, secret = "Wq3vX9kPz2LmN8bR4tY7uI1oP5aS6d", region_id="cn-hangzhou")',
      ['Wq3vX9kPz2LmN8bR4tY7uI1oP5aS6d'],
      'accessKeySecret',
      ['region_id="cn-hangzhou"'],
    );
    expectMasked('app_secret=0123456789abcdef0123456789abcdef&app_key=12345678', ['0123456789abcdef0123456789abcdef'], 'accessKeySecret', ['app_key=12345678']);
  });
  it('masks an AccessKey secret written on its own in a note, and nothing else of that length', () => {
    expectMasked('Customer says the AK secret is Wq3vX9kPz2LmN8bR4tY7uI1oP5aS6d, rotated yesterday', ['Wq3vX9kPz2LmN8bR4tY7uI1oP5aS6d'], 'accessKeySecret', [
      'rotated yesterday',
    ]);
    for (const text of [
      'mgw-traceid 0a1cfd401597122097726853822435 and 0A1CFD401597122097726853822435', // hex trace ids, either case
      'operationType alipayclientgetUnionResourceabc', // letters only
      'HostId cloudpush.aliyuncs.com RequestId 4C467B38-3910-447D-87BC-AC049166F216',
      'a base64 run aGVsbG8gd29ybGQgaGVsbG8gd29ybGQgaGVsbG8gd29ybGQ= is longer than 30',
    ]) {
      expect(redact(text).masked, text).toEqual({});
    }
  });
  it('masks an Easemob client_secret in a token request', () => {
    expectMasked(
      '{"grant_type":"client_credentials","client_id":"YXA6i-Ak8Ol4Eei2l11ZjV-EAg","client_secret":"YXA6JOMWlLap_YbI_ucz77j-4-mI0JA"}',
      ['YXA6JOMWlLap_YbI_ucz77j-4-mI0JA'],
      'accessKeySecret',
      ['client_credentials'],
    );
  });
});

describe('redact: tokens and session keys', () => {
  it('masks Easemob access tokens in a JSON body and in an Authorization header, keeping the scheme', () => {
    expectMasked(
      '{"access_token":"YWMtWY779DgJEeS2h9OR7fw4QgAAAUlmBR2bTGr-GP2xNh8GhUCdKViBFDSEF2E","expires_in":5184000}',
      ['YWMtWY779DgJEeS2h9OR7fw4QgAAAUlmBR2bTGr-GP2xNh8GhUCdKViBFDSEF2E'],
      'token',
      ['"expires_in":5184000'],
    );
    const r = expectMasked(
      'Authorization: Bearer YWMtWY779DgJEeS2h9OR7fw4QgAAAUlmBR2bTGr-GP2xNh8GhUCdKViBFDSEF2E',
      ['YWMtWY779DgJEeS2h9OR7fw4QgAAAUlmBR2bTGr'],
      'token',
    );
    expect(r.text).toBe(`Authorization: Bearer ${maskFor('token')}`);
  });
  it('masks a bearer token in a curl command', () => {
    expectMasked(
      "curl -X POST 'https://a1.easemob.com/org/app/users' -H 'Authorization: Bearer YWMtabcdefghijklmnop1234'",
      ['YWMtabcdefghijklmnop1234'],
      'token',
      ['https://a1.easemob.com/org/app/users'],
    );
  });
  it('masks a TOP session key in a request and a STS SecurityToken', () => {
    expectMasked(
      'method=taobao.trade.fullinfo.get&session=6100e23657fb0b2d0c78568e55a3031134be9a3a5d4b3a365753805&v=2.0',
      ['6100e23657fb0b2d0c78568e55a3031134be9a3a5d4b3a365753805'],
      'sessionKey',
      ['v=2.0'],
    );
    expectMasked('SecurityToken=CAIS8AF1q6Ft5B2yfSjIr5bkKOPl&Version=2016-08-01', ['CAIS8AF1q6Ft5B2yfSjIr5bkKOPl'], 'token', ['Version=2016-08-01']);
  });
  it('does not touch the words of an error message about tokens or sessions', () => {
    for (const text of [
      '{"code":27,"msg":"Invalid session","sub_code":"invalid-sessionkey"}',
      'Unable to authenticate due to expired access token',
      'auth_bad_access_token',
    ]) {
      expect(redact(text)).toEqual({ text, masked: {} });
    }
  });
});

describe('redact: passwords, phones, e-mail addresses', () => {
  it('masks passwords in an Easemob user body and in a form', () => {
    expectMasked('{"username":"user1","password":"s3cret-Pa55","newpassword":"n3w-Pa55"}', ['s3cret-Pa55', 'n3w-Pa55'], 'password', ['"username":"user1"']);
    expectMasked('username=alice&password=hunter2&grant_type=password', ['hunter2'], 'password', ['grant_type=password']);
  });
  it('masks mainland mobile numbers in the forms people write them, and international numbers', () => {
    expectMasked('call 13812345678 or +86 139 1234 5678 or 0086-15012345678', ['13812345678', '139 1234 5678', '15012345678'], 'phone');
    expectMasked('US contact +1 415 555 0132', ['415 555 0132'], 'phone');
  });
  it('leaves timestamps, trace ids, request ids and codes that look like numbers alone', () => {
    for (const text of [
      'timestamp=1700000000000 mgw-traceid: 0b2f3c4d17000000000001234e5f6a',
      'RequestId: 9C1A0B2E-0000-4D8D-9F3B-2F1E3A4B5C6D, result-status = 6666',
      'Date: 2021-03-05T10:00:00+0800 HTTP/1.1 500',
    ]) {
      expect(redact(text).masked).toEqual({});
    }
  });
  it('masks e-mail addresses', () => {
    expectMasked('reported by dev.ops+push@example.co.uk and li@example.cn', ['dev.ops+push@example.co.uk', 'li@example.cn'], 'email', ['reported by']);
  });
});

describe('redact: robustness', () => {
  it('counts each masked value once, even where two rules see it', () => {
    const r = redact('accessKeyId=LTAI5tQ9xKpZrW3mN8bV2cD7');
    expect(r.masked).toEqual({ accessKeyId: 1 });
    expect(r.text).toBe(`accessKeyId=${maskFor('accessKeyId')}`);
  });
  it('does not mask empty or null values, and is stable when run twice', () => {
    expect(redact('sign=&token=null').masked).toEqual({});
    const once = redact('password=hunter2 sign=abc123 a@b.cn');
    expect(redact(once.text)).toEqual({ text: once.text, masked: {} });
  });
  it('returns for any string, never longer than it needs to be', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (s) => {
        const r = redact(s);
        expect(typeof r.text).toBe('string');
        const count = Object.values(r.masked).reduce((a, b) => a + b, 0);
        expect(r.text.length).toBeLessThanOrEqual(s.length + count * 40);
      }),
    );
  });
  it('masks a secret wherever it sits among arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }), fc.stringMatching(/^[A-Za-z0-9]{12,40}$/), (before, after, secret) => {
        const r = redact(`${before}\npassword=${secret}\n${after}`);
        expect(r.text).toContain(`password=${maskFor('password')}`);
      }),
    );
  });
});

/**
 * The forms an adversarial pass found unmasked (and the ordinary text it found
 * masked), one test each: the corpus test (redact.corpus.test.ts) measures
 * the same on public text.
 */
describe('redact: forms people write secrets in', () => {
  const masks = (text: string, secret: string) => {
    const out = redact(text).text.replace(/\[masked [A-Za-z]+\]/g, '□');
    expect(out, text).not.toContain(secret);
  };
  it.each([
    [
      'TOP app secret in code',
      'TaobaoClient client = new DefaultTaobaoClient(url, "12345678", "4cf3a1bc2c5174753a8bf28ddf095010");',
      '4cf3a1bc2c5174753a8bf28ddf095010',
    ],
    ['properties', 'taobao.app-secret=4cf3a1bc2c5174753a8bf28ddf095010', '4cf3a1bc2c5174753a8bf28ddf095010'],
    ['Android string resource', '<string name="app_secret">4cf3a1bc2c5174753a8bf28ddf095010</string>', '4cf3a1bc2c5174753a8bf28ddf095010'],
    ['command-line flag', 'top-cli --app-secret 4cf3a1bc2c5174753a8bf28ddf095010 --app-key 12345678', '4cf3a1bc2c5174753a8bf28ddf095010'],
    ['aligned assignment', 'appKey            = 12345678\nappSecret         = 4cf3a1bc2c5174753a8bf28ddf095010', '4cf3a1bc2c5174753a8bf28ddf095010'],
    ['value on the next line', 'private static final String APP_SECRET =\n        "4cf3a1bc2c5174753a8bf28ddf095010";', '4cf3a1bc2c5174753a8bf28ddf095010'],
    [
      'session key as the last argument of execute',
      'TradeFullinfoGetResponse rsp = client.execute(req, "6100e23657fb0b2d0c78568e55a3031134be9a3a5d4b3a3");',
      '6100e23657fb0b2d0c78568e55a3031134be9a3a5d4b3a3',
    ],
    [
      'top_session',
      'https://example.com/callback?top_appkey=12345678&top_session=6100e23657fb0b2d0c78568e55a30311&top_sign=abc',
      '6100e23657fb0b2d0c78568e55a30311',
    ],
    ['acs Authorization', 'Authorization: acs LTAI5tQ9xKpZrW3mN8bV2cD7:frNqbtrMk2B3cwAa3smMlNa2aS8=', 'frNqbtrMk2B3cwAa3smMlNa2aS8='],
    ['X-Ca-Signature', 'X-Ca-Signature: xfX+bZxY2yl7EB/qdoDy9v/uscw3Nnj1pgoU+Bm6xdM=', 'xfX+bZxY2yl7EB/qdoDy9v/uscw3Nnj1pgoU+Bm6xdM='],
    [
      'bare JWT',
      'the token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U expired',
      'dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
    ],
    ['JWT cookie', 'Cookie: jwt=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc123def456; theme=dark', 'eyJhbGciOiJIUzI1NiJ9'],
    ['escaped JSON', '"{\\"access_token\\":\\"YWMtWY779DgJEeS2h9OR7fw4QgAAAUlm\\",\\"expires_in\\":5184000}"', 'YWMtWY779DgJEeS2h9OR7fw4QgAAAUlm'],
    ['dotted name', 'spring.datasource.password=Sup3r-S3cret!', 'Sup3r-S3cret!'],
    ['flag with a space', 'mysql -u root --password S3cretPass db', 'S3cretPass'],
    ['percent-encoded', 'redirect=%2Flogin%3Fuser%3Dadmin%26password%3DS3cretPass%26x%3D1', 'S3cretPass'],
    ['URL userinfo', 'jdbc:mysql://dbuser:S3cretPass@10.0.0.5:3306/app', 'S3cretPass'],
    ['PEM private key', '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx4f2Qh1Z\nabcdEFGH1234\n-----END RSA PRIVATE KEY-----', 'MIIEowIBAAKCAQEAx4f2Qh1Z'],
    ['app_private_key', 'app_private_key = MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC'],
    ['X-API-Key', 'X-API-Key: 9f8e7d6c5b4a39281706f5e4d3c2b1a0', '9f8e7d6c5b4a39281706f5e4d3c2b1a0'],
    ['api_key', 'GET /v1/items?api_key=9f8e7d6c5b4a39281706f5e4d3c2b1a0&limit=10', '9f8e7d6c5b4a39281706f5e4d3c2b1a0'],
    ['cookies', 'Cookie: JSESSIONID=1A2B3C4D5E6F; cookie2=1f2e3d4c5b6a; _tb_token_=e3b0c442', '1f2e3d4c5b6a'],
    [
      'DingTalk robot secret',
      'secret = "SEC1e5b3a6f0d2c4b8a9e7f6d5c4b3a2918e7d6c5b4a39281706f5e4d3c2b1a0a"',
      'SEC1e5b3a6f0d2c4b8a9e7f6d5c4b3a2918e7d6c5b4a39281706f5e4d3c2b1a0a',
    ],
    ['STS id', 'AccessKeyId: STS.NU2niQ9feMMqtWyubqcbRwDSj', 'STS.NU2niQ9feMMqtWyubqcbRwDSj'],
    ['full-width colon', '密钥：Wq3vX9kPz2LmN8bR4tY7uI1oP5aS6d', 'Wq3vX9kPz2LmN8bR4tY7uI1oP5aS6d'],
    ['client_secret with a full-width colon', 'client_secret：YXA6JOMWlLap_YbI_ucz77j', 'YXA6JOMWlLap_YbI_ucz77j'],
    ['token with a full-width colon', 'token：6100e23657fb0b2d0c78568e55a30311', '6100e23657fb0b2d0c78568e55a30311'],
    ['password in Chinese', '密码：Abc@12345，请勿外传', 'Abc@12345'],
    ['SK=', 'AK=LTAI5tQ9xKpZrW3mN8bV2cD7 SK=Wq3vX9kPz2LmN8bR4tY7uI1oP5aS6d', 'Wq3vX9kPz2LmN8bR4tY7uI1oP5aS6d'],
    ['mainland landline with dashes', '联系人电话 021-5555-1234', '021-5555-1234'],
    ['mainland landline with spaces', 'tel 0571 8502 2088', '0571 8502 2088'],
    ['international landline', 'call +44 20 7946 0958 or +1 (415) 555-0132', '20 7946 0958'],
    ['ID card number', '身份证：11010519491231002X', '11010519491231002X'],
    ['IMEI', 'IMEI: 860955027785041', '860955027785041'],
  ])('%s', (_, text, secret) => masks(text, secret));

  it.each([
    'icon@2x.png',
    'git clone git@github.com:org/repo.git',
    'uploaded 15000000000 bytes in 3 parts',
    'com.aliyun.tea.AliyunOpenapiClientV2Exception: code: 400',
    'token: expired yesterday',
    'Password: reset by the user',
    'Authorization: missing from the request',
    'mgw-traceid = 0a1d7667159712140890222728553; "result-status" = 7014;',
    'RequestId: 4C467B38-3910-447D-87BC-AC049166F216 Code: InvalidAccessKeyId.NotFound',
    '{"error_response":{"code":25,"msg":"Invalid signature","sub_code":"isv.invalid-signature","request_id":"3x1l0i2t5bhs"}}',
    '错误码：isv.BUSINESS_LIMIT_CONTROL，请求ID：4C467B38-3910-447D-87BC-AC049166F216',
  ])('leaves %j unchanged', (text) => {
    expect(redact(text)).toEqual({ text, masked: {} });
  });
});
