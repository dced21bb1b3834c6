import { defineConfig } from '@playwright/test';

// Smoke tests of the real desktop app through Playwright's _electron. Run them with
// `npm run test:electron` (which builds dist/ first). They skip, with a message, where the
// Electron binary is not installed; on Linux they need a display (e.g. xvfb-run).
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/electron',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
});
