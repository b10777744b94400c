import type { BrowserContext, Page } from '@playwright/test';
import { hasAnswers } from '../src/engine/model.ts';
import { codeIndex, tree } from './content.ts';
import { expect, test } from './test.ts';

/**
 * The smoke subset (@smoke): what a deployment must get right, run against
 * `vite preview` with the rest of the suite and against real nginx at the
 * site root and under a sub-path (playwright.nginx.config.ts). Every address
 * here is relative (`t/…`, not `/t/…`), so it resolves under the project's
 * base URL; `site()` is the base path the build was made for.
 */

const MPAAS = 'mpaas-system-busy';
const mpaas = tree(MPAAS);
const start = mpaas.steps[mpaas.start]!;

/** The path the app is served under in this project: `/` or `/troubleshooter/`. */
function base(page: Page): string {
  return new URL(test.info().project.use.baseURL ?? page.url()).pathname.replace(/\/?$/, '/');
}
/** A path of the app on this site: `t/a/b` → `/troubleshooter/t/a/b`. */
const site = (page: Page, path: string) => `${base(page)}${path}`;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const title = (page: Page) => page.getByRole('heading', { level: 1 });
const answers = (page: Page) => page.getByRole('region', { name: 'What did you find?' });

test('@smoke the home page lists the guides; a guide starts at its first step, under the base path', async ({ page }) => {
  await page.goto('./');
  await expect(title(page)).toHaveText('What are you seeing?');
  const guide = page.getByRole('link', { name: mpaas.title });
  await expect(guide).toHaveAttribute('href', site(page, `t/${MPAAS}`));
  await guide.click();
  await expect(page).toHaveURL(new RegExp(`^[^?]*${escape(site(page, `t/${MPAAS}/${mpaas.start}`))}$`));
  await expect(title(page)).toHaveText(start.title);
  // Header links and styles work from here too.
  await expect(page.getByRole('link', { name: 'Error codes', exact: true }).first()).toHaveAttribute('href', site(page, 'codes'));
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toBe('');
});

test('@smoke a walk of a few steps, a cold link with its answers, and the share link', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // A cold step link: the prerendered page, hydrated.
  const response = await page.goto(`t/${MPAAS}/${start.id}`);
  expect(response?.status()).toBe(200);
  await expect(title(page)).toHaveText(start.title);
  // The title is already in the prerendered markup: an answer clicked before the app has hydrated it is followed by the browser, not the app.
  await expect(page.getByRole('textbox', { name: 'Ticket' })).toBeEnabled();
  let step = start;
  for (let i = 0; i < 3 && hasAnswers(step); i++) {
    const answer = step.answers[0]!;
    const link = answers(page).getByRole('link', { name: new RegExp(`^${escape(answer.label)}`) });
    await expect(link).toHaveAttribute('href', new RegExp(`^${escape(site(page, `t/${MPAAS}/${answer.next}`))}\\?trail=`));
    await link.click();
    step = mpaas.steps[answer.next]!;
    await expect(title(page)).toHaveText(step.title);
    if (step.kind === 'checklist') break;
  }
  await expect(page).toHaveURL(/\?trail=/);
  await page.getByRole('button', { name: 'Copy link to this step and your answers' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(page.url());
  expect(new URL(link).pathname).toBe(site(page, `t/${MPAAS}/${step.id}`));

  // The link in a browser that has never seen the app.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(title(other)).toHaveText(step.title);
  await expect(other.getByRole('navigation', { name: 'Your path' }).getByRole('listitem').first()).toContainText(start.title);
  await fresh.close();

  await page.goBack();
  await expect(title(page)).not.toHaveText(step.title);
});

test('@smoke a code page opened cold links to the step that fixes it', async ({ page }) => {
  const entry = codeIndex()
    .tables.flatMap((t) => t.codes)
    .find((e) => e.step && /^[A-Za-z.]+$/.test(e.code))!;
  await page.goto(`codes/${entry.platform}/${encodeURIComponent(entry.code)}`);
  await expect(title(page)).toContainText(entry.title);
  const [treeId, stepId] = entry.step!.split('/');
  await page.getByRole('link', { name: /^Start troubleshooting here/ }).click();
  await expect(page).toHaveURL(new RegExp(escape(site(page, `t/${treeId}/${stepId}`))));
  await expect(title(page)).toHaveText(tree(treeId!).steps[stepId!]!.title);
});

test('@smoke /analyze reads a pasted error and links to its code page', async ({ page }) => {
  await page.goto('analyze');
  await expect(title(page)).toHaveText('Paste a log or an error response');
  await page
    .getByRole('textbox', { name: 'Log or error response' })
    .fill(
      '{"RequestId":"5C5B1F36-8E16-4E5A-9E0E-1B0C1A2B3C4D","HostId":"ecs.aliyuncs.com","Code":"Throttling.User","Message":"Request was denied due to user flow control."}',
    );
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.getByRole('heading', { name: '1 finding' })).toBeVisible();
  const code = page.getByRole('article').getByRole('link', { name: /Throttling\.User in the reference/ });
  await expect(code).toHaveAttribute('href', site(page, 'codes/aliyun/Throttling.User'));
  await code.click();
  await expect(title(page)).toContainText('Throttling.User');
});

/** Cuts the network for the pages and the worker alike. */
async function goOffline(context: BrowserContext) {
  await context.setOffline(true);
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
}

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('@smoke after one visit, a step, a code page and the analyzer open offline', async ({ page, context }) => {
    await page.goto(`t/${MPAAS}/${start.id}`);
    await expect(page.getByRole('status').filter({ hasText: 'Available offline' })).toBeVisible();
    // The worker is the build's, registered for the base path only.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)).toBe(new URL(site(page, ''), page.url()).href);
    await goOffline(context);
    const other = Object.values(mpaas.steps).find((s) => s.id !== start.id && s.kind !== 'outcome')!;
    await page.goto(`t/${MPAAS}/${other.id}`);
    await expect(title(page)).toHaveText(other.title);
    await page.goto('codes/aliyun/Throttling.User');
    await expect(title(page)).toContainText('Throttling.User');
    await page.goto('analyze');
    await expect(title(page)).toHaveText('Paste a log or an error response');
  });
});
