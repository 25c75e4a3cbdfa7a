import { DEMO_DATASET } from '@/emulator/demo-data.ts';
import { expect, test } from '@/tests/e2e/fixtures';
import { chooseFile, csvFile, dataPosts, openImportPage, stored } from '@/tests/e2e/import-helpers';

test('closing the tab mid-import pauses it; re-choosing the same file resumes without re-sending an acknowledged batch, and the wrong file is refused', async ({ openExtensionPage, emulator, context, extensionId }) => {
  test.setTimeout(120_000);
  const page = await openImportPage(openExtensionPage, emulator);
  await page.getByLabel('Dataset').selectOption(DEMO_DATASET);
  await page.getByLabel('Batch size').fill('100');
  const file = csvFile(500);
  await chooseFile(page, 'resume.csv', file);
  await expect(page.getByRole('status').first()).toHaveText('500 rows, 0 with errors');
  // Every batch takes a while, so the tab closes with some acknowledged and more to go.
  await emulator.admin('/__admin/faults', { target: 'write', kind: 'delay', delayMs: 700, count: 5 });
  await page.getByRole('button', { name: 'Import 500 rows' }).click();
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '200', { timeout: 20_000 });
  await page.close();
  // The batch that was on the wire when the tab closed still lands.
  await expect.poll(async () => (await dataPosts(emulator)).filter((p) => p.status !== null).length).toBeGreaterThanOrEqual(3);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const before = await dataPosts(emulator);

  const again = await context.newPage();
  await again.goto(`chrome-extension://${extensionId}/import.html`);
  await expect(again.getByText(/An import of “resume.csv” into customer_attributes is paused after \d+ of 500 rows/)).toBeVisible();

  await chooseFile(again, 'other.csv', csvFile(499));
  await expect(again.getByRole('alert')).toContainText('This file cannot resume the paused import: “other.csv” is not “resume.csv”');
  await expect(again.getByRole('button', { name: 'Resume' })).toBeDisabled();

  await chooseFile(again, 'resume.csv', file);
  await expect(again.getByText(/Same file: the import can resume from row \d+ of 500/)).toBeVisible();
  await again.getByRole('button', { name: 'Resume' }).click();
  await expect(again.getByText('Imported 500 rows')).toBeVisible({ timeout: 30_000 });

  const posts = await dataPosts(emulator);
  const sentRows = posts.filter((p) => p.status === 201).reduce((sum, p) => sum + (p.rowCount ?? 0), 0);
  // Every row went exactly once: no acknowledged batch was sent again.
  expect(sentRows).toBe(500);
  expect(posts.length).toBe(5);
  expect(posts.length).toBeGreaterThan(before.length);
  expect(await stored(emulator, DEMO_DATASET, 'C-IMP-00500')).toHaveLength(1);
});
