/**
 * What the loose and prose readers need to know of the code tables
 * (content/codes/*.yaml), kept here so the analyzer stays free of the content
 * bundle: `known.test.ts` checks every code and message below against the
 * tables, so this list cannot drift from them.
 */

/** TOP codes and the `msg` TOP returns with each (the table's English search terms). */
export const TOP_MESSAGES: Readonly<Record<string, string>> = {
  '3': 'Upload Fail',
  '4': 'User Call Limited',
  '5': 'Session Call Limited',
  '6': 'Partner Call Limited',
  '7': 'App Call Limited',
  '8': 'App Call Exceeds Limited Frequency',
  '9': 'Http Action Not Allowed',
  '10': 'Service Currently Unavailable',
  '11': 'Insufficient ISV Permissions',
  '12': 'Insufficient User Permissions',
  '13': 'Insufficient Partner Permissions',
  '15': 'Remote Service Error',
  '21': 'Missing Method',
  '22': 'Invalid Method',
  '23': 'Invalid Format',
  '24': 'Missing Signature',
  '25': 'Invalid Signature',
  '26': 'Missing Session',
  '27': 'Invalid Session',
  '28': 'Missing App Key',
  '29': 'Invalid App Key',
  '30': 'Missing Timestamp',
  '31': 'Invalid Timestamp',
  '32': 'Missing Version',
  '33': 'Invalid Version',
  '34': 'Unsupported Version',
  '41': 'Invalid Arguments',
  '42': 'Forbidden Request',
  '43': 'Parameter Error',
};

/** Every numeric TOP code in the table (platform and business codes). */
export const TOP_CODES: ReadonlySet<string> = new Set([
  ...Object.keys(TOP_MESSAGES),
  '40',
  '44',
  '53',
  '500',
  '505',
  '510',
  '520',
  '521',
  '530',
  '531',
  '532',
  '540',
  '550',
  '551',
  '560',
  '570',
  '580',
  '590',
  '591',
  '600',
  '610',
  '620',
  '630',
  '640',
  '650',
  '660',
  '670',
]);

/** mPaaS gateway result codes in the table (1000 is success). */
export const MPAAS_CODES: ReadonlySet<string> = new Set([
  '1000',
  '1001',
  '1002',
  '1005',
  '2000',
  '3000',
  '3001',
  '3002',
  '3003',
  '4001',
  '4002',
  '4003',
  '5000',
  '8002',
  '7000',
  '7001',
  '7002',
  '7003',
  '7007',
  '7014',
  '6000',
  '6001',
  '6002',
  '6003',
  '6004',
  '6005',
  '6007',
  '6666',
]);

/**
 * Alibaba Cloud codes in the table written out in full (the `{Placeholder}`
 * patterns are matched by shape instead): a prose mention of one of these is
 * offered even when the text does not name Alibaba Cloud, as no other
 * platform's table has them.
 */
export const ALIYUN_CODES: ReadonlySet<string> = new Set([
  'InvalidProduct.NotFound',
  'InvalidApi.NotFound',
  'InvalidProtocol.NeedSsl',
  'InvalidAccessKeyId.NotFound',
  'InvalidTimeStamp.Format',
  'InvalidTimeStamp.Expired',
  'SignatureNonceUsed',
  'SignatureDoesNotMatch',
  'Throttling.User',
  'Throttling.Api',
  'AccountNotSupport',
  'AccountProhibited',
  'AccountInDebt',
  'AccountDisabled',
  'ServiceUnavailable',
]);

/** Easemob `error` values in the table (the numeric rows are HTTP statuses). */
export const EASEMOB_ERRORS: ReadonlySet<string> = new Set([
  'invalid_grant',
  'organization_application_not_found',
  'illegal_argument',
  'json_parse',
  'duplicate_unique_property_exists',
  'unauthorized',
  'auth_bad_access_token',
  'service_resource_not_found',
  'reach_limit',
  'resource_limited',
  'no_full_text_index',
  'unsupported_service_operation',
  'web_application',
  'group_authorization',
  'resource_not_found',
  'invalid_parameter',
  'forbidden_op',
]);

/** Alibaba Cloud codes by the `Message` their table entry gives (those without placeholders): a message pasted alone names its code. */
export const ALIYUN_MESSAGES: Readonly<Record<string, string>> = {
  'cannot find product according to your specified domain': 'InvalidProduct.NotFound',
  'specified api is not found,please check your url and method': 'InvalidApi.NotFound',
  'your request is denied as lack of ssl protect': 'InvalidProtocol.NeedSsl',
  'specified access key is not found': 'InvalidAccessKeyId.NotFound',
  'specified time stamp or date value is not well formatted': 'InvalidTimeStamp.Format',
  'specified time stamp or date value is expired': 'InvalidTimeStamp.Expired',
  'specified signature nonce was used already': 'SignatureNonceUsed',
  'specified signature is not matched with our calculation': 'SignatureDoesNotMatch',
  'request was denied due to user flow control': 'Throttling.User',
  'request was denied due to api flow control': 'Throttling.Api',
  'your account is not support': 'AccountNotSupport',
  'your account is prohibited': 'AccountProhibited',
  'your account is in debt': 'AccountInDebt',
  'your account is not enabled': 'AccountDisabled',
  'the specified appkey is not authorized': 'PermissionDenied',
  'the specified expiretime can not before now(+3seconds)': 'LimitExceed',
  'the request has failed due to a temporary failure of the server': 'ServiceUnavailable',
  'the request processing has failed due to some unknown error': 'InternalError',
  'the request processing is timeout': 'Timeout',
};
