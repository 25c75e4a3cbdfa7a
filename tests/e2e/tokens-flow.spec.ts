import { expect, recordClipboard, sendFromPage, test } from '@/tests/e2e/fixtures';
import { authCalls, createProfileInOptions, generateKeyInOptions, PASSPHRASE, registerOnApiKeysPage, stopServiceWorker, workerRestarted, tokenAlert } from '@/tests/e2e/keys-helpers';

const USERNAME = 'api-e2e-tokens';

test('a profile made in the options page gets a token in the popup, which survives a worker restart and locking stops new ones', async ({
  context,
  emulator,
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options');
  await createProfileInOptions(options, { baseUrl: emulator.url, username: USERNAME });
  const publicKeyPem = await generateKeyInOptions(options);
  await expect(options.getByText(/fingerprint SHA256:/)).toBeVisible();
  await expect(options.getByText('Settings → Sites → API Keys')).toBeVisible();
  await registerOnApiKeysPage(context, emulator, USERNAME, publicKeyPem);

  const popup = await openExtensionPage('popup');
  await expect(popup.getByLabel('Profile')).toContainText('Emulator');
  await expect(popup.getByText('Unlocked', { exact: true })).toBeVisible();
  await popup.getByRole('button', { name: 'Get token' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'New token received.' })).toBeVisible();
  const countdown = popup.getByRole('timer', { name: 'Token countdown' });
  await expect(countdown).toHaveText(/Token valid for (59:5\d|1:00:00)/);
  const first = await countdown.textContent();
  await expect(countdown).not.toHaveText(first!, { timeout: 3_000 });

  // The popup's quick look-up may already have fetched a token for the dataset list; every call succeeded.
  const auth = await authCalls(emulator);
  expect(auth.length).toBeGreaterThanOrEqual(1);
  for (const call of auth) expect(call).toMatchObject({ status: 200, query: { ttl: '3600' }, username: USERNAME });

  // The decoded view: header and exactly { username, iat } with iat in whole seconds; no signature.
  await popup.getByText('Last signed JWT (header and claims)').click();
  const decoded = JSON.parse((await popup.getByLabel('Last signed JWT header and claims').textContent())!) as {
    header: Record<string, unknown>;
    claims: Record<string, unknown>;
  };
  expect(decoded.header).toEqual({ alg: 'RS256', typ: 'JWT' });
  expect(Object.keys(decoded.claims).sort()).toEqual(['iat', 'username']);
  expect(decoded.claims.username).toBe(USERNAME);
  expect(Number.isInteger(decoded.claims.iat)).toBe(true);

  await recordClipboard(popup);
  await popup.getByRole('button', { name: 'Copy token' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Token copied.' })).toBeVisible();
  const copied = await popup.evaluate(() => (window as unknown as { copiedText?: string }).copiedText);
  expect(copied).toMatch(/^1\.[\w-]+\.[\w-]+$/);

  // Chrome stops idle workers; the unlocked key and the token live in session storage, not in the worker.
  await stopServiceWorker(context, popup);
  await popup.evaluate(() => delete (window as unknown as { copiedText?: string }).copiedText);
  await popup.getByRole('button', { name: 'Copy token' }).click();
  await expect.poll(() => popup.evaluate(() => (window as unknown as { copiedText?: string }).copiedText)).toBe(copied);
  expect(await workerRestarted(context)).toBe(true);
  expect((await sendFromPage<{ token: string }>(popup, 'token.get', {})).token).toBe(copied);
  await expect(popup.getByText('Unlocked', { exact: true })).toBeVisible();
  expect(await authCalls(emulator)).toHaveLength(auth.length);

  // Locked: no token can be minted, and the popup says why.
  await popup.getByRole('button', { name: 'Lock' }).click();
  await expect(popup.getByText('Locked', { exact: true })).toBeVisible();
  await expect(countdown).toHaveText('No token: the key is locked.');
  await popup.getByRole('button', { name: 'Get token' }).click();
  await expect(tokenAlert(popup)).toHaveText('The key is locked. Enter your passphrase and choose Unlock.');
  await popup.getByRole('button', { name: 'Copy token' }).click();
  await expect(tokenAlert(popup)).toHaveText('The key is locked. Enter your passphrase and choose Unlock.');
  expect(await authCalls(emulator)).toHaveLength(auth.length);

  await popup.getByLabel('Passphrase').fill(PASSPHRASE);
  await popup.getByRole('button', { name: 'Unlock' }).click();
  await expect(popup.getByText('Unlocked', { exact: true })).toBeVisible();
  await expect(tokenAlert(popup)).toHaveCount(0);
  await popup.getByRole('button', { name: 'Get token' }).click();
  await expect(countdown).toHaveText(/Token valid for/);
  const afterUnlock = await authCalls(emulator);
  expect(afterUnlock.length).toBeGreaterThan(auth.length);
  for (const call of afterUnlock) expect(call.status).toBe(200);
  const fresh = (await sendFromPage<{ token: string }>(popup, 'token.get', {})).token;
  expect(fresh).not.toBe(copied);
});
