import { defineConfig, devices } from '@playwright/test';
import { deployPorts, NEXT_OUT } from './e2e/next-build.ts';
import { browserUse } from './playwright.config.ts';

/**
 * The smoke subset (@smoke, e2e/smoke.spec.ts) and the server checks (@server,
 * e2e/server.spec.ts) against real nginx (deploy/nginx.conf, started by
 * scripts/serve-nginx.ts): the build in dist/ at the site root, and the build
 * in dist-sub/ (`npm run build:sub`) under /troubleshooter/. `npm run test:nginx`
 * builds the second and runs this; `npm test` runs it last.
 *
 * The deploy tests (project `deploy`) need the next build too (`npm run build:next`,
 * dist-next/): a deploy under an open tab (e2e/update.spec.ts), and the app in a
 * help desk's frame (e2e/embed.spec.ts), served by nginx from dist-next/.
 *
 * Ports: E2E_NGINX_PORT and the three after it (4391–4394 by default): nginx for
 * dist/, for dist-sub/, for dist-next/, and the e2e help-desk page.
 */
const PORT = Number(process.env.E2E_NGINX_PORT ?? 4391);
const SUB = '/troubleshooter/';
const DEPLOY = deployPorts();

export default defineConfig({
  testDir: 'e2e',
  testMatch: /(smoke|server|update|embed)\.spec\.ts$/,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: browserUse,
  projects: [
    {
      name: 'nginx-root',
      testMatch: /(smoke|server)\.spec\.ts$/,
      grep: /@smoke|@server/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 }, baseURL: `http://127.0.0.1:${PORT}/` },
      grepInvert: /@subpath/,
    },
    {
      name: 'nginx-subpath',
      testMatch: /(smoke|server)\.spec\.ts$/,
      grep: /@smoke|@server/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 }, baseURL: `http://127.0.0.1:${PORT + 1}${SUB}` },
    },
    // A deploy test does a whole walk, a worker install or two and a reload: on 2 busy cores it takes ~1 min.
    {
      name: 'deploy',
      testMatch: /(update|embed)\.spec\.ts$/,
      timeout: 150_000,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 }, baseURL: `http://127.0.0.1:${DEPLOY.app}/` },
    },
  ],
  webServer: [
    { command: `npx tsx scripts/serve-nginx.ts --out dist --port ${PORT}`, url: `http://127.0.0.1:${PORT}/`, reuseExistingServer: false, timeout: 30_000 },
    {
      command: `npx tsx scripts/serve-nginx.ts --out dist-sub --base ${SUB} --port ${PORT + 1}`,
      url: `http://127.0.0.1:${PORT + 1}${SUB}`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `npx tsx scripts/serve-nginx.ts --out ${NEXT_OUT} --port ${DEPLOY.app}`,
      url: `http://127.0.0.1:${DEPLOY.app}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
