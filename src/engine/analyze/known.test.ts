import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../content/load.ts';
import { bestMatch } from '../codes.ts';
import { ALIYUN_CODES, ALIYUN_MESSAGES, EASEMOB_ERRORS, MPAAS_CODES, TOP_CODES, TOP_MESSAGES } from './known.ts';

/** The analyzer's copy of what the code tables hold (known.ts) must agree with content/codes/. */
const content = loadContent(process.cwd());
const table = (platform: string) => content.codes.find((c) => c.table?.platform === platform)!.table!.codes;

describe('what the analyzer knows of the code tables', () => {
  it('lists only codes the tables hold', () => {
    for (const [platform, codes] of [
      ['top', TOP_CODES],
      ['mpaas', MPAAS_CODES],
      ['aliyun', ALIYUN_CODES],
      ['easemob', EASEMOB_ERRORS],
    ] as const) {
      const missing = [...codes].filter((c) => !table(platform).some((e) => e.code === c));
      expect(missing, platform).toEqual([]);
    }
  });

  it('lists every numeric TOP and mPaaS code of the tables, and every Easemob error name', () => {
    expect(
      table('top')
        .filter((e) => /^\d+$/.test(e.code))
        .map((e) => e.code)
        .filter((c) => !TOP_CODES.has(c)),
    ).toEqual([]);
    expect(
      table('mpaas')
        .filter((e) => /^\d{4}$/.test(e.code))
        .map((e) => e.code)
        .filter((c) => !MPAAS_CODES.has(c)),
    ).toEqual([]);
    expect(
      table('easemob')
        .filter((e) => /^[a-z_]+$/.test(e.code))
        .map((e) => e.code)
        .filter((c) => !EASEMOB_ERRORS.has(c)),
    ).toEqual([]);
  });

  it('gives each TOP code the message its table entry lists', () => {
    for (const [code, msg] of Object.entries(TOP_MESSAGES)) {
      const entry = table('top').find((e) => e.code === code)!;
      expect(entry.search?.en ?? [], code).toContain(msg);
    }
  });

  it('spells out the same TOP messages and Alibaba Cloud names in the prose reader’s patterns', () => {
    const source = readFileSync(new URL('./loose.ts', import.meta.url), 'utf8');
    for (const msg of Object.values(TOP_MESSAGES)) expect(source, msg).toContain(`${msg.toLowerCase()}|`.replace(/\|$/, ''));
    for (const code of ALIYUN_CODES) if (!code.includes('.')) expect(source, code).toContain(code);
  });

  it('gives each Alibaba Cloud message the code its table entry has, and spells each out in the prose reader', () => {
    const source = readFileSync(new URL('./loose.ts', import.meta.url), 'utf8');
    for (const [msg, code] of Object.entries(ALIYUN_MESSAGES)) {
      const entry = table('aliyun').find((e) => e.code === code)!;
      expect(entry.message?.replace(/\.$/, '').toLowerCase(), code).toBe(msg);
      expect(source.includes(msg.replace(/[()+]/g, (c) => `\\${c}`)), msg).toBe(true);
    }
  });

  it('matches every listed code with the one code matcher', () => {
    for (const code of ALIYUN_CODES) expect(bestMatch(table('aliyun'), code)?.code).toBe(code);
  });
});
