/**
 * Inputs built to make the analyzer's recognisers rescan: each unit starts a
 * match and never finishes it, so repeating it probes a recogniser's worst case.
 * Every one of them was once super-linear (see the scan budget in text.ts).
 * Shared by the property test (each must return) and `npm run bench` (how the
 * time grows with the size: it should grow with it, not with its square).
 * Not imported by the app.
 */
export const ADVERSARIAL_UNITS: readonly string[] = [
  '"result-status" = ', 'resp:{ ', '{"Code":"', '"RequestId":', 'RpcException: [1] ', 'AppNotExist ', 'kDTRpcX ', 'SecException ErrorCode=607 ',
  '<Error><Code>', 'HTTP Status: 400 Error:', 'SDK.ServerError\n', 'TeaException Code: X ', 'ErrCode: Abc ',
  '{"error_response":', '<error_rsp>', '{"error":"', '{"error":"x","error_description":"', '%E9', '[[[[', 'a',
];

/** `unit` repeated to at least `chars` characters. */
export const repeatTo = (unit: string, chars: number): string => unit.repeat(Math.ceil(chars / unit.length));
