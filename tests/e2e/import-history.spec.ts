import { DEMO_DATASET } from '@/emulator/demo-data.ts';
import { expect, test } from '@/tests/e2e/fixtures';
import { chooseFile, openImportPage } from '@/tests/e2e/import-helpers';

test("the side panel's schema section shows the dataset's update history, the import included", async ({ openExtensionPage, emulator }) => {
  const page = await openImportPage(openExtensionPage, emulator);
  await page.getByLabel('Dataset').selectOption(DEMO_DATASET);
  await chooseFile(page, 'three.csv', 'customer_id,email\nC-H-1,a@example.com\nC-H-2,b@example.com\nC-H-3,c@example.com\n');
  await page.getByLabel('Empty the fields not in the file').check();
  await page.getByRole('button', { name: 'Import 3 rows' }).click();
  await expect(page.getByText('Imported 3 rows')).toBeVisible();

  const panel = await openExtensionPage('sidepanel');
  await panel.getByLabel('Dataset').selectOption(DEMO_DATASET);
  await panel.getByText(`Schema of ${DEMO_DATASET}`).click();
  await expect(panel.getByRole('button', { name: 'Show update history' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Import file…' })).toBeVisible();
  await panel.getByRole('button', { name: 'Show update history' }).click();
  const rows = panel.getByRole('table', { name: 'Update history' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('COMPLETE');
  await expect(rows.nth(1)).toContainText('3');
});
