import { describe, expect, it } from 'vitest';
import { compileCodeIndex } from '../src/content/compile-codes.ts';
import { loadContent } from '../src/content/load.ts';
import { findCode } from '../src/engine/codes.ts';
import { codePatterns, escapeRegex, nginxSite, numberRange } from './nginx-site.ts';

describe('numberRange', () => {
  it('matches exactly the numbers of the range', () => {
    for (const [lo, hi] of [
      [400, 499],
      [100, 399],
      [501, 599],
      [0, 9],
      [5, 123],
      [17, 17],
      [1, 1000],
      [99, 101],
      [250, 3049],
    ] as const) {
      const re = new RegExp(`^(?:${numberRange(lo, hi)})$`);
      for (let n = 0; n <= 5000; n++) expect(re.test(String(n)), `${n} in ${lo}-${hi}`).toBe(n >= lo && n <= hi);
    }
  });
});

describe('codePatterns', () => {
  const { codes, sources } = loadContent(process.cwd());
  const index = compileCodeIndex(
    codes.map((c) => c.table!),
    'en',
    sources,
  );

  it('recognises exactly the codes the code pages find, in every table', () => {
    for (const table of index.tables) {
      const { anyCase, exactCase } = codePatterns(table.codes);
      const fits = (code: string) =>
        (anyCase !== undefined && new RegExp(`^${anyCase}$`, 'i').test(code)) || (exactCase !== undefined && new RegExp(`^${exactCase}$`).test(code));
      const tries = new Set<string>();
      for (const e of table.codes) {
        for (const s of [e.code, e.name, ...(e.aliases ?? [])]) {
          if (!s) continue;
          for (const v of [
            s,
            s.toLowerCase(),
            s.toUpperCase(),
            `${s}x`,
            `x${s}`,
            `${s}:sub`,
            `${s} `,
            s.slice(1),
            s.replace(/\{[^}]*\}/g, 'Name_1'),
            s.replace(/\{[^}]*\}/g, ''),
          ])
            tries.add(v);
        }
      }
      for (let n = 0; n <= 1100; n++) tries.add(String(n));
      for (const v of ['0404', '000000404', '0000000404', '404:x', '404x', '', ':', 'x:404']) tries.add(v);
      let found = 0;
      for (const code of tries) {
        const expected = findCode(index, table.platform, code) !== undefined;
        if (expected) found++;
        expect(fits(code), `${table.platform}/${code}`).toBe(expected);
      }
      expect(found).toBeGreaterThan(table.codes.length);
    }
  });
});

describe('nginxSite', () => {
  const site = {
    csp: "default-src 'self'; script-src 'self' 'sha256-abc='",
    trees: [{ id: 'tree-a', steps: ['one', 'two'], redirects: ['old-one'] }],
    codes: [{ platform: 'aliyun', entries: [{ code: 'Throttling.User' }, { code: 'Missing{ParameterName}' }] }],
  };

  it('puts the base path on every location, and the policy on every answer', () => {
    const conf = nginxSite({ ...site, base: '/troubleshooter/' });
    const locations = [...conf.matchAll(/^location (.*) \{$/gm)].map((m) => m[1]!);
    expect(locations.length).toBeGreaterThan(7);
    for (const l of locations) expect(l).toMatch(/troubleshooter/);
    expect(conf).toContain('location = /troubleshooter {');
    expect(conf).toContain('location ^~ /troubleshooter/assets/ {');
    const blocks = conf.split(/^location /m).slice(1);
    for (const b of blocks.filter((x) => !x.includes('return 301'))) {
      expect(b).toContain("frame-ancestors 'none'");
      expect(b).toContain('add_header Referrer-Policy "no-referrer" always;');
      expect(b).toContain('add_header X-Content-Type-Options "nosniff" always;');
      expect(b).toMatch(/add_header Cache-Control "no-cache" always;|add_header Cache-Control "public, max-age=31536000, immutable";/);
    }
    expect(conf).toContain(`"^/troubleshooter/t/(?:tree\\-a/old\\-one)$"`.replace('\\-', '-').replace('\\-', '-'));
    expect(conf).toContain(
      '"^/troubleshooter/codes/aliyun/(?:Throttling\\.User|Missing\\{ParameterName\\}|(?:Throttling\\.User|Missing\\{ParameterName\\}):.*)$"',
    );
  });

  it('lets the allowed help desks, and only them, frame every answer', () => {
    const conf = nginxSite({ ...site, base: '/', embedOrigins: ['https://desk.example.com', 'http://127.0.0.1:4394'] });
    const blocks = conf.split(/^location /m).slice(1);
    expect(blocks.length).toBeGreaterThan(5);
    for (const b of blocks) {
      expect(b).toContain('frame-ancestors https://desk.example.com http://127.0.0.1:4394"');
      expect(b).not.toContain("frame-ancestors 'none'");
    }
  });

  it('at the site root, has no redirect for the base', () => {
    const conf = nginxSite({ ...site, base: '/' });
    expect(conf).not.toContain('return 301');
    expect(conf).toContain('location ^~ /assets/ {');
    expect(conf).toMatch(/^location \/ \{$/m);
  });

  it('refuses what it cannot write safely', () => {
    expect(() => nginxSite({ ...site, base: '/a b/' })).toThrow(/base path/);
    expect(() => nginxSite({ ...site, base: '/', csp: 'x"y' })).toThrow(/policy/);
    expect(() => codePatterns([{ code: 'a/b' }])).toThrow(/cannot be written/);
    expect(escapeRegex('a.b{c}(d)')).toBe('a\\.b\\{c\\}\\(d\\)');
  });
});
