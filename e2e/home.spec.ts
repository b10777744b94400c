import { codeIndex, trees } from './content.ts';
import { expect, test } from './test.ts';

const index = codeIndex();

test('the home page offers three ways in: search, the guides, and "Paste a log"', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('searchbox', { name: 'Search symptoms, codes and steps' })).toBeVisible();
  for (const t of trees()) {
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: t.title, exact: true }) });
    await expect(card.getByRole('link', { name: t.title, exact: true })).toHaveAttribute('href', `/t/${t.id}`);
    await expect(card).toContainText(t.symptom);
  }
  await expect(page.getByRole('main').getByRole('link', { name: 'Paste a log' })).toHaveAttribute('href', '/analyze');
});

/** What a person types, and a result that must come up for it. */
const QUERIES: { q: string; expect: RegExp; href: RegExp }[] = [
  { q: '7014', expect: /7014/, href: /^\/codes\/mpaas\/7014$/ },
  { q: '7014', expect: /./, href: /^\/t\/mpaas-system-busy\// },
  { q: '系统繁忙', expect: /./, href: /^\/t\/mpaas-system-busy/ },
  { q: 'SignatureNonceUsed', expect: /SignatureNonceUsed/, href: /^\/codes\/aliyun\/SignatureNonceUsed$/ },
  { q: 'invalid session', expect: /./, href: /^\/codes\/top\// },
  { q: 'token expired', expect: /./, href: /^\/codes\/easemob\// },
];

for (const { q, expect: text, href } of QUERIES) {
  test(`home search: "${q}" is one click from ${href.source}`, async ({ page }) => {
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Search symptoms, codes and steps' }).fill(q);
    const results = page.getByRole('list', { name: `Results for “${q}”` });
    await expect(results).toBeVisible();
    const links = results.getByRole('link');
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    const i = hrefs.findIndex((h) => href.test(h));
    expect(i, `no result for "${q}" links to ${href} (got ${hrefs.join(', ')})`).toBeGreaterThanOrEqual(0);
    await expect(links.nth(i)).toContainText(text);
    await links.nth(i).click();
    // The home page (with its own title) stays on screen until the result's page has loaded: the address first.
    await expect.poll(() => new URL(page.url()).pathname).toMatch(href);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });
}

test('home search says so when nothing matches', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Search symptoms, codes and steps' }).fill('qqqq-nothing-zzzz');
  await expect(page.getByRole('main')).toContainText('Nothing matches');
  expect(index.tables.length).toBeGreaterThan(0);
});

test('the home search is in the address: Back from a result returns to it, and a search can be linked', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('searchbox', { name: 'Search symptoms, codes and steps' });
  await box.fill('SignatureNonceUsed');
  await expect(page).toHaveURL(/\/\?q=SignatureNonceUsed$/);
  const results = page.getByRole('list', { name: 'Results for “SignatureNonceUsed”' });
  await results
    .getByRole('link', { name: /SignatureNonceUsed/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/codes\/aliyun\/SignatureNonceUsed$/);
  await page.goBack();
  await expect(box).toHaveValue('SignatureNonceUsed');
  await expect(results).toBeVisible();

  // A link with ?q= opens with the search done; the header's "All guides" clears it.
  await page.goto('/?q=7014');
  await expect(page.getByRole('list', { name: 'Results for “7014”' })).toBeVisible();
  await page.getByRole('banner').getByRole('link', { name: 'All guides' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(box).toHaveValue('');
});

test('an error response pasted into the home search is offered to the analyzer, without going into the URL', async ({ page }) => {
  await page.goto('/');
  const body = '{"error_response":{"code":27,"msg":"Invalid session","sub_code":"invalid-sessionkey"}}';
  await page.getByRole('searchbox', { name: 'Search symptoms, codes and steps' }).fill(body);
  await expect(page.getByText('This looks like a log line or an error response.')).toBeVisible();
  // Unlike a search, it is kept out of the address: a reload would send it to the host.
  expect(new URL(page.url()).search).toBe('');
  await page.getByRole('button', { name: 'Analyze it' }).click();
  await expect(page).toHaveURL(/\/analyze$/);
  await expect(page.getByRole('textbox', { name: 'Log or error response' })).toHaveValue(body);
  await expect(page.getByRole('heading', { name: '1 finding' })).toBeVisible();
  await expect(page.locator('[data-finding]')).toHaveAttribute('data-code', '27');
  // A plain query is not mistaken for a log.
  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Search symptoms, codes and steps' }).fill('invalid session');
  await expect(page.getByRole('list', { name: 'Results for “invalid session”' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Analyze it' })).toHaveCount(0);
});
