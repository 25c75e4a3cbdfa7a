import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { copiedText, expect, recordClipboard, sendFromPage, test } from '@/tests/e2e/fixtures';
import { authCalls, createProfileInOptions, fillNewKeyPassphrase, keySection, registerOnApiKeysPage, shownPublicKey, tokenAlert } from '@/tests/e2e/keys-helpers';

/** Key files made now by the tools people use, as tests/unit/keys/fixtures.ts does. */
let dir: string;
const file = (name: string) => join(dir, name);
const read = (name: string) => readFileSync(file(name), 'utf8');

test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mdi-e2e-keys-'));
  const run = (command: string, ...args: string[]) => execFileSync(command, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  run('openssl', 'genrsa', '-traditional', '-out', 'pkcs1.pem', '2048');
  run('ssh-keygen', '-q', '-t', 'rsa', '-b', '2048', '-N', '', '-C', 'me@example.com', '-f', 'id_rsa');
  run('openssl', 'pkcs8', '-topk8', '-v2', 'aes-256-cbc', '-passout', 'pass:x', '-in', 'pkcs1.pem', '-out', 'pkcs8-encrypted.pem');
  run('openssl', 'genrsa', '-traditional', '-aes256', '-passout', 'pass:x', '-out', 'pkcs1-encrypted.pem', '2048');
  run('ssh-keygen', '-q', '-t', 'rsa', '-b', '2048', '-N', 'secret', '-f', 'id_rsa_encrypted');
  run('openssl', 'ecparam', '-genkey', '-name', 'prime256v1', '-noout', '-out', 'ec.pem');
  run('ssh-keygen', '-q', '-t', 'ed25519', '-N', '', '-f', 'id_ed25519');
  run('openssl', 'genrsa', '-out', 'rsa1024.pem', '1024');
  run('openssl', 'rsa', '-in', 'pkcs1.pem', '-pubout', '-out', 'public.pem');
});

test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fingerprintOf(publicPem: string): string {
  const der = createPublicKey(publicPem).export({ type: 'spki', format: 'der' });
  return `SHA256:${createHash('sha256').update(der).digest('base64').replace(/=+$/, '')}`;
}

async function pasteAndImport(options: Page, text: string) {
  const section = keySection(options);
  await section.getByLabel('Private key (PEM)').fill(text);
  await section.getByRole('button', { name: 'Import private key' }).click();
}

async function storedVaults(page: Page): Promise<unknown> {
  return (await page.evaluate(() => chrome.storage.local.get('vaults'))).vaults ?? {};
}

test('refused keys each get a named error with the command that converts them, and nothing is stored', async ({ emulator, openExtensionPage }) => {
  const options = await openExtensionPage('options');
  await createProfileInOptions(options, { baseUrl: emulator.url, username: 'api-e2e-import' });
  await fillNewKeyPassphrase(options);
  const alert = keySection(options).getByRole('alert');

  const refusals: Array<[string, string | RegExp]> = [
    [read('pkcs8-encrypted.pem'), 'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-plain.pem'],
    [read('pkcs1-encrypted.pem'), 'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-plain.pem'],
    [read('id_rsa_encrypted'), 'ssh-keygen -p -N "" -f id_rsa_plain'],
    [read('ec.pem'), /Monetate accepts RSA keys only.*openssl genrsa -out monetate\.pem 2048/],
    [read('id_ed25519'), /Monetate accepts RSA keys only.*openssl genrsa -out monetate\.pem 2048/],
    [read('rsa1024.pem'), /too short.*1024.*openssl genrsa -out monetate\.pem 2048/],
    [read('public.pem'), 'This is a public key. Import the private key that belongs with it'],
    ['hello, this is not a key', 'This is not a private key we can read.'],
  ];
  for (const [text, sentence] of refusals) {
    await pasteAndImport(options, text);
    await expect(alert).toContainText(sentence);
    expect(await storedVaults(options)).toEqual({});
  }
  const state = await sendFromPage<{ profiles: Array<{ hasKey: boolean; unlocked: boolean }> }>(options, 'state.get', {});
  expect(state.profiles).toEqual([expect.objectContaining({ hasKey: false, unlocked: false })]);
  await expect(keySection(options).getByLabel('Public key (PEM)')).toHaveCount(0);
  const session = await options.evaluate(() => chrome.storage.session.get(null));
  expect(session.unlockedKeys ?? {}).toEqual({});
});

test('a PKCS#1 key file and a pasted OpenSSH key are imported, shown by their public key, and sign accepted tokens', async ({
  context,
  emulator,
  openExtensionPage,
}) => {
  const username = 'api-e2e-import';
  const options = await openExtensionPage('options');
  await createProfileInOptions(options, { baseUrl: emulator.url, username });
  await fillNewKeyPassphrase(options);
  const section = keySection(options);

  await section.getByLabel('Private key file').setInputFiles(file('pkcs1.pem'));
  await expect(section.getByText('Read pkcs1.pem.')).toBeVisible();
  await section.getByRole('button', { name: 'Import private key' }).click();
  const fromFile = await shownPublicKey(options);
  expect(fingerprintOf(fromFile)).toBe(fingerprintOf(read('public.pem')));
  await expect(section.getByText(`fingerprint ${fingerprintOf(read('public.pem'))}`)).toBeVisible();
  await expect(section.getByText('RSA 2048 bits')).toBeVisible();
  await registerOnApiKeysPage(context, emulator, username, fromFile);

  const popup = await openExtensionPage('popup');
  await popup.getByRole('button', { name: 'Get token' }).click();
  await expect(popup.getByRole('timer', { name: 'Token countdown' })).toHaveText(/Token valid for/);
  await expect(tokenAlert(popup)).toHaveCount(0);

  // Replace it with an OpenSSH key pasted as text.
  await section.getByRole('button', { name: 'Replace key…' }).click();
  await fillNewKeyPassphrase(options);
  await pasteAndImport(options, read('id_rsa'));
  const sshPublicFromTool = execFileSync('ssh-keygen', ['-e', '-m', 'PKCS8', '-f', file('id_rsa.pub')], { encoding: 'utf8' });
  await expect(section.getByText(`fingerprint ${fingerprintOf(sshPublicFromTool)}`)).toBeVisible();
  const fromPaste = await shownPublicKey(options);
  expect(fingerprintOf(fromPaste)).toBe(fingerprintOf(sshPublicFromTool));

  // The old public key is still the one Monetate has: refused until the new one is registered.
  await popup.getByRole('button', { name: 'Get token' }).click();
  await expect(tokenAlert(popup)).toContainText('Monetate did not accept this API username and key');
  await registerOnApiKeysPage(context, emulator, username, fromPaste);
  await popup.getByRole('button', { name: 'Get token' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'New token received.' })).toBeVisible();
  expect((await authCalls(emulator)).at(-1)?.status).toBe(200);
});

test('the PKCS#1 copy of the public key (BEGIN RSA PUBLIC KEY) registers on the API Keys page and mints a token', async ({
  context,
  emulator,
  openExtensionPage,
}) => {
  const username = 'api-e2e-pkcs1';
  const options = await openExtensionPage('options');
  await recordClipboard(options);
  await createProfileInOptions(options, { baseUrl: emulator.url, username });
  await fillNewKeyPassphrase(options);
  const section = keySection(options);
  // The OpenSSH key, so the copy can be compared with what `ssh-keygen -e -m pem` prints for it.
  await pasteAndImport(options, read('id_rsa'));
  const spki = await shownPublicKey(options);

  await section.getByRole('button', { name: 'Copy public key' }).click();
  await expect.poll(() => copiedText(options)).toBe(spki);
  await section.getByRole('button', { name: 'Copy PKCS#1 (BEGIN RSA PUBLIC KEY)' }).click();
  await expect.poll(() => copiedText(options)).toMatch(/^-----BEGIN RSA PUBLIC KEY-----\n/);
  const pkcs1 = (await copiedText(options))!;
  expect(pkcs1).toBe(execFileSync('ssh-keygen', ['-e', '-m', 'pem', '-f', file('id_rsa.pub')], { encoding: 'utf8' }));
  expect(fingerprintOf(createPublicKey({ key: pkcs1, format: 'pem', type: 'pkcs1' }).export({ type: 'spki', format: 'pem' }).toString())).toBe(fingerprintOf(spki));

  await registerOnApiKeysPage(context, emulator, username, pkcs1);
  const popup = await openExtensionPage('popup');
  await popup.getByRole('button', { name: 'Get token' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'New token received.' })).toBeVisible();
  // Every token request signed with this key was accepted (the popup may also ask on opening).
  expect(new Set((await authCalls(emulator)).map((call) => call.status))).toEqual(new Set([200]));
});
