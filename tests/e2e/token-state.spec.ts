import { DEMO_RETAILER } from '@/emulator/demo-data.ts';
import { expect, sendFromPage, setUpUnlockedProfile, test, TEST_PASSPHRASE } from '@/tests/e2e/fixtures';

const NOT_ACCEPTED = 'Monetate did not accept this API username and key';

test('an unregistered user sees Monetate’s refusal once, in the token panel, and no valid-for line', async ({ emulator, openExtensionPage }) => {
  const options = await openExtensionPage('options');
  const profile = await sendFromPage<{ id: string }>(options, 'profiles.save', {
    input: { name: 'Nobody', baseUrl: emulator.url, retailer: DEMO_RETAILER, username: 'api-e2e-nobody', ttlSeconds: 3600, alg: 'RS256', readOnly: false, confirmWrites: false },
  });
  await sendFromPage(options, 'profiles.activate', { id: profile.id });
  // The key is never registered with Monetate.
  await sendFromPage(options, 'key.generate', { profileId: profile.id, bits: 2048, passphrase: TEST_PASSPHRASE });

  const popup = await openExtensionPage('popup');
  const token = popup.getByRole('region', { name: 'Access token' });
  // Loading the datasets asked for a token first: refused.
  await expect(token.getByRole('alert')).toContainText(NOT_ACCEPTED);
  await expect(popup.getByRole('alert')).toHaveCount(1);
  await expect(popup.getByText('The datasets could not be loaded. They need a token: see Access token above.')).toBeVisible();
  await expect(popup.getByRole('timer', { name: 'Token countdown' })).toHaveText(/^No usable token: Monetate did not accept/);

  await popup.getByRole('button', { name: 'Get token' }).click();
  await expect(token.getByRole('alert')).toContainText(NOT_ACCEPTED);
  await expect(popup.getByRole('alert')).toHaveCount(1);
  await expect(popup.getByText(NOT_ACCEPTED)).toHaveCount(1);
});

test('a token Monetate stops accepting is not shown as valid above the refusal', async ({ emulator, openExtensionPage }) => {
  const { username } = await setUpUnlockedProfile(await openExtensionPage('options'), emulator, { username: 'api-e2e-deactivated' });
  const popup = await openExtensionPage('popup');
  const timer = popup.getByRole('timer', { name: 'Token countdown' });
  await popup.getByRole('button', { name: 'Get token' }).click();
  await expect(timer).toHaveText(/^Token valid for \d+:\d\d$/);

  await emulator.admin('/__admin/api-keys/deactivate', { username });
  await popup.getByRole('button', { name: 'Get token' }).click();
  await expect(popup.getByRole('region', { name: 'Access token' }).getByRole('alert')).toContainText(NOT_ACCEPTED);
  await expect(timer).toHaveText('No usable token: Monetate did not accept the last request for one (see below).');
  // Still so a few ticks later: the countdown does not come back.
  await popup.waitForTimeout(1500);
  await expect(timer).not.toContainText('valid for');
});
