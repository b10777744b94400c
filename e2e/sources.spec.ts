import { readFileSync } from 'node:fs';
import { codeIndex, trees } from './content.ts';
import { expect, test } from './test.ts';

/** What a reader must never see: our file names, "seed" numbers, the notes file, talk of "this copy". */
const INTERNAL = /\bseeds?[ _-]?\d{3}\b|\b\d{3}_[0-9a-f]{16}\b|EXTRA[-_ ]SOURCES|shared\/seeds|\bthis copy\b/i;

test('a step lists its sources by public title, linked to the official page in the reader’s language', async ({ page }) => {
  await page.goto('/t/mpaas-system-busy/symptom');
  const sources = page.locator('.step__sources');
  await expect(sources.getByRole('heading', { name: 'Sources' })).toBeVisible();
  const guide = sources.getByRole('link', { name: /HTML5 application and mini program load failure/ });
  await expect(guide).toHaveAttribute('href', /^https:\/\/www\.alibabacloud\.com\/help\/en\//);
  await expect(guide).toHaveAttribute('target', '_blank');
  await expect(guide).toHaveAttribute('rel', /noopener/);
  await expect(sources).not.toContainText(INTERNAL);

  await page.goto('/t/mpaas-system-busy/symptom?lang=zh');
  const zh = page.locator('.step__sources');
  await expect(zh.getByRole('heading', { name: '资料来源' })).toBeVisible();
  await expect(zh.getByRole('link', { name: /H5 应用及小程序加载失败/ })).toHaveAttribute('href', 'https://help.aliyun.com/document_detail/184013.html');
});

test('a code page lists its sources by public title, without internal references', async ({ page }) => {
  await page.goto('/codes/easemob/401');
  const sources = page.locator('.step__sources');
  await expect(sources.getByRole('link', { name: /Easemob documentation: REST API error codes/ })).toHaveAttribute(
    'href',
    /^https:\/\/github\.com\/easemob\/easemob-doc\//,
  );
  await expect(sources).not.toContainText(INTERNAL);
});

test('no prerendered step page, in either language, names an internal file or "seed"', async ({ request }) => {
  const published = readFileSync('content/published-ids.txt', 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'));
  const live = new Set(trees().flatMap((t) => Object.keys(t.steps).map((s) => `${t.id}/${s}`)));
  const pages = published.filter((id) => live.has(id));
  expect(pages.length).toBeGreaterThan(100);
  for (const id of pages) {
    const html = await (await request.get(`/t/${id}`)).text();
    expect(html, id).not.toMatch(INTERNAL);
  }
  // The Chinese texts and every code entry's sources, as compiled for the browser.
  for (const lang of ['en', 'zh'] as const) {
    expect(JSON.stringify(trees(lang)), lang).not.toMatch(INTERNAL);
    expect(JSON.stringify(codeIndex(lang)), lang).not.toMatch(INTERNAL);
  }
});
