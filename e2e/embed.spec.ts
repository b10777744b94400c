import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { findCode } from '../src/engine/codes.ts';
import { hasAnswers } from '../src/engine/model.ts';
import { startSession } from '../src/engine/session.ts';
import { sessionHref } from '../src/engine/trail.ts';
import { codeIndex, tree } from './content.ts';
import { deployPorts, deskOrigin, NEXT_OUT, strangerOrigin, updatedStep } from './next-build.ts';
import { staticHost } from './static-host.ts';
import { expect, test } from './test.ts';

/**
 * The app in a help desk's frame (docs/embedding.md): the desk page is
 * docs/embed-example.html, served from a second local origin; the app is
 * dist-next/ (built with EMBED_ORIGINS = that origin) served by nginx with the
 * generated headers. Run by playwright.nginx.config.ts (project `deploy`).
 */
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const ports = deployPorts();
const APP = `http://127.0.0.1:${ports.app}/`;
const CODE = '7003';
const TRACE = '0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e';

// One desk server on a fixed port (its origin is built into the app): the tests take turns.
test.describe.configure({ mode: 'serial' });
let desk: Awaited<ReturnType<typeof staticHost>>;
test.beforeAll(async () => {
  desk = await staticHost('docs', { port: ports.desk });
});
test.afterAll(async () => desk.close());

const deskPage = (origin: string, app: string) => `${origin}/embed-example.html?app=${encodeURIComponent(app)}`;

/** The guide the code leads to, as the app must find it: the one guide of every table's entry for the code. */
function guideOf(code: string): string {
  const index = codeIndex();
  const guides = new Set(index.tables.flatMap((t) => findCode(index, t.platform, code)?.step?.split('/')[0] ?? []));
  expect([...guides]).toHaveLength(1);
  return [...guides][0]!;
}

/** Errors the browser logs when a desk that is not allowed tries: expected there, and taken out of the test's console check. */
function dropExpected(errors: string[], pattern: RegExp): string[] {
  const dropped = errors.filter((e) => pattern.test(e));
  errors.splice(0, errors.length, ...errors.filter((e) => !pattern.test(e)));
  return dropped;
}

const frameUrl = (page: Page, app: string) =>
  page
    .frames()
    .find((f) => f.url().startsWith(app))
    ?.url() ?? '';

test('an allowed desk frames the app compactly, hears the step, facts and summary, and starts a guide with facts', async ({ page }) => {
  await page.goto(deskPage(deskOrigin(), APP));
  const app = page.frameLocator('#troubleshooter');
  await expect(page.getByRole('status')).toHaveText('Connected (protocol 1, en)');
  // Compact: no site header in the frame.
  await expect(app.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(app.getByRole('banner')).toHaveCount(0);
  await expect(page.locator('#step')).toHaveText('No guide open');

  // The desk starts a guide with the ticket's facts.
  const t = tree(guideOf(CODE));
  // The facts answer the steps they can (the app's own rules): the guide opens on the first one they cannot.
  const walked = startSession(t, { platform: { value: 'ios', source: 'link' }, code: { value: CODE, source: 'link' } });
  const first = t.steps[walked.visits[walked.visits.length - 1]!.step]!;
  await page.getByLabel('Platform').selectOption('ios');
  await page.getByLabel('Error code').fill(CODE);
  await page.getByLabel('Trace id').fill(TRACE);
  await page.getByRole('button', { name: 'Start guide' }).click();
  await expect(app.getByRole('heading', { level: 1 })).toHaveText(first.title);
  await expect.poll(() => frameUrl(page, APP)).toMatch(new RegExp(`/t/${t.id}/${first.id}\\?(.*&)?embed=1`));
  // The link the desk gets is the step's own, with the facts and the path: it replays the same walk.
  await expect(page.locator('#step')).toContainText(`${first.title} — ${t.title} (${APP}${sessionHref(t, walked).slice(1)})`);
  await expect(page.locator('#facts')).toHaveText(`platform: ios; code: ${CODE}; traceId: ${TRACE}`);
  await expect(page.locator('#case-ticket')).toHaveText('ZD-48213');
  const summary = page.locator('#summary');
  await expect(summary).toContainText(TRACE);
  await expect(summary).toContainText('ZD-48213');
  await expect(summary).toContainText(first.title);

  // Walking on in the frame: the flag stays in the URL, the desk hears the new step.
  expect(hasAnswers(first)).toBe(true);
  // (Not the step the next build retitled.)
  const answer = hasAnswers(first) ? first.answers.find((a) => a.next !== updatedStep(t).step) : undefined;
  const next = t.steps[answer!.next]!;
  await app.getByRole('region', { name: 'What did you find?' }).getByRole('link', { name: answer!.label }).click();
  await expect(app.getByRole('heading', { level: 1 })).toHaveText(next.title);
  await expect.poll(() => frameUrl(page, APP)).toMatch(/[?&]trail=[^&]+&embed=1$/);
  await expect(page.locator('#step')).toContainText(`${next.title} — ${t.title}`);
  await expect(summary).toContainText(next.title);

  // A link out of the app opens in a new tab, not in the sidebar.
  const out = app.locator(`a[href^="http"]:not([href^="${APP}"])`).first();
  await expect(out).toBeAttached();
  await out.evaluate((a: HTMLAnchorElement) => a.closest('details')?.setAttribute('open', ''));
  const [popup] = await Promise.all([page.context().waitForEvent('page'), out.click()]);
  await popup.close();
  await expect(app.getByRole('heading', { level: 1 })).toHaveText(next.title);

  // A start the app cannot follow is answered, not guessed.
  await page.getByLabel('Error code').fill('NoSuchCode.AtAll');
  await page.getByRole('button', { name: 'Start guide' }).click();
  await expect(page.locator('#problem')).toHaveText('unknown-guide: No guide fits the code "NoSuchCode.AtAll".');
  await expect(app.getByRole('heading', { level: 1 })).toHaveText(next.title);

  const scan = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(scan.violations.map((v) => v.id)).toEqual([]);
});

test('a desk that is not allowed: nginx refuses the frame; where a host sends no header, the app neither talks nor listens', async ({
  page,
  consoleErrors,
}) => {
  // Another origin (the same server under the name localhost), framing the nginx-served app.
  const refused = page.waitForEvent('console', (m) => /frame-ancestors/.test(m.text()));
  await page.goto(deskPage(strangerOrigin(), APP));
  await refused;
  await expect(page.frameLocator('#troubleshooter').getByRole('heading', { level: 1 })).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText('Not connected');

  // The same build on a host that cannot send headers (an object store): framing works, messages do not.
  const bare = await staticHost(NEXT_OUT);
  try {
    const bareApp = `${bare.url}/`;
    await page.goto(deskPage(strangerOrigin(), bareApp));
    const app = page.frameLocator('#troubleshooter');
    const home = app.getByRole('heading', { level: 1 });
    await expect(home).toBeVisible();
    const title = await home.textContent();
    await page.getByLabel('Error code').fill(CODE);
    await page.getByRole('button', { name: 'Start guide' }).click();
    // Give a message time to arrive and be acted on: nothing changes.
    await page.waitForTimeout(1000);
    await expect(home).toHaveText(title!);
    await expect(page.getByRole('status')).toHaveText('Not connected');
    await expect(page.locator('#step')).toHaveText('—');
    expect(frameUrl(page, bareApp)).toMatch(/\?embed=1$/);
  } finally {
    await bare.close();
  }
  // What the browser said about the refused frame and the messages the desk could not deliver.
  dropExpected(consoleErrors, /frame-ancestors|Failed to execute 'postMessage'|Refused to frame/);
});
