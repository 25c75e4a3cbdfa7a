import { expect, test } from '@/tests/e2e/fixtures';
import { authCalls, setUpThroughUi, stopServiceWorker, tokenAlert, workerRestarted } from '@/tests/e2e/keys-helpers';

test('a profile rewritten in storage is refused in words, sends nothing, and is used again once saved from the options page; a worker restart changes nothing', async ({
  context,
  emulator,
  openExtensionPage,
}) => {
  const { options } = await setUpThroughUi(context, emulator, () => openExtensionPage('options'), { username: 'api-e2e-integrity' });
  const popup = await openExtensionPage('popup');

  // A stopped and restarted worker still trusts what the options page saved.
  await stopServiceWorker(context, popup);
  await popup.getByRole('button', { name: 'Get token' }).click();
  await expect(popup.getByRole('timer', { name: 'Token countdown' })).toHaveText(/Token valid for/);
  expect(await workerRestarted(context)).toBe(true);
  const callsBefore = (await authCalls(emulator)).length;

  // What a content script could do where the browser leaves storage.local open to it (Firefox):
  // turn read-only off and point the profile at another server.
  await options.evaluate(async () => {
    const { profiles } = (await chrome.storage.local.get('profiles')) as { profiles: Array<Record<string, unknown>> };
    await chrome.storage.local.set({ profiles: profiles.map((profile) => ({ ...profile, readOnly: false, baseUrl: 'http://localhost:9' })) });
  });

  await popup.reload();
  await popup.getByRole('button', { name: 'Get token' }).click();
  await expect(tokenAlert(popup)).toContainText('was changed outside the extension');
  expect((await authCalls(emulator)).length).toBe(callsBefore);

  await options.reload();
  await expect(options.getByRole('alert')).toContainText('This profile was changed outside this page');
  const form = options.getByRole('form', { name: 'Edit profile Emulator' });
  await expect(form.getByLabel('API base URL')).toHaveValue('http://localhost:9');
  await form.getByLabel('API base URL').fill(emulator.url);
  await form.getByRole('button', { name: 'Save profile' }).click();
  await expect(form.getByRole('status')).toHaveText('Profile saved.');
  await expect(options.getByRole('alert')).toHaveCount(0);

  await popup.getByRole('button', { name: 'Get token' }).click();
  await expect.poll(async () => (await authCalls(emulator)).length).toBe(callsBefore + 1);
});
