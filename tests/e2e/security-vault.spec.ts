import { expect, sendFromPage, setUpUnlockedProfile, TEST_PASSPHRASE, test } from '@/tests/e2e/fixtures';
import { createProfileInOptions, keySection, shownPublicKey, stopServiceWorker, workerRestarted } from '@/tests/e2e/keys-helpers';

test('the options page shows how strong a new passphrase is and refuses a guessable one, saying how to make it stronger', async ({ emulator, openExtensionPage }) => {
  const options = await openExtensionPage('options');
  await createProfileInOptions(options, { baseUrl: emulator.url, username: 'api-e2e-strength' });
  const keys = keySection(options);
  const passphrase = keys.getByLabel('New passphrase', { exact: true });

  // Ten characters, which length alone accepted.
  await passphrase.fill('1234567890');
  await keys.getByLabel('Confirm passphrase', { exact: true }).fill('1234567890');
  await expect(passphrase).toHaveAccessibleDescription(/Strength: very weak, not enough\. This is a frequently used password\./);
  await keys.getByRole('button', { name: 'Generate key pair' }).click();
  await expect(passphrase).toHaveAccessibleDescription(/This passphrase is too easy to guess \(very weak\)\. .*Avoid names, dates, keyboard rows and well-known phrases\./);
  expect(await options.evaluate(async () => (await chrome.storage.local.get('vaults')).vaults ?? {})).toEqual({});

  await passphrase.fill(TEST_PASSPHRASE);
  await keys.getByLabel('Confirm passphrase', { exact: true }).fill(TEST_PASSPHRASE);
  await expect(passphrase).toHaveAccessibleDescription(/Strength: (strong|very strong)\./);
  await keys.getByRole('button', { name: 'Generate key pair' }).click();
  await shownPublicKey(options);
});

test('wrong passphrases make the next unlock wait longer each time, the popup says how long, and a stopped worker still waits', async ({
  context,
  emulator,
  openExtensionPage,
}) => {
  test.setTimeout(90_000);
  const options = await openExtensionPage('options');
  const { profileId } = await setUpUnlockedProfile(options, emulator);
  await sendFromPage(options, 'vault.lock', { profileId });

  // Six wrong passphrases, each as soon as it is allowed (the waits after them: 0, 0, 1, 2, 4, 8 s).
  const replies = await options.evaluate(async (id) => {
    const codes: string[] = [];
    while (codes.filter((code) => code === 'wrong_passphrase').length < 6) {
      const reply = (await chrome.runtime.sendMessage({ channel: 'mdi', type: 'vault.unlock', payload: { profileId: id, passphrase: 'not the passphrase' } })) as {
        error?: { code: string };
      };
      codes.push(reply.error?.code ?? 'ok');
      if (reply.error?.code === 'unlock_throttled') await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return codes;
  }, profileId);
  expect(replies).not.toContain('ok');
  expect(replies.slice(0, 3)).toEqual(['wrong_passphrase', 'wrong_passphrase', 'wrong_passphrase']);
  expect(replies).toContain('unlock_throttled');

  // Even the right passphrase must wait now, and the popup says for how long.
  const popup = await openExtensionPage('popup');
  await popup.getByLabel('Passphrase').fill(TEST_PASSPHRASE);
  await popup.getByRole('button', { name: 'Unlock' }).click();
  await expect(popup.getByRole('alert')).toContainText(/Too many wrong passphrases in a row\. Wait \d+ seconds? before you try again/);

  await stopServiceWorker(context, popup);
  await popup.getByRole('button', { name: 'Unlock' }).click();
  await expect(popup.getByRole('alert')).toContainText(/Wait \d+ seconds? before you try again/);
  expect(await workerRestarted(context)).toBe(true);

  // Once the wait is over, the right passphrase unlocks.
  await expect(async () => {
    await popup.getByRole('button', { name: 'Unlock' }).click();
    await expect(popup.getByText('Unlocked', { exact: true })).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 30_000, intervals: [1000] });
});
