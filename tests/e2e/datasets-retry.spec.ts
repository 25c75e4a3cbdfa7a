import type { Page } from '@playwright/test';
import { DEMO_DATASET } from '@/emulator/demo-data.ts';
import { expect, setUpUnlockedProfile, test, type Emulator } from '@/tests/e2e/fixtures';
import { OVERLAY_HOST, overlayDriver } from '@/tests/e2e/overlay-driver';

const LIST_PATH = '/api/data/v1/demo/production/schema/';

/** The API answers the next schema request by closing the connection: to the extension, Monetate cannot be reached. */
async function dropNextSchemaRequest(emulator: Emulator) {
  await emulator.admin('/__admin/faults', { target: 'schema', kind: 'drop-after-processing' });
}

async function setUp(openExtensionPage: (name: 'options') => Promise<Page>, emulator: Emulator) {
  const setup = await openExtensionPage('options');
  await setUpUnlockedProfile(setup, emulator);
  await setup.close();
}

for (const surface of ['sidepanel', 'popup'] as const) {
  test(`the ${surface}'s Dataset select says the list could not be loaded, and Retry loads it`, async ({ openExtensionPage, emulator }) => {
    await setUp(openExtensionPage, emulator);
    await dropNextSchemaRequest(emulator);
    const page = await openExtensionPage(surface);

    const failure = page.getByRole('alert').filter({ hasText: 'The datasets could not be loaded.' });
    await expect(failure).toContainText('Monetate could not be reached');
    await expect(page.getByLabel('Dataset')).toBeDisabled();
    await expect(page.getByLabel('Dataset')).toHaveText('Datasets not loaded');
    await expect(page.getByText('Loading datasets…')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Look up', exact: true })).toBeDisabled();

    await failure.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByLabel('Dataset')).toBeEnabled();
    await expect(page.getByLabel('Dataset')).toHaveValue(DEMO_DATASET);
    await expect(failure).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Look up', exact: true })).toBeEnabled();
    const lists = (await emulator.requests()).filter((r) => r.method === 'GET' && r.path === LIST_PATH);
    expect(lists.length).toBeGreaterThanOrEqual(2);
  });
}

test('the overlay panel says the dataset list could not be loaded, and Retry loads it', async ({ context, openExtensionPage, emulator }) => {
  await setUp(openExtensionPage, emulator);
  const page = await context.newPage();
  await page.goto(`${emulator.url}/platform/control/a-demo/p/demo.example/datasets/${DEMO_DATASET}`);
  await page.locator(OVERLAY_HOST).waitFor({ state: 'attached' });
  const overlay = await overlayDriver(page);
  await dropNextSchemaRequest(emulator);

  await overlay.click('button', 'Monetate Data Inspector');
  await overlay.waitForText(/The datasets could not be loaded\. Monetate could not be reached/);
  expect(await overlay.panelText()).not.toMatch(/Loading datasets…/);

  await overlay.click('button', 'Retry');
  await overlay.find('combobox', 'Dataset');
  expect(await overlay.value('combobox', 'Dataset')).toBe(DEMO_DATASET);
  expect(await overlay.panelText()).not.toMatch(/could not be loaded/);
});
