import { expect, test as base } from '@playwright/test';

/**
 * Playwright's `test`, plus a check that runs on every test: the page logged
 * no error to the console and threw nothing uncaught. It catches what a
 * screen can hide, such as a hydration mismatch of a prerendered step
 * (React logs it, then quietly re-renders).
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
      await use(errors);
      expect(errors, 'the page logged errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
