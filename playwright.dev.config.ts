import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { browserUse } from './playwright.config.ts';

/**
 * The author's loop against the dev server (`npm start`): e2e/dev/. The server
 * reads a scratch copy of content/ (E2E_DEV_CONTENT, passed to it as
 * CONTENT_ROOT), which the tests edit; the project's content/ is never written,
 * even when a test fails. Workers inherit the variable, so the copy is made
 * once, by the runner; e2e/dev/teardown.ts removes it.
 */
if (!process.env.E2E_DEV_CONTENT) {
  const dir = mkdtempSync(join(tmpdir(), 'troubleshooter-content-'));
  cpSync('content', join(dir, 'content'), { recursive: true });
  process.env.E2E_DEV_CONTENT = dir;
}
const PORT = Number(process.env.E2E_DEV_PORT ?? 5183);

export default defineConfig({
  testDir: 'e2e/dev',
  globalTeardown: './e2e/dev/teardown.ts',
  forbidOnly: !!process.env.CI,
  retries: 0,
  // One server, one scratch copy: the tests edit it one after the other.
  workers: 1,
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: { baseURL: `http://localhost:${PORT}`, ...browserUse },
  projects: [{ name: 'dev', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } } }],
  webServer: {
    command: `npx vite --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    env: { CONTENT_ROOT: process.env.E2E_DEV_CONTENT },
    // Never another server: it would serve the project's content/, not the scratch copy.
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
