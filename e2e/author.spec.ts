import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { hasAnswers } from '../src/engine/model.ts';
import { tree } from './content.ts';
import { expect, test } from './test.ts';

/** The author view (`?author=1`) on the built app: what the file says about the step, where, and a way down each answer. */
const FILE = 'content/trees/mpaas-system-busy.yaml';
const t = tree('mpaas-system-busy');
const start = t.steps[t.start]!;
/** The line of a step's id in its file, counted here from the file itself. */
const lineOf = (step: string) =>
  readFileSync(FILE, 'utf8')
    .split('\n')
    .findIndex((l) => l === `  ${step}:`) + 1;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test('?author=1 shows the step as the file writes it, its line, and a try link per answer that keeps the view on', async ({ page }) => {
  if (!hasAnswers(start)) throw new Error('the start step has answers');
  await page.goto(`/t/${t.id}/${t.start}?author=1`);
  const view = page.getByRole('complementary', { name: 'Author view' });
  await expect(view.getByRole('definition').first()).toHaveText(t.start);
  await expect(view.getByText(`${FILE}:${lineOf(t.start)}`, { exact: true })).toBeVisible();
  await expect(view).toContainText(start.kind);
  for (const s of start.sources) await expect(view).toContainText(s);
  await expect(view).toContainText((start.asks ?? []).join(', '));
  // What each answer sets, as the file writes it.
  for (const a of start.answers) for (const [k, v] of Object.entries(a.sets ?? {})) await expect(view).toContainText(`${k}=${v}`);

  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(result.violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Down the second answer: the next step, with the view still on (no ?author in its URL).
  const second = start.answers[1]!;
  await view.getByRole('link', { name: `Try “${second.label}” → ${second.next}` }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${t.id}/${second.next}\\?`));
  expect(new URL(page.url()).searchParams.get('author')).toBeNull();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.steps[second.next]!.title);
  await expect(view.getByText(`${FILE}:${lineOf(second.next)}`, { exact: true })).toBeVisible();
  await expect(view).toContainText(`${Object.keys(second.sets ?? {})[0]}=${Object.values(second.sets ?? {})[0]}`);

  // Hidden: gone here, and on the next step.
  await view.getByRole('button', { name: 'Hide author view' }).click();
  await expect(view).toHaveCount(0);
  const after = t.steps[second.next]!;
  if (!hasAnswers(after)) throw new Error(`${second.next} has answers`);
  await page.getByRole('region', { name: 'What did you find?' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(after.title);
  await expect(page.getByRole('complementary', { name: 'Author view' })).toHaveCount(0);
});

test('without ?author=1 a built step shows no author view and never loads its chunk', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto(`/t/${t.id}/${t.start}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(start.title);
  // The title is already in the prerendered markup: no author view says something only once the app has hydrated the page.
  await expect(page.getByRole('textbox', { name: 'Ticket' })).toBeEnabled();
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('complementary', { name: 'Author view' })).toHaveCount(0);
  // A build offers no toggle (the dev server does).
  await expect(page.getByRole('button', { name: 'Show author view' })).toHaveCount(0);
  expect(requested.filter((u) => /\/assets\/author-/.test(u))).toEqual([]);
});

test('on a phone the author view starts folded, so the step stays on the first screen; unfolded it fits and passes axe @phone', async ({ page }) => {
  await page.goto(`/t/${t.id}/${t.start}?author=1`);
  const view = page.getByRole('complementary', { name: 'Author view' });
  const details = view.getByText(`Step ${t.start}: what the file says`);
  await expect(details).toBeVisible();
  await expect(view.getByText(`${FILE}:${lineOf(t.start)}`, { exact: true })).toBeHidden();
  // Folded it takes two short lines, and the question is whole on the first screen.
  expect((await view.boundingBox())!.height).toBeLessThan(160);
  await expect(page.getByRole('heading', { level: 1 })).toBeInViewport({ ratio: 1 });

  await details.click();
  await expect(view.getByText(`${FILE}:${lineOf(t.start)}`, { exact: true })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(result.violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
