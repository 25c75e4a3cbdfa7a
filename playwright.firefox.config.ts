import { defineConfig } from '@playwright/test';

/**
 * The Firefox end-to-end suite: the local Firefox build (.output/firefox-mv3-local) in Debian's
 * Firefox ESR, driven through puppeteer-core over WebDriver BiDi (Playwright's own Firefox is a
 * patched build we cannot download), against a fresh emulator per test. The Playwright runner
 * still runs it: the same fixtures, expect and reports as the Chromium suite.
 */
export default defineConfig({
  testDir: 'tests/e2e-firefox',
  globalSetup: './tests/support/global-setup-firefox.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: 'test-results-firefox',
});
