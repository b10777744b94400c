import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatError } from './errors.ts';
import { checkCodeLinks, checkPublishedCodes, parseCodeFile, parsePublishedCodes } from './validate-codes.ts';
import { parseTreeFile } from './validate.ts';

const FILE = 'content/codes/mpaas.yaml';
const table = (codes: string, extra = '') => `platform: mpaas
languages: [en, zh]
title: { en: Codes, zh: 错误码 }
groups:
  gateway: { title: { en: Gateway, zh: 网关 } }
${extra}codes:
${codes}`;
const entry = (code: string, more = '') => `  - code: '${code}'
    group: gateway
    title: { en: 'Title ${code}', zh: '标题 ${code}' }
    meaning: { en: Meaning, zh: 含义 }
    action: { en: Action, zh: 处理 }
    retry: fix-request
    sources: [seed-001]
${more}`;
const errors = (source: string, file = FILE) => parseCodeFile(file, source).errors.map(formatError);

describe('parseCodeFile', () => {
  it('accepts a valid table', () => {
    expect(errors(table(entry('7003') + entry('Missing{ParameterName}')))).toEqual([]);
  });

  it('names the entry, field and missing language', () => {
    const source = table(entry('7003').replace('meaning: { en: Meaning, zh: 含义 }', 'meaning: { en: Meaning }'));
    expect(errors(source)).toEqual(['content/codes/mpaas.yaml:10:14 code "7003" → meaning: the text has no "zh" version (this file provides en, zh)']);
  });

  it('requires both languages in the file', () => {
    expect(errors(table(entry('7003')).replace('languages: [en, zh]', 'languages: [en]'))).toContain(
      'content/codes/mpaas.yaml:2:12 languages: must include "zh" (code tables carry en and zh)',
    );
  });

  it('rejects a code listed twice, in any case or as an alias', () => {
    expect(errors(table(entry('7003') + entry('7003')))).toEqual([
      'content/codes/mpaas.yaml:14:11 code "7003" → code: "7003" is already listed (entry 1, code "7003"): each code appears once per table',
    ]);
    expect(errors(table(entry('AppNotExist') + entry('x', "    aliases: [appnotexist]\n")))).toEqual([
      'content/codes/mpaas.yaml:21:14 code "x" → aliases: "appnotexist" is already listed (entry 1, code "AppNotExist"): each code appears once per table',
    ]);
  });

  it('rejects an unknown group, with a did-you-mean', () => {
    const source = table(entry('7003').replace('group: gateway', 'group: gatway'));
    expect(errors(source)).toEqual(['content/codes/mpaas.yaml:8:12 code "7003" → group: "gatway" is not one of this table\'s groups (did you mean "gateway"?)']);
  });

  it('rejects text a reader would see that names a source document by its internal number', () => {
    const source = table(entry('7003').replace('meaning: { en: Meaning, zh: 含义 }', 'meaning: { en: Meaning (seed 001), zh: 含义 }'));
    expect(errors(source)).toEqual([
      'content/codes/mpaas.yaml:10:20 code "7003" → meaning.en: readers would see "seed 001", an internal name: cite the public document instead (the step\'s sources are listed under it)',
    ]);
  });

  it('rejects a reversed range, a broken pattern, an unknown field and a wrong file name', () => {
    expect(errors(table(entry('4xx', '    ranges: [[499, 400]]\n')))).toEqual(['content/codes/mpaas.yaml:14:14 code "4xx" → ranges[0]: the range starts at 499, after its end 400']);
    expect(errors(table(entry('Missing{Param')))).toEqual([
      'content/codes/mpaas.yaml:7:11 code "Missing{Param" → code: a pattern code names its placeholders in single braces, like "Missing{ParameterName}"',
    ]);
    expect(errors(table(entry('7003', '    stepp: mpaas-system-busy/x\n')))).toEqual([
      'content/codes/mpaas.yaml:14:5 code "7003" → stepp: "stepp" is not a field here; check its spelling or remove it',
    ]);
    expect(errors(table(entry('7003')), 'content/codes/top.yaml')).toEqual(['content/codes/top.yaml:1:11 platform: the platform "mpaas" must match the file name "top.yaml"']);
  });

  it('reads text that is not YAML without throwing', () => {
    expect(errors('codes: [unclosed\n  - ::')[0]).toMatch(/^content\/codes\/mpaas\.yaml:\d+:\d+ the YAML cannot be read/);
  });
});

describe('checkCodeLinks', () => {
  const demo = parseTreeFile('content/trees/demo.yaml', readFileSync(join(import.meta.dirname, '__fixtures__', 'demo.yaml'), 'utf8'), ['en']);
  const nodeWithCodes = Object.entries(demo.tree!.nodes).find(([, n]) => n.codes?.length)!;
  const [nodeId, node] = nodeWithCodes;
  const listed = node.codes![0]!.split(':')[1]!;

  it('passes when codes and steps point at each other', () => {
    const tables = [parseCodeFile(FILE, table(entry(listed, `    step: demo/${nodeId}\n`)))];
    expect(checkCodeLinks([demo], tables).map(formatError)).toEqual([]);
  });

  it('fails when a step lists a code its table lacks, or a code names a step that does not list it', () => {
    const tables = [parseCodeFile(FILE, table(entry('9999', `    step: demo/${nodeId}\n`) + entry('1', '    step: demo/nope\n')))];
    const messages = checkCodeLinks([demo], tables).map((e) => e.message);
    expect(messages).toContain(`"${listed}" is not in content/codes/mpaas.yaml`);
    expect(messages).toContain(`the step demo/${nodeId} does not list "mpaas:9999" in its codes: add it there so the link goes both ways`);
    expect(messages.some((m) => m.startsWith('"nope" is not a step of demo'))).toBe(true);
  });
});

describe('checkPublishedCodes', () => {
  const LIST = 'content/published-codes.txt';
  const parsed = parseCodeFile(FILE, table(entry('7003') + entry('Missing{ParameterName}', "    aliases: ['MissingParam']\n")));
  const check = (lines: string[]) => checkPublishedCodes(LIST, parsePublishedCodes(lines.join('\n')), [parsed]).map(formatError);

  it('passes when every code is published and every published address still opens an entry', () => {
    // An alias and a concrete code that a pattern entry covers still open a page.
    expect(check(['# comment', 'mpaas/7003', 'mpaas/Missing{ParameterName}', 'mpaas/MissingParam', 'mpaas/MissingAppKey'])).toEqual([]);
  });

  it('fails when a published code page would no longer open, saying to add an alias', () => {
    expect(check(['mpaas/7003', 'mpaas/Missing{ParameterName}', 'mpaas/7004'])).toEqual([
      'content/codes/mpaas.yaml:7:3 the published code page /codes/mpaas/7004 (content/published-codes.txt:3) no longer opens: add "7004" to the aliases of "7003" so its links keep working',
    ]);
  });

  it('fails when a published table is gone, and when a code is not yet published', () => {
    expect(check(['mpaas/7003', 'ios/1'])).toEqual([
      'content/published-codes.txt:2:1 the published code table "ios" no longer exists; the links to its codes would break (code tables cannot be removed)',
      'content/codes/mpaas.yaml:14:11 code "Missing{ParameterName}": is not in content/published-codes.txt yet: run "npm run content:publish" to publish it (its page address is then permanent)',
    ]);
  });
});
