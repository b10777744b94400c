import { expect, test } from './test.ts';

/** Addresses built to turn the app's own links into links elsewhere (an open redirect). */
for (const path of ['//evil.example/', '///evil.example/', '/\\evil.example/', '//evil.example/t/mpaas-system-busy']) {
  test(`on ${JSON.stringify(path)} every link the page builds stays on this site, and the address is not echoed as a link`, async ({ page, baseURL }) => {
    await page.goto(`${baseURL}${path}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const origin = new URL(baseURL!).origin;
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThan(3);
    for (const href of hrefs) expect(new URL(href).origin, href).toBe(origin);
    // Only the language switch repeats the path (as a path of this site); nothing else links to it.
    await expect(page.locator('a[href*="evil.example"]:not([hreflang])')).toHaveCount(0);
  });
}

test('a not-found page clips a very long address instead of echoing all of it', async ({ page }) => {
  const long = `x${'y'.repeat(5000)}`;
  await page.goto(`/t/mpaas-system-busy/${long}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const text = await page.getByRole('main').innerText();
  expect(text).not.toContain('y'.repeat(200));
  expect(text).toContain('…');
});

test('a secret or personal data typed into a search box is searched but never put into the address', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('searchbox').first();
  await box.fill('7014');
  await expect(page).toHaveURL(/\?q=7014$/);
  for (const secret of ['LTAI5tQ9xKpZrW3mN8bV2cD7', 'password=hunter2', '13812345678', 'token：6100e23657fb0b2d0c78568e55a30311']) {
    await box.fill(secret);
    await expect(box).toHaveValue(secret);
    await expect(page).toHaveURL((url) => !url.search.includes('q='));
    expect(page.url()).not.toContain(encodeURIComponent(secret).slice(0, 8));
    // The language link is built from the address, so it carries nothing either.
    await expect(page.locator('a[hreflang]')).not.toHaveAttribute('href', /q=/);
  }
  await page.goto('/codes');
  const codes = page.getByRole('searchbox').first();
  await codes.fill('app_secret=4cf3a1bc2c5174753a8bf28ddf095010');
  await expect(page).toHaveURL((url) => !url.search.includes('q='));
});
