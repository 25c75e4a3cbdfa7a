import { DEMO_DATASET } from '@/emulator/demo-data.ts';
import { expect, sendFromPage, test } from '@/tests/e2e/fixtures';
import { chooseFile, csvFile, dataPosts, openImportPage } from '@/tests/e2e/import-helpers';

test('a dropped batch stops the import as "outcome unknown" and is sent again only when the user asks', async ({ openExtensionPage, emulator }) => {
  test.setTimeout(120_000);
  // The first POST is stored, then its connection is cut. Set before any request, so every
  // answer until then closes its connection and the POST cannot be replayed by the browser.
  await emulator.admin('/__admin/faults', { target: 'write', kind: 'drop-after-processing' });
  const page = await openImportPage(openExtensionPage, emulator);
  await page.getByLabel('Dataset').selectOption(DEMO_DATASET);
  await page.getByLabel('Batch size').fill('100');
  await chooseFile(page, 'drop.csv', csvFile(300));
  await expect(page.getByRole('status').first()).toHaveText('300 rows, 0 with errors');
  await page.getByRole('button', { name: 'Import 300 rows' }).click();

  await expect(page.getByRole('alert')).toContainText('outcome unknown');
  await expect(page.getByRole('alert')).toContainText('It is not sent again unless you choose to.');
  await page.waitForTimeout(1500);
  expect((await dataPosts(emulator)).map((p) => p.rowCount)).toEqual([100]);
  await expect(page.getByRole('button', { name: 'Resume' })).toBeDisabled();

  const log = await sendFromPage<Array<{ kind: string; result: string }>>(page, 'editlog.list', {});
  expect(log[0]).toMatchObject({ kind: 'import_batch', result: 'outcome_unknown' });

  await page.getByRole('button', { name: 'Send batch 1 again' }).click();
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByText('Imported 300 rows')).toBeVisible({ timeout: 30_000 });
  expect((await dataPosts(emulator)).map((p) => p.rowCount)).toEqual([100, 100, 100, 100]);
});
