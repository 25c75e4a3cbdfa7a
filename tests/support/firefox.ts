import { existsSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { DEFAULT_FIREFOX_PATH } from '@/scripts/browser-setup.ts';
import { GECKO_ID } from '@/utils/build-info.ts';

/** Debian's Firefox ESR; the Firefox suite's global set-up finds or installs it and sets FIREFOX_PATH. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH || DEFAULT_FIREFOX_PATH;

/** The local Firefox build; MDI_FIREFOX_EXTENSION_DIR points elsewhere when several builds live side by side. */
export const LOCAL_FIREFOX_BUILD_DIR = path.resolve(
  process.env.MDI_FIREFOX_EXTENSION_DIR ?? path.join(import.meta.dirname, '../../.output/firefox-mv3-local'),
);

/**
 * The extension's internal UUID, pinned so tests know its moz-extension:// origin (Firefox
 * picks a random one per profile otherwise).
 */
export const EXTENSION_UUID = '7f3c2a10-5b4d-4e8f-9a61-0c2d3e4f5a6b';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export interface FirefoxSession {
  browser: Browser;
  /** Opens an extension page in a new tab, rendered (its `<main>` is there). */
  openExtensionPage(name: 'popup' | 'options' | 'sidepanel'): Promise<Page>;
}

/**
 * Starts Firefox ESR headless over WebDriver BiDi and installs the build as a temporary add-on.
 * - `--remote-allow-system-access`: Firefox 153 refuses WebDriver navigation to moz-extension://
 *   without it.
 * - `extensions.webextensions.uuids` pins the extension's UUID (see `EXTENSION_UUID`).
 * - `extensions.webextOptionalPermissionPrompts: false` answers `permissions.request` with yes
 *   and no doorhanger (a headless browser has none to click), so the Grant access button runs
 *   its real code path.
 * A temporary add-on installed this way gets its manifest's host permissions granted; tests
 * that need them withheld remove them first (see `withholdHost`).
 */
export async function launchFirefoxWithExtension(options: { extensionDir?: string } = {}): Promise<FirefoxSession> {
  const extensionDir = options.extensionDir ?? LOCAL_FIREFOX_BUILD_DIR;
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}. Run "npm run build:local:firefox" first.`);
  }
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(`Firefox is not at ${FIREFOX_PATH}. Install it with "apt-get install -y firefox-esr" or set FIREFOX_PATH.`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    args: ['--remote-allow-system-access'],
    // MDI_FF_DEBUG=1 prints Firefox's console (pages, frames, content scripts) to stdout.
    dumpio: Boolean(process.env.MDI_FF_DEBUG),
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'extensions.webextOptionalPermissionPrompts': false,
      ...(process.env.MDI_FF_DEBUG ? { 'devtools.console.stdout.content': true, 'devtools.console.stdout.chrome': true } : {}),
    },
  });
  await browser.installExtension(extensionDir);
  return {
    browser,
    async openExtensionPage(name) {
      const page = await browser.newPage();
      // Firefox never reports `load` for these pages over BiDi; the content is there regardless.
      await page.goto(`${EXTENSION_ORIGIN}/${name}.html`, { waitUntil: 'domcontentloaded', timeout: 5_000 }).catch(() => undefined);
      await page.waitForSelector('main', { timeout: 15_000 });
      return page;
    },
  };
}
