import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { tree } from './content.ts';
import { expect, test } from './test.ts';

/** Known facts: a link, a pasted log or a code page tells the guide what it would otherwise ask. */

const MPAAS = 'mpaas-system-busy';
const mpaas = tree(MPAAS);
const title = (page: Page) => page.getByRole('heading', { level: 1 });
const path = (page: Page) => page.getByRole('navigation', { name: 'Your path' });
const answers = (page: Page) => page.getByRole('region', { name: 'What did you find?' });

/** The seed's Xcode console example, with the result-status a clock problem gives. */
const IOS_7003 =
  'Demo[83383:2546279] [mPaaSLog] APMobileNetwork alipay.client.getUnionResource resp:{ "Content-Length" = 0; "Content-Type" = "text/plain;charset=UTF-8"; Date = "Tue, 11 Aug 2020 04:50:08 GMT"; "mgw-traceid" = 0a1d7667159712140890222728553; "result-status" = 7003; "server-time" = 1597121408902; }';

test('an entry link with the platform and the code lands on the clock check in one hop, the facts shown as known', async ({ page }) => {
  await page.goto(`/t/${MPAAS}?platform=ios&code=7003`);
  await expect(title(page)).toHaveText(mpaas.steps['device-time']!.title);
  // The address is the step's own, with the facts and the path: a shared link replays it.
  await expect(page).toHaveURL(/\/t\/mpaas-system-busy\/device-time\?f=platform:ios,code:7003&trail=ios\.found\.none\.7xxx\.ios-clock$/);
  await expect(path(page)).toContainText('Platform: iOS — from the link');
  await expect(path(page)).toContainText('Result code: 7003 — from the link');
  // The platform is asked once: no earlier step was shown as a question.
  await expect(path(page).getByText('you answered')).toHaveCount(0);
  // Going on, the range of checks left counts the facts: no question about what is known comes up.
  await expect(page.locator('.step__meta')).toContainText('more checks to a fix');
  const scan = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(scan.violations.map((v) => v.id)).toEqual([]);

  // Reloading the link (or opening it in another browser) shows the same.
  await page.reload();
  await expect(title(page)).toHaveText(mpaas.steps['device-time']!.title);
  await expect(path(page)).toContainText('Platform: iOS — from the link');
});

test('"change" on a known fact reopens its question, and the answer given there is used instead', async ({ page }) => {
  await page.goto(`/t/${MPAAS}?platform=ios&code=7003`);
  await expect(title(page)).toHaveText(mpaas.steps['device-time']!.title);
  await path(page).getByRole('link', { name: 'Change platform: ask again' }).click();
  await expect(title(page)).toHaveText(mpaas.steps.symptom!.title);
  await expect(page).toHaveURL(/\/t\/mpaas-system-busy\/symptom\?f=code:7003$/);
  await answers(page)
    .getByRole('link', { name: /^Android/ })
    .click();
  // The code still passes the steps it answers, now on the Android side.
  await expect(title(page)).toHaveText(mpaas.steps['device-time']!.title);
  await expect(path(page)).toContainText('you answered “Android: 网络不给力，请稍后再试”');
  await expect(path(page)).toContainText('Result code: 7003 — from the link');
  await expect(page).toHaveURL(/f=code:7003&trail=android\.found\.none\.7xxx\.android\.7003-7007$/);
});

test('a fact the guide does not know is left out with a notice; the rest of the link still works', async ({ page }) => {
  await page.goto(`/t/${MPAAS}?platform=windows&code=7003`);
  await expect(page.getByRole('status').or(page.getByRole('alert')).first()).toContainText('facts this guide does not know (platform:windows)');
  // Without a platform the guide asks for it — once — then the code takes over.
  await expect(title(page)).toHaveText(mpaas.steps.symptom!.title);
  await answers(page).getByRole('link', { name: /^iOS/ }).click();
  await expect(title(page)).toHaveText(mpaas.steps['device-time']!.title);

  // A stale fact in a step link: dropped with a notice, and the trail that needed it is dropped too.
  await page.goto(`/t/${MPAAS}/device-time?f=platform:windows,code:7003&trail=ios.found.none.7xxx.ios-clock`);
  await expect(title(page)).toHaveText(mpaas.steps['device-time']!.title);
  await expect(page.getByText('facts this guide does not know (platform:windows)')).toBeVisible();
});

test('following a finding of the analyzer lands on the clock check, with the log as the source of the facts', async ({ page }) => {
  await page.goto('/analyze');
  await page.getByRole('textbox', { name: 'Log or error response' }).fill(IOS_7003);
  await page.getByRole('button', { name: 'Analyze' }).click();
  const go = page.getByRole('link', { name: /Go to the step that fixes it/ });
  // Once the guide is loaded, the link walks it from the start with what the log says.
  await expect(go).toHaveAttribute('href', '/t/mpaas-system-busy/device-time?f=platform:ios,code:7003&trail=ios.found.none.7xxx.ios-clock');
  await go.click();
  await expect(title(page)).toHaveText(mpaas.steps['device-time']!.title);
  await expect(path(page)).toContainText('Platform: iOS — from your log');
  await expect(path(page)).toContainText('Result code: 7003 — from your log');
  // The case has them as well, with the trace id the log gave.
  await page.getByText('Ticket facts').click();
  await expect(page.getByRole('textbox', { name: 'Trace id / RequestId' })).toHaveValue('0a1d7667159712140890222728553');
});
