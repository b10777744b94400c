import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CodeEntry, CodeTable, Lang, Step } from '../engine/model.ts';
import { compileCodeTable } from './compile-codes.ts';
import { compileTree } from './compile.ts';
import { loadContent } from './load.ts';
import { markdownText } from './markdown.ts';

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
