import { expect, test } from './test.ts';

/**
 * Hostile and unlucky input to the analyzer: each test reproduces a defect
 * an adversarial pass found (a hang, a worker that could not be stopped, a
 * page frozen by thousands of findings, files in other encodings).
 */

/**
 * Wraps the page's Worker so a test can hold an analysis forever (the
 * request never reaches the worker, as if it were stuck on a pathological
 * input) and see which workers were terminated.
 */
async function holdableWorkers(page: import('@playwright/test').Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __hold: boolean; __workers: { terminated: boolean }[]; Worker: typeof Worker };
    w.__hold = false;
    w.__workers = [];
    const Real = w.Worker;
    w.Worker = class extends Real {
      terminated = false;
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        w.__workers.push(this);
      }
      override postMessage(message: unknown) {
        if (!w.__hold) super.postMessage(message);
      }
      override terminate() {
        this.terminated = true;
        super.terminate();
      }
    } as typeof Worker;
  });
}
const workers = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (window as unknown as { __workers: { terminated: boolean }[] }).__workers.map((x) => x.terminated));

test('a value of 8,000 spaces in an Xcode console dictionary is read at once (it once took ~100 s)', async ({ page }) => {
  await page.goto('/analyze');
  const text = `Demo[1:2] APMobileNetwork alipay.client.getUnionResource resp:{ "result-status" = 7014; memo = ${' '.repeat(8000)}x }`;
  await page.getByRole('textbox', { name: 'Log or error response' }).fill(text);
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.getByRole('heading', { name: '1 finding' })).toBeVisible({ timeout: 5000 });
  await expect(page.getByRole('article')).toContainText('7014');
});

test('Clear stops a running analysis, and a new paste does not wait behind it', async ({ page }) => {
  await holdableWorkers(page);
  await page.goto('/analyze');
  const box = page.getByRole('textbox', { name: 'Log or error response' });
  await page.evaluate(() => ((window as unknown as { __hold: boolean }).__hold = true));
  await box.fill('{"error_response":{"code":7,"msg":"App Call Limited"}}');
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.getByText('Reading…')).toBeVisible();
  await page.getByRole('button', { name: 'Clear' }).click();
  expect(await workers(page)).toEqual([true]);
  await expect(page.getByText('Reading…')).toBeHidden();

  await page.evaluate(() => ((window as unknown as { __hold: boolean }).__hold = false));
  await box.fill('{"error_response":{"code":27,"msg":"Invalid session"}}');
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.getByRole('article')).toContainText('Invalid session');
});

test('a new paste stops the analysis still running; an analysis past its time budget is stopped with a plain reason', async ({ page }) => {
  await holdableWorkers(page);
  await page.clock.install();
  await page.goto('/analyze');
  const box = page.getByRole('textbox', { name: 'Log or error response' });
  await page.evaluate(() => ((window as unknown as { __hold: boolean }).__hold = true));
  await box.fill('first paste');
  await page.getByRole('button', { name: 'Analyze' }).click();
  await box.fill('second paste');
  await page.getByRole('button', { name: 'Analyze' }).click();
  expect(await workers(page)).toEqual([true, false]);
  await page.clock.fastForward(6_000);
  await expect(page.getByRole('alert')).toContainText('The analysis was stopped after 6 seconds');
  expect(await workers(page)).toEqual([true, true]);
});

test('leaving the page stops the running analysis', async ({ page }) => {
  await holdableWorkers(page);
  await page.goto('/analyze');
  await page.evaluate(() => ((window as unknown as { __hold: boolean }).__hold = true));
  await page.getByRole('textbox', { name: 'Log or error response' }).fill('anything');
  await page.getByRole('button', { name: 'Analyze' }).click();
  await page.getByRole('link', { name: 'Error codes' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Error codes');
  await expect.poll(() => workers(page)).toEqual([true]);
});

test('a log with 30,841 distinct codes shows the first 50, grouped counts and "show more", not thousands of cards', async ({ page }) => {
  await page.goto('/analyze');
  const log = Array.from({ length: 30_841 }, (_, i) => `{"Code":"Err${i}.Generated","RequestId":"REQ-${i}-0000-0000-0000"}`).join('\n');
  await page.locator('input[type=file]').setInputFiles({ name: 'generated.log', mimeType: 'text/plain', buffer: Buffer.from(log) });
  await expect(page.getByRole('heading', { name: '30,841 findings' })).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('[data-finding]')).toHaveCount(50);
  await expect(page.getByTestId('findings-by-platform')).toContainText('500 codes listed, seen 500 times');
  await page.getByRole('button', { name: /^Show 50 more/ }).click();
  await expect(page.locator('[data-finding]')).toHaveCount(100);
  await expect(page.getByRole('main')).toContainText('30,341 more distinct codes');
});

test('a GBK log from a Chinese Windows machine and a UTF-16 log without a byte-order mark are decoded, not shown as mojibake', async ({ page }) => {
  await page.goto('/analyze');
  // "错误：系统繁忙，请稍后再试" in a Taobao error body, encoded as GBK (bytes from Python's gbk codec).
  const gbk = Buffer.concat([
    Buffer.from('{"error_response":{"code":7,"msg":"'),
    Buffer.from('b4edcef3a3bacfb5cdb3b7b1c3a6a3acc7ebc9d4baf3d4d9cad4', 'hex'),
    Buffer.from('"}}\n'),
  ]);
  await page.locator('input[type=file]').setInputFiles({ name: 'windows.log', mimeType: 'text/plain', buffer: gbk });
  await expect(page.getByRole('heading', { name: '1 finding' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('read as GBK / GB18030');
  await expect(page.getByRole('article')).toContainText('错误：系统繁忙，请稍后再试');

  const utf16 = Buffer.from('2026-12-02 10:00:00 {"error_response":{"code":27,"msg":"Invalid session"}}\r\n'.repeat(3), 'utf16le');
  await page.locator('input[type=file]').setInputFiles({ name: 'powershell.log', mimeType: 'text/plain', buffer: utf16 });
  await expect(page.getByRole('main')).toContainText('read as UTF-16 (little-endian)');
  await expect(page.getByRole('article')).toContainText('Seen 3 times');

  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'latin1.log', mimeType: 'text/plain', buffer: Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff, 0x0a]) });
  await expect(page.getByRole('main')).toContainText('character encoding could not be told');
});
