import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { hasAnswers } from '../src/engine/model.ts';
import { GET_VERSION } from '../src/sw/messages.ts';
import { codeIndex, tree, trees } from './content.ts';
import { staticHost } from './static-host.ts';
import { expect, test } from './test.ts';

// The rest of the suite blocks service workers (playwright.config.ts); these tests are about one.
test.use({ serviceWorkers: 'allow' });

const MPAAS = 'mpaas-system-busy';
const mpaas = tree(MPAAS);
const start = mpaas.steps[mpaas.start]!;
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

/** Waits until a service worker controls the page: it only activates once everything is precached. */
async function offlineReady(page: Page) {
  await expect(status(page, 'Available offline')).toBeVisible();
  expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state)).toBe('activated');
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

/** Cuts the network for the pages and the worker alike; anything that still tried to reach the server would fail. */
async function goOffline(context: BrowserContext) {
  await context.setOffline(true);
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
}

/** The version of the worker that controls the page (it answers on a message port). */
function workerVersion(page: Page): Promise<string> {
  return page.evaluate(
    (type) =>
      new Promise<string>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (e: MessageEvent<{ version: string }>) => resolve(e.data.version);
        navigator.serviceWorker.controller!.postMessage({ type }, [channel.port2]);
      }),
    GET_VERSION,
  );
}

test('after one visit, steps (with a trail), a guide never opened, a code page and the analyzer work offline', async ({ page, context }) => {
  // One visit: a step, then an answer, so the URL carries a trail.
  await page.goto(`/t/${MPAAS}/${start.id}`);
  await offlineReady(page);
  expect(hasAnswers(start)).toBe(true);
  const answer = hasAnswers(start) ? start.answers[0]! : undefined;
  const next = mpaas.steps[answer!.next]!;
  await page.getByRole('region', { name: 'What did you find?' }).getByRole('link').first().click();
  await expect(page).toHaveURL(/\?trail=/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(next.title);

  await goOffline(context);
  await expect(status(page, 'Offline — showing the saved copy')).toBeVisible();

  // Reload the step with its trail: the worker answers with the app shell, which renders it.
  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(next.title);
  await expect(page.getByRole('navigation', { name: 'Your path' })).toContainText(start.title);
  await expect(status(page, 'Offline — showing the saved copy')).toBeVisible();
  const scan = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(scan.violations.map((v) => v.id)).toEqual([]);

  // A step of a guide that was never opened: its chunk came with the precache.
  const other = trees().find((t) => t.id !== MPAAS)!;
  const deep = Object.values(other.steps).find((s) => s.id !== other.start)!;
  await page.goto(`/t/${other.id}/${deep.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(deep.title);

  // A code page, then the code list.
  const expired = codeIndex()
    .tables.find((t) => t.platform === 'aliyun')!
    .codes.find((e) => e.code === 'InvalidTimeStamp.Expired')!;
  await page.goto(`/codes/aliyun/${expired.code}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(expired.title);
  await page.goto('/codes');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Error codes');

  // The analyzer (the page, its strings, the code tables and its Web Worker all come from the cache).
  await page.goto('/analyze');
  const box = page.getByRole('textbox', { name: 'Log or error response' });
  await box.fill(
    '{"RequestId":"4C467B38-3910-447D-87BC-AC049166F216","HostId":"ecs.aliyuncs.com","Code":"InvalidTimeStamp.Expired","Message":"Specified time stamp or date value is expired."}',
  );
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.getByRole('heading', { name: '1 finding' })).toBeVisible();
  await expect(page.getByRole('article')).toContainText('InvalidTimeStamp.Expired');

  // Back online: the footer says so again.
  await context.unroute('**/*');
  await context.setOffline(false);
  await expect(status(page, 'Available offline')).toBeVisible();
});

test('in Chinese too: a step opens offline in the remembered language', async ({ page, context }) => {
  await page.goto('/?lang=zh');
  await expect(status(page, '可离线使用')).toBeVisible();
  await goOffline(context);
  await page.goto(`/t/${MPAAS}/${start.id}`);
  const zhStart = trees('zh').find((t) => t.id === MPAAS)!.steps[start.id]!;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(zhStart.title);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(status(page, '当前离线，显示的是已保存的副本')).toBeVisible();
});

test('a new worker shows "A newer version of the guides is available"; Reload switches to it', async ({ page, context }) => {
  // The browser checks for a new worker itself, in a request no page.route() sees: so this test
  // serves dist/ from a host of its own, where a deploy can happen.
  const host = await staticHost('dist');
  try {
    await page.goto(`${host.url}/t/${MPAAS}/${start.id}`);
    await offlineReady(page);
    const before = await workerVersion(page);
    await expect(status(page, /new version/)).toHaveCount(0);

    // The deploy: a different worker (a rebuild with any changed file gives one: the version is a
    // hash of every precached file). The browser looks for it on a page load, when the tab comes
    // back into view, or when asked, as here.
    host.deploy((sw) => sw.replaceAll(before, `${before}next`));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());

    const prompt = status(page, /A newer version of the guides is available/);
    await expect(prompt).toBeVisible();
    // The old version keeps the page until the person says so.
    expect(await workerVersion(page)).toBe(before);
    const scan = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(scan.violations.map((v) => v.id)).toEqual([]);

    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(start.title);
    await expect(status(page, 'Available offline')).toBeVisible();
    await expect(prompt).toHaveCount(0);
    expect(await workerVersion(page)).toBe(`${before}next`);

    // The new version's cache is complete and the old one is gone: offline still works.
    expect(await page.evaluate(() => caches.keys())).toEqual([`troubleshooter-${before}next`]);
    await goOffline(context);
    await page.goto(`${host.url}/codes`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Error codes');
  } finally {
    await host.close();
  }
});
