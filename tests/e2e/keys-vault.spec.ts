import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, sendFromPage, test } from '@/tests/e2e/fixtures';
import { createProfileInOptions, generateKeyInOptions, PASSPHRASE, setUpThroughUi, shownPublicKey, tokenAlert } from '@/tests/e2e/keys-helpers';

/** The slice of chrome.alarms the auto-lock test calls in the service worker. */
interface AlarmsGlobal {
  chrome: { alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined>; create(name: string, info: { when: number }): Promise<void> } };
}

interface SealedVault {
  kdf: { name: string; hash: string; iterations: number; salt: string };
  cipher: { name: string; iv: string };
  ciphertext: string;
}

const WRONG = 'That passphrase does not open this key. Check it and try again; nothing was changed.';

function vaultSection(options: Page) {
  return options.getByRole('region', { name: 'Vault' });
}

async function vaultBytes(page: Page): Promise<string> {
  return JSON.stringify((await page.evaluate(() => chrome.storage.local.get('vaults'))).vaults);
}

async function unlockInOptions(options: Page, passphrase: string) {
  const vault = vaultSection(options);
  await vault.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await vault.getByRole('button', { name: 'Unlock' }).click();
}

test('the profile form refuses an invalid retailer and URL with the field message and saves nothing', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options');
  const form = options.getByRole('form', { name: 'New profile' });
  await expect(form.getByLabel('API base URL')).toHaveValue('http://127.0.0.1:8790');
  await expect(form.getByLabel('Token lifetime (seconds)')).toHaveValue('3600');
  await form.getByLabel('Profile name').fill('Broken');
  await form.getByLabel('API base URL').fill('ftp://api.example.com');
  await form.getByLabel('Retailer shortname').fill('Acme!');
  await form.getByLabel('API username').fill('api user');
  await form.getByLabel('Token lifetime (seconds)').fill('60');
  await form.getByRole('button', { name: 'Save profile' }).click();

  await expect(form.getByLabel('API base URL')).toHaveAccessibleDescription(/Use https:\/\/, or http:\/\/127\.0\.0\.1:<port> or http:\/\/localhost:<port> for the emulator\./);
  await expect(form.getByLabel('Retailer shortname')).toHaveAccessibleDescription(/Use the retailer shortname as Monetate shows it/);
  await expect(form.getByLabel('API username')).toHaveAccessibleDescription(/no spaces/);
  await expect(form.getByLabel('Token lifetime (seconds)')).toHaveAccessibleDescription(/Monetate accepts token lifetimes from 600 to 43200 seconds\./);
  await expect(form.getByLabel('Retailer shortname')).toHaveAttribute('aria-invalid', 'true');
  expect((await sendFromPage<{ profiles: unknown[] }>(options, 'state.get', {})).profiles).toEqual([]);
  expect(await options.evaluate(() => chrome.storage.local.get('profiles'))).toEqual({});

  // Fixing only the URL still saves nothing.
  await form.getByLabel('API base URL').fill('https://api.monetate.net');
  await form.getByRole('button', { name: 'Save profile' }).click();
  await expect(form.getByLabel('API base URL')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Retailer shortname')).toHaveAttribute('aria-invalid', 'true');
  expect(await options.evaluate(() => chrome.storage.local.get('profiles'))).toEqual({});
});

test('a wrong passphrase is refused and leaves the vault as it was; a changed passphrase replaces the old one', async ({ emulator, openExtensionPage }) => {
  const options = await openExtensionPage('options');
  await createProfileInOptions(options, { baseUrl: emulator.url, username: 'api-e2e-vault' });
  await generateKeyInOptions(options);
  const vault = vaultSection(options);
  await expect(vault).toContainText('The key is unlocked.');
  await vault.getByRole('button', { name: 'Lock' }).click();
  await expect(vault).toContainText('The key is locked.');
  await expect(options.getByText('Unlock the key to show and copy its public key.')).toBeVisible();

  const before = await vaultBytes(options);
  const sealed = Object.values(JSON.parse(before) as Record<string, SealedVault>)[0]!;
  expect(sealed.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256' });
  expect(sealed.kdf.iterations).toBeGreaterThanOrEqual(600_000);
  expect(Buffer.from(sealed.kdf.salt, 'base64').length).toBeGreaterThanOrEqual(16);
  expect(sealed.cipher.name).toBe('AES-GCM');
  expect(Buffer.from(sealed.cipher.iv, 'base64').length).toBe(12);

  await unlockInOptions(options, 'not my passphrase at all');
  await expect(vault.getByRole('alert')).toHaveText(WRONG);
  expect(await vaultBytes(options)).toBe(before);
  await expect(vault).toContainText('The key is locked.');

  // Change passphrase while locked: the current one is proved by decrypting.
  const NEW = 'a brand new passphrase 2';
  await vault.getByText('Change passphrase').first().click();
  const change = vault.getByRole('form', { name: 'Change passphrase' });
  await change.getByLabel('Current passphrase').fill('also not it, sorry');
  await change.getByLabel('New passphrase', { exact: true }).fill(NEW);
  await change.getByLabel('Confirm new passphrase').fill(NEW);
  await change.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(change.getByRole('alert')).toHaveText(WRONG);
  expect(await vaultBytes(options)).toBe(before);

  await change.getByLabel('Current passphrase').fill(PASSPHRASE);
  await change.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(change.getByRole('status')).toHaveText('Passphrase changed.');
  const resealed = Object.values(JSON.parse(await vaultBytes(options)) as Record<string, SealedVault>)[0]!;
  expect(resealed.kdf.salt).not.toBe(sealed.kdf.salt);
  expect(resealed.cipher.iv).not.toBe(sealed.cipher.iv);
  expect(resealed.ciphertext).not.toBe(sealed.ciphertext);

  await unlockInOptions(options, PASSPHRASE);
  await expect(vault.getByRole('alert').first()).toHaveText(WRONG);
  await unlockInOptions(options, NEW);
  await expect(vault).toContainText('The key is unlocked.');
  await shownPublicKey(options);
});

test('an encrypted backup exported from one profile restores into a new profile that gets tokens', async ({ context, emulator, openExtensionPage }) => {
  const { options, publicKeyPem } = await setUpThroughUi(context, emulator, () => openExtensionPage('options'), { username: 'api-e2e-backup' });
  const downloading = options.waitForEvent('download');
  await vaultSection(options).getByRole('button', { name: 'Export encrypted backup' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('monetate-key-backup-Emulator.json');
  const backupPath = await download.path();
  const backupText = readFileSync(backupPath, 'utf8');
  expect(backupText).not.toMatch(/BEGIN|PRIVATE/);
  expect(backupText).not.toContain(PASSPHRASE);

  await options.getByText('Import a profile from an encrypted backup').click();
  const restore = options.getByRole('form', { name: 'Import backup' });
  await restore.getByLabel('Backup file').setInputFiles(backupPath);
  await restore.getByLabel('Backup passphrase').fill('wrong passphrase here');
  await restore.getByRole('button', { name: 'Import backup' }).click();
  await expect(restore.getByRole('alert')).toHaveText(WRONG);
  expect((await sendFromPage<{ profiles: unknown[] }>(options, 'state.get', {})).profiles).toHaveLength(1);

  await restore.getByLabel('Backup passphrase').fill(PASSPHRASE);
  await restore.getByRole('button', { name: 'Import backup' }).click();
  await expect(options.getByRole('list', { name: 'Profiles' }).getByRole('button', { name: 'Emulator (2)' })).toBeVisible();
  await expect(options.getByRole('heading', { name: 'Key for Emulator (2)' })).toBeVisible();
  expect(await shownPublicKey(options)).toBe(publicKeyPem);

  const popup = await openExtensionPage('popup');
  await popup.getByLabel('Profile').selectOption({ label: 'Emulator (2) (demo)' });
  await popup.getByRole('button', { name: 'Get token' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'New token received.' })).toBeVisible();
  await expect(tokenAlert(popup)).toHaveCount(0);
});

test('the auto-lock time set in the options page locks the key when its alarm fires', async ({ context, emulator, openExtensionPage, serviceWorker }) => {
  const options = await openExtensionPage('options');
  const settings = options.getByRole('form', { name: 'Settings' });
  await expect(settings.getByLabel('Auto-lock after (minutes)')).toHaveValue('30');
  await settings.getByLabel('Auto-lock after (minutes)').fill('1');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(options.getByText('Settings saved.')).toBeVisible();

  await setUpThroughUi(context, emulator, async () => options, { username: 'api-e2e-autolock' });
  const popup = await openExtensionPage('popup');
  await popup.getByRole('button', { name: 'Get token' }).click();
  await expect(popup.getByRole('timer', { name: 'Token countdown' })).toHaveText(/Token valid for/);

  const worker = await serviceWorker();
  const alarm = await worker.evaluate(() => (globalThis as unknown as AlarmsGlobal).chrome.alarms.get('auto-lock'));
  expect(alarm).toBeTruthy();
  expect(alarm!.scheduledTime - Date.now()).toBeGreaterThan(30_000);
  expect(alarm!.scheduledTime - Date.now()).toBeLessThanOrEqual(60_000);

  // Waiting a real minute would slow the suite: bring the same alarm forward (unpacked extensions may).
  await worker.evaluate(() => (globalThis as unknown as AlarmsGlobal).chrome.alarms.create('auto-lock', { when: Date.now() + 200 }));
  await expect(popup.getByText('Locked', { exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(popup.getByRole('timer', { name: 'Token countdown' })).toHaveText('No token: the key is locked.');
  const session = await popup.evaluate(() => chrome.storage.session.get(null));
  expect(session.unlockedKeys).toEqual({});
  expect(session.tokens).toEqual({});
  await expect(popup.getByLabel('Passphrase')).toBeVisible();
});
