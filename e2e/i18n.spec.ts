import AxeBuilder from '@axe-core/playwright';
import { slices, trees, treesIn } from './content.ts';
import { expect, test } from './test.ts';

const zhTrees = trees('zh').filter((t) => treesIn('zh').includes(t.id));
const enTrees = trees('en');

test('?lang=zh shows the Chinese page, sets <html lang> and is remembered; the switch goes back', async ({ page }) => {
  const t = zhTrees[0]!;
  const start = t.steps[t.start]!;
  await page.goto(`/t/${t.id}/${t.start}?lang=zh`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(start.title);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('link', { name: '全部指南' })).toBeVisible();

  // Remembered: the next page without ?lang= is still Chinese (a prerendered English page included).
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('您遇到了什么问题？');
  await page.goto(`/t/${t.id}/${t.start}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(start.title);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  // The switch: a link to the same page in English.
  await page.getByRole('link', { name: 'English' }).click();
  const en = enTrees.find((x) => x.id === t.id)!;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.steps[t.start]!.title);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveURL(/lang=en/);
});

test('a Chinese browser gets Chinese by default', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/codes');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('错误码');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await context.close();
});

for (const t of zhTrees) {
  for (const slice of slices(Object.values(t.steps), 10)) {
    test(`steps ${slice.label} of ${t.id} in Chinese: title, body and <html lang="zh-CN">; axe clean`, async ({ page }) => {
      test.setTimeout(180_000);
      const en = enTrees.find((x) => x.id === t.id)!;
      for (const step of slice.items) {
        expect(step.title, `${t.id}/${step.id} has no Chinese title`).not.toBe(en.steps[step.id]!.title);
        await page.goto(`/t/${t.id}/${step.id}?lang=zh`);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(step.title);
        await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
        await expect(page.locator('[data-step-kind]')).toHaveAttribute('data-step-kind', step.kind);
        // The body is the Chinese one too: its first paragraph's text is on the page.
        const first = step.body?.find((b) => b.t === 'p');
        const piece = first && first.t === 'p' ? first.c.find((x): x is string => typeof x === 'string' && x.trim().length >= 4) : undefined;
        const firstText = piece?.trim().slice(0, 10) ?? '';
        if (firstText) await expect(page.locator('[data-step-kind]')).toContainText(firstText);
        const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
        expect(result.violations.map((v) => `${step.id}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      }
    });
  }
}
