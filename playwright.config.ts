import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the real built extension (.output/chrome-mv3-local) in Debian's
 * Chromium against a fresh emulator per test. One worker: the machines have two cores and
 * each test runs its own browser.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/support/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: { trace: 'retain-on-failure' },
  outputDir: 'test-results',
});
