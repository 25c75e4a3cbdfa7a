import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { DEMO_DATASET, SAMPLE_RECORD_ID } from '@/emulator/demo-data.ts';
import { expect, setUpUnlockedProfile, test, type Emulator } from '@/tests/e2e/fixtures';

async function openPanel(openExtensionPage: (name: 'sidepanel' | 'options') => Promise<Page>, emulator: Emulator) {
  const setup = await openExtensionPage('options');
  await setUpUnlockedProfile(setup, emulator, { name: 'Log test' });
  await setup.close();
  const panel = await openExtensionPage('sidepanel');
  await expect(panel.getByLabel('Dataset')).toBeEnabled();
  return panel;
}

test('the edit log lists every write, exports CSV and JSON, and clears', async ({ openExtensionPage, emulator }) => {
  const panel = await openPanel(openExtensionPage, emulator);
  await panel.getByLabel('Dataset').selectOption(DEMO_DATASET);
  await panel.getByLabel('Record ID').fill(SAMPLE_RECORD_ID);
  await panel.getByRole('button', { name: 'Look up', exact: true }).click();

  // One write refused by Monetate, then one saved.
  await panel.getByRole('button', { name: 'Edit', exact: true }).click();
  await panel.getByLabel('first_name', { exact: true }).fill('Ada');
  await panel.getByLabel('orders_count', { exact: true }).fill('8');
  await emulator.admin('/__admin/faults', { target: 'write', kind: 'status', status: 400 });
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(panel.getByText(/Monetate refused the data/)).toBeVisible();
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(panel.getByText(`Saved “${SAMPLE_RECORD_ID}”. Monetate already returns the new values.`)).toBeVisible();

  await panel.getByText('Edit log', { exact: true }).click();
  const log = panel.getByRole('region', { name: 'Edit log' });
  const rows = log.getByRole('table', { name: 'Writes, newest first' }).getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText(`${DEMO_DATASET} / ${SAMPLE_RECORD_ID}`);
  await expect(rows.nth(1)).toContainText('update · Log test');
  await expect(rows.nth(1)).toContainText('first_name: Ava → Ada');
  await expect(rows.nth(1)).toContainText('orders_count: 7 → 8');
  await expect(rows.nth(1)).toContainText('saved');
  await expect(rows.nth(2)).toContainText('refused by Monetate');

  const csvDownload = panel.waitForEvent('download');
  await log.getByRole('button', { name: 'Export CSV' }).click();
  const csvFile = await csvDownload;
  expect(csvFile.suggestedFilename()).toBe('monetate-edit-log.csv');
  const csv = (await readFile(await csvFile.path(), 'utf8')).split('\r\n');
  expect(csv[0]).toBe('when,profile,dataset,record,kind,field,before,after,result,message');
  const lines = csv.slice(1).filter(Boolean);
  expect(lines).toHaveLength(4);
  expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT[^,]+Z,Log test,customer_attributes,C-100001,update,first_name,Ava,Ada,saved,$/);
  expect(lines[1]).toMatch(/,update,orders_count,7,8,saved,$/);
  expect(lines[2]).toMatch(/,update,first_name,Ava,Ada,refused,.*injected fault/);

  const jsonDownload = panel.waitForEvent('download');
  await log.getByRole('button', { name: 'Export JSON' }).click();
  const jsonFile = await jsonDownload;
  expect(jsonFile.suggestedFilename()).toBe('monetate-edit-log.json');
  const entries = JSON.parse(await readFile(await jsonFile.path(), 'utf8')) as Array<{ result: string; changes: unknown[]; recordId: string }>;
  expect(entries.map((e) => e.result)).toEqual(['saved', 'refused']);
  expect(entries[0]?.changes).toEqual([
    { field: 'first_name', before: 'Ava', after: 'Ada' },
    { field: 'orders_count', before: 7, after: 8 },
  ]);

  await log.getByRole('button', { name: 'Clear edit log' }).click();
  // Deliberately changed (issue 11, item 8): clearing asks first, says why, and offers the export.
  const ask = log.getByRole('alertdialog', { name: 'Clear the edit log?' });
  await expect(ask).toHaveAccessibleDescription(/only copy of the values each write replaced/);
  await expect(ask.getByRole('button', { name: 'Export JSON' })).toBeVisible();
  await expect(ask.getByRole('button', { name: 'Keep the edit log' })).toBeFocused();
  await ask.getByRole('button', { name: 'Keep the edit log' }).click();
  await expect(rows).toHaveCount(3);
  await log.getByRole('button', { name: 'Clear edit log' }).click();
  await ask.getByRole('button', { name: 'Clear the edit log' }).click();
  await expect(log.getByText('No writes yet.')).toBeVisible();
  await panel.reload();
  await panel.getByText('Edit log', { exact: true }).click();
  await expect(panel.getByRole('region', { name: 'Edit log' }).getByText('No writes yet.')).toBeVisible();
});
