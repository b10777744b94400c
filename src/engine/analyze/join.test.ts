import { describe, expect, it } from 'vitest';
import { compileCodeIndex } from '../../content/compile-codes.ts';
import { loadContent } from '../../content/load.ts';
import { bestMatch, findCode } from '../codes.ts';
import { analyze } from './analyze.ts';
import { ENTRY_STEPS, errorCenterSearch, findingFacts, joinFinding, summaryFindingsFor } from './join.ts';

const content = loadContent(process.cwd());
const index = compileCodeIndex(
  content.codes.map((c) => c.table!),
  'en',
  content.sources,
);
const first = (text: string) => analyze(text).findings[0]!;

describe('findings joined to the code tables', () => {
  it('names each platform’s first step as its entry step', () => {
    for (const [platform, step] of Object.entries(ENTRY_STEPS)) {
      const [treeId, stepId] = step.split('/');
      const tree = content.trees.find((t) => t.tree?.id === treeId)?.tree;
      expect(tree?.start, `${platform}: ${step}`).toBe(stepId);
    }
  });

  it('finds the entry and its step for a code in the table', () => {
    const j = joinFinding(
      index,
      first('{"RequestId":"A1B2C3D4-0000","Code":"InvalidTimeStamp.Expired","Message":"Specified time stamp or date value is expired."}'),
    );
    expect(j.entry?.code).toBe('InvalidTimeStamp.Expired');
    expect(j.step).toBe(j.entry?.step);
    expect(j.step).toMatch(/^aliyun-openapi-error\//);
    expect(j.outside).toBeUndefined();
  });

  it('finds the sub-code’s entry for a TOP error (a placeholder sub-code too)', () => {
    const j = joinFinding(index, first('{"error_response":{"code":15,"msg":"Remote service error","sub_code":"isv.missing-parameter:image"}}'));
    expect(j.entry?.code).toBe('15');
    expect(j.subEntry?.code).toBe('isv.missing-parameter');
  });

  it('reads an Easemob variant from the message', () => {
    const f = first(
      '{"error":"unauthorized","exception":"EasemobSecurityException","timestamp":1,"duration":0,"error_description":"Unable to authenticate due to expired access token"}',
    );
    const j = joinFinding(index, f);
    expect(j.entry?.code).toBe('unauthorized');
    expect(j.variant?.match.toLowerCase()).toContain('expired');
  });

  it('reports an Alibaba Cloud code outside the table as an OpenAPI error: its Recommend link, the entry step', () => {
    const withLink = first(
      '{"RequestId":"6A5E-11","HostId":"dysmsapi.aliyuncs.com","Code":"isv.BUSINESS_LIMIT_CONTROL","Message":"x","Recommend":"https://api.aliyun.com/troubleshoot?q=isv.BUSINESS_LIMIT_CONTROL"}',
    );
    const j = joinFinding(index, withLink);
    expect(j.entry).toBeUndefined();
    expect(j.step).toBe(ENTRY_STEPS.aliyun);
    expect(j.outside).toEqual({ lookup: 'https://api.aliyun.com/troubleshoot?q=isv.BUSINESS_LIMIT_CONTROL', fromBody: true });
    const bare = joinFinding(index, first('{"RequestId":"6A5E-11","HostId":"alidns.aliyuncs.com","Code":"Forbidden.RAM"}'));
    expect(bare.outside).toEqual({ lookup: errorCenterSearch('Forbidden.RAM'), fromBody: false });
  });

  it('does not take a Recommend link to another site', () => {
    const j = joinFinding(index, first('{"RequestId":"6A5E-11","Code":"Forbidden.RAM","Recommend":"https://evil.example/aliyun.com/"}'));
    expect(j.outside?.fromBody).toBe(false);
  });

  it('sends a success to its own entry’s step only, never to the entry step of its tree', () => {
    const f = first('APMobileNetwork alipay.client.getUnionResource resp:{ "result-status" = 1000; }');
    expect(f.success).toBe(true);
    const j = joinFinding(index, f);
    expect(j.step).toBe(j.entry?.step);
    expect(j.step).not.toBe(ENTRY_STEPS.mpaas);
  });

  it('keeps codes, titles and ids for the ticket summary, the chosen finding first, no successes', () => {
    const r = analyze(
      [
        'APMobileNetwork alipay.client.getUnionResource resp:{ "result-status" = 1000; }',
        'APMobileNetwork alipay.client.getUnionResource resp:{ "mgw-traceid" = 0a1d0; "result-status" = 7014; }',
        '{"error_response":{"code":27,"msg":"Invalid session","request_id":"z28abc"}}',
      ].join('\n'),
    );
    const top = r.findings.find((f) => f.platform === 'top')!;
    const summaries = summaryFindingsFor(index, r.findings);
    const summary = summaries(top);
    expect(summary.map((s) => `${s.platform}:${s.code}`)).toEqual(['top:27', 'mpaas:7014']);
    expect(summary[0]!.ids).toEqual(['request_id: z28abc']);
    expect(summary[1]!.ids).toEqual(['mgw-traceid: 0a1d0']);
    expect(summary[0]!.title).toBe(index.tables.find((t) => t.platform === 'top')!.codes.find((c) => c.code === '27')!.title);
    // Asked again for the other finding: that one first, the same summaries (joined once).
    const other = summaries(r.findings.find((f) => f.platform === 'mpaas')!);
    expect(other.map((s) => `${s.platform}:${s.code}`)).toEqual(['mpaas:7014', 'top:27']);
    expect(other[1]).toBe(summary[0]);
  });

  it('turns a finding into the case’s facts, each from the log', () => {
    const f = first('E/mynet_RpcInvoker: com.alipay.mobile.common.rpc.RpcException: [4] alipay.client.getUnionResource');
    expect(findingFacts(f)).toEqual({
      platform: { value: 'android', source: 'log' },
      code: { value: '4', source: 'log' },
      api: { value: 'alipay.client.getUnionResource', source: 'log' },
    });
  });

  it('takes a gateway code’s client from the reader that read it, not from its wording', () => {
    const client = (text: string) => {
      const f = first(text);
      return [f.platform, f.code, f.client, findingFacts(f).platform?.value];
    };
    // The gateway table is both clients': the shape the code was read in tells which one logged it.
    expect(client('Demo[1:2] APMobileNetwork alipay.client.getUnionResource resp:{ "result-status" = 7014; }')).toEqual(['mpaas', '7014', 'ios', 'ios']);
    expect(client('E/mynet_RpcInvoker: com.alipay.mobile.common.rpc.RpcException: [7001] alipay.client.getUnionResource')).toEqual([
      'mpaas',
      '7001',
      'android',
      'android',
    ]);
    expect(client('Error Domain=nebulaappmanager_error_domain Code=10008 "app not exist"')).toEqual(['mpaas', 'AppNotExist', 'ios', 'ios']);
    // A log form that no client prints in particular says nothing of the client.
    expect(client('mgw operationType=alipay.client.getUnionResource result-status=7003')).toEqual(['mpaas', '7003', undefined, undefined]);
  });
});

describe('one code matcher for the content validator and the runtime', () => {
  it('resolves every spelling the same way on the raw tables (validator) and the compiled index (runtime)', () => {
    const probes = (e: {
      code: string;
      name?: string | undefined;
      aliases?: readonly string[] | undefined;
      ranges?: readonly (readonly [number, number])[] | undefined;
    }) => [
      e.code,
      e.code.toUpperCase(),
      e.code.toLowerCase(),
      ...(e.name ? [e.name, e.name.toLowerCase()] : []),
      ...(e.aliases ?? []),
      ...(e.ranges ?? []).flatMap(([lo, hi]) => [String(lo), String(hi), String(Math.floor((lo + hi) / 2))]),
      e.code.replace(/\{[A-Za-z]+\}/g, 'Some_Name'),
      `${e.code}:suffix`,
    ];
    let compared = 0;
    for (const parsed of content.codes) {
      const raw = parsed.table!;
      for (const e of raw.codes) {
        for (const probe of probes(e)) {
          const validator = bestMatch(raw.codes, probe)?.code;
          const runtime = findCode(index, raw.platform, probe)?.code;
          expect(runtime, `${raw.platform}/${probe}`).toBe(validator);
          compared++;
        }
      }
    }
    // Underscores (Easemob), numeric ranges (Android 4xx) and iOS names (kDTRpc…) are among them.
    expect(findCode(index, 'easemob', 'INVALID_GRANT')?.code).toBe('invalid_grant');
    expect(findCode(index, 'mpaas-android', '404')?.code).toBe('4xx');
    expect(findCode(index, 'mpaas-ios', 'kdtrpcnetworkerror')?.code).toBe('0');
    expect(compared).toBeGreaterThan(500);
  });
});
