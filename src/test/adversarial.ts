/**
 * Inputs built to make the analyzer's recognisers rescan: each starts a match
 * and never finishes it, so growing it probes a recogniser's worst case.
 * Shared by the property test (each must return) and `npm run bench` (how the
 * time grows with the size: it should grow with it, not with its square).
 * Not imported by the app.
 */
export interface AdversarialInput {
  /** What the input is, for the bench's table. */
  label: string;
  /** The input at (at least) `chars` characters. */
  build: (chars: number) => string;
}

/** Pieces repeated over and over: every one of them was once super-linear (see the scan budget in text.ts). */
const UNITS: readonly string[] = [
  '"result-status" = ',
  'resp:{ ',
  '{"Code":"',
  '"RequestId":',
  'RpcException: [1] ',
  'AppNotExist ',
  'kDTRpcX ',
  'SecException ErrorCode=607 ',
  '<Error><Code>',
  'HTTP Status: 400 Error:',
  'SDK.ServerError\n',
  'TeaException Code: X ',
  'ErrCode: Abc ',
  '{"error_response":',
  '<error_rsp>',
  '{"error":"',
  '{"error":"x","error_description":"',
  '%E9',
  '[[[[',
  'a',
  // Separators and quotes a key = value reader skips over.
  '= ',
  ': ',
  '"',
  "'",
  ';',
  ',',
  '\t',
  ' = ;',
  '"a" = "',
  'key = ',
  'RpcException [',
  'SecException ',
  'request_id: ',
  // The tolerant readers (objectish.ts, loose.ts): separators with keys, unclosed values, log forms and prose.
  '[code] => ',
  '["Code"]=> string(9) "',
  "u'Code': u'",
  "code: [ '",
  'Code: X ',
  'errorCode:"',
  'result-status: ',
  'resultStatus=',
  '错误码：',
  'Error Domain=x Code=1 ',
  '(/mgw.htm,',
  '1 ms,Y,',
  '</error_rsp>',
  '<code>1</code>',
  'SDK.Abc ',
  'isv.ABC ',
  'Foo.NotFound ',
  'remote service error ',
  'getUnionResource 7003 ',
  'FCAbcError: requestid: ',
  'troubleshoot?q=Abc ',
  'message: Code: ',
];

/**
 * A start, then one character many times, then an end: a value made of
 * spaces inside an Xcode console dictionary took 100 s at 8,000 spaces when
 * three parts of one pattern could all match them.
 */
const PADDED: readonly { prefix: string; filler: string; suffix: string }[] = [
  { prefix: 'Demo[1:2] APMobileNetwork alipay.client.getUnionResource resp:{ "result-status" = 7014; memo = ', filler: ' ', suffix: 'x }' },
  { prefix: 'resp:{ "result-status" = 7014; memo = "', filler: '\\"', suffix: '' },
  { prefix: 'resp:{ "result-status"', filler: ' ', suffix: '= 7014 }' },
  { prefix: 'E/mynet_RpcInvoker: RpcException', filler: ' ', suffix: '[7001' },
  { prefix: 'HTTP Status: 400 Error:InvalidAccessKeyId.NotFound', filler: ' ', suffix: 'x' },
  { prefix: 'TeaException Message: code: 400,', filler: ' ', suffix: 'x' },
  { prefix: '{"error_response":{"code":', filler: ' ', suffix: '' },
  { prefix: 'SecException ', filler: ' ', suffix: 'ErrorCode' },
  { prefix: '"Code": "', filler: 'a\\"', suffix: '' },
  { prefix: 'Message: ', filler: 'x ', suffix: 'RequestId: 1' },
  { prefix: '[msg] => ', filler: 'x', suffix: ' [code] => 15' },
  { prefix: 'getUnionResource ', filler: '7003 ', suffix: '' },
];

/** `unit` repeated to at least `chars` characters. */
export const repeatTo = (unit: string, chars: number): string => unit.repeat(Math.ceil(chars / unit.length));

export const ADVERSARIAL_INPUTS: readonly AdversarialInput[] = [
  ...UNITS.map((unit) => ({ label: JSON.stringify(unit), build: (chars: number) => repeatTo(unit, chars) })),
  ...PADDED.map(({ prefix, filler, suffix }) => ({
    label: `${JSON.stringify(prefix.slice(-24))} + ${JSON.stringify(filler)}…`,
    build: (chars: number) => prefix + repeatTo(filler, chars) + suffix,
  })),
];
