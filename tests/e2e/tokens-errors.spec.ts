import { expect, test } from '@/tests/e2e/fixtures';
import { authCalls, lastSignedJwt, setUpThroughUi, tokenAlert } from '@/tests/e2e/keys-helpers';

const NOT_ACCEPTED = 'Monetate did not accept this API username and key';

test('tokens are obtained with RS384 and RS512 chosen in the profile', async ({ context, emulator, openExtensionPage }) => {
  const { options } = await setUpThroughUi(context, emulator, () => openExtensionPage('options'), { username: 'api-e2e-rs384', alg: 'RS384' });
  const popup = await openExtensionPage('popup');
  await popup.getByRole('button', { name: 'Get token' }).click();
  await expect(popup.getByRole('timer', { name: 'Token countdown' })).toHaveText(/Token valid for/);
  expect((await lastSignedJwt(popup)).header).toEqual({ alg: 'RS384', typ: 'JWT' });

  const form = options.getByRole('form', { name: 'Edit profile Emulator' });
  await form.getByLabel('Signing algorithm').selectOption('RS512');
  await form.getByRole('button', { name: 'Save profile' }).click();
  await expect(form.getByRole('status')).toHaveText('Profile saved.');
  await popup.getByRole('button', { name: 'Get token' }).click();
  // The first token's "New token received." may still show: wait for the new JWT itself.
  await expect.poll(async () => (await lastSignedJwt(popup)).header).toEqual({ alg: 'RS512', typ: 'JWT' });
  const jwt = await lastSignedJwt(popup);
  expect(jwt.claims).toEqual({ username: 'api-e2e-rs384', iat: expect.any(Number) });
  expect(Number.isInteger(jwt.claims.iat)).toBe(true);

  // The emulator verifies each signature against the registered public key (jose) before answering 200.
  const calls = await authCalls(emulator);
  expect(calls.length).toBeGreaterThanOrEqual(2);
  for (const call of calls) expect(call.status).toBe(200);
});

test('a deactivated key: new tokens are refused in words, and data calls with an older token say the key was deactivated', async ({
  context,
  emulator,
  openExtensionPage,
}) => {
  const username = 'api-e2e-revoked';
  await setUpThroughUi(context, emulator, () => openExtensionPage('options'), { username });
  const popup = await openExtensionPage('popup');
  await popup.getByRole('button', { name: 'Get token' }).click();
  await expect(popup.getByRole('timer', { name: 'Token countdown' })).toHaveText(/Token valid for/);

  await emulator.admin('/__admin/api-keys/deactivate', { username });
  await popup.getByRole('button', { name: 'Get token' }).click();
  const alert = tokenAlert(popup);
  await expect(alert).toContainText(NOT_ACCEPTED);
  await expect(alert).toContainText('deactivated public key');
  await expect(alert).toContainText('registered and active in Monetate');
  expect((await authCalls(emulator)).at(-1)?.status).toBe(401);

  // The token minted before the key was deactivated now gets 403 from the Data API.
  const lookup = await popup.evaluate(() =>
    chrome.runtime.sendMessage({ channel: 'mdi', type: 'lookup.record', payload: { dataset: 'customer_attributes', id: 'C-1', callerId: 'e2e' } }),
  );
  expect(lookup).toMatchObject({ ok: false, error: { code: 'revoked', status: 403 } });

  // That useless token is forgotten: asking for a token mints afresh, and the key is refused.
  const again = await popup.evaluate(() => chrome.runtime.sendMessage({ channel: 'mdi', type: 'token.get', payload: {} }));
  expect(again).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
});

test('a clock two minutes off is corrected with one retry; an unregistered key is reported as not accepted', async ({
  context,
  emulator,
  openExtensionPage,
}) => {
  const { options } = await setUpThroughUi(context, emulator, () => openExtensionPage('options'), { username: 'api-e2e-skew' });
  await emulator.admin('/__admin/clock', { offsetSeconds: 120 });
  const popup = await openExtensionPage('popup');
  await popup.getByRole('button', { name: 'Get token' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'New token received.' })).toBeVisible();
  await expect(popup.getByRole('timer', { name: 'Token countdown' })).toHaveText(/Token valid for/);
  const statuses = (await authCalls(emulator)).map((call) => call.status);
  expect(statuses).toContain(401);
  expect(statuses.at(-1)).toBe(200);
  // The JWT that was accepted carried an iat about two minutes ahead of this machine's clock.
  const { claims } = await lastSignedJwt(popup);
  expect(Math.abs((claims.iat as number) - (Date.now() / 1000 + 120))).toBeLessThan(10);

  // A second profile whose public key was never registered.
  await setUpThroughUi(context, emulator, async () => options, { name: 'Unregistered', username: 'api-e2e-nobody', register: false });
  // Switched from the popup, as a person would.
  await popup.getByLabel('Profile').selectOption({ label: 'Unregistered (demo)' });
  await expect(popup.getByLabel('Profile').locator('option:checked')).toHaveText('Unregistered (demo)');
  await expect(options.getByRole('list', { name: 'Profiles' }).getByText('demo · api-e2e-nobody · active')).toBeVisible();
  await popup.getByRole('button', { name: 'Get token' }).click();
  await expect(tokenAlert(popup)).toContainText(NOT_ACCEPTED);
  await expect(tokenAlert(popup)).toContainText('your clock is off by');

  await emulator.admin('/__admin/clock', { offsetSeconds: 0 });
  await popup.getByRole('button', { name: 'Get token' }).click();
  await expect(tokenAlert(popup)).toContainText(NOT_ACCEPTED);
  await expect(tokenAlert(popup)).not.toContainText('clock');
});
