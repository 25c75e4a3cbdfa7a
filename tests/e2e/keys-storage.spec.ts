import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CDPSession } from '@playwright/test';
import { expect, sendFromPage, test } from '@/tests/e2e/fixtures';
import { createProfileInOptions, dumpPersistentStorage, fillNewKeyPassphrase, keySection, PASSPHRASE, registerOnApiKeysPage, shownPublicKey } from '@/tests/e2e/keys-helpers';

const ROOT = join(import.meta.dirname, '../..');
const EXTENSION_DIR = process.env.MDI_EXTENSION_DIR ? join(ROOT, process.env.MDI_EXTENSION_DIR) : join(ROOT, '.output/chrome-mv3-local');

/** Every way a run of key bytes could be written down: base64 at each byte alignment, base64url, hex. */
function encodingsOf(bytes: Buffer): string[] {
  const forms: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const base64 = bytes.subarray(shift).toString('base64');
    // A slice from the middle: it survives line breaks, prefixes and other framing around it.
    const middle = base64.slice(40, 104);
    forms.push(middle, middle.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  const hex = bytes.toString('hex').slice(80, 208);
  forms.push(hex, hex.toUpperCase());
  return forms;
}

function secretsOf(privateKey: KeyObject): Record<string, string[]> {
  const jwk = privateKey.export({ format: 'jwk' });
  const d = Buffer.from(jwk.d!, 'base64url');
  const p = Buffer.from(jwk.p!, 'base64url');
  return {
    'PKCS#8 DER': encodingsOf(privateKey.export({ format: 'der', type: 'pkcs8' })),
    'PKCS#1 DER': encodingsOf(privateKey.export({ format: 'der', type: 'pkcs1' })),
    'private exponent d': [jwk.d!.slice(20, 84), ...encodingsOf(d)],
    'prime p': [jwk.p!.slice(20, 84), ...encodingsOf(p)],
  };
}

test('after set-up, unlock and a token, no store on disk holds the key, the passphrase or the token', async ({ context, emulator, openExtensionPage }) => {
  // The key is made outside the extension, so the test knows every byte of it.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const username = 'api-e2e-storage';
  const options = await openExtensionPage('options');
  await createProfileInOptions(options, { baseUrl: emulator.url, username });
  await fillNewKeyPassphrase(options);
  await keySection(options).getByLabel('Private key (PEM)').fill(privateKey.export({ format: 'pem', type: 'pkcs1' }) as string);
  await keySection(options).getByRole('button', { name: 'Import private key' }).click();
  const shown = await shownPublicKey(options);
  expect(shown.trim()).toBe((publicKey.export({ format: 'pem', type: 'spki' }) as string).trim());
  await registerOnApiKeysPage(context, emulator, username, shown);

  // Lock and unlock again from the popup, then get a token.
  const popup = await openExtensionPage('popup');
  await popup.getByRole('button', { name: 'Lock' }).click();
  await expect(popup.getByText('Locked', { exact: true })).toBeVisible();
  await popup.getByLabel('Passphrase').fill(PASSPHRASE);
  await popup.getByRole('button', { name: 'Unlock' }).click();
  await expect(popup.getByText('Unlocked', { exact: true })).toBeVisible();
  await popup.getByRole('button', { name: 'Get token' }).click();
  await expect(popup.getByRole('timer', { name: 'Token countdown' })).toHaveText(/Token valid for/);
  const tokens = (await popup.evaluate(() => chrome.storage.session.get('tokens'))).tokens as Record<string, { token: string }>;
  const token = Object.values(tokens)[0]!.token;
  expect(token).toMatch(/^1\./);

  const dump = await dumpPersistentStorage(options);
  const disk = { 'storage.local': dump.local, 'storage.sync': dump.sync, IndexedDB: dump.indexedDb };
  expect(dump.local).toContain('"vaults"');
  const secrets = { ...secretsOf(privateKey), passphrase: [PASSPHRASE], token: [token], 'PEM armour': ['BEGIN', 'PRIVATE KEY'] };
  for (const [area, text] of Object.entries(disk)) {
    for (const [what, forms] of Object.entries(secrets)) {
      for (const form of forms) expect(text.includes(form), `${what} in ${area} (${form.slice(0, 12)}…)`).toBe(false);
    }
  }

  // Control: the search does find the unlocked key where it is meant to live (session, memory only).
  const pkcs8Base64 = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
  expect(dump.session).toContain(pkcs8Base64);
  expect(dump.session).toContain(token);
});

test('storage is only ever narrowed to trusted contexts, never widened to content scripts', async () => {
  // Chrome's default for storage.session is TRUSTED_CONTEXTS and for storage.local all contexts;
  // the background narrows both, and nothing may ever ask for the untrusted level.
  const sources: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx|js|mjs)$/.test(name)) sources.push(path);
    }
  };
  for (const dir of ['entrypoints', 'components', 'utils']) walk(join(ROOT, dir));
  expect(sources.length).toBeGreaterThan(20);
  const accessLevels = (text: string) => [...text.matchAll(/accessLevel:\s*['"]?([A-Z_]+)/g)].map((match) => match[1]);
  for (const path of sources) {
    const text = readFileSync(path, 'utf8');
    expect(text, path).not.toMatch(/UNTRUSTED_CONTEXTS/);
    for (const level of accessLevels(text)) expect(level, path).toBe('TRUSTED_CONTEXTS');
  }
  const built: string[] = [];
  const walkBuilt = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walkBuilt(path);
      else if (name.endsWith('.js')) built.push(path);
    }
  };
  walkBuilt(EXTENSION_DIR);
  expect(built.length).toBeGreaterThan(0);
  for (const path of built) expect(readFileSync(path, 'utf8'), path).not.toMatch(/UNTRUSTED_CONTEXTS/);
  // The background does narrow them.
  expect(readFileSync(join(EXTENSION_DIR, 'background.js'), 'utf8')).toMatch(/TRUSTED_CONTEXTS/);
});

test('a content script on a Monetate platform page can neither read nor write storage.session or storage.local', async ({ context, emulator, extensionId, openExtensionPage }) => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { content_scripts?: unknown[] };
  expect(manifest.content_scripts?.length, 'the overlay content script is in the build').toBeGreaterThan(0);
  // The background narrows access when it starts; its first answer comes after that call (the
  // browser handles one worker's API calls in order). Before it, the browser's default applies.
  const options = await openExtensionPage('options');
  await sendFromPage(options, 'state.get', {});

  const page = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(page);
  const worlds: Array<{ id: number; origin: string; name: string }> = [];
  cdp.on('Runtime.executionContextCreated', ({ context: created }) => {
    // Playwright makes isolated worlds of its own; the extension's has the extension's origin.
    if (created.auxData?.type === 'isolated' && created.origin.startsWith('chrome-extension://')) worlds.push({ id: created.id, origin: created.origin, name: created.name });
  });
  await cdp.send('Runtime.enable');
  await page.goto(`${emulator.url}/platform/control/a-demo/p/demo.example/datasets`);
  await expect.poll(() => worlds.length, { timeout: 15_000 }).toBeGreaterThan(0);
  const world = worlds.at(-1)!;
  const answer = await cdp.send('Runtime.evaluate', {
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
    expression: `(async () => {
      const attempt = async (run) => { try { await run(); return 'allowed'; } catch (error) { return String(error && error.message); } };
      return {
        id: chrome.runtime.id,
        readSession: await attempt(() => chrome.storage.session.get(null)),
        readLocal: await attempt(() => chrome.storage.local.get(null)),
        writeLocal: await attempt(() => chrome.storage.local.set({ profiles: [{ id: 'forged', baseUrl: 'https://evil.example' }] })),
        removeLocal: await attempt(() => chrome.storage.local.remove('vaults')),
      };
    })()`,
  });
  const refused = expect.stringMatching(/not allowed/i);
  expect(answer.result.value).toEqual({ id: extensionId, readSession: refused, readLocal: refused, writeLocal: refused, removeLocal: refused });
  // And the extension's own pages still use it.
  expect(await options.evaluate(async () => (await chrome.storage.local.get('profiles')).profiles ?? null)).toBeNull();
});
