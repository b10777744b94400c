import AxeBuilder from '@axe-core/playwright';
import { codePageFacts, handoffHref } from '../src/engine/handoff.ts';
import type { CodeEntry, Tree } from '../src/engine/model.ts';
import { codeIndex, slices, tree } from './content.ts';
import { expect, test } from './test.ts';

const index = codeIndex();
const all = index.tables.flatMap((t) => t.codes);
const withStep = all.filter((e) => e.step);

test('the code list searches as you type, in English and Chinese, and filters by platform', async ({ page }) => {
  await page.goto('/codes');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Error codes');
  await expect(page.getByRole('status')).toHaveText(`${all.length} codes`);
  const search = page.getByRole('searchbox', { name: 'Search codes' });

  await search.fill('7003');
  await expect(page.getByRole('link', { name: /^7003/ })).toBeVisible();
  await expect(page).toHaveURL(/\?q=7003/);

  // The Chinese title of an entry finds it while the English UI shows.
  const zhTitle = codeIndex('zh')
    .tables.find((t) => t.platform === 'easemob')!
    .codes.find((e) => e.code === 'reach_limit')!.title;
  expect(zhTitle).toMatch(/[\u4e00-\u9fff]/);
  await search.fill(zhTitle);
  await expect(page.getByRole('link', { name: /^reach_limit/ })).toBeVisible();

  await search.fill('');
  await page.getByRole('combobox', { name: 'Platform' }).selectOption('aliyun');
  const aliyun = index.tables.find((t) => t.platform === 'aliyun')!;
  await expect(page.getByRole('status')).toHaveText(`${aliyun.codes.length} codes`);
  await search.fill('zzzz-no-such-code');
  await expect(page.getByRole('status')).toHaveText(/No code matches/);
  // A pasted error body is searched but kept out of the address (a reload would send it to the host).
  await search.fill('{"Code":"InvalidAccessKeyId.NotFound","Message":"Specified access key is not found."}');
  await expect(page.getByRole('status')).toHaveText(/No code matches/);
  await expect(page).toHaveURL(/\/codes\?platform=aliyun$/);
});

test('the search fields keep every change made in a row, and follow links and Back', async ({ page }) => {
  await page.goto('/codes?q=7003');
  const search = page.getByRole('searchbox', { name: 'Search codes' });
  const platform = page.getByRole('combobox', { name: 'Platform' });
  await expect(search).toHaveValue('7003');
  // Three changes with no wait between them: none may be undone by the one before.
  // A slow CPU (as on a loaded CI machine) is what once let the old query come back.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
  await search.fill('');
  await platform.selectOption('top');
  await search.fill('isv.');
  const top = index.tables.find((t) => t.platform === 'top')!;
  await expect(page).toHaveURL(/\/codes\?(?=.*q=isv\.)(?=.*platform=top)/);
  await expect(page.getByRole('status')).toHaveText(new RegExp(`of ${top.codes.length} codes$`));
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

  // The header's link is a new search: the fields empty themselves.
  await page.getByRole('banner').getByRole('link', { name: 'Error codes' }).click();
  await expect(page).toHaveURL(/\/codes$/);
  await expect(search).toHaveValue('');
  await expect(platform).toHaveValue('');
  await expect(page.getByRole('status')).toHaveText(`${all.length} codes`);
  // Back brings the previous search back into the fields.
  await page.goBack();
  await expect(search).toHaveValue('isv.');
  await expect(platform).toHaveValue('top');
});

for (const table of index.tables) {
  for (const slice of slices(table.codes)) {
    test(`${table.platform} code pages ${slice.label} open cold with their title`, async ({ page }) => {
      test.setTimeout(180_000);
      for (const e of slice.items) {
        await page.goto(`/codes/${e.platform}/${encodeURIComponent(e.code)}`);
        await expect(page.getByRole('heading', { level: 1 })).toContainText(e.title);
      }
    });
  }
  for (const slice of slices(table.codes.filter((x) => x.step))) {
    test(`${table.platform} codes a step handles link to it and back (${slice.label})`, async ({ page }) => {
      test.setTimeout(180_000);
      for (const e of slice.items) {
        const [treeId = '', stepId = ''] = e.step!.split('/');
        await page.goto(`/codes/${e.platform}/${encodeURIComponent(e.code)}`);
        const t = tree(treeId);
        const landing = codePageLanding(t, e);
        const start = page.getByRole('link', { name: /Start troubleshooting here/ });
        await expect(start).toHaveAttribute('href', landing.href);
        await start.click();
        await expect(page).toHaveURL(landing.href);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.steps[landing.step]!.title);
        // Where the code's facts pass its step on the way (an iOS code names the platform too), go back to it on the path.
        if (landing.step !== stepId) await page.getByRole('navigation', { name: 'Your path' }).getByRole('link', { name: t.steps[stepId]!.title }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.steps[stepId]!.title);
        // …and the step's code chip leads back to the code page.
        // A step may handle the same number for two platforms (mPaaS 3003 and iOS 3003): pick this platform's chip.
        await page
          .getByRole('main')
          .getByRole('link', { name: e.code, exact: true })
          .and(page.locator(`[href$="/codes/${e.platform}/${encodeURIComponent(e.code)}"]`))
          .click();
        // A step's title may contain the code's (top 15): the step stays on screen until the code page has loaded.
        await expect(page).toHaveURL(`/codes/${e.platform}/${encodeURIComponent(e.code)}`);
        await expect(page.getByRole('heading', { level: 1 })).toContainText(e.title);
      }
    });
  }
}

test('every platform with a guide links its codes to the guide', () => {
  for (const platform of ['mpaas', 'aliyun', 'top', 'easemob']) {
    expect(withStep.filter((e) => e.platform === platform).length, platform).toBeGreaterThan(0);
  }
});

test('a pattern code resolves to its entry, and an unknown code offers the nearest ones', async ({ page }) => {
  await page.goto('/codes/aliyun/MissingAppKey');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Missing{ParameterName}');
  await page.goto('/codes/mpaas/7030');
  await expect(page.getByRole('main')).toContainText('not found');
  await expect(page.getByRole('link', { name: /^7000/ })).toBeVisible();
  await page.goto('/codes/nowhere/%3Cscript%3E');
  await expect(page.getByRole('main')).toContainText('There is no code table for “nowhere”');
});

test('axe finds no WCAG 2.2 A/AA violations on the code pages', async ({ page }) => {
  const scan = async (url: string) => {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(result.violations.map((v) => `${url}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  };
  await scan('/codes');
  await scan('/codes/mpaas/7003');
  await scan('/codes/easemob/auth_bad_access_token');
  await scan('/codes/mpaas/7030');
});

/** Where "Start troubleshooting here" lands, worked out with the app's own rules (src/engine/handoff.ts). */
function codePageLanding(t: Tree, e: CodeEntry): { href: string; step: string } {
  const href = handoffHref(t, e.step!, codePageFacts(e, e.code), 'code-page');
  return { href, step: /^\/t\/[^/]+\/([^/?]+)/.exec(href)![1]! };
}
