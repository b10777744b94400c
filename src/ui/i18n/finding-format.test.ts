import { describe, expect, it } from 'vitest';
import { analyze } from '../../engine/analyze/analyze.ts';
import { scoreAll } from '../../test/corpus/score-analyzer.ts';
import { toolsZh } from './tools.zh.ts';

/** Names that read the same in Chinese (a product name and a class name). */
const SAME_IN_CHINESE = new Set(['mPaaS iOS RPC NSError']);

describe('how a finding was recognised, in Chinese', () => {
  it('names every format the readers report on the public paste corpus', () => {
    const formats = new Set<string>();
    for (const sample of scoreAll()) for (const f of analyze(sample.text).findings) formats.add(f.format);
    expect(formats.size).toBeGreaterThan(20);
    const untranslated = [...formats].filter((f) => toolsZh.findingFormat(f) === f && !SAME_IN_CHINESE.has(f));
    expect(untranslated).toEqual([]);
  });
});
