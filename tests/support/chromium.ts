import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';

/** Debian's Chromium: Playwright's own browser download is not reachable from our machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The local build; MDI_EXTENSION_DIR points elsewhere when several builds live side by side. */
export const LOCAL_BUILD_DIR = path.resolve(process.env.MDI_EXTENSION_DIR ?? path.join(import.meta.dirname, '../../.output/chrome-mv3-local'));

/** Flags for a root user on a closed network: no sandbox, no calls home. */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Starts Chromium with the built extension loaded in a fresh profile.
 * @example const { context, extensionId } = await launchWithExtension({ headless: true });
 */
export async function launchWithExtension(options: {
  headless: boolean;
  extensionDir?: string;
  userDataDir?: string;
}): Promise<{ context: BrowserContext; extensionId: string }> {
  const extensionDir = options.extensionDir ?? LOCAL_BUILD_DIR;
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}. Run "npm run build:local" first.`);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not at ${CHROMIUM_PATH}. Install it with "apt-get install -y chromium" or set CHROMIUM_PATH.`);
  }
  const context = await chromium.launchPersistentContext(options.userDataDir ?? '', {
    executablePath: CHROMIUM_PATH,
    headless: options.headless,
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
    viewport: { width: 1280, height: 800 },
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId };
}
