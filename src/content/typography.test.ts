import { describe, expect, it } from 'vitest';
import { en } from '../ui/i18n/en.ts';
import { toolsEn } from '../ui/i18n/tools.en.ts';
import { toolsZh } from '../ui/i18n/tools.zh.ts';
import { zh } from '../ui/i18n/zh.ts';
import { compileCodeIndex } from './compile-codes.ts';
import { compileTree } from './compile.ts';
import { loadContent } from './load.ts';

/**
 * Chinese pages are set the Chinese way: no spaces between Chinese characters
 * (a line break in the YAML must not become one), full-width colons after
 * Chinese, and no English UI text left untranslated. Code, field names and
 * quoted error text (inline code and code blocks) are exempt.
 */
const HAN = '[\\u3400-\\u4dbf\\u4e00-\\u9fff]';
const CJK_PUNCT = '[\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff1f]';
const RULES: [name: string, re: RegExp][] = [
  ['a space between Chinese characters', new RegExp(`${HAN} +${HAN}|${CJK_PUNCT} +${HAN}|${HAN} +${CJK_PUNCT}`)],
  ['an ASCII colon after Chinese', new RegExp(`${HAN}:(?!//)`)],
  ['an ASCII comma or semicolon between Chinese', new RegExp(`${HAN}[,;] ?${HAN}`)],
];

/** Every prose string of a compiled value, skipping inline code and code blocks (quoted verbatim). */
function prose(value: unknown, path: string, out: [string, string][]): [string, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => prose(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    const node = value as Record<string, unknown>;
    if (node.t === 'code' || node.t === 'pre') return out;
    for (const [k, v] of Object.entries(node)) {
      // Ids, codes, URLs and verbatim server text are not prose.
      if (['id', 'next', 'href', 'url', 'code', 'match', 'message', 'name', 'platform', 'step', 'search', 'lang', 'start', 'codes', 'sources', 'redirects', 'asks', 'aliases', 'protocols'].includes(k)) continue;
      prose(v, path ? `${path}.${k}` : k, out);
    }
  }
  return out;
}

function violations(strings: [string, string][]): string[] {
  const found: string[] = [];
  for (const [path, s] of strings) {
    for (const [name, re] of RULES) {
      const m = re.exec(s);
      if (m) found.push(`${path}: ${name}: “…${s.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12)}…”`);
    }
  }
  return found;
}

const content = loadContent(process.cwd());

describe('Chinese typography', () => {
  for (const parsed of content.trees) {
    it(`tree ${parsed.tree!.id} in Chinese`, () => {
      const tree = compileTree(parsed.tree!, 'zh', content.sources);
      expect(violations(prose(tree, tree.id, []))).toEqual([]);
    });
  }
  it('the code tables in Chinese', () => {
    const index = compileCodeIndex(content.codes.map((c) => c.table!), 'zh', content.sources);
    expect(violations(prose(index.tables, 'codes', []))).toEqual([]);
  });
  it('the interface strings in Chinese', () => {
    const strings = prose({ ...zh, ...toolsZh }, '', []);
    expect(violations(strings)).toEqual([]);
  });
});

describe('the Chinese interface is translated', () => {
  /** Strings that are the same in both languages on purpose: product names, codes, symbols. */
  const SAME = /^(?:[\s\d\W]*|mPaaS|TOP|MGS|Easemob|iOS|Android|HTTP|JSON|XML|RequestId|[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)?|[a-z]+(?:_[a-z]+)+)$/u;
  it('no Chinese UI string is the English one left as it is', () => {
    const english = new Map(prose({ ...en, ...toolsEn }, '', []));
    const same = prose({ ...zh, ...toolsZh }, '', []).filter(([path, s]) => english.get(path) === s && /[a-z]{3}/.test(s) && !SAME.test(s));
    expect(same.map(([path, s]) => `${path}: ${s}`)).toEqual([]);
  });
  it('no Chinese UI string is mostly English words', () => {
    const latinHeavy = prose({ ...zh, ...toolsZh }, '', []).filter(([, s]) => {
      const words = s.replace(/\{[^}]*\}|`[^`]*`|https?:\S+/g, '').match(/[A-Za-z]{4,}/g) ?? [];
      const han = s.match(new RegExp(HAN, 'g')) ?? [];
      return words.length >= 3 && han.length < words.length * 2;
    });
    expect(latinHeavy.map(([path, s]) => `${path}: ${s}`)).toEqual([]);
  });
});
