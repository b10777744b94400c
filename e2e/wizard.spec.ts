import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './test.ts';
import { hasAnswers } from '../src/engine/model.ts';
import { coveringPaths, slices, tree, trees, type Hop } from './content.ts';

const MPAAS = 'mpaas-system-busy';
const mpaas = tree(MPAAS);

/** Marks a checklist's items so the answer about to be clicked is the one that fits. */
async function markFor(page: Page, hop: Hop) {
  const step = hop.step;
  if (step.kind !== 'checklist') return;
  const chosen = step.answers.find((a) => a.id === hop.answer)!;
  for (const [i, item] of step.items.entries()) {
    const bad = chosen.when === 'any-bad' && i === 0;
    await page
      .getByRole('group', { name: item.label })
      .getByRole('radio', { name: bad ? 'Not OK' : 'OK', exact: true })
      .check();
  }
  if (chosen.when) await expect(answers(page).getByRole('link', { name: new RegExp(`^${escape(chosen.label)}`) })).toContainText('fits your marks');
}

/** The step's answers (its code chips are links too, and may read like an answer). */
const answers = (page: Page) => page.getByRole('region', { name: 'What did you find?' });

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function expectStep(page: Page, step: Hop['step']) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(step.title);
  await expect(page.locator('[data-step-kind]')).toHaveAttribute('data-step-kind', step.kind);
}

test('the home page lists the guides and starts the mPaaS one', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What are you seeing?');
  for (const t of trees()) await expect(page.getByRole('link', { name: t.title })).toHaveAttribute('href', `/t/${t.id}`);
  // The flagship guide comes first, then the platforms in the order of the sources.
  await expect(page.locator('.cards > li').getByRole('heading')).toHaveText([mpaas.title, /Mobile Push/, /Taobao Open Platform/, /Easemob/]);
  await page.getByRole('link', { name: mpaas.title }).click();
  await expect(page).toHaveURL(`/t/${MPAAS}/${mpaas.start}`);
  await expectStep(page, mpaas.steps[mpaas.start]!);
});

for (const t of trees())
  for (const path of coveringPaths(t)) {
    const end = path[path.length - 1]!.step;
    test(`walks ${t.id} by clicking answers: ${path.map((h) => h.step.id).join(' → ')}`, async ({ page }) => {
      await page.goto(`/t/${t.id}`);
      for (const [i, hop] of path.entries()) {
        // A step the answers so far answer by themselves is passed on the way: nothing to click.
        if (hop.auto) continue;
        await expectStep(page, hop.step);
        if (!hop.answer || !hasAnswers(hop.step)) break;
        await markFor(page, hop);
        const answer = hop.step.answers.find((a) => a.id === hop.answer)!;
        const lands = path.findIndex((h, j) => j > i && !h.auto);
        const link = answers(page).getByRole('link', { name: new RegExp(`^${escape(answer.label)}`) });
        await expect(link).toHaveAttribute('href', new RegExp(`^/t/${t.id}/${path[lands]!.step.id}\\?trail=`));
        await link.click();
        // The path so far lists every earlier step, those passed on the way too.
        await expect(page.getByRole('navigation', { name: 'Your path' }).getByRole('listitem')).toHaveCount(lands + 1);
      }
      await expectStep(page, end);
      await expect(page.locator('[data-step-kind="outcome"]')).toBeVisible();
    });
  }

for (const t of trees()) {
  for (const slice of slices(Object.values(t.steps), 40)) {
    test(`steps ${slice.label} of ${t.id} open cold, with their title and kind`, async ({ page }) => {
      test.setTimeout(180_000);
      for (const step of slice.items) {
        await page.goto(`/t/${t.id}/${step.id}`);
        await expectStep(page, step);
      }
    });
  }
}

test('browser back, forward and reload keep the place and the path', async ({ page }) => {
  const [first] = coveringPaths(mpaas).sort((a, b) => b.length - a.length);
  await page.goto(`/t/${MPAAS}`);
  const hops = first!.slice(0, 3).filter((h) => h.step.kind !== 'checklist');
  for (const hop of hops) {
    if (!hasAnswers(hop.step)) break;
    // Wait for the step itself: reading the title right after a click races the navigation.
    await expectStep(page, hop.step);
    const answer = hop.step.answers.find((a) => a.id === hop.answer)!;
    await answers(page)
      .getByRole('link', { name: new RegExp(`^${escape(answer.label)}`) })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(hop.step.title);
  }
  const url = page.url();
  const title = await page.getByRole('heading', { level: 1 }).textContent();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title!);
  expect(page.url()).toBe(url);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(title!);
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title!);
  expect(page.url()).toBe(url);
});

test('a shared link with its trail keeps the prerendered step on screen until the app can show it, never a blank page', async ({ page }) => {
  const start = mpaas.steps[mpaas.start]!;
  if (!hasAnswers(start)) throw new Error('the start step has answers');
  const next = mpaas.steps[start.answers[0]!.next]!;
  // What the page needs for a step with a trail, beyond the app itself, held back a while.
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/step-extras-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/t/${MPAAS}/${next.id}?trail=${start.answers[0]!.id}`, { waitUntil: 'domcontentloaded' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(next.title);
  // The app has started meanwhile (its strings are in), and has not cleared the page.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => /\/assets\/vendor-/.test(r.name)));
  await page.waitForTimeout(800);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(next.title);
  release();
  await expect(page.getByRole('navigation', { name: 'Your path' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(next.title);
});

test('the Back button and the path links go back to earlier steps', async ({ page }) => {
  await page.goto(`/t/${MPAAS}`);
  const start = mpaas.steps[mpaas.start]!;
  if (!hasAnswers(start)) throw new Error('start must be a question');
  await answers(page)
    .getByRole('link', { name: new RegExp(`^${escape(start.answers[0]!.label)}`) })
    .click();
  await expectStep(page, mpaas.steps[start.answers[0]!.next]!);
  await page.getByRole('link', { name: '← Back' }).click();
  await expectStep(page, start);
  await expect(page).toHaveURL(`/t/${MPAAS}/${mpaas.start}`);
});

test('keyboard only: tab to an answer, press Enter, focus lands on the new title', async ({ page }) => {
  await page.goto(`/t/${MPAAS}`);
  const start = mpaas.steps[mpaas.start]!;
  if (!hasAnswers(start)) throw new Error('start must be a question');
  const first = start.answers[0]!;
  const target = answers(page).getByRole('link', { name: new RegExp(`^${escape(first.label)}`) });
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(target).toBeFocused();
  // The focused element is visibly outlined.
  const outline = await target.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expectStep(page, mpaas.steps[first.next]!);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('a checklist can be marked with the keyboard and highlights the answer that fits', async ({ page }) => {
  const checklist = Object.values(mpaas.steps).find((s) => s.kind === 'checklist');
  if (!checklist || checklist.kind !== 'checklist') throw new Error('the mPaaS tree must have a checklist');
  await page.goto(`/t/${MPAAS}/${checklist.id}`);
  // The prerendered step (its checklist included) is on screen until the app has hydrated it and given it its case: marks go into the case.
  await expect(page.getByRole('textbox', { name: 'Ticket' })).toBeEnabled();
  const okRadio = page.getByRole('group', { name: checklist.items[0]!.label }).getByRole('radio', { name: 'OK', exact: true });
  await okRadio.focus();
  await page.keyboard.press('Space');
  await expect(okRadio).toBeChecked();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('group', { name: checklist.items[0]!.label }).getByRole('radio', { name: 'Not OK' })).toBeChecked();
  const bad = checklist.answers.find((a) => a.when === 'any-bad')!;
  const badLink = answers(page).getByRole('link', { name: new RegExp(`^${escape(bad.label)}`) });
  await expect(badLink).toContainText('fits your marks');
  // The marks are in the link, so the next page's trail records them.
  await expect(badLink).toHaveAttribute('href', /_n/);
  // Marks survive a reload (kept locally).
  await page.reload();
  await expect(page.getByRole('group', { name: checklist.items[0]!.label }).getByRole('radio', { name: 'Not OK' })).toBeChecked();
});

test('unknown tree, unknown step and unknown page say "not found" and offer a way on', async ({ page }) => {
  await page.goto(`/t/${MPAAS}/no-such-step`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not found');
  await expect(page.getByRole('main')).toContainText('not found');
  await page.getByRole('searchbox', { name: 'Find a step in this guide' }).fill(mpaas.steps[mpaas.start]!.title.slice(0, 12));
  await expect(page.getByRole('link', { name: mpaas.steps[mpaas.start]!.title })).toBeVisible();
  await page.getByRole('link', { name: /from the beginning/ }).click();
  await expectStep(page, mpaas.steps[mpaas.start]!);

  await page.goto('/t/no-such-tree/step');
  await expect(page.getByRole('main')).toContainText('not found');
  await expect(page.getByRole('link', { name: mpaas.title }).first()).toBeVisible();
  await page.goto('/nothing/here');
  await expect(page.getByRole('main')).toContainText('not found');
});

test('a tampered or stale trail is dropped with a notice, never a blank page', async ({ page }) => {
  const step = Object.values(mpaas.steps).find((s) => s.kind === 'outcome')!;
  for (const trail of ['%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'zz.yy', 'x'.repeat(5000)]) {
    await page.goto(`/t/${MPAAS}/${step.id}?trail=${trail}`);
    await expectStep(page, step);
    await expect(page.getByRole('status').filter({ hasText: /path in this link|guide has changed/ })).toBeVisible();
  }
});

test('corrupt saved data is set aside with a notice, and the guide still opens', async ({ page }) => {
  await page.goto('/');
  // The app boots after the load event (a dynamic import): let it read storage before corrupting it.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() => localStorage.setItem('troubleshooter', '{not json'));
  await page.goto(`/t/${MPAAS}`);
  await expectStep(page, mpaas.steps[mpaas.start]!);
  await expect(page.getByRole('status').filter({ hasText: 'Some saved data could not be read. It was set aside, not deleted.' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('troubleshooter:kept-aside'))).toBe('{not json');
  await page.evaluate(() => localStorage.setItem('troubleshooter', JSON.stringify({ state: { ticks: 5, recent: [1] }, version: 1 })));
  await page.reload();
  await expectStep(page, mpaas.steps[mpaas.start]!);
});

test('the home page offers to continue where the person left off', async ({ page }) => {
  const start = mpaas.steps[mpaas.start]!;
  if (!hasAnswers(start)) throw new Error('start must be a question');
  await page.goto(`/t/${MPAAS}`);
  await answers(page)
    .getByRole('link', { name: new RegExp(`^${escape(start.answers[0]!.label)}`) })
    .click();
  const next = mpaas.steps[start.answers[0]!.next]!;
  await expectStep(page, next);
  await page.goto('/');
  await page.getByRole('link', { name: `Continue at “${next.title}”` }).click();
  await expectStep(page, next);
  await expect(page.getByRole('navigation', { name: 'Your path' })).toContainText(start.title);
});

async function axeScan(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(result.violations.map((v) => `${url}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('axe finds no WCAG 2.2 A/AA violations on the home page (with search results) and a not-found step', async ({ page }) => {
  await axeScan(page, '/');
  await page.getByRole('searchbox', { name: 'Search symptoms, codes and steps' }).fill('7014');
  await expect(page.getByRole('list', { name: /Results for/ })).toBeVisible();
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(result.violations.map((v) => v.id)).toEqual([]);
  await axeScan(page, `/t/${MPAAS}/no-such-step`);
});

for (const t of trees()) {
  for (const slice of slices(Object.values(t.steps), 10)) {
    test(`axe finds no WCAG 2.2 A/AA violations on steps ${slice.label} of ${t.id}`, async ({ page }) => {
      test.setTimeout(180_000);
      for (const step of slice.items) await axeScan(page, `/t/${t.id}/${step.id}`);
    });
  }
}

for (const t of trees()) {
  for (const slice of slices(Object.values(t.steps), 40)) {
    test(`@phone steps ${slice.label} of ${t.id} read well on a phone: no horizontal scroll`, async ({ page }) => {
      test.setTimeout(180_000);
      for (const step of slice.items) {
        await page.goto(`/t/${t.id}/${step.id}`);
        await expectStep(page, step);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${t.id}/${step.id}`).toBeLessThanOrEqual(0);
      }
    });
  }
}

test('@phone the home, code and analyzer pages read well on a phone: no horizontal scroll', async ({ page }) => {
  for (const url of ['/', '/codes', '/codes/mpaas/7014', '/analyze']) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, url).toBeLessThanOrEqual(0);
  }
});
