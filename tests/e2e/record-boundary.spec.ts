import { DEMO_DATASET } from '@/emulator/demo-data.ts';
import { expect, setUpUnlockedProfile, test } from '@/tests/e2e/fixtures';

/** A record value no view expects: String() of it throws, so a naive render blanks the surface. */
const ODD_ID = 'C-TOSTRING-1';

// Deliberately changed (issue 9, records): record values are any JSON and render as text, so
// {"toString":1} no longer breaks the record at all; the boundary itself is proven in
// tests/component/ui/record-boundary.test.tsx with a child that does break.
test('a record value {"toString":1} is shown as text in the popup and the side panel, and the surface stays usable', async ({
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
    await expect(page.getByText(`Found “${ODD_ID}” in ${DEMO_DATASET}.`)).toBeVisible();
    await expect(page.getByText('{"toString":1}')).toBeVisible();
    await expect(page.getByText('still here')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'This record could not be shown' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Look up' })).toBeEnabled();
    await page.close();
    // Look-ups are paced 1 s apart; the next surface's look-up waits its turn.
  }
});
