import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { DEFAULT_CHROMIUM_PATH } from '@/scripts/browser-setup.ts';

/**
 * Debian's Chromium: Playwright's own browser download is not reachable from our machines.
 * The e2e global set-up finds or installs it and sets CHROMIUM_PATH before tests import this.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;

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
  /** Extra Chromium flags, e.g. a remote-debugging port. */
  args?: string[];
  /** The browser to run; CHROMIUM_PATH by default. */
  executablePath?: string;
  /**
   * False when the caller handles Ctrl+C itself: Playwright's own handler would kill the
   * browser and exit before the caller cleans up.
   */
  handleSignals?: boolean;
}): Promise<{ context: BrowserContext; extensionId: string }> {
  const extensionDir = options.extensionDir ?? LOCAL_BUILD_DIR;
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}. Run "npm run build:local" first.`);
  }
  const executablePath = options.executablePath ?? CHROMIUM_PATH;
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium is not at ${executablePath}. Install it with "apt-get install -y chromium" or set CHROMIUM_PATH.`);
  }
  const context = await chromium.launchPersistentContext(options.userDataDir ?? '', {
    executablePath,
    headless: options.headless,
    args: [...CHROMIUM_FLAGS, ...(options.args ?? []), `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
    viewport: { width: 1280, height: 800 },
    handleSIGINT: options.handleSignals ?? true,
    handleSIGTERM: options.handleSignals ?? true,
    handleSIGHUP: options.handleSignals ?? true,
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId };
}
