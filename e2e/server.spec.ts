import type { APIRequestContext, APIResponse } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { codeIndex, trees } from './content.ts';

/**
 * What the web server answers (@server): statuses, the policy and cache
 * headers of deploy/nginx.conf with the build's generated part
 * (docs/decisions/0012). Runs against nginx only (playwright.nginx.config.ts),
 * at the site root and under a sub-path; every address is relative to the
 * project's base URL.
 */

const mpaas = trees().find((t) => t.id === 'mpaas-system-busy')!;
const redirect = Object.keys(mpaas.redirects)[0];
const tables = codeIndex().tables;
const aliyun = tables.find((t) => t.platform === 'aliyun')!;
const ranged = tables.flatMap((t) => t.codes.filter((c) => c.ranges?.length).map((c) => ({ platform: t.platform, code: c })))[0];
const patterned = aliyun.codes.find((c) => c.code.includes('{'));

const ASSET_CACHE = 'public, max-age=31536000, immutable';

async function get(request: APIRequestContext, path: string): Promise<APIResponse> {
  return request.get(path, { maxRedirects: 0, headers: { 'accept-encoding': 'gzip' } });
}

/** The policy headers every answer carries, HTML or not, 200 or 404. */
function expectPolicy(response: APIResponse, metaPolicy?: string) {
  const h = response.headers();
  expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(h['content-security-policy']).toContain("connect-src 'self'");
  if (metaPolicy) expect(h['content-security-policy']).toBe(`${metaPolicy}; frame-ancestors 'none'`);
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('no-referrer');
  expect(h['permissions-policy']).toContain('camera=()');
  expect(h['server']).not.toMatch(/\d/); // no version number
}

/** An HTML page of the app: the shell or a prerendered step. */
async function expectApp(response: APIResponse, status: number, metaPolicy?: string) {
  expect(response.status(), response.url()).toBe(status);
  expect(response.headers()['content-type']).toMatch(/^text\/html/);
  expect(response.headers()['cache-control']).toBe('no-cache');
  expect(await response.text()).toContain('<div id="root"');
  expectPolicy(response, metaPolicy);
}

const metaPolicyOf = (html: string) => /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;

test('@server a step is its prerendered page, with the page policy as headers', async ({ request }) => {
  const step = mpaas.steps[mpaas.start]!;
  const response = await get(request, `t/${mpaas.id}/${step.id}`);
  const html = await response.text();
  expect(html).toContain(`<title>${step.title}`);
  expect(html).toContain('data-prerendered');
  // The header is the page's own policy (same script hashes), plus what only a header can say.
  await expectApp(response, 200, metaPolicyOf(html));
  expect(response.headers()['content-encoding']).toBe('gzip');
});

test('@server every address the app answers is 200; the app itself', async ({ request }) => {
  const code = aliyun.codes.find((c) => !c.code.includes('{'))!;
  const addresses = [
    '',
    'codes',
    'analyze',
    'cases',
    `t/${mpaas.id}`,
    `map/${mpaas.id}`,
    `t/${mpaas.id}/${mpaas.start}?trail=x`,
    `codes/aliyun/${encodeURIComponent(code.code)}`,
    // Any case, as the code pages read it; TOP-style sub-codes after a colon.
    `codes/aliyun/${encodeURIComponent(code.code.toLowerCase())}`,
    `codes/aliyun/${encodeURIComponent(code.code)}:detail`,
  ];
  if (redirect) addresses.push(`t/${mpaas.id}/${redirect}`);
  if (ranged) addresses.push(`codes/${ranged.platform}/${ranged.code.ranges![0]![0]}`);
  if (patterned) addresses.push(`codes/aliyun/${encodeURIComponent(patterned.code.replace(/\{[^}]*\}/g, 'RegionId'))}`);
  for (const address of addresses) await expectApp(await get(request, address), 200);
});

test('@server unknown guides, steps, codes and pages are 404 with the app (its not-found page)', async ({ request }) => {
  for (const address of [
    't/no-such-guide',
    't/no-such-guide/symptom',
    `t/${mpaas.id}/no-such-step`,
    `t/${mpaas.id}/${mpaas.start}/extra`,
    'map/no-such-guide',
    'codes/aliyun/NoSuchCode.AtAll',
    'codes/no-such-platform/400',
    `codes/aliyun`,
    'no-such-page',
    'assets',
  ]) {
    await expectApp(await get(request, address), 404);
  }
});

test('@server built files: hashed ones cached for a year, the worker and the shell always revalidated; a missing file is a plain 404', async ({ request }) => {
  const shell = await get(request, 'index.html');
  await expectApp(shell, 200);
  const html = await shell.text();
  const script = /<script type="module" crossorigin src="([^"]+)"/.exec(html)![1]!;
  const asset = await get(request, script);
  expect(asset.status()).toBe(200);
  expect(asset.headers()['content-type']).toMatch(/javascript/);
  expect(asset.headers()['cache-control']).toBe(ASSET_CACHE);
  expectPolicy(asset);
  const css = /<link rel="stylesheet" crossorigin href="([^"]+)"/.exec(html)![1]!;
  const style = await get(request, css);
  expect(style.headers()['cache-control']).toBe(ASSET_CACHE);
  expect(style.headers()['content-encoding']).toBe('gzip');

  const sw = await get(request, 'sw.js');
  expect(sw.status()).toBe(200);
  expect(sw.headers()['content-type']).toMatch(/javascript/);
  expect(sw.headers()['cache-control']).toBe('no-cache');

  const icon = await get(request, 'favicon.svg');
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toMatch(/^image\/svg\+xml/);

  const missing = await get(request, 'assets/no-such-chunk-abc123.js');
  expect(missing.status()).toBe(404);
  expect(await missing.text()).not.toContain('<div id="root"');
  // Not cached: the file may be on its way (a deploy in progress).
  expect(missing.headers()['cache-control']).toBeUndefined();
  expectPolicy(missing);
});

// Only where the app is under a sub-path (the root project leaves out @subpath).
test('@server @subpath the path without its slash leads to the app', async ({ request, baseURL }) => {
  const base = new URL(baseURL!).pathname;
  expect(base).not.toBe('/');
  const response = await request.get(new URL(base.slice(0, -1), baseURL).href, { maxRedirects: 0 });
  expect(response.status()).toBe(301);
  expect(response.headers()['location']).toBe(base);
});
