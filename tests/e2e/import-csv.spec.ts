import { readFile } from 'node:fs/promises';
import { DEMO_DATASET } from '@/emulator/demo-data.ts';
import { expect, sendFromPage, test } from '@/tests/e2e/fixtures';
import { chooseFile, csvFile, dataPosts, openImportPage, stored } from '@/tests/e2e/import-helpers';

test('a 2,000-row CSV with 3 bad rows is checked, its errors shown and downloadable, and 1997 rows imported in batches of at most 500', async ({ openExtensionPage, emulator }) => {
  test.setTimeout(120_000);
  const page = await openImportPage(openExtensionPage, emulator);
  await page.getByLabel('Dataset').selectOption(DEMO_DATASET);
  const file = csvFile(2000, { 10: { orders_count: 'many' }, 500: { is_subscribed: 'yes' }, 1999: { last_purchase_at: 'last tuesday' } });
  await chooseFile(page, 'people.csv', file);

  await expect(page.getByRole('status').first()).toHaveText('2000 rows, 3 with errors');
  const problems = page.getByRole('region', { name: 'Rows with errors' }).getByRole('row');
  await expect(problems).toHaveCount(4);
  await expect(problems.nth(1)).toContainText('10');
  await expect(problems.nth(1)).toContainText('orders_count');
  await expect(problems.nth(1)).toContainText('many');
  await expect(problems.nth(2)).toContainText('is_subscribed');
  await expect(problems.nth(3)).toContainText('last_purchase_at');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download rows with errors' }).click();
  const csv = (await readFile(await (await download).path(), 'utf8')).trim().split(/\r\n/);
  expect(csv[0]).toMatch(/^customer_id,.*,notes,error$/);
  expect(csv).toHaveLength(4);
  expect(csv[1]).toMatch(/^C-IMP-00010,.*orders_count: /);

  // Slow batches, so the bar can be seen between its ends.
  await emulator.admin('/__admin/faults', { target: 'write', kind: 'delay', delayMs: 800, count: 4 });
  const progress = page.getByRole('progressbar');
  await page.getByRole('button', { name: 'Import 1997 rows' }).click();
  await expect(progress).toHaveAttribute('aria-valuemax', '1997');
  await expect(progress).toHaveAttribute('aria-valuenow', '500');
  await expect(progress).toHaveAttribute('aria-valuenow', '1000');
  await expect(page.getByText('Imported 1997 rows, 3 rejected')).toBeVisible({ timeout: 60_000 });
  await expect(progress).toHaveAttribute('aria-valuenow', '1997');

  const posts = await dataPosts(emulator);
  expect(posts.map((p) => p.rowCount)).toEqual([500, 500, 500, 497]);
  expect(posts.every((p) => p.status === 201)).toBe(true);
  expect(await stored(emulator, DEMO_DATASET, 'C-IMP-00001')).toEqual([
    expect.objectContaining({ customer_id: 'C-IMP-00001', email: 'p1@example.com', is_subscribed: true, lifetime_value: 1.5 }),
  ]);
  expect(await stored(emulator, DEMO_DATASET, 'C-IMP-02000')).toHaveLength(1);
  expect(await stored(emulator, DEMO_DATASET, 'C-IMP-00010')).toEqual([]);

  const log = await sendFromPage<Array<{ kind: string; changes: Array<{ field: string; after: unknown }> }>>(page, 'editlog.list', {});
  expect(log[0]?.kind).toBe('import');
  expect(log[0]?.changes).toEqual(
    expect.arrayContaining([expect.objectContaining({ field: 'rows accepted', after: 1997 }), expect.objectContaining({ field: 'batches', after: 4 })]),
  );
});
