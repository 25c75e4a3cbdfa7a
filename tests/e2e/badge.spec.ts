import type { Page } from '@playwright/test';
import { DEMO_DATASET } from '@/emulator/demo-data.ts';
import { expect, sendFromPage, setUpUnlockedProfile, test } from '@/tests/e2e/fixtures';
import { lookupFromPage } from '@/tests/e2e/lookup-helpers';

const badgeText = (page: Page) => page.evaluate(() => chrome.action.getBadgeText({}));
const badgeTitle = (page: Page) => page.evaluate(() => chrome.action.getTitle({}));

test('the toolbar badge counts queued look-ups, and shows a dot with "locked" in its tooltip once the key is locked', async ({
  emulator,
  openExtensionPage,
}) => {
  test.setTimeout(60_000);
  const options = await openExtensionPage('options');
  const { profileId } = await setUpUnlockedProfile(options, emulator);
  await expect.poll(() => badgeTitle(options)).toBe('Monetate Data Inspector: unlocked');
  expect(await badgeText(options)).toBe('');

  // Monetate answers slowly: three look-ups are pending for a few seconds.
  await emulator.admin('/__admin/faults', { target: 'lookup', kind: 'delay', delayMs: 1500, count: 3 });
  const replies = ['C-100001', 'C-100002', 'C-100003'].map((id) => lookupFromPage(options, { dataset: DEMO_DATASET, id, callerId: 'badge-e2e' }));
  await expect.poll(() => badgeText(options)).toBe('3');
  expect(await badgeTitle(options)).toBe('Monetate Data Inspector: 3 look-ups waiting');
  await expect.poll(() => badgeText(options), { timeout: 20_000 }).toBe('2');
  for (const reply of await Promise.all(replies)) expect(reply.ok).toBe(true);
  await expect.poll(() => badgeText(options)).toBe('');

  await sendFromPage(options, 'vault.lock', { profileId });
  await expect.poll(() => badgeText(options)).toBe('•');
  expect(await badgeTitle(options)).toBe('Monetate Data Inspector: the key is locked. Open it to unlock.');
});
