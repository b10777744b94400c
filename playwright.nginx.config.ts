import { defineConfig, devices } from '@playwright/test';
import { browserUse } from './playwright.config.ts';

/**
 * The smoke subset (@smoke, e2e/smoke.spec.ts) and the server checks (@server,
 * e2e/server.spec.ts) against real nginx (deploy/nginx.conf, started by
 * scripts/serve-nginx.ts): the build in dist/ at the site root, and the build
 * in dist-sub/ (`npm run build:sub`) under /troubleshooter/. `npm run test:nginx`
 * builds the second and runs this; `npm test` runs it last.
 *
 * Ports: E2E_NGINX_PORT and the one after it (4391, 4392 by default).
 */
const PORT = Number(process.env.E2E_NGINX_PORT ?? 4391);
const SUB = '/troubleshooter/';

export default defineConfig({
  testDir: 'e2e',
  testMatch: /(smoke|server)\.spec\.ts$/,
  grep: /@smoke|@server/,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: browserUse,
  projects: [
    { name: 'nginx-root', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 }, baseURL: `http://127.0.0.1:${PORT}/` }, grepInvert: /@subpath/ },
    { name: 'nginx-subpath', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 }, baseURL: `http://127.0.0.1:${PORT + 1}${SUB}` } },
  ],
  webServer: [
    { command: `npx tsx scripts/serve-nginx.ts --out dist --port ${PORT}`, url: `http://127.0.0.1:${PORT}/`, reuseExistingServer: false, timeout: 30_000 },
    { command: `npx tsx scripts/serve-nginx.ts --out dist-sub --base ${SUB} --port ${PORT + 1}`, url: `http://127.0.0.1:${PORT + 1}${SUB}`, reuseExistingServer: false, timeout: 30_000 },
  ],
});
