import { tree } from './content.ts';
import { expect, test } from './test.ts';

const t = tree('mpaas-system-busy');
const deep = `/t/mpaas-system-busy/device-time?trail=ios.found.none.7xxx.ios.same.same`;

test('on a phone the path is one line, so the question and its answers are on the first screen @phone', async ({ page }) => {
  // Five answers in: which 7XXX code the Android app gets.
  await page.goto('/t/mpaas-system-busy/android-7xxx?trail=android.found.none.7xxx.android');
  const step = t.steps['android-7xxx']!;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(step.title);
  const toggle = page.getByRole('button', { name: /Your path: 5 earlier answers/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  const path = page.getByRole('navigation', { name: 'Your path' });
  await expect(path.getByRole('link', { name: t.steps['symptom']!.title })).toBeHidden();

  // The question and the start of its answers are on the first screen.
  const viewport = page.viewportSize()!;
  const title = await page.getByRole('heading', { level: 1 }).boundingBox();
  const firstAnswer = await page.locator('.answers a, .answers button').first().boundingBox();
  expect(title!.y + title!.height).toBeLessThan(viewport.height / 2);
  expect(firstAnswer!.y + firstAnswer!.height).toBeLessThanOrEqual(viewport.height);

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(path.getByRole('link', { name: t.steps['symptom']!.title })).toBeVisible();
});

test('the step toolbar has one primary action; the rest open from "More" and close with Escape', async ({ page }) => {
  await page.goto(deep);
  // The prerendered step (its toolbar included) is on screen until the app has rendered the trail: a menu opened on it closes again then.
  await expect(page.getByRole('textbox', { name: 'Ticket' })).toBeEnabled();
  const bar = page.getByRole('group', { name: 'Step actions' });
  await expect(bar.locator('.button:not(.button--quiet)')).toHaveCount(1);
  await expect(bar.locator('.button:not(.button--quiet)')).toHaveText(/Copy link to this step and your answers/);
  const more = bar.getByText('More', { exact: true });
  await expect(bar.getByRole('link', { name: 'Map of this guide' })).toBeHidden();
  await more.click();
  await expect(bar.getByRole('link', { name: 'Map of this guide' })).toBeVisible();
  await expect(bar.getByRole('button', { name: 'Link to this step only, without answers' })).toBeVisible();
  await bar.getByRole('link', { name: 'Map of this guide' }).focus();
  await page.keyboard.press('Escape');
  await expect(bar.getByRole('link', { name: 'Map of this guide' })).toBeHidden();
  await expect(more).toBeFocused();
});

test('on a phone, Analyze moves the page to the results, and dropping a file is not offered @phone', async ({ page }) => {
  await page.goto('/analyze');
  // The analyzer is drawn after the load event: "hidden" says something only once the page is there.
  await expect(page.getByText('Open a log file')).toBeVisible();
  await expect(page.getByText(/drop a file/)).toBeHidden();
  await page
    .getByRole('textbox', { name: 'Log or error response' })
    .fill(
      '{"Code":"SignatureDoesNotMatch","Message":"Specified signature is not matched with our calculation.","RequestId":"8C4D1F6E-0000-4B0B-9E0A-2A6A8B1D3C55"}',
    );
  await page.getByRole('button', { name: 'Analyze' }).click();
  const heading = page.locator('#findings-title');
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
});
