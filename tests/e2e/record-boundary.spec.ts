import { DEMO_DATASET } from '../../emulator/demo-data.ts';
import { expect, setUpUnlockedProfile, test } from './fixtures';

/** A record value no view expects: String() of it throws, so a naive render blanks the surface. */
const ODD_ID = 'C-TOSTRING-1';

test('a record value {"toString":1} shows "This record could not be shown" with its raw JSON in the popup and the side panel', async ({
  emulator,
  openExtensionPage,
}) => {
  await emulator.admin('/__admin/records', { dataset: DEMO_DATASET, rows: [{ customer_id: ODD_ID, first_name: { toString: 1 }, notes: 'still here' }] });
  const options = await openExtensionPage('options');
  await setUpUnlockedProfile(options, emulator);

  for (const name of ['popup', 'sidepanel'] as const) {
    const page = await openExtensionPage(name);
    await page.getByLabel('Dataset').selectOption(DEMO_DATASET);
    await page.getByLabel('Record ID').fill(ODD_ID);
    await page.getByRole('button', { name: 'Look up' }).click();
    await expect(page.getByRole('heading', { name: 'This record could not be shown' })).toBeVisible();
    await expect(page.getByLabel('Raw JSON')).toContainText('"toString": 1');
    await expect(page.getByLabel('Raw JSON')).toContainText('still here');
    // The surface itself is still there: another look-up can be made.
    await expect(page.getByRole('button', { name: 'Look up' })).toBeEnabled();
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    await page.close();
    // Look-ups are paced 1 s apart; the next surface's look-up waits its turn.
  }
});
