import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { redact } from './redact.ts';

/**
 * Redaction measured on text nobody on the team wrote: strings gathered from
 * public repositories, docs and threads (src/test/corpus/README.md says how,
 * and how real secrets in them were scrambled). Every secret must go (recall
 * 100 %), and every ordinary support sentence must come through unchanged
 * (precision 100 %).
 */

interface SecretSample {
  id: string;
  text: string;
  secrets: string[];
  kind: string;
  lang: 'en' | 'zh';
  form: string;
  source: string;
}
interface OrdinarySample {
  id: string;
  text: string;
  lang: 'en' | 'zh';
  source: string;
}

const read = <T>(name: string): T[] =>
  readFileSync(new URL(`../test/corpus/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

const secrets = read<SecretSample>('redaction-secrets.jsonl');
const ordinary = read<OrdinarySample>('redaction-ordinary.jsonl');

describe('redaction corpus', () => {
  it('is big enough to mean something, in both languages, with a source for every sample', () => {
    expect(secrets.length).toBeGreaterThanOrEqual(150);
    expect(ordinary.length).toBeGreaterThanOrEqual(100);
    expect(secrets.filter((s) => s.lang === 'zh').length).toBeGreaterThanOrEqual(30);
    for (const s of [...secrets, ...ordinary]) expect(s.source, s.id).toMatch(/^https?:\/\//);
    for (const s of secrets) for (const secret of s.secrets) expect(s.text, s.id).toContain(secret);
  });

  it('masks every secret of every sample (recall 100 %)', () => {
    const missed = secrets.flatMap((s) => {
      // The masks name what they hide ("[masked password]"): a secret such as "pass" is looked for outside them.
      const out = redact(s.text).text.replace(/\[masked [A-Za-z]+\]/g, '□');
      return s.secrets
        .filter((secret) => out.includes(secret))
        .map((secret) => `${s.id} (${s.kind}, ${s.form}): ${JSON.stringify(secret)} in ${JSON.stringify(s.text.slice(0, 160))}`);
    });
    expect(missed).toEqual([]);
  });

  it('leaves every ordinary sentence unchanged (precision 100 %)', () => {
    const changed = ordinary.flatMap((s) => {
      const r = redact(s.text);
      return r.text === s.text ? [] : [`${s.id}: ${JSON.stringify(s.text.slice(0, 200))} → ${JSON.stringify(r.text.slice(0, 200))}`];
    });
    expect(changed).toEqual([]);
  });
});
