import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { startTestEmulator, type Emulator, type EmulatorRequest } from '@/tests/support/test-emulator.ts';
import { DEMO_API_USER, DEMO_RETAILER } from '@/emulator/demo-data.ts';
import { launchWithExtension } from '@/tests/support/chromium.ts';

export type { Emulator, EmulatorRequest };

interface Fixtures {
  emulator: Emulator;
  context: BrowserContext;
  extensionId: string;
  serviceWorker: () => Promise<Worker>;
  openExtensionPage: (name: 'popup' | 'options' | 'sidepanel') => Promise<Page>;
}

/**
 * Every test gets a fresh emulator on a free loopback port and a fresh Chromium profile with
 * the locally built extension loaded, so tests never share state.
 */
export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  emulator: async ({}, use) => {
    const emulator = await startTestEmulator();
    await use(emulator);
    await emulator.close();
  },
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const { context } = await launchWithExtension({ headless: true });
    await use(context);
    await context.close();
  },
  extensionId: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(new URL(worker.url()).host);
  },
  serviceWorker: async ({ context }, use) => {
    await use(async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')));
  },
  openExtensionPage: async ({ context, extensionId }, use) => {
    await use(async (name) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${name}.html`);
      return page;
    });
  },
});

export { expect };

/** Sends one protocol request from an extension page, as the extension's own UI would. */
export async function sendFromPage<T = unknown>(page: Page, type: string, payload: unknown): Promise<T> {
  const reply = await page.evaluate(
    ([messageType, messagePayload]) => chrome.runtime.sendMessage({ channel: 'mdi', type: messageType, payload: messagePayload }),
    [type, payload] as const,
  );
  const typed = reply as { ok: boolean; data?: T; error?: { code: string; detail?: string } };
  if (!typed.ok) throw new Error(`${type} failed: ${typed.error?.code} ${typed.error?.detail ?? ''}`);
  return typed.data as T;
}

export const TEST_PASSPHRASE = 'correct horse battery staple';

/**
 * The set-up most tests start from, done through the extension's own protocol: a profile for
 * the emulator, a key generated in the extension and registered with the emulator, unlocked.
 */
export async function setUpUnlockedProfile(
  page: Page,
  emulator: Emulator,
  options: { username?: string; name?: string; confirmWrites?: boolean; readOnly?: boolean; defaultDataset?: string } = {},
): Promise<{ profileId: string; username: string }> {
  const username = options.username ?? DEMO_API_USER;
  const profile = await sendFromPage<{ id: string }>(page, 'profiles.save', {
    input: {
      name: options.name ?? 'Emulator',
      baseUrl: emulator.url,
      retailer: DEMO_RETAILER,
      username,
      ttlSeconds: 3600,
      alg: 'RS256',
      readOnly: options.readOnly ?? false,
      confirmWrites: options.confirmWrites ?? false,
      defaultDataset: options.defaultDataset,
    },
  });
  await sendFromPage(page, 'profiles.activate', { id: profile.id });
  const key = await sendFromPage<{ publicKeyPem: string }>(page, 'key.generate', { profileId: profile.id, bits: 2048, passphrase: TEST_PASSPHRASE });
  await emulator.admin('/__admin/api-keys', { username, publicKey: key.publicKeyPem });
  return { profileId: profile.id, username };
}

/**
 * Headless Chromium cannot grant clipboard permissions to a chrome-extension:// origin, so the
 * page's clipboard keeps a copy of what the extension writes (the real write still happens).
 */
export async function recordClipboard(page: Page): Promise<void> {
  await page.evaluate(() => {
    const clipboard = navigator.clipboard;
    const write = clipboard.writeText.bind(clipboard);
    clipboard.writeText = async (text: string) => {
      (window as unknown as { copiedText?: string }).copiedText = text;
      await write(text).catch(() => undefined);
    };
  });
}

/** What the page last wrote to the clipboard (see `recordClipboard`). */
export async function copiedText(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (window as unknown as { copiedText?: string }).copiedText);
}
