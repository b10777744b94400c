/**
 * A generated log for the analyzer benchmark: ordinary lines with, every so
 * often, one of the error shapes the analyzer reads (mPaaS response headers
 * and RpcExceptions, Alibaba Cloud JSON and SDK text, TOP error_response,
 * Easemob bodies). Deterministic, so runs compare.
 */
const SHAPES: ((i: number) => string)[] = [
  (i) =>
    `Demo[83383:${i}] [mPaaSLog] APMobileNetwork alipay.client.getUnionResource resp:{ "Content-Length" = 0; memo = "%E9%AA%8C%E7%AD%BE"; "mgw-traceid" = 0a1d${i}; "result-status" = ${[7014, 7002, 1000, 3002][i % 4]}; }`,
  (i) => `11-20 10:21:33.456 E/mynet_RpcInvoker(12345): com.alipay.mobile.common.rpc.RpcException: [${[7001, 2, 4][i % 3]}] alipay.client.getUnionResource`,
  (i) =>
    `{"RequestId":"4C467B38-3910-447D-87BC-${String(i).padStart(12, '0')}","HostId":"cloudpush.aliyuncs.com","Code":"InvalidTimeStamp.Expired","Message":"Specified time stamp or date value is expired."}`,
  (i) =>
    `aliyunsdkcore.acs_exception.exceptions.ServerException: HTTP Status: 400 Error:SignatureNonceUsed Specified signature nonce was used already. RequestID: 9C1A0B2E-0000-4D8D-9F3B-${String(i).padStart(12, '0')}`,
  () => `{"error_response":{"code":27,"msg":"Invalid session","sub_code":"invalid-sessionkey","request_id":"z28abc"}}`,
  (i) =>
    `HTTP/1.1 401 Unauthorized\n{"error":"auth_bad_access_token","timestamp":${1542350943210 + i},"duration":0,"exception":"org.apache.usergrid.rest.exceptions.SecurityException","error_description":"Unable to authenticate due to corrupt access token"}`,
];

export function sampleLog(bytes = 10 * 1024 * 1024, every = 50): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line =
      i % every === 0
        ? SHAPES[(i / every) % SHAPES.length]!(i)
        : `2024-05-01 12:${String(i % 60).padStart(2, '0')}:00.${String(i % 1000).padStart(3, '0')} I/Net(4242): request ${i} done in ${i % 997} ms {"path":"/api/v1/items","status":200}`;
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return lines.join('\n');
}
