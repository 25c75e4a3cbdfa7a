import type { BrowserContext, Page } from '@playwright/test';
import { DEMO_RETAILER } from '@/emulator/demo-data.ts';
import { expect, type Emulator } from '@/tests/e2e/fixtures';

/**
 * Steps a person takes in the options page and on the emulator's API Keys page, shared by the
 * keys-* and tokens-* end-to-end specs. Everything goes through visible labels and roles.
 */

export const PASSPHRASE = 'plum tractor seven lanterns';

export interface ProfileFields {
  name?: string;
  baseUrl: string;
  retailer?: string;
  username: string;
  alg?: 'RS256' | 'RS384' | 'RS512';
  ttlSeconds?: string;
}

/** Fills the "New profile" form and saves it; waits until the profile shows in the list. */
export async function createProfileInOptions(options: Page, fields: ProfileFields): Promise<void> {
  const form = options.getByRole('form', { name: 'New profile' });
  if (!(await form.isVisible())) await options.getByRole('button', { name: 'New profile' }).click();
  const name = fields.name ?? 'Emulator';
  await form.getByLabel('Profile name').fill(name);
  await form.getByLabel('API base URL').fill(fields.baseUrl);
  await form.getByLabel('Retailer shortname').fill(fields.retailer ?? DEMO_RETAILER);
  await form.getByLabel('API username').fill(fields.username);
  if (fields.ttlSeconds) await form.getByLabel('Token lifetime (seconds)').fill(fields.ttlSeconds);
  if (fields.alg) await form.getByLabel('Signing algorithm').selectOption(fields.alg);
  await form.getByRole('button', { name: 'Save profile' }).click();
  await expect(options.getByRole('list', { name: 'Profiles' }).getByRole('button', { name, exact: true })).toBeVisible();
}

/** Types the passphrase twice and generates a key pair; returns the public key PEM shown. */
export async function generateKeyInOptions(options: Page, passphrase = PASSPHRASE): Promise<string> {
  await fillNewKeyPassphrase(options, passphrase);
  await keySection(options).getByRole('button', { name: 'Generate key pair' }).click();
  return shownPublicKey(options);
}

/** The options page's "Key for …" section of the selected profile. */
export function keySection(options: Page) {
  return options.getByRole('region', { name: /^Key for / });
}

/** The passphrase (twice) that will protect a new or imported key. */
export async function fillNewKeyPassphrase(options: Page, passphrase = PASSPHRASE): Promise<void> {
  await keySection(options).getByLabel('New passphrase', { exact: true }).fill(passphrase);
  await keySection(options).getByLabel('Confirm passphrase', { exact: true }).fill(passphrase);
}

/** The public key PEM the options page shows for the selected profile. */
export async function shownPublicKey(options: Page): Promise<string> {
  const pem = keySection(options).getByLabel('Public key (PEM)');
  await expect(pem).toHaveValue(/-----BEGIN PUBLIC KEY-----/, { timeout: 30_000 });
  return pem.inputValue();
}

/** Registers a public key the way a person does it in Monetate: Settings → Sites → API Keys. */
export async function registerOnApiKeysPage(context: BrowserContext, emulator: Emulator, username: string, publicKeyPem: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${emulator.url}/settings/api-keys`);
  await page.getByLabel('API username').fill(username);
  await page.getByLabel('Public key (PEM)').fill(publicKeyPem);
  await page.getByRole('button', { name: 'CREATE PUBLIC KEY' }).click();
  await expect(page.getByRole('status')).toContainText(`created for ${username}`);
  await page.close();
}

/** Auth API calls the emulator saw, in order. */
export async function authCalls(emulator: Emulator) {
  return (await emulator.requests()).filter((request) => request.path === '/api/auth/v0/refresh/');
}

/** Dumps what an extension page can see of every persistent store, as one string. */
export async function dumpPersistentStorage(page: Page): Promise<{ local: string; sync: string; indexedDb: string; session: string }> {
  return page.evaluate(async () => {
    const databases = await indexedDB.databases();
    const idbDump: unknown[] = [];
    for (const info of databases) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name!);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const storeName of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(storeName).objectStore(storeName).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        idbDump.push({ db: info.name, storeName, rows });
      }
      db.close();
    }
    return {
      local: JSON.stringify(await chrome.storage.local.get(null)),
      sync: JSON.stringify(await chrome.storage.sync.get(null)),
      indexedDb: JSON.stringify({ databases, idbDump }),
      session: JSON.stringify(await chrome.storage.session.get(null)),
    };
  });
}

/**
 * Stops the extension's service worker the way Chrome does when it goes idle, without
 * reloading the extension (which would clear session storage). Resolves once Chrome reports
 * the worker stopped; `workerRestarted` then tells whether a later message ran in a new one.
 */
export async function stopServiceWorker(context: BrowserContext, page: Page): Promise<void> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(() => {
    (globalThis as { mdiBeforeStop?: boolean }).mdiBeforeStop = true;
  });
  const cdp = await context.newCDPSession(page);
  const stopped = new Promise<void>((resolve) =>
    cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
      if (event.versions.some((version) => version.runningStatus === 'stopped')) resolve();
    }),
  );
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}

/** True once the worker running now is not the one `stopServiceWorker` marked. */
export async function workerRestarted(context: BrowserContext): Promise<boolean> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return worker.evaluate(() => (globalThis as { mdiBeforeStop?: boolean }).mdiBeforeStop === undefined);
}

/**
 * The whole set-up a person does once: profile in the options page, key generated there, its
 * public key registered on the API Keys page. Returns the options page and the public key.
 */
export async function setUpThroughUi(
  context: BrowserContext,
  emulator: Emulator,
  openOptions: () => Promise<Page>,
  fields: Omit<ProfileFields, 'baseUrl'> & { register?: boolean },
): Promise<{ options: Page; publicKeyPem: string }> {
  const options = await openOptions();
  await createProfileInOptions(options, { baseUrl: emulator.url, ...fields });
  const publicKeyPem = await generateKeyInOptions(options);
  if (fields.register !== false) await registerOnApiKeysPage(context, emulator, fields.username, publicKeyPem);
  return { options, publicKeyPem };
}

/** Opens the "Last signed JWT" view in the popup and returns what it shows. */
export async function lastSignedJwt(popup: Page): Promise<{ header: Record<string, unknown>; claims: Record<string, unknown> }> {
  const view = popup.getByLabel('Last signed JWT header and claims');
  if (!(await view.isVisible())) await popup.getByText('Last signed JWT (header and claims)').click();
  return JSON.parse((await view.textContent()) ?? '{}') as { header: Record<string, unknown>; claims: Record<string, unknown> };
}

/** The error the popup's token panel shows (the quick look-up has its own). */
export function tokenAlert(popup: Page) {
  return popup.getByRole('region', { name: 'Access token' }).getByRole('alert');
}
