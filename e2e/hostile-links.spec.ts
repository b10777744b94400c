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
