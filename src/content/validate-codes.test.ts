import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatError } from './errors.ts';
import { checkCodeLinks, parseCodeFile } from './validate-codes.ts';
import { parseTreeFile } from './validate.ts';

const FILE = 'content/codes/mpaas.yaml';
const table = (codes: string, extra = '') => `platform: mpaas
languages: [en, zh]
title: { en: Codes, zh: 错误码 }
sources:
  seed-001: { title: MGS result codes, ref: seeds/001 }
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
    expect(errors(source)).toEqual(['content/codes/mpaas.yaml:12:14 code "7003" → meaning: the text has no "zh" version (this file provides en, zh)']);
  });

  it('requires both languages in the file', () => {
    expect(errors(table(entry('7003')).replace('languages: [en, zh]', 'languages: [en]'))).toContain(
      'content/codes/mpaas.yaml:2:12 languages: must include "zh" (code tables carry en and zh)',
    );
  });

  it('rejects a code listed twice, in any case or as an alias', () => {
    expect(errors(table(entry('7003') + entry('7003')))).toEqual([
      'content/codes/mpaas.yaml:16:11 code "7003" → code: "7003" is already listed (entry 1, code "7003"): each code appears once per table',
    ]);
    expect(errors(table(entry('AppNotExist') + entry('x', "    aliases: [appnotexist]\n")))).toEqual([
      'content/codes/mpaas.yaml:23:14 code "x" → aliases: "appnotexist" is already listed (entry 1, code "AppNotExist"): each code appears once per table',
    ]);
  });

  it('rejects an unknown group and source, with a did-you-mean', () => {
    const source = table(entry('7003').replace('group: gateway', 'group: gatway').replace('sources: [seed-001]', 'sources: [seed-01]'));
    expect(errors(source)).toEqual([
      'content/codes/mpaas.yaml:10:12 code "7003" → group: "gatway" is not one of this table\'s groups (did you mean "gateway"?)',
      'content/codes/mpaas.yaml:15:15 code "7003" → sources[0]: "seed-01" is not one of this table\'s sources (did you mean "seed-001"?)',
    ]);
  });

  it('rejects a reversed range, a broken pattern, an unknown field and a wrong file name', () => {
    expect(errors(table(entry('4xx', '    ranges: [[499, 400]]\n')))).toEqual(['content/codes/mpaas.yaml:16:14 code "4xx" → ranges[0]: the range starts at 499, after its end 400']);
    expect(errors(table(entry('Missing{Param')))).toEqual([
      'content/codes/mpaas.yaml:9:11 code "Missing{Param" → code: a pattern code names its placeholders in single braces, like "Missing{ParameterName}"',
    ]);
    expect(errors(table(entry('7003', '    stepp: mpaas-system-busy/x\n')))).toEqual([
      'content/codes/mpaas.yaml:16:5 code "7003" → stepp: "stepp" is not a field here; check its spelling or remove it',
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
