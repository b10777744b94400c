import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CodeEntry, CodeTable, Lang, Step } from '../engine/model.ts';
import { compileCodeTable } from './compile-codes.ts';
import { compileTree } from './compile.ts';
import { loadContent } from './load.ts';
import { markdownText } from '../engine/markdown-text.ts';

/**
 * Facts checked against the source documents, asserted on the compiled
 * content (as content.test.ts does): a regression here means a page says
 * something the sources do not.
 */
const { trees, codes } = loadContent(process.cwd());
const LANGS: Lang[] = ['en', 'zh'];

function table(platform: string, lang: Lang): CodeTable {
  const parsed = codes.find((c) => c.table?.platform === platform);
  if (!parsed?.table) throw new Error(`no code table for ${platform}`);
  return compileCodeTable(parsed.table, lang);
}

function entry(platform: string, code: string, lang: Lang = 'en'): CodeEntry {
  const e = table(platform, lang).codes.find((c) => c.code === code);
  if (!e) throw new Error(`no code ${platform}/${code}`);
  return e;
}

/** Title, meaning and action of an entry, as plain text. */
function entryText(e: CodeEntry): string {
  return [e.title, markdownText(e.meaning), markdownText(e.action)].join('\n');
}

function step(treeId: string, stepId: string, lang: Lang): Step {
  const parsed = trees.find((t) => t.tree?.id === treeId);
  if (!parsed?.tree) throw new Error(`no tree ${treeId}`);
  const s = compileTree(parsed.tree, lang).steps[stepId];
  if (!s) throw new Error(`no step ${treeId}/${stepId}`);
  return s;
}

/** Everything a step shows, as plain text. */
function stepText(s: Step): string {
  const parts: string[] = [s.title, markdownText(s.body ?? [])];
  if (s.kind === 'check') parts.push(markdownText(s.do), markdownText(s.expect));
  if (s.kind === 'checklist') parts.push(markdownText(s.do ?? []), ...s.items.map((i) => `${i.label} ${markdownText(i.hint ?? [])}`));
  if (s.kind !== 'outcome') parts.push(...s.answers.map((a) => `${a.label} ${a.hint ?? ''}`));
  return parts.join('\n');
}

describe('retry badges agree with the sources and with their own text', () => {
  it('Mobile Push Timeout is not badged "retry": a timed-out push is usually already submitted and must not be resent', () => {
    const e = entry('aliyun', 'Timeout');
    expect(e.retry).not.toBe('retry');
    expect(e.retry).toBe('check-first');
    // The text keeps both halves of the source's advice.
    expect(entryText(e)).toMatch(/push requests[\s\S]*no need to retry/i);
    expect(entryText(entry('aliyun', 'Timeout', 'zh'))).toContain('无需重试');
  });

  it.each(['AccountInDebt', 'AccountDisabled'])('Mobile Push %s is fixed by the account owner (self-service), not by support', (code) => {
    const e = entry('aliyun', code);
    expect(e.retry).toBe('self-service');
    expect(e.retry).not.toBe('contact-support');
  });

  it('no Easemob entry for an HTTP 500 is badged "retry later": every 500 row of the source is caused by the request', () => {
    const status = entry('easemob', '500');
    expect(status.retry).toBe('fix-request');
    const rows = table('easemob', 'en').codes.filter((c) => c.http?.includes(500));
    expect(rows.map((c) => c.code).sort()).toEqual(['500', 'no_full_text_index', 'unsupported_service_operation', 'web_application']);
    for (const c of rows) expect(c.retry, c.code).toBe('fix-request');
  });
});

describe('TOP escalation does not ask for secrets', () => {
  it.each(LANGS)('(%s) asks for args with the session and sign values removed', (lang) => {
    const text = stepText(step('top-api-error', 'escalate', lang));
    expect(text).toContain('args');
    // Every line that asks for args says to remove session and sign from it.
    const argsLines = text.split('\n').filter((l) => l.includes('args'));
    expect(argsLines.length).toBeGreaterThan(0);
    for (const l of argsLines) {
      expect(l).toContain('session');
      expect(l).toContain('sign');
    }
    if (lang === 'en') {
      expect(text).toMatch(/args[^\n]*with the session and sign values removed/);
      expect(text).not.toMatch(/whole raw response/i);
    } else {
      expect(text).toMatch(/去掉 session 和 sign 的值[^\n]*args/);
    }
  });
});

describe('TOP sub_code names no source lists are marked as examples', () => {
  // The guide names the bare families; only `isv.missing-parameter` appears
  // prefixed in the public guidance (as `isv.missing-parameter:image`).
  const constructed = [
    'isv.user-not-exist',
    'isv.invalid-parameter',
    'isv.parameters-mismatch',
    'isv.invalid-permission',
    'isp.remote-service-error',
    'isp.remote-service-timeout',
    'isp.remote-connection-error',
    'isp.{XXX}-service-unavailable',
    'isv.item-extra-not-exist',
    'isv.trade-not-exist',
    'isv.refund-not-exist',
  ];
  it.each(constructed)('%s says it is an example of a family the guide names', (code) => {
    const en = entry('top', code, 'en');
    const zh = entry('top', code, 'zh');
    const family = code.replace(/^is[pv]\./, '').replace('{XXX}', 'XXX');
    expect(markdownText(en.meaning)).toContain(`${code} is an example`);
    expect(markdownText(en.meaning).toLowerCase()).toContain(family.toLowerCase());
    expect(markdownText(zh.meaning)).toContain(`${code} 是示例`);
  });

  it('isv.missing-parameter is sourced in its prefixed form', () => {
    expect(markdownText(entry('top', 'isv.missing-parameter').meaning)).toContain('isv.missing-parameter:image');
    expect(markdownText(entry('top', 'isv.missing-parameter', 'zh').meaning)).toContain('isv.missing-parameter:image');
  });

  it.each(LANGS)('(%s) the sub_code group says the prefixed names are examples', (lang) => {
    const body = markdownText(table('top', lang).groups['sub-code']!.body ?? []);
    expect(body).toMatch(lang === 'en' ? /examples/ : /示例/);
  });
});

describe('the Chinese 5xx definition says what the English one says', () => {
  const garbled = '服务器不能实现一种明显无效的请求';

  it('no content file carries the garbled sentence', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.ya?ml$/.test(f)) files.push(p);
      }
    };
    walk(join(process.cwd(), 'content'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(readFileSync(f, 'utf8'), f).not.toContain('明显无效');
    expect(garbled).toContain('明显无效');
  });

  it('the TOP status-code step defines 5xx the same way in both languages', () => {
    expect(stepText(step('top-api-error', 'save-status', 'en'))).toContain('5xx server error: the server failed to fulfil the request.');
    expect(stepText(step('top-api-error', 'save-status', 'zh'))).toContain('5xx 服务器错误：服务器未能完成请求。');
  });
});

describe('TOP code 500 is told apart from HTTP status 500', () => {
  it.each(LANGS)('(%s) the title and meaning say it is the body code, not the HTTP status', (lang) => {
    const e = entry('top', '500', lang);
    const meaning = markdownText(e.meaning);
    if (lang === 'en') {
      expect(e.title).toMatch(/not HTTP 500/);
      expect(meaning).toMatch(/code in the response body/);
      expect(meaning).toMatch(/not an HTTP status 500/);
      // What an HTTP 500 means, from the guide's connection-error part.
      expect(meaning).toMatch(/network is fine but the TOP service cannot respond/);
    } else {
      expect(e.title).toMatch(/不是 HTTP 500/);
      expect(meaning).toContain('响应体中的业务错误码');
      expect(meaning).toContain('不是 HTTP 响应码 500');
      expect(meaning).toContain('网络是通的，但 TOP 的服务无法响应');
    }
  });
});

describe('the mPaaS tree follows each platform and cloud the sources name', () => {
  const answers = (stepId: string, lang: Lang = 'en') => {
    const s = step('mpaas-system-busy', stepId, lang);
    if (s.kind === 'outcome') throw new Error(`${stepId} is an outcome`);
    return s.answers;
  };

  it('does not let a clock 30 minutes to 8 hours off pass: iOS allows it, Android rejects it', () => {
    const pass = answers('device-time').find((a) => a.next === 'apsara-image');
    expect(pass?.label).toMatch(/30 minutes/);
    const skew = answers('device-time').find((a) => /30 minutes to 8 hours/.test(a.label));
    expect(skew?.next).toBe('fix-time');
    expect(skew?.hint).toMatch(/Android rejects/);
    expect(answers('device-time', 'zh').find((a) => a.id === skew?.id)?.hint).toMatch(/Android 会拒绝/);
  });

  it('checks the Security Guard image for 7014 on the public cloud too, as the MGS reference asks', () => {
    const public7014 = answers('apsara-image').find((a) => /Alibaba Cloud.*code 7014$/.test(a.label));
    expect(public7014?.next).toBe('sg-image-7014');
    const check = step('mpaas-system-busy', 'sg-image-7014', 'en');
    expect(check.codes).toContain('mpaas:7014');
    expect(check.sources).toContain('mgs-result-codes');
  });

  it('does not send an iOS 607 to the Android-only fix (upload the APK)', () => {
    const ios = answers('sec-exception').find((a) => /607/.test(a.label) && /iOS/.test(a.label));
    expect(ios).toBeDefined();
    expect(ios!.next).not.toBe('fix-sec-607');
    expect(answers('sec-exception').find((a) => a.next === 'fix-sec-607')?.label).toMatch(/Android/);
  });
});

describe('every code a tree handles links to its step', () => {
  it('each code listed by a step has that step (or another listing it) as its "step" link', () => {
    const missing: string[] = [];
    for (const parsed of trees) {
      for (const [stepId, node] of Object.entries(parsed.tree!.nodes)) {
        for (const ref of node.codes ?? []) {
          const at = ref.indexOf(':');
          const [platform, code] = [ref.slice(0, at), ref.slice(at + 1)];
          const e = codes.find((c) => c.table?.platform === platform)?.table?.codes.find((x) => x.code === code || x.aliases?.includes(code));
          if (e && !e.step) missing.push(`${platform}:${e.code} (listed by ${parsed.tree!.id}/${stepId})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
  it('the gateway codes the "other code" ending lists, 1000, iOS 3003 and Easemob 413 have step links', () => {
    for (const code of ['1000', '1001', '3000', '4001', '5000', '8002', '6000', '6666']) expect(entry('mpaas', code).step, code).toBeTruthy();
    expect(entry('mpaas-ios', '3003').step).toBe('mpaas-system-busy/enc-codes');
    expect(entry('easemob', 'Request Entity Too Large').step).toBe('easemob-rest-error/body-size');
  });
});
