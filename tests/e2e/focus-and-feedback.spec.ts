import { DEMO_DATASET } from '@/emulator/demo-data.ts';
import { expect, sendFromPage, setUpUnlockedProfile, test, TEST_PASSPHRASE } from '@/tests/e2e/fixtures';
import { pressCommand } from '@/tests/e2e/command-helpers';
import { createProfileInOptions } from '@/tests/e2e/keys-helpers';
import { currentWorker, loopbackTabs } from '@/tests/e2e/lookup-helpers';
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

  // Opened from the launcher while locked, too.
  await overlay.click('button', 'Monetate Data Inspector');
  await overlay.find('dialog', 'Monetate Data Inspector');
  await expect.poll(() => overlay.focusedName()).toBe('Close overlay');
  await page.keyboard.press('Escape');
  await expect.poll(() => overlay.has('dialog', 'Monetate Data Inspector')).toBe(false);

  // The same command closes it again.
  await pressCommand(context, 'toggle-overlay', tab);
  await overlay.find('dialog', 'Monetate Data Inspector');
  await pressCommand(context, 'toggle-overlay', tab);
  await expect.poll(() => overlay.has('dialog', 'Monetate Data Inspector')).toBe(false);
});

test('"Profile saved." stays until the next edit, for a new profile and an edited one', async ({ emulator, openExtensionPage }) => {
  const options = await openExtensionPage('options');
  await createProfileInOptions(options, { baseUrl: emulator.url, username: 'api-e2e-saved' });
  const form = options.getByRole('form', { name: 'Edit profile Emulator' });
  await expect(form.getByRole('status')).toHaveText('Profile saved.');
  // Long enough to be read: still there five seconds later, and the state events meanwhile keep it.
  await options.waitForTimeout(5200);
  await expect(form.getByRole('status')).toHaveText('Profile saved.');

  await form.getByLabel('Retailer shortname').fill('another');
  await expect(form.getByRole('status')).toHaveText('');
  await form.getByRole('button', { name: 'Save profile' }).click();
  await expect(form.getByRole('status')).toHaveText('Profile saved.');
  await options.waitForTimeout(5200);
  await expect(form.getByRole('status')).toHaveText('Profile saved.');
});

test('the look-up being sent reads "sending now"; one waiting behind it has an ETA from the measured answer time and a Cancel', async ({
  emulator,
  openExtensionPage,
}) => {
  test.setTimeout(90_000);
  await setUpUnlockedProfile(await openExtensionPage('options'), emulator, { defaultDataset: DEMO_DATASET });
  const panel = await openExtensionPage('sidepanel');
  const popup = await openExtensionPage('popup');
  await expect(panel.getByRole('button', { name: 'Look up' })).toBeEnabled();
  await expect(popup.getByRole('button', { name: 'Look up' })).toBeEnabled();
  // Monetate answers the next look-ups in 2.5 s each.
  await emulator.admin('/__admin/faults', { target: 'lookup', kind: 'delay', delayMs: 2500, count: 2 });

  // A first slow answer teaches the queue how long Monetate takes.
  await panel.getByLabel('Record ID').fill('C-100003');
  await panel.getByRole('button', { name: 'Look up' }).click();
  await expect(panel.getByLabel('Look-up queue')).toHaveText('“C-100003” is being sent now; waiting for Monetate’s answer.');
  await expect(panel.getByText(`Found “C-100003” in ${DEMO_DATASET}.`)).toBeVisible();

  await panel.getByLabel('Record ID').fill('C-100001');
  await panel.getByRole('button', { name: 'Look up' }).click();
  await expect(panel.getByLabel('Look-up queue')).toContainText('“C-100001” is being sent now');
  await expect(panel.getByLabel('Look-up queue')).not.toContainText('in the queue');
  await expect(panel.getByLabel('Look-up queue').getByRole('button', { name: /Cancel/ })).toHaveCount(0);

  await popup.getByLabel('Record ID').fill('C-100002');
  await popup.getByRole('button', { name: 'Look up' }).click();
  const queued = popup.getByLabel('Look-up queue');
  await expect(queued).toContainText(/“C-100002” is number 1 in the queue, about \d+ s/);
  // Behind a 2.5 s answer plus Monetate's 1 s: more than the 1 s per look-up once assumed.
  const seconds = Number(/about (\d+) s/.exec((await queued.textContent()) ?? '')?.[1]);
  expect(seconds).toBeGreaterThanOrEqual(2);

  await queued.getByRole('button', { name: 'Cancel look-up of “C-100002”' }).click();
  await expect(popup.getByLabel('Look-up queue')).toHaveCount(0);
  await expect(panel.getByText(`Found “C-100001” in ${DEMO_DATASET}.`)).toBeVisible();
  await panel.waitForTimeout(1500);
  const asked = (await emulator.requests()).filter((request) => request.method === 'GET' && request.query.id === 'C-100002');
  expect(asked).toEqual([]);
});

test('the quick look-up shortcut is a named command that opens the toolbar popup', async ({ context, emulator, openExtensionPage }) => {
  await setUpUnlockedProfile(await openExtensionPage('options'), emulator);
  const page = await context.newPage();
  await page.goto(`${emulator.url}${DATASET_PAGE}`);
  await page.bringToFront();
  const tab = (await loopbackTabs(context)).find((candidate) => candidate.url.includes('/platform/'))!;
  const worker = await currentWorker(context);
  // A popup is no Playwright page; the worker lists the extension's open contexts.
  const popups = () =>
    worker.evaluate(async () => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { getContexts(filter: object): Promise<Array<{ documentUrl?: string }>> } } }).chrome.runtime;
      return (await runtime.getContexts({ contextTypes: ['POPUP'] })).map((found) => new URL(found.documentUrl ?? '').pathname);
    });
  expect(await popups()).toEqual([]);
  await pressCommand(context, 'open-quick-lookup', tab);
  await expect.poll(popups).toEqual(['/popup.html']);
});
