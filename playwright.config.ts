import { existsSync } from 'node:fs';
import { chromium, defineConfig, devices, type PlaywrightTestConfig } from '@playwright/test';

/**
 * Which Chromium to drive: CHROMIUM_PATH if set; else Playwright's own browser
 * if `npx playwright install chromium` has been run; else Debian's /usr/bin/chromium.
 */
export function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    /* no bundled browser */
  }
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

const executablePath = chromiumPath();

/** How every project drives Chromium (also used by playwright.nginx.config.ts). */
export const browserUse = {
  trace: 'retain-on-failure',
  // No service worker unless a test asks for one (e2e/offline.spec.ts): with one, a test's
  // page.route() would not see the requests the worker answers from its cache.
  serviceWorkers: 'block',
  launchOptions: {
    ...(executablePath ? { executablePath } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
} satisfies PlaywrightTestConfig['use'];
// E2E_PORT lets two checkouts run their suites side by side without reusing each other's server.
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  // What the web server answers, and the deploy tests (they need the next build), run with nginx only (playwright.nginx.config.ts).
  // e2e/dev/ runs against the dev server, with its own config (playwright.dev.config.ts).
  testIgnore: [/(server|update|embed)\.spec\.ts$/, /[\\/]dev[\\/]/],
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    ...browserUse,
  },
  projects: [
    // Tests tagged @phone are about the phone layout: they run on the phone project only.
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } }, grepInvert: /@phone/ },
    { name: 'phone', use: { ...devices['Pixel 7'] }, grep: /@phone/ },
  ],
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
