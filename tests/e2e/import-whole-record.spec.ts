import { DEMO_DATASET } from '@/emulator/demo-data.ts';
import { expect, test } from '@/tests/e2e/fixtures';
import { ALL_COLUMNS, chooseFile, csvCells, dataPosts, openImportPage, stored } from '@/tests/e2e/import-helpers';

const ids = [1, 2, 3, 4, 5].map((n) => `C-MERGE-${n}`);

test('a file missing fields cannot be imported until the checkbox is ticked; "Merge with current values" keeps the other fields for 5 rows', async ({ openExtensionPage, emulator }) => {
  test.setTimeout(120_000);
  // Five records already hold every field.
  await emulator.admin('/__admin/records', {
    dataset: DEMO_DATASET,
    rows: ids.map((id, i) => ({ ...Object.fromEntries(ALL_COLUMNS.map((c, j) => [c, csvCells(i + 1)[j]])), customer_id: id, lifetime_value: 10 + i, orders_count: i, is_subscribed: true, favorite_categories: 'shoes' })),
  });
  const page = await openImportPage(openExtensionPage, emulator);
  await page.getByLabel('Dataset').selectOption(DEMO_DATASET);
  await chooseFile(page, 'emails.csv', `customer_id,email\n${ids.map((id, i) => `${id},new${i + 1}@example.com`).join('\n')}\n`);
  await expect(page.getByRole('status').first()).toHaveText('5 rows, 0 with errors');

  await expect(page.getByText('For every ID already in the dataset, these 8 fields will be emptied: first_name, loyalty_tier, lifetime_value, orders_count, is_subscribed, last_purchase_at, favorite_categories, notes.')).toBeVisible();
  const importButton = page.getByRole('button', { name: 'Import 5 rows' });
  await expect(importButton).toBeDisabled();
  await page.getByLabel('Empty the fields not in the file').check();
  await expect(importButton).toBeEnabled();
  await page.getByLabel('Empty the fields not in the file').uncheck();
  await expect(importButton).toBeDisabled();

  await page.getByLabel('Merge with current values').check();
  await expect(page.getByText(/about 5 s/)).toBeVisible();
  await importButton.click();
  await expect(page.getByText('Imported 5 rows')).toBeVisible({ timeout: 30_000 });

  const lookups = (await emulator.requests()).filter((r) => r.method === 'GET' && r.path.includes('/data/customer_attributes/'));
  expect(lookups).toHaveLength(5);
  for (let i = 1; i < lookups.length; i++) expect(lookups[i]!.arrivedAt - lookups[i - 1]!.arrivedAt).toBeGreaterThanOrEqual(1000);
  expect((await dataPosts(emulator)).map((p) => p.rowCount)).toEqual([5]);
  const third = await stored(emulator, DEMO_DATASET, 'C-MERGE-3');
  expect(third).toEqual([expect.objectContaining({ customer_id: 'C-MERGE-3', email: 'new3@example.com', first_name: 'Name 3', lifetime_value: 12, orders_count: 2, is_subscribed: true, favorite_categories: 'shoes', notes: 'note 3' })]);
});

test('ticking "Empty the fields not in the file" imports the rows as the file has them', async ({ openExtensionPage, emulator }) => {
  await emulator.admin('/__admin/records', { dataset: DEMO_DATASET, rows: [{ customer_id: 'C-EMPTY-1', email: 'old@example.com', first_name: 'Old' }] });
  const page = await openImportPage(openExtensionPage, emulator);
  await page.getByLabel('Dataset').selectOption(DEMO_DATASET);
  await chooseFile(page, 'one.csv', 'customer_id,email\nC-EMPTY-1,new@example.com\n');
  await page.getByLabel('Empty the fields not in the file').check();
  await page.getByRole('button', { name: 'Import 1 rows' }).click();
  await expect(page.getByText('Imported 1 rows')).toBeVisible();
  const rows = await stored(emulator, DEMO_DATASET, 'C-EMPTY-1');
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ email: 'new@example.com' });
  expect(rows[0]?.first_name ?? null).toBeNull();
});

test('"Confirm every write" shows a final review of dataset, rows, batches and fields emptied before anything is sent', async ({ openExtensionPage, emulator }) => {
  const page = await openImportPage(openExtensionPage, emulator, { confirmWrites: true });
  await page.getByLabel('Dataset').selectOption(DEMO_DATASET);
  await chooseFile(page, 'two.csv', 'customer_id,email\nC-REV-1,a@example.com\nC-REV-2,b@example.com\n');
  await page.getByLabel('Empty the fields not in the file').check();
  await page.getByRole('button', { name: 'Import 2 rows' }).click();
  const review = page.getByRole('group', { name: 'Review the import' });
  await expect(review).toContainText('Dataset' + DEMO_DATASET);
  await expect(review).toContainText('Rows2');
  await expect(review).toContainText('Batches1');
  await expect(review).toContainText('Fields emptiedfirst_name, loyalty_tier');
  expect(await dataPosts(emulator)).toEqual([]);
  await review.getByRole('button', { name: 'Start import' }).click();
  await expect(page.getByText('Imported 2 rows')).toBeVisible();
  expect((await dataPosts(emulator)).map((p) => p.rowCount)).toEqual([2]);
});

test('an unknown column is listed, and can be added as an attribute and imported', async ({ openExtensionPage, emulator }) => {
  const page = await openImportPage(openExtensionPage, emulator, { confirmWrites: true });
  await page.getByLabel('Dataset').selectOption(DEMO_DATASET);
  await chooseFile(page, 'extra.csv', 'customer_id,email,shoe_size\nC-X-1,a@example.com,42\n');
  await expect(page.getByText(/These columns are not fields of the dataset and are ignored: shoe_size/)).toBeVisible();
  await page.getByLabel('Type for new attribute “shoe_size”').selectOption('NUMBER');
  await page.getByRole('button', { name: 'Add “shoe_size” as an attribute' }).click();
  await page.getByRole('button', { name: 'Confirm adding “shoe_size”' }).click();
  await expect(page.getByLabel('shoe_size', { exact: true })).toHaveValue('shoe_size');
  await page.getByLabel('Empty the fields not in the file').check();
  await page.getByRole('button', { name: 'Import 1 rows' }).click();
  await page.getByRole('group', { name: 'Review the import' }).getByRole('button', { name: 'Start import' }).click();
  await expect(page.getByText('Imported 1 rows')).toBeVisible();
  expect(await stored(emulator, DEMO_DATASET, 'C-X-1')).toEqual([expect.objectContaining({ shoe_size: 42 })]);
});
