import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { Tree } from '../src/engine/model.ts';
import { answer, startSession, type Session } from '../src/engine/session.ts';
import { encodeTrail } from '../src/engine/trail.ts';
import { tree } from './content.ts';
import { expect, test } from './test.ts';

/**
 * Cases: one ticket's work. Two tickets in a row share nothing; a case is
 * handed to a colleague as a file; storage that is full, hostile or written
 * by the first version never breaks the app or loses what was written.
 */

const mpaas = tree('mpaas-system-busy');
const note = (page: Page) => page.getByRole('textbox', { name: 'Your notes on this step' });
const ticket = (page: Page) => page.getByRole('textbox', { name: 'Ticket' });
const title = (page: Page) => page.getByRole('heading', { level: 1 });

/** The URL of a step with the shortest path from the start to it (breadth first over answers). */
function pathTo(t: Tree, target: string): string {
  const queue: Session[] = [startSession(t)];
  const seen = new Set<string>();
  while (queue.length) {
    const s = queue.shift()!;
    const at = s.visits.at(-1)!.step;
    if (at === target) return `/t/${t.id}/${at}?trail=${encodeTrail(t, s)}`;
    if (seen.has(at)) continue;
    seen.add(at);
    const step = t.steps[at]!;
    if (step.kind === 'outcome') continue;
    // Answers the path's facts close are not links on the page: only the open ones lead on.
    for (const a of step.answers) {
      const next = answer(t, s, a.id);
      if (next) queue.push(next);
    }
  }
  throw new Error(`no path to ${target}`);
}

test('two tickets in a row in one browser share nothing: note, ticket reference, findings', async ({ page }) => {
  // Ticket A, from the analyzer: its finding and facts go into case A.
  await page.goto('/analyze');
  await page.getByRole('textbox', { name: 'Log or error response' }).fill('{"error_response":{"code":27,"msg":"Invalid session","request_id":"zt2r9i5yxbe2"}}');
  await page.getByRole('button', { name: 'Analyze' }).click();
  await page.getByRole('link', { name: /Go to the step that fixes it/ }).click();
  await expect(page).toHaveURL(/\/t\/top-api-error\//);
  await ticket(page).fill('ZD-1001');
  await note(page).fill('customer Acme, contact 13812345678');
  await page.getByText('Ticket facts').click();
  await expect(page.getByRole('textbox', { name: 'Trace id / RequestId' })).toHaveValue('zt2r9i5yxbe2');
  await expect(page.getByText('from your log').first()).toBeVisible();

  // Ticket B: the same guide, started again from the home page.
  await page.getByRole('link', { name: 'All guides' }).click();
  // The step stays on screen until the home page has loaded, and its guide name is a link too (one that stays in case A).
  await expect(page).toHaveURL(/\/$/);
  await page.getByRole('link', { name: tree('top-api-error').title }).click();
  await expect(title(page)).toHaveText(tree('top-api-error').steps[tree('top-api-error').start]!.title);
  // The ticket box is disabled and empty until the page has its case: an empty disabled box says nothing yet.
  await expect(ticket(page)).toBeEnabled();
  await expect(ticket(page)).toHaveValue('');
  await page.getByRole('button', { name: 'Ticket summary' }).click();
  const summary = page.getByRole('region', { name: 'Ticket summary' });
  await expect(summary.getByLabel('Summary text')).toBeVisible();
  await expect(summary).not.toContainText('Acme');
  await expect(summary).not.toContainText('ZD-1001');
  await expect(summary).not.toContainText('zt2r9i5yxbe2');

  // Case A is still there, one switch away.
  await page.getByText('Switch case').click();
  await page.getByRole('button', { name: /ZD-1001/ }).click();
  await expect(ticket(page)).toHaveValue('ZD-1001');
  await expect(page).toHaveURL(/\/t\/top-api-error\//);
});

test('opening a colleague’s link starts a new case; reload and Back stay in it', async ({ page }) => {
  const link = pathTo(mpaas, 'bundle-id');
  await page.goto(link);
  await ticket(page).fill('ZD-2002');
  await note(page).fill('first ticket');
  await page.reload();
  await expect(ticket(page)).toHaveValue('ZD-2002');
  await expect(note(page)).toHaveValue('first ticket');
  // The same link opened again from outside (a new navigation, not a reload): a new case.
  await page.goto('/');
  await page.goto(link);
  // The ticket box is disabled until the page has its case (the saved cases are read first): an empty disabled box says nothing yet.
  await expect(ticket(page)).toBeEnabled();
  await expect(ticket(page)).toHaveValue('');
  await expect(note(page)).toHaveValue('');
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await page.goForward();
  await expect(ticket(page)).toBeEnabled();
  await expect(ticket(page)).toHaveValue('');
});

test('a case exported in one browser is imported in another and resumes at the same step with the same notes, secrets masked', async ({ page, browser }) => {
  const link = pathTo(mpaas, 'bundle-id');
  await page.goto(link);
  await ticket(page).fill('ZD-3003');
  await note(page).fill('checked the plist; password=hunter2-Secret');
  await page.getByRole('link', { name: 'All cases' }).click();
  await expect(title(page)).toHaveText('Cases');
  const row = page.getByRole('article', { name: 'ZD-3003' });
  const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: 'Export' }).click()]);
  const file = readFileSync((await download.path())!, 'utf8');
  expect(file).toContain('ZD-3003');
  expect(file).not.toContain('hunter2-Secret');

  const other = await browser.newContext();
  const colleague = await other.newPage();
  await colleague.goto('/cases');
  await colleague.getByLabel('Import a case file').setInputFiles({ name: 'case.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(title(colleague)).toHaveText(mpaas.steps['bundle-id']!.title);
  await expect(colleague).toHaveURL(new RegExp(link.replace(/[?.]/g, '\\$&') + '$'));
  await expect(ticket(colleague)).toHaveValue('ZD-3003');
  await expect(note(colleague)).toHaveValue('checked the plist; password=[masked password]');

  // A file that is not a case, or from a newer version, changes nothing and says why in one sentence.
  await colleague.goto('/cases');
  await colleague.getByLabel('Import a case file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
  await expect(colleague.getByRole('alert')).toHaveText('This file is not a case exported from this app. Nothing was imported.');
  const newer = file.replace('"version": 1', '"version": 9');
  await colleague.getByLabel('Import a case file').setInputFiles({ name: 'y.json', mimeType: 'application/json', buffer: Buffer.from(newer) });
  await expect(colleague.getByRole('alert')).toContainText('exported by a newer version');
  await expect(colleague.getByRole('article')).toHaveCount(1);
  await other.close();
});

test('an escalation’s summary lists what support asks for, and what the case still lacks', async ({ page }) => {
  const escalate = mpaas.steps.escalate!;
  expect(escalate.kind === 'outcome' && escalate.asks).toEqual(['platform', 'api', 'code', 'traceId']);
  await page.goto(pathTo(mpaas, 'escalate'));
  await page.getByText('Ticket facts').click();
  await page.getByRole('textbox', { name: 'Error code' }).fill('7014');
  await page.getByRole('textbox', { name: 'Trace id / RequestId' }).fill('0a1d7667159712140890222728553');
  const summary = page.getByRole('region', { name: 'Ticket summary' }).getByLabel('Summary text');
  await expect(summary).toContainText(`## Escalation: ${escalate.title}`);
  await expect(summary).not.toContainText('## Fix:');
  await expect(summary).toContainText('- [x] Error code: 7014');
  await expect(summary).toContainText('- [ ] API or operationType: missing');
  // The platform came from the first answer ("iOS: System busy…"): the guide's facts are the case's.
  await expect(summary).toContainText('Still missing: API or operationType.');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations).toEqual([]);
});

test('the cases page resumes, renames, closes and deletes cases, and deletes all only after asking', async ({ page }) => {
  await page.goto(pathTo(mpaas, 'bundle-id'));
  await ticket(page).fill('ZD-4004');
  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  const row = page.getByRole('article', { name: 'ZD-4004' });
  await row.getByRole('button', { name: 'Rename' }).click();
  await row.getByRole('textbox').fill('ZD-4005');
  await row.getByRole('textbox').press('Enter');
  const renamed = page.getByRole('article', { name: 'ZD-4005' });
  await renamed.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('heading', { name: 'Closed cases (1)' })).toBeVisible();
  await page.getByRole('article', { name: 'ZD-4005' }).getByRole('button', { name: 'Reopen and resume' }).click();
  await expect(title(page)).toHaveText(mpaas.steps['bundle-id']!.title);
  await expect(ticket(page)).toHaveValue('ZD-4005');
  await page.goto('/cases');
  await page.getByRole('button', { name: 'Delete all cases…' }).click();
  await expect(page.getByRole('alert')).toContainText('cannot be recovered');
  await page.getByRole('button', { name: 'Yes, delete all' }).click();
  await expect(page.getByRole('heading', { name: 'Open cases (0)' })).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations).toEqual([]);
});

test('with storage full, the case keeps working in this tab and the page says it is not being saved', async ({ page }) => {
  await page.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (this === window.localStorage && key === 'troubleshooter') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return real.call(this, key, value);
    };
  });
  await page.goto(pathTo(mpaas, 'bundle-id'));
  // The prerendered step (its note box included) is on screen until the app has rendered it and given it its case.
  await expect(ticket(page)).toBeEnabled();
  await note(page).fill('kept in memory');
  await expect(page.getByRole('status').filter({ hasText: 'This browser is not saving your work' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Your path' }).getByRole('link').first().click();
  await expect(page).not.toHaveURL(/\/mpaas-system-busy\/bundle-id/);
  await page.goBack();
  await expect(note(page)).toHaveValue('kept in memory');
});

test('when the code that reads the saved cases cannot be loaded, the step still takes notes in this tab and overwrites nothing', async ({
  page,
  consoleErrors,
}) => {
  await page.goto(pathTo(mpaas, 'bundle-id'));
  await ticket(page).fill('ZD-6006');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('troubleshooter') ?? '')).toContain('ZD-6006');
  const saved = await page.evaluate(() => localStorage.getItem('troubleshooter'));
  // A deploy in between or a lost connection: the reader's chunk does not arrive.
  await page.route('**/assets/cases-storage-*.js', (route) => route.abort());
  await page.goto('/');
  await page.goto(pathTo(mpaas, 'bundle-id'));
  await expect(page.getByRole('status').filter({ hasText: 'This browser is not saving your work' })).toBeVisible();
  await note(page).fill('written while the saved cases could not be read');
  await expect(note(page)).toHaveValue('written while the saved cases could not be read');
  expect(await page.evaluate(() => localStorage.getItem('troubleshooter'))).toBe(saved);
  // The aborted download is the one error the browser logs (the app itself logs nothing).
  expect(consoleErrors).toEqual(['console.error: Failed to load resource: net::ERR_FAILED']);
  consoleErrors.length = 0;
});

test('hostile saved data never breaks the app: prototype keys are ignored, what cannot be read is kept aside to download', async ({ page }) => {
  const hostile = [
    '{"state":{"ticks":{},"recent":{},"notes":{"__proto__":{"children":"POLLUTED"}},"findings":{}},"version":1}',
    '{"state":{"ticks":{"__proto__":{"path":"x"}},"recent":{},"notes":{},"findings":{}},"version":1}',
    '{"state":{"cases":{"__proto__":{"index":1},"c12345678":{"id":"c12345678","createdAt":1,"notes":{"__proto__":{"text":"x","at":1}}}}},"version":2}',
    'not json at all {',
    '{"state":{"cases":[1,2,3]},"version":2}',
  ];
  for (const raw of hostile) {
    await page.goto('/');
    await page.evaluate((r) => localStorage.setItem('troubleshooter', r), raw);
    await page.reload();
    await expect(title(page)).toBeVisible();
    await page.goto(pathTo(mpaas, 'bundle-id'));
    await expect(title(page)).toHaveText(mpaas.steps['bundle-id']!.title);
    // The title is already in the prerendered page: the note is written once the app has the page and its case.
    await expect(ticket(page)).toBeEnabled();
    await note(page).fill('still works');
    expect(
      await page.evaluate(() => (({}) as Record<string, unknown>).children ?? ({} as Record<string, unknown>).path ?? ({} as Record<string, unknown>).index),
    ).toBeUndefined();
    if (!raw.includes('__proto__":{"children') && !raw.includes('"path"')) {
      await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toBeVisible();
      expect(await page.evaluate(() => localStorage.getItem('troubleshooter:kept-aside'))).toBe(raw);
    }
    await page.evaluate(() => localStorage.clear());
  }
});

test('notes and marks kept by the first version become one case, "Before cases"', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() =>
    localStorage.setItem(
      'troubleshooter',
      JSON.stringify({
        state: {
          ticks: {},
          recent: { 'mpaas-system-busy': { step: 'bundle-id', trail: 'ios.found.608.ios', title: 'Bundle', at: 1 } },
          notes: { 'mpaas-system-busy': { 'bundle-id': 'written before cases' } },
          findings: {},
        },
        version: 1,
      }),
    ),
  );
  await page.goto('/cases');
  const row = page.getByRole('article', { name: 'Before cases' });
  await row.getByRole('button', { name: 'Resume' }).click();
  await expect(title(page)).toHaveText(mpaas.steps['bundle-id']!.title);
  await expect(note(page)).toHaveValue('written before cases');
});

test('two tabs on one case keep each other’s notes instead of overwriting them', async ({ context }) => {
  const a = await context.newPage();
  await a.goto(pathTo(mpaas, 'bundle-id'));
  await ticket(a).fill('ZD-5005');
  await note(a).fill('from tab A');
  const b = await context.newPage();
  await b.goto('/cases');
  await b.getByRole('article', { name: 'ZD-5005' }).getByRole('button', { name: 'Resume' }).click();
  await expect(note(b)).toHaveValue('from tab A');
  // Tab B writes on another step; tab A writes on its own: both notes survive in both tabs.
  await b.getByRole('navigation', { name: 'Your path' }).getByRole('link').first().click();
  // The step changes when its data is loaded: until then the note box on screen is still bundle-id's.
  await expect(title(b)).toHaveText(mpaas.steps[mpaas.start]!.title);
  await note(b).fill('from tab B');
  await note(a).fill('from tab A, edited');
  await expect.poll(() => a.evaluate(() => localStorage.getItem('troubleshooter') ?? '')).toContain('from tab B');
  await expect.poll(() => a.evaluate(() => localStorage.getItem('troubleshooter') ?? '')).toContain('from tab A, edited');
  await b.goBack();
  await expect(title(b)).toHaveText(mpaas.steps['bundle-id']!.title);
  await expect(note(b)).toHaveValue('from tab A, edited');
});
