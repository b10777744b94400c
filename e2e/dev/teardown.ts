import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

/** Removes the scratch copy of content/ that playwright.dev.config.ts made. */
export default function teardown(): void {
  const dir = process.env.E2E_DEV_CONTENT;
  if (dir?.startsWith(tmpdir()) && dir.includes('troubleshooter-content-')) rmSync(dir, { recursive: true, force: true });
}
