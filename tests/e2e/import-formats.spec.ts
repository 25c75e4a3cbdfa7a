import { DEMO_DATASET } from '@/emulator/demo-data.ts';
import { expect, test } from '@/tests/e2e/fixtures';
import { chooseFile, openImportPage, stored } from '@/tests/e2e/import-helpers';

const ROWS = [
  { customer_id: 'C-FMT-1', first_name: 'Zoë', notes: 'line one\nline two', orders_count: 3, is_subscribed: true },
  { customer_id: 'C-FMT-2', first_name: 'Jo; Ann', notes: 'says "hi"', orders_count: 12345678901234567890n, is_subscribed: false },
];

const json = `[${ROWS.map((r) => JSON.stringify({ ...r, orders_count: 0 }).replace('"orders_count":0', `"orders_count":${r.orders_count}`)).join(',')}]`;
const ndjson = `${ROWS.map((r) => JSON.stringify({ ...r, orders_count: 0 }).replace('"orders_count":0', `"orders_count":${r.orders_count}`)).join('\n')}\n`;
const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
const semicolonCsv = `\uFEFFcustomer_id;first_name;notes;orders_count;is_subscribed\r\n${ROWS.map((r) => [r.customer_id, quote(r.first_name), quote(r.notes), String(r.orders_count), String(r.is_subscribed).toUpperCase()].join(';')).join('\r\n')}\r\n`;

for (const [name, text] of [
  ['people.json', json],
  ['people.ndjson', ndjson],
  ['people-semicolon.csv', semicolonCsv],
] as const) {
  test(`${name} imports the same rows`, async ({ openExtensionPage, emulator }) => {
    const page = await openImportPage(openExtensionPage, emulator);
    await page.getByLabel('Dataset').selectOption(DEMO_DATASET);
    await chooseFile(page, name, text);
    await expect(page.getByRole('status').first()).toHaveText('2 rows, 0 with errors');
    await page.getByLabel('Empty the fields not in the file').check();
    await page.getByRole('button', { name: 'Import 2 rows' }).click();
    await expect(page.getByText('Imported 2 rows')).toBeVisible();
    expect(await stored(emulator, DEMO_DATASET, 'C-FMT-1')).toEqual([expect.objectContaining({ first_name: 'Zoë', notes: 'line one\nline two', orders_count: 3, is_subscribed: true })]);
    const second = await fetch(`${emulator.url}/__admin/records?dataset=${DEMO_DATASET}&id=C-FMT-2`).then((r) => r.text());
    // The big number arrives exactly as the file wrote it.
    expect(second).toContain('"orders_count":12345678901234567890');
    expect(second).toContain('"first_name":"Jo; Ann"');
    expect(second).toContain('"notes":"says \\"hi\\""');
    expect(second).toContain('"is_subscribed":false');
  });
}
