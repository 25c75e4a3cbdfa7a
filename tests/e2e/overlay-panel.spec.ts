import { DATASET_WITHOUT_IDENTIFIER, DEMO_DATASET, SAMPLE_RECORD_ID } from '@/emulator/demo-data.ts';
import { expect, sendFromPage, setUpUnlockedProfile, test } from '@/tests/e2e/fixtures';
import { OVERLAY_HOST, overlayDriver } from '@/tests/e2e/overlay-driver';
import { pressCommand } from '@/tests/e2e/command-helpers';
import { loopbackTabs } from '@/tests/e2e/lookup-helpers';

const DATASETS = '/platform/control/a-demo/p/demo.example/datasets';

test('opens from the launcher, looks a record up, edits and saves it', async ({ context, emulator, openExtensionPage }) => {
  await setUpUnlockedProfile(await openExtensionPage('options'), emulator);
  const page = await context.newPage();
  await page.goto(`${emulator.url}${DATASETS}/${DEMO_DATASET}`);
  await page.locator(OVERLAY_HOST).waitFor({ state: 'attached' });
  const overlay = await overlayDriver(page);

  await overlay.click('button', 'Monetate Data Inspector');
  await overlay.waitForText(/Profile Emulator\s+Unlocked/);
  await overlay.find('combobox', 'Dataset');
  expect(await overlay.value('combobox', 'Dataset')).toBe(DEMO_DATASET);
  await overlay.fill('textbox', 'Record ID', SAMPLE_RECORD_ID);
  await overlay.click('button', 'Look up');
  await overlay.waitForText(new RegExp(`Found “${SAMPLE_RECORD_ID}” in ${DEMO_DATASET}`));
  expect(await overlay.panelText()).toMatch(/first_name\s+STRING\s+Ava/);

  await overlay.click('button', 'Edit');
  await overlay.fill('textbox', 'first_name', 'Overlayne');
  await overlay.click('button', 'Save');
  await overlay.waitForText(/Saved “C-100001”\. Monetate already returns the new values/);
  const stored = emulator.emulator.state.datasets.get(DEMO_DATASET)?.records.find((record) => record.customer_id === SAMPLE_RECORD_ID);
  expect(stored?.first_name).toBe('Overlayne');
});

test('the overlay command (Alt+Shift+K) opens the overlay at the record ID and Escape closes it', async ({ context, emulator, openExtensionPage }) => {
  await setUpUnlockedProfile(await openExtensionPage('options'), emulator);
  const page = await context.newPage();
  await page.goto(`${emulator.url}${DATASETS}/${DEMO_DATASET}`);
  await page.locator(OVERLAY_HOST).waitFor({ state: 'attached' });
  const overlay = await overlayDriver(page);
  expect(await overlay.has('dialog', 'Monetate Data Inspector')).toBe(false);
  const tab = (await loopbackTabs(context)).find((candidate) => candidate.url.includes('/platform/'))!;

  // A browser command now (see focus-and-feedback.spec.ts): pressed through the background's handler.
  await pressCommand(context, 'toggle-overlay', tab);
  await overlay.find('textbox', 'Record ID');
  // Focus lands in the record ID: typing and Enter look the record up, no mouse needed.
  await expect.poll(() => overlay.focusedName()).toBe('Record ID');
  // The platform's own keyboard shortcuts listen on the document.
  await page.evaluate(() => {
    const seen: string[] = [];
    Object.assign(window, { seenKeys: seen });
    document.addEventListener('keydown', (event) => seen.push(event.key));
  });
  await page.keyboard.type('C-100002');
  await page.keyboard.press('Enter');
  await overlay.waitForText(/Found “C-100002” in customer_attributes/);
  // Typing in the overlay does not reach them.
  expect(await page.evaluate(() => (window as unknown as { seenKeys: string[] }).seenKeys)).toEqual([]);

  await page.keyboard.press('Escape');
  await expect.poll(() => overlay.has('dialog', 'Monetate Data Inspector')).toBe(false);
  await expect.poll(() => overlay.focusedName()).toBe('Monetate Data Inspector');
  await pressCommand(context, 'toggle-overlay', tab);
  await overlay.waitForText(/Found “C-100002”/);
});

test('preselects the page’s dataset and follows the platform’s client-side navigation', async ({ context, emulator, openExtensionPage }) => {
  await setUpUnlockedProfile(await openExtensionPage('options'), emulator);
  const page = await context.newPage();
  await page.goto(`${emulator.url}${DATASETS}/${DATASET_WITHOUT_IDENTIFIER}`);
  await page.locator(OVERLAY_HOST).waitFor({ state: 'attached' });
  const overlay = await overlayDriver(page);
  await overlay.click('button', 'Monetate Data Inspector');
  await overlay.find('combobox', 'Dataset');
  // Not the first in the list: picked from the page, not by default.
  expect(await overlay.value('combobox', 'Dataset')).toBe(DATASET_WITHOUT_IDENTIFIER);

  // The platform's own links: pushState and a re-render, no page load.
  await page.getByRole('link', { name: 'Datasets' }).click();
  await page.getByRole('link', { name: DEMO_DATASET }).click();
  await expect(page.locator('h1')).toHaveText(DEMO_DATASET);
  expect(await page.evaluate(() => document.documentElement.dataset.navigations)).toBe('2');
  await expect.poll(() => overlay.value('combobox', 'Dataset')).toBe(DEMO_DATASET);
  await overlay.waitForText(/This page shows dataset customer_attributes\./);

  await page.goBack();
  await page.goBack();
  await expect(page.locator('h1')).toHaveText(DATASET_WITHOUT_IDENTIFIER);
  await expect.poll(() => overlay.value('combobox', 'Dataset')).toBe(DATASET_WITHOUT_IDENTIFIER);
});

test('customer IDs in the page’s record table are look-up links', async ({ context, emulator, openExtensionPage }) => {
  await setUpUnlockedProfile(await openExtensionPage('options'), emulator);
  const page = await context.newPage();
  await page.goto(`${emulator.url}${DATASETS}/${DEMO_DATASET}`);
  await page.locator(OVERLAY_HOST).waitFor({ state: 'attached' });
  const overlay = await overlayDriver(page);
  const cell = page.locator('td[data-customer-id="C-100003"]');
  const before = await page.locator('main').innerHTML();

  // Hover: a small button of the overlay's own appears over the cell's end.
  await cell.hover();
  const chip = await overlay.box('button', 'Look up C-100003 in Monetate Data Inspector');
  const cellBox = (await cell.boundingBox())!;
  expect(chip.x).toBeGreaterThanOrEqual(cellBox.x);
  expect(chip.x + chip.width).toBeLessThanOrEqual(cellBox.x + cellBox.width + 0.5);
  await overlay.click('button', 'Look up C-100003 in Monetate Data Inspector');
  await overlay.waitForText(/Found “C-100003” in customer_attributes/);
  expect(await overlay.value('textbox', 'Record ID')).toBe('C-100003');

  // Alt+click on another ID looks it up directly.
  await page.locator('td[data-customer-id="C-100005"]').click({ modifiers: ['Alt'] });
  await overlay.waitForText(/Found “C-100005” in customer_attributes/);
  expect(await overlay.value('textbox', 'Record ID')).toBe('C-100005');

  // The platform's markup is untouched: no node replaced, no attribute added.
  expect(await page.locator('main').innerHTML()).toBe(before);
  // A plain click is still the page's own.
  await cell.click();
  await expect(page.locator('h1')).toHaveText(DEMO_DATASET);
});

test('opens a record in the side panel from the overlay', async ({ context, emulator, openExtensionPage }) => {
  const options = await openExtensionPage('options');
  await setUpUnlockedProfile(options, emulator);
  const page = await context.newPage();
  await page.goto(`${emulator.url}${DATASETS}/${DEMO_DATASET}`);
  await page.locator(OVERLAY_HOST).waitFor({ state: 'attached' });
  const overlay = await overlayDriver(page);
  await overlay.click('button', 'Monetate Data Inspector');
  await overlay.fill('textbox', 'Record ID', SAMPLE_RECORD_ID);
  await overlay.click('button', 'Look up');
  await overlay.waitForText(new RegExp(`Found “${SAMPLE_RECORD_ID}”`));

  // Chrome forwards the click with the content script's message, so the background may open it.
  await overlay.click('button', 'Open in side panel');
  await overlay.waitForText(/Opened in the side panel\./);
  const sidePanels = () =>
    options.evaluate(async () => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { getContexts(filter: object): Promise<Array<{ documentUrl?: string }>> } } }).chrome.runtime;
      return (await runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).map((context) => new URL(context.documentUrl ?? '').pathname);
    });
  await expect.poll(sidePanels).toEqual(['/sidepanel.html']);
  // The side panel took the record it was asked to show.
  await expect.poll(() => options.evaluate(async () => (await chrome.storage.session.get('pendingShow')).pendingShow ?? null)).toBeNull();
});

test('a locked key: the overlay says where to unlock and asks for no passphrase', async ({ context, emulator, openExtensionPage }) => {
  const options = await openExtensionPage('options');
  const { profileId } = await setUpUnlockedProfile(options, emulator);
  await sendFromPage(options, 'vault.lock', { profileId });
  const page = await context.newPage();
  await page.goto(`${emulator.url}${DATASETS}/${DEMO_DATASET}`);
  await page.locator(OVERLAY_HOST).waitFor({ state: 'attached' });
  const overlay = await overlayDriver(page);
  await overlay.click('button', 'Monetate Data Inspector');
  await overlay.waitForText(/Profile Emulator\s+Locked\s+Unlock the key in the extension's popup\./);
  expect(await overlay.has('textbox', /passphrase/i)).toBe(false);
  expect(await overlay.has('button', 'Look up')).toBe(false);

  // Unlocking elsewhere reaches the open overlay.
  await sendFromPage(options, 'vault.unlock', { profileId, passphrase: 'correct horse battery staple' });
  await overlay.waitForText(/Unlocked/);
  await overlay.find('button', 'Look up');
});
