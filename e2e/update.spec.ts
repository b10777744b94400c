import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { hasAnswers } from '../src/engine/model.ts';
import { tree } from './content.ts';
import { NEXT_OUT, revisedTitle, UPDATED_TREE, updatedStep } from './next-build.ts';
import { staticHost } from './static-host.ts';
import { expect, test } from './test.ts';

/**
 * A real deploy under an open tab: dist/ is served, then replaced by
 * dist-next/ (`npm run build:next`: the same app with a step retitled).
 * Run by playwright.nginx.config.ts (project `deploy`), after the builds.
 */
test.use({ serviceWorkers: 'allow' });

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

test('a new deploy under an open step: the tab says so, Reload shows the new content on the same step and trail, the case kept', async ({ page }) => {
  const t = tree(UPDATED_TREE);
  const { step, from, answer } = updatedStep(t);
  const title = t.steps[step]!.title;
  const start = t.steps[from]!;
  const label = hasAnswers(start) ? start.answers.find((a) => a.id === answer)!.label : '';
  const host = await staticHost('dist');
  try {
    await page.goto(`${host.url}/t/${t.id}/${from}`);
    await expect(status(page, 'Available offline')).toBeVisible();
    // Walk one answer (the URL gets a trail) and write a note in this tab's case.
    await page.getByRole('region', { name: 'What did you find?' }).getByRole('link', { name: label }).click();
    await expect(page).toHaveURL(/\?trail=/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    const note = page.getByRole('textbox', { name: 'Your notes on this step' });
    await note.fill('Customer on iOS 17, build 4.2');
    const url = page.url();
    await expect(status(page, /newer version/)).toHaveCount(0);

    // The deploy. The tab looks for a new version when it comes back into view.
    host.swap(NEXT_OUT);
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    const prompt = status(page, 'A newer version of the guides is available — reload to use it. This step and your case stay open.');
    await expect(prompt).toBeVisible();
    // Until the person reloads, the open tab keeps its version, and its pages still open: the old
    // build's chunks are gone from the server, the worker has them.
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.steps[from]!.title);
    await page.goForward();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    const scan = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(scan.violations.map((v) => v.id)).toEqual([]);

    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);
    expect(page.url()).toBe(url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(revisedTitle(title));
    await expect(page.getByRole('navigation', { name: 'Your path' })).toContainText(t.steps[from]!.title);
    await expect(page.getByRole('textbox', { name: 'Your notes on this step' })).toHaveValue('Customer on iOS 17, build 4.2');
    await expect(status(page, 'Available offline')).toBeVisible();
    await expect(prompt).toHaveCount(0);
  } finally {
    await host.close();
  }
});
