import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { tree } from './content.ts';
import { expect, test } from './test.ts';

/**
 * Issue 5, end to end: a session travels as a link, the ticket summary
 * carries what happened (masked), notes stay in the browser, an old link
 * opens its renamed step, and a step prints cleanly.
 */

const mpaas = tree('mpaas-system-busy');
const answers = (page: Page) => page.getByRole('region', { name: 'What did you find?' });
const title = (page: Page) => page.getByRole('heading', { level: 1 });
const pathTitles = (page: Page) => page.getByRole('navigation', { name: 'Your path' }).getByRole('listitem');

/** symptom → ios-find-rpc → sec-exception → sig-codes → bundle-id (a checklist), all by clicking. */
async function walkToChecklist(page: Page) {
  await page.goto('/t/mpaas-system-busy');
  await expect(title(page)).toHaveText(mpaas.steps.symptom!.title);
  for (const [step, answer] of [
    ['symptom', 'ios'],
    ['ios-find-rpc', 'found'],
    ['sec-exception', '608'],
    ['sig-codes', 'ios'],
  ] as const) {
    const s = mpaas.steps[step]!;
    const label = s.kind !== 'outcome' ? s.answers.find((a) => a.id === answer)!.label : '';
    await answers(page).getByRole('link', { name: label }).click();
  }
  await expect(title(page)).toHaveText(mpaas.steps['bundle-id']!.title);
}

test('a session link opens the same path, answers and checklist marks in a fresh browser', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await walkToChecklist(page);
  const checklist = mpaas.steps['bundle-id']!;
  if (checklist.kind !== 'checklist') throw new Error('bundle-id is expected to be a checklist');
  const items = page.getByRole('group', { name: checklist.items[0]!.label });
  await items.getByRole('radio', { name: 'OK', exact: true }).check();
  await page.getByRole('group', { name: checklist.items[1]!.label }).getByRole('radio', { name: 'Not OK' }).check();
  await answers(page)
    .getByRole('link', { name: checklist.answers.find((a) => a.id === 'differs')!.label })
    .click();
  await expect(title(page)).toHaveText(mpaas.steps['fix-bundle-id']!.title);

  await page.getByRole('button', { name: 'Copy link to this step and your answers' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(page.url());
  expect(new URL(link).search).toBe('?trail=ios.found.608.ios.differs_yn');
  const titles = await pathTitles(page).allInnerTexts();
  expect(titles).toHaveLength(6);

  // A browser that has never seen the app: no storage, no history.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(title(other)).toHaveText(mpaas.steps['fix-bundle-id']!.title);
  // The title is already in the prerendered page; the path is drawn once the app has rendered the link's trail.
  await expect(pathTitles(other)).toHaveCount(titles.length);
  expect(await pathTitles(other).allInnerTexts()).toEqual(titles);
  await expect(pathTitles(other).nth(4)).toContainText('1 OK, 1 not OK');
  // Back on the checklist, the marks the sender made are there.
  await other.getByRole('navigation', { name: 'Your path' }).getByRole('link', { name: checklist.title }).click();
  await expect(title(other)).toHaveText(checklist.title);
  await expect(other.getByRole('group', { name: checklist.items[0]!.label }).getByRole('radio', { name: 'OK', exact: true })).toBeChecked();
  await expect(other.getByRole('group', { name: checklist.items[1]!.label }).getByRole('radio', { name: 'Not OK' })).toBeChecked();
  await fresh.close();

  // The secondary link, under "More", is the bare step URL, and says so.
  await page.getByText('More', { exact: true }).click();
  await page.getByRole('button', { name: 'Link to this step only, without answers' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(new URL('/t/mpaas-system-busy/fix-bundle-id', page.url()).href);
});

/** A TOP signature error as a Java SDK logs it, with secrets around it that must never reach a ticket. */
const SECRETS = {
  sign: '668FB4A049F71A1C845EF8C05B1F3E66',
  session: '6100e23657fb0b2d0c78568e55a3031134be9a3a5d4b3a365753805',
  token: 'YWMtWY779DgJEeS2h9OR7fw4QgAAAUlmBR2bTGr',
  email: 'ops.lead@example.cn',
  phone: '13812345678',
  password: 'hunter2-Secret',
};
const TOP_LOG = [
  `2026-12-01 10:00:01 INFO  request https://eco.taobao.com/router/rest?method=taobao.trade.get&app_key=12345678&session=${SECRETS.session}&sign_method=md5&sign=${SECRETS.sign}`,
  `2026-12-01 10:00:01 DEBUG Authorization: Bearer ${SECRETS.token}`,
  `2026-12-01 10:00:02 ERROR {"error_response":{"args":{"arg":[{"key":"app_key","value":"12345678"},{"key":"sign","value":"${SECRETS.sign}"},{"key":"session","value":"${SECRETS.session}"}]},"code":25,"msg":"Invalid signature","request_id":"zt2r9i5yxbe2"}}`,
  `2026-12-01 10:00:02 WARN  notify ${SECRETS.email} / ${SECRETS.phone} password=${SECRETS.password}`,
].join('\n');

test('the ticket summary lists every step, the finding and the link, with every secret masked', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/analyze');
  await page.getByRole('textbox', { name: 'Log or error response' }).fill(TOP_LOG);
  await page.getByRole('button', { name: 'Analyze' }).click();
  const finding = page.locator('[data-finding][data-platform="top"][data-code="25"]');
  await expect(finding).toBeVisible();
  await finding.getByRole('link', { name: /Go to the step that fixes it/ }).click();
  await expect(page).toHaveURL(/\/t\/top-api-error\//);

  // Walk on one step, with a note that carries secrets copied from the log.
  const first = await title(page).innerText();
  const note = page.getByRole('textbox', { name: 'Your notes on this step' });
  await note.fill(`Customer ${SECRETS.email} sent sign=${SECRETS.sign}\ncall back on ${SECRETS.phone}`);
  await answers(page).getByRole('link').first().click();
  await expect(title(page)).not.toHaveText(first);
  expect(page.url()).not.toContain('Customer');

  await page.getByRole('button', { name: 'Ticket summary' }).click();
  const region = page.getByRole('region', { name: 'Ticket summary' });
  await expect(region).toBeVisible();
  const text = region.getByLabel('Summary text');
  await expect(text).toContainText('Found in the pasted log');
  await expect(text).toContainText('top 25');
  await expect(text).toContainText('request_id: zt2r9i5yxbe2');
  for (const t of await pathTitles(page).allInnerTexts()) await expect(text).toContainText(t.split('\n')[0]!);
  await expect(text).toContainText(page.url());
  await expect(text).toContainText(/\d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  await expect(text).toContainText('Note: Customer [masked email] sent sign=[masked signature]');
  await expect(region).toContainText('Masked before sharing: 1 signature, 1 phone number, 1 e-mail address.');
  for (const secret of Object.values(SECRETS)) await expect(region).not.toContainText(secret);

  await region.getByRole('button', { name: 'Copy as Markdown' }).click();
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toBe(await text.innerText());
  expect(markdown.startsWith('## Ticket summary: ')).toBe(true);
  await region.getByRole('radio', { name: 'Plain text' }).check();
  await region.getByRole('button', { name: 'Copy as plain text' }).click();
  const plain = await page.evaluate(() => navigator.clipboard.readText());
  expect(plain).not.toContain('## ');
  for (const secret of Object.values(SECRETS)) {
    expect(markdown).not.toContain(secret);
    expect(plain).not.toContain(secret);
  }

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations).toEqual([]);
});

test('notes are kept across reloads and Start over in their case, never in the URL; a new case starts empty', async ({ page }) => {
  await page.goto('/t/easemob-rest-error');
  await expect(title(page)).toBeVisible();
  // The note box is there before the page has its case (the saved cases are read first): a note written then goes to another case.
  await expect(page.getByRole('textbox', { name: 'Ticket' })).toBeEnabled();
  const note = page.getByRole('textbox', { name: 'Your notes on this step' });
  await note.fill('Customer uses the 3.x REST SDK');
  await page.reload();
  await expect(note).toHaveValue('Customer uses the 3.x REST SDK');
  expect(page.url()).not.toContain('REST');
  await page.getByText('More', { exact: true }).click();
  await page.getByRole('link', { name: 'Start over' }).click();
  // Start over opens this same step again, at the same address: the old page already shows the note. The new one puts the focus on its title.
  await expect(title(page)).toBeFocused();
  await expect(note).toHaveValue('Customer uses the 3.x REST SDK');
  await page.getByRole('button', { name: 'New case' }).click();
  await expect(note).toHaveValue('');
});

test('an outcome opens its ticket summary by itself', async ({ page }) => {
  await page.goto('/t/mpaas-system-busy/resolved?trail=ios.found.none.1000.found.differs.retest.works');
  await expect(title(page)).toHaveText(mpaas.steps.resolved!.title);
  const region = page.getByRole('region', { name: 'Ticket summary' });
  await expect(region.getByLabel('Summary text')).toContainText(`Result: ${mpaas.steps.resolved!.title}`);
  await expect(page.getByRole('button', { name: 'Ticket summary' })).toHaveAttribute('aria-expanded', 'true');
});

test('an old link to a renamed step opens the new step with a short notice', async ({ page }) => {
  expect(mpaas.redirects['fix-apsara-img']).toBe('fix-apsara-image');
  await page.goto('/t/mpaas-system-busy/fix-apsara-img');
  await expect(title(page)).toHaveText(mpaas.steps['fix-apsara-image']!.title);
  await expect(page).toHaveURL(/\/t\/mpaas-system-busy\/fix-apsara-image$/);
  await expect(page.getByRole('main')).toContainText('The step “fix-apsara-img” has moved. This is where it lives now.');
});

test('a step prints without navigation chrome, with the note as text (masked) and link addresses shown', async ({ page }) => {
  await walkToChecklist(page);
  await page.getByRole('textbox', { name: 'Your notes on this step' }).fill('Checked on the customer’s build 2.4.1, password=hunter2-Secret');
  await page.getByRole('button', { name: 'Ticket summary' }).click();
  await expect(page.getByRole('region', { name: 'Ticket summary' }).getByLabel('Summary text')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByRole('group', { name: 'Step actions' })).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Your notes on this step' })).toBeHidden();
  await expect(page.locator('.note__print')).toHaveText('Checked on the customer’s build 2.4.1, password=[masked password]');
  // What prints (the rendered text, hidden elements left out) carries no secret.
  expect(await page.locator('body').innerText()).not.toContain('hunter2-Secret');
  await expect(page.getByRole('button', { name: 'Copy as Markdown' })).toBeHidden();
  await expect(title(page)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('print.png'), fullPage: true });
});
