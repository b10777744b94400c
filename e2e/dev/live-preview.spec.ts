import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '../test.ts';

/**
 * The author's loop on `npm start`: a saved tree file updates the open page
 * in place; a content error shows in the browser in the words of
 * `npm run content:check`, and goes when fixed. The dev server reads a
 * scratch copy of content/ (playwright.dev.config.ts), edited here.
 */
const root = process.env.E2E_DEV_CONTENT!;
const file = join(root, 'content/trees/top-api-error.yaml');
const original = readFileSync(file, 'utf8');
const TITLE = 'en: What did the call give you?';

/** What `npm run content:check` prints for the scratch copy (it exits 1 on problems). */
function contentCheck(): string {
  try {
    execFileSync(process.execPath, [resolve('node_modules/tsx/dist/cli.mjs'), resolve('scripts/content-check.ts')], { cwd: root, stdio: 'pipe' });
    return '';
  } catch (e) {
    return String((e as { stderr: Buffer }).stderr).trim();
  }
}

test.afterEach(() => writeFileSync(file, original));

test('a saved tree updates the open step in place; a broken one shows the CLI text in the overlay until fixed', async ({ page, context }) => {
  expect(original).toContain(TITLE);
  await page.goto('/t/top-api-error/start');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What did the call give you?');
  // Vite may reload the page once while it discovers dependencies: wait for that before marking it.
  await page.waitForLoadState('networkidle');
  // Survives an update in place, not a reload.
  await page.evaluate(() => ((window as { stillHere?: boolean }).stillHere = true));
  const url = page.url();

  writeFileSync(file, original.replace(TITLE, 'en: What did the call return?'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What did the call return?');
  expect(page.url()).toBe(url);
  expect(await page.evaluate(() => (window as { stillHere?: boolean }).stillHere)).toBe(true);

  // A start step that does not exist: the overlay says what content:check says, word for word.
  writeFileSync(file, original.replace('\nstart: start\n', '\nstart: strat\n'));
  const overlay = page.locator('vite-error-overlay');
  await expect(overlay.locator('.message-body')).toContainText('"strat" is not a node of this tree');
  const cli = contentCheck();
  expect(cli).toMatch(
    /^content\/trees\/top-api-error\.yaml:\d+:\d+ start: "strat" is not a node of this tree \(did you mean "start"\?\)\n\n1 problem\(s\) in content\/\.$/,
  );
  expect((await overlay.locator('.message-body').textContent())?.trim()).toBe(cli);

  // The dev server is still up: a page opened now shows the same problems.
  const other = await context.newPage();
  await other.goto('/t/top-api-error/start');
  await expect(other.locator('vite-error-overlay .message-body')).toContainText(cli.split('\n')[0]!);

  writeFileSync(file, original);
  await expect(overlay).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What did the call give you?');
  expect(page.url()).toBe(url);
  expect(await page.evaluate(() => (window as { stillHere?: boolean }).stillHere)).toBe(true);
  // The page opened while the content was broken never started the app: it reloads, and now shows the step.
  await expect(other.locator('vite-error-overlay')).toHaveCount(0);
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('What did the call give you?');
});

test('the dev server offers the author view, and its file:line follows the file as it is saved', async ({ page }) => {
  await page.goto('/t/top-api-error/start');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What did the call give you?');
  await page.getByRole('button', { name: 'Show author view' }).click();
  const view = page.getByRole('complementary', { name: 'Author view' });
  const line = original.split('\n').indexOf('  start:') + 1;
  await expect(view.getByText(`content/trees/top-api-error.yaml:${line}`, { exact: true })).toBeVisible();
  await expect(view.getByRole('button', { name: 'Open in editor' })).toBeVisible();

  writeFileSync(file, `# a comment line\n${original}`);
  await expect(view.getByText(`content/trees/top-api-error.yaml:${line + 1}`, { exact: true })).toBeVisible();
});
