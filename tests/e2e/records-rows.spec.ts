import { MULTI_ROW_ID, SAMPLE_RECORD_ID, DEMO_DATASET, SPACED_DATASET } from '@/emulator/demo-data.ts';
import { expect, test } from '@/tests/e2e/fixtures';
import { loopbackTabs, rightClickLookUp } from '@/tests/e2e/lookup-helpers';
import { OVERLAY_HOST, overlayDriver } from '@/tests/e2e/overlay-driver';
import { dataPosts, lookUpIn, openSurface, rowsTable, shownValue, storedRows } from '@/tests/e2e/records-helpers';

/** MULTI_ROW_ID's rows by next_buy_sku, newest event_time first (they are stored middle, oldest, newest). */
const NEWEST_FIRST = ['SKU-55501', 'SKU-44120', 'SKU-30077'];
const PLATFORM_PAGE = '/platform/control/a-demo/p/demo.example/datasets';

/**
 * Monetate's OpenAPI shows a look-up answering data.schema_rows; clients run against live
 * accounts read data as the list of rows. Every surface must show every row in both.
 */
for (const shape of ['list', 'openapi'] as const) {
  test.describe(`look-ups answered in the ${shape} shape`, () => {
    test.beforeEach(async ({ emulator }) => {
      await emulator.admin('/__admin/record-shape', { shape });
    });

    test('the popup says "3 rows" and opens them all in the side panel, newest first, with a count', async ({ openExtensionPage, emulator }) => {
      const popup = await openSurface(openExtensionPage, emulator, 'popup');
      const panel = await openExtensionPage('sidepanel');
      await lookUpIn(popup, SPACED_DATASET, MULTI_ROW_ID);
      await expect(popup.getByText(`Found “${MULTI_ROW_ID}” in ${SPACED_DATASET}.`)).toBeVisible();
      await expect(popup.getByText('3 rows: the first is summed up here; the side panel shows them all.')).toBeVisible();

      await popup.getByRole('button', { name: 'Open all 3 rows in the side panel' }).click();
      await expect(panel.getByText(`Found “${MULTI_ROW_ID}” in ${SPACED_DATASET}.`)).toBeVisible();
      await expect(panel.getByText('3 rows', { exact: true })).toBeVisible();
      const rows = rowsTable(panel, SPACED_DATASET, MULTI_ROW_ID);
      await expect(rows).toHaveCount(3);
      for (const [index, sku] of NEWEST_FIRST.entries()) await expect(rows.nth(index)).toContainText(sku);
      // No unique key: nothing to warn about, and each row offers "Add a row from", never "Edit".
      await expect(panel.getByRole('alert')).toHaveCount(0);
      await expect(panel.getByRole('button', { name: 'Add a row from row 1' })).toBeVisible();
      await expect(panel.getByRole('button', { name: /^Edit/ })).toHaveCount(0);

      // A record with one row still reads field by field.
      await lookUpIn(popup, DEMO_DATASET, SAMPLE_RECORD_ID);
      await expect(popup.getByText('1 row', { exact: true })).toBeVisible();
      await expect(popup.getByLabel('Record summary')).toContainText('C-100001');
    });

    test('the right-click look-up shows every row in the side panel', async ({ context, openExtensionPage, emulator }) => {
      const panel = await openSurface(openExtensionPage, emulator, 'sidepanel');
      const page = await context.newPage();
      await page.goto(`${emulator.url}${PLATFORM_PAGE}`);
      const [tab] = await loopbackTabs(context);
      await rightClickLookUp(context, `  ${MULTI_ROW_ID}\n`, tab!, { dataset: SPACED_DATASET });
      await expect(panel.getByText(`Found “${MULTI_ROW_ID}” in ${SPACED_DATASET}.`)).toBeVisible();
      const rows = rowsTable(panel, SPACED_DATASET, MULTI_ROW_ID);
      await expect(rows).toHaveCount(3);
      for (const [index, sku] of NEWEST_FIRST.entries()) await expect(rows.nth(index)).toContainText(sku);
    });

    test('the overlay shows every row', async ({ context, openExtensionPage, emulator }) => {
      await (await openSurface(openExtensionPage, emulator, 'sidepanel')).close();
      const page = await context.newPage();
      await page.goto(`${emulator.url}${PLATFORM_PAGE}/${encodeURIComponent(SPACED_DATASET)}`);
      await page.locator(OVERLAY_HOST).waitFor({ state: 'attached' });
      const overlay = await overlayDriver(page);
      await overlay.click('button', 'Monetate Data Inspector');
      await overlay.find('combobox', 'Dataset');
      await overlay.fill('textbox', 'Record ID', MULTI_ROW_ID);
      await overlay.click('button', 'Look up');
      const text = await overlay.waitForText(/3 rows/);
      expect(text).toContain(`Found “${MULTI_ROW_ID}” in ${SPACED_DATASET}.`);
      const order = NEWEST_FIRST.map((sku) => text.indexOf(sku));
      expect(order.every((at) => at >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(await overlay.has('button', 'Add a row from row 3')).toBe(true);
    });

    test('"Add a row" adds exactly one row, prefilled from the chosen one, and leaves the others as they were', async ({ openExtensionPage, emulator }) => {
      const before = await storedRows(emulator, SPACED_DATASET, MULTI_ROW_ID);
      const panel = await openSurface(openExtensionPage, emulator, 'sidepanel');
      await lookUpIn(panel, SPACED_DATASET, MULTI_ROW_ID);
      await panel.getByRole('button', { name: 'Add a row from row 2' }).click();
      await expect(panel.getByRole('heading', { name: `Add a row for “${MULTI_ROW_ID}”` })).toBeVisible();
      await expect(panel.getByRole('note')).toContainText('Saving adds a new row');
      await expect(panel.getByLabel('next_buy_sku', { exact: true })).toHaveValue('SKU-44120');
      await panel.getByLabel('next_buy_sku', { exact: true }).fill('SKU-77777');
      await panel.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(panel.getByText(`Saved “${MULTI_ROW_ID}”. Monetate already returns the new values.`)).toBeVisible();
      await expect(rowsTable(panel, SPACED_DATASET, MULTI_ROW_ID)).toHaveCount(4);

      const after = await storedRows(emulator, SPACED_DATASET, MULTI_ROW_ID);
      expect(after).toHaveLength(4);
      expect(after.slice(0, 3)).toEqual(before);
      // The new row is the chosen one with the change: every other value as Monetate held it.
      const chosen = before.find((row) => row.next_buy_sku === '"SKU-44120"')!;
      expect(after[3]).toEqual({ ...chosen, next_buy_sku: '"SKU-77777"' });
      expect(dataPosts(await emulator.requests(), SPACED_DATASET)).toHaveLength(1);
    });
  });
}

test('a dataset with a unique key that returns several rows for an ID shows them all and warns', async ({ openExtensionPage, emulator }) => {
  // Planted past validation: Monetate should not hold two rows for one key, but a surface must not hide one if it does.
  const records = emulator.emulator.state.datasets.get(DEMO_DATASET)!.records;
  records.push({ ...records.find((record) => record.customer_id === SAMPLE_RECORD_ID)!, email: 'second@example.com' });
  const panel = await openSurface(openExtensionPage, emulator, 'sidepanel');
  await lookUpIn(panel, DEMO_DATASET, SAMPLE_RECORD_ID);
  await expect(panel.getByRole('alert')).toContainText(`${DEMO_DATASET} has a unique key (customer_id), yet Monetate returned 2 rows`);
  await expect(rowsTable(panel, DEMO_DATASET, SAMPLE_RECORD_ID)).toHaveCount(2);
  await expect(rowsTable(panel, DEMO_DATASET, SAMPLE_RECORD_ID).nth(1)).toContainText('second@example.com');
  await expect(shownValue(panel, DEMO_DATASET, 'email')).toHaveCount(0);
});
