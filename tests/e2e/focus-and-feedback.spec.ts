import { DEMO_DATASET } from '@/emulator/demo-data.ts';
import { expect, sendFromPage, setUpUnlockedProfile, test, TEST_PASSPHRASE } from '@/tests/e2e/fixtures';
import { pressCommand } from '@/tests/e2e/command-helpers';
import { loopbackTabs } from '@/tests/e2e/lookup-helpers';
import { OVERLAY_HOST, overlayDriver } from '@/tests/e2e/overlay-driver';

const DATASET_PAGE = `/platform/control/a-demo/p/demo.example/datasets/${DEMO_DATASET}`;

test('a popup opened locked has the cursor in the passphrase field, and Lock puts it back there', async ({ emulator, openExtensionPage }) => {
  const { profileId } = await setUpUnlockedProfile(await openExtensionPage('options'), emulator);
  const options = await openExtensionPage('options');
  await sendFromPage(options, 'vault.lock', { profileId });

  const popup = await openExtensionPage('popup');
  await expect(popup.getByLabel('Passphrase')).toBeFocused();
  await popup.keyboard.type(TEST_PASSPHRASE);
  await popup.keyboard.press('Enter');
  await expect(popup.getByLabel('Record ID')).toBeVisible();

  await popup.getByRole('button', { name: 'Lock' }).click();
  await expect(popup.getByLabel('Passphrase')).toBeFocused();
});

test('the side panel opened locked has the cursor in the passphrase field', async ({ emulator, openExtensionPage }) => {
  const { profileId } = await setUpUnlockedProfile(await openExtensionPage('options'), emulator);
  await sendFromPage(await openExtensionPage('options'), 'vault.lock', { profileId });
  const panel = await openExtensionPage('sidepanel');
  await expect(panel.getByLabel('Passphrase')).toBeFocused();
});

test('the overlay shortcut is a browser command; opened locked, the overlay takes the focus and Escape closes it', async ({
  context,
  emulator,
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options');
  const { profileId } = await setUpUnlockedProfile(options, emulator);
  await sendFromPage(options, 'vault.lock', { profileId });
  // People see and remap it in the browser's shortcuts page, under its own description.
  const commands = await options.evaluate(() => chrome.commands.getAll());
  expect(commands).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ name: 'toggle-overlay', description: 'Open the Monetate overlay on this page', shortcut: expect.stringMatching(/K$/) }),
      expect.objectContaining({ name: 'open-quick-lookup', description: 'Open quick look-up (the toolbar popup)', shortcut: expect.stringMatching(/M$/) }),
    ]),
  );

  const page = await context.newPage();
  await page.goto(`${emulator.url}${DATASET_PAGE}`);
  await page.locator(OVERLAY_HOST).waitFor({ state: 'attached' });
  const overlay = await overlayDriver(page);
  const tab = (await loopbackTabs(context)).find((candidate) => candidate.url.includes('/platform/'))!;

  // The page's own key listener is gone: the key alone (as a page script could fake it) does nothing.
  await page.keyboard.press('Alt+Shift+KeyK');
  await page.waitForTimeout(300);
  expect(await overlay.has('dialog', 'Monetate Data Inspector')).toBe(false);

  await pressCommand(context, 'toggle-overlay', tab);
  await overlay.find('dialog', 'Monetate Data Inspector');
  await overlay.waitForText(/Unlock the key in the extension's popup/);
  await expect.poll(() => overlay.focusedName()).toBe('Close overlay');
  await page.keyboard.press('Escape');
  await expect.poll(() => overlay.has('dialog', 'Monetate Data Inspector')).toBe(false);
  await expect.poll(() => overlay.focusedName()).toBe('Monetate Data Inspector');

  // The same command closes it again.
  await pressCommand(context, 'toggle-overlay', tab);
  await overlay.find('dialog', 'Monetate Data Inspector');
  await pressCommand(context, 'toggle-overlay', tab);
  await expect.poll(() => overlay.has('dialog', 'Monetate Data Inspector')).toBe(false);
});
