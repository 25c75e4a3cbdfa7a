import { DEMO_DATASET, SAMPLE_RECORD_ID } from '@/emulator/demo-data.ts';
import { expect, test } from '@/tests/e2e/fixtures';
import { stopServiceWorker } from '@/tests/e2e/lookup-helpers';
import { dataPosts, lookUpIn, openSurface, shownValue, storedRows } from '@/tests/e2e/records-helpers';

test('a worker stopped mid-save: the page says the outcome is unknown, the edit log kept the save as sent, and a look-up shows it applied', async ({
  context,
  openExtensionPage,
  emulator,
}) => {
  const panel = await openSurface(openExtensionPage, emulator, 'sidepanel', { name: 'Outcome test' });
  await lookUpIn(panel, DEMO_DATASET, SAMPLE_RECORD_ID);
  await panel.getByRole('button', { name: 'Edit', exact: true }).click();
  await panel.getByLabel('first_name', { exact: true }).fill('Midway');
  // Monetate takes its time; the worker is stopped while the request is out.
  await emulator.admin('/__admin/faults', { target: 'write', kind: 'delay', delayMs: 4000 });
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(async () => dataPosts(await emulator.requests(), DEMO_DATASET).length).toBe(1);
  await stopServiceWorker(context, panel);

  await expect(panel.getByText('Outcome unknown.')).toBeVisible();
  await expect(panel.getByRole('alert').filter({ hasText: 'Outcome unknown.' })).toContainText('connection to the extension’s background dropped during the save');
  await expect(panel.getByLabel('first_name', { exact: true })).toHaveValue('Midway');

  // The write went through at Monetate.
  await expect.poll(async () => (await storedRows(emulator, DEMO_DATASET, SAMPLE_RECORD_ID))[0]?.first_name, { timeout: 15_000 }).toBe('"Midway"');
  await panel.getByText('Edit log', { exact: true }).click();
  const rows = panel.getByRole('region', { name: 'Edit log' }).getByRole('table', { name: 'Writes, newest first' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('first_name: Ava → Midway');
  await expect(rows.nth(1)).toContainText('sent, no answer seen: outcome unknown (check by look-up)');

  await panel.getByRole('button', { name: 'Check by look-up' }).click();
  await expect(panel.getByText(`The save of “${SAMPLE_RECORD_ID}” went through. Monetate already returns the new values.`)).toBeVisible();
  await expect(shownValue(panel, DEMO_DATASET, 'first_name')).toHaveText('Midway');
  expect(dataPosts(await emulator.requests(), DEMO_DATASET)).toHaveLength(1);
});

test('a 500 to a save is an unknown outcome, and a 429 says it was not taken, not that it will be retried', async ({ openExtensionPage, emulator }) => {
  const panel = await openSurface(openExtensionPage, emulator, 'sidepanel');
  await lookUpIn(panel, DEMO_DATASET, SAMPLE_RECORD_ID);
  await panel.getByRole('button', { name: 'Edit', exact: true }).click();
  await panel.getByLabel('first_name', { exact: true }).fill('Busy');

  await emulator.admin('/__admin/faults', { target: 'write', kind: 'status', status: 429, retryAfter: '2' });
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  const refusal = panel.getByText(/Monetate asked us to slow down.*so it did not take the save\. It was not retried/);
  await expect(refusal).toBeVisible();
  await expect(panel.getByText(/will be retried/)).toHaveCount(0);

  await emulator.admin('/__admin/faults', { target: 'write', kind: 'status', status: 500 });
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(panel.getByText('Outcome unknown.')).toBeVisible();
  await expect(panel.getByText(/Try again in a minute/)).toHaveCount(0);
  // Neither was re-sent by itself.
  await panel.waitForTimeout(2500);
  expect(dataPosts(await emulator.requests(), DEMO_DATASET).map((r) => r.status)).toEqual([429, 500]);

  await panel.getByText('Edit log', { exact: true }).click();
  const rows = panel.getByRole('region', { name: 'Edit log' }).getByRole('table', { name: 'Writes, newest first' }).getByRole('row');
  await expect(rows.nth(1)).toContainText('outcome unknown');
  await expect(rows.nth(2)).toContainText('failed');
});
