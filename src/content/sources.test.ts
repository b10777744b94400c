import { describe, expect, it } from 'vitest';
import { formatError } from './errors.ts';
import { checkSourceRefs, compileSources, parseSourcesFile } from './sources.ts';
import { parseTreeFile } from './validate.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = 'content/sources.yaml';
const REGISTRY = `doc:
  title: { en: A public guide, zh: 一份公开文档 }
  url: https://example.com/guide
  ref: shared/seeds/000_x.txt
spare:
  title: { en: Nobody cites this, zh: 没有引用 }
  ref: notes.md
`;
const demo = parseTreeFile('content/trees/demo.yaml', readFileSync(join(import.meta.dirname, '__fixtures__', 'demo.yaml'), 'utf8'), ['en']);
const errors = (source: string) => parseSourcesFile(FILE, source).errors.map(formatError);

describe('the source registry', () => {
  it('accepts public titles in both languages, with an https address or none', () => {
    expect(errors(REGISTRY)).toEqual([]);
  });

  it('rejects a title that names an internal file or seed number, a plain-http address and a missing language', () => {
    const source = `doc:
  title: { en: MGS result codes (seed 001), zh: 结果码 }
  ref: x
web:
  title: { en: A page, zh: 一页 }
  url: http://example.com/page
  ref: y
half:
  title: { en: English only }
  ref: z
`;
    expect(errors(source)).toEqual([
      'content/sources.yaml:6:8 web.url: must be a public https:// address',
      'content/sources.yaml:9:10 half.title: the text has no "zh" version (every text needs en and zh)',
    ]);
    const titled = errors(source.replace('http://', 'https://').replace('{ en: English only }', '{ en: English only, zh: 仅英文 }'));
    expect(titled).toEqual(['content/sources.yaml:2:16 doc.title.en: the title names "seed 001", which readers cannot look up: give the document\'s public title (keep the file in "ref")']);
  });

  it('names a step citing an unknown source, with a did-you-mean, and a source nobody cites', () => {
    const registry = parseSourcesFile(FILE, REGISTRY.replace(/^doc:/m, 'docs:'));
    const found = checkSourceRefs(registry, [{ file: demo.file, locate: demo.locate, value: demo.tree }], []).map(formatError);
    expect(found).toContain('content/trees/demo.yaml:13:15 node "first" → sources[0]: "doc" is not a source in content/sources.yaml (did you mean "docs"?)');
    expect(found).toContain('content/sources.yaml:5:1 spare: no step or code entry cites "spare": remove it or cite it');
  });

  it('gives readers the title in their language and the address, never the internal reference', () => {
    const { sources } = parseSourcesFile(FILE, REGISTRY);
    expect(compileSources(sources!, ['doc'], 'zh')).toEqual({ doc: { title: '一份公开文档', url: 'https://example.com/guide' } });
    expect(JSON.stringify(compileSources(sources!, ['doc', 'spare'], 'en'))).not.toContain('shared/seeds');
  });
});
