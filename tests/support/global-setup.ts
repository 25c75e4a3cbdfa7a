import { ensureChromium } from '@/scripts/browser-setup.ts';

/**
 * Before any end-to-end test: make sure Chromium is there (installing Debian's package when
 * running as root on Debian or Ubuntu), so `npm ci && npm test` works on a fresh machine.
 * Workers start after this, so they inherit CHROMIUM_PATH.
 */
export default function globalSetup(): void {
  process.env.CHROMIUM_PATH = ensureChromium((line) => console.log(line));
}
