import { ensureFirefox } from '@/scripts/browser-setup.ts';

/**
 * Before the Firefox end-to-end suite: make sure Firefox ESR is there (installing Debian's
 * package when running as root on Debian-like systems), so `npm ci && npm test` works on a
 * fresh machine. Workers start after this, so they inherit FIREFOX_PATH.
 */
export default function globalSetup(): void {
  process.env.FIREFOX_PATH = ensureFirefox((line) => console.log(line));
}
