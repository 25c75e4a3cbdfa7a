import type { Page } from '@playwright/test';
import { DEMO_DATASET, SAMPLE_RECORD_ID } from '@/emulator/demo-data.ts';
import { expect, test } from '@/tests/e2e/fixtures';
import { dataPosts, lookUpIn, openSurface, shownValue, storedRows } from '@/tests/e2e/records-helpers';

const input = (panel: Page, field: string) => panel.getByLabel(field, { exact: true });
const saveButton = (panel: Page) => panel.getByRole('button', { name: 'Save', exact: true });

/** One saved edit of first_name (Ava → Ada), through the form. */
async function saveEdit(panel: Page) {
  await lookUpIn(panel, DEMO_DATASET, SAMPLE_RECORD_ID);
  await panel.getByRole('button', { name: 'Edit', exact: true }).click();
  await input(panel, 'first_name').fill('Ada');
  await saveButton(panel).click();
  await expect(panel.getByText(`Saved “${SAMPLE_RECORD_ID}”. Monetate already returns the new values.`)).toBeVisible();
}

async function openLog(panel: Page) {
  await panel.getByText('Edit log', { exact: true }).click();
  return panel.getByRole('region', { name: 'Edit log' });
}

test('Revert prefills the form with the before-values on a fresh read, and saves only through the review', async ({ openExtensionPage, emulator }) => {
  const panel = await openSurface(openExtensionPage, emulator, 'sidepanel');
  await saveEdit(panel);
  expect((await storedRows(emulator, DEMO_DATASET, SAMPLE_RECORD_ID))[0]?.first_name).toBe('"Ada"');
  const postsBefore = dataPosts(await emulator.requests(), DEMO_DATASET).length;

  const log = await openLog(panel);
  await log.getByRole('button', { name: new RegExp(`^Revert ${SAMPLE_RECORD_ID} to before the write at`) }).click();
  await expect(panel.getByText(/^Revert of the write made at .*: the form holds the values from before it\./)).toBeVisible();
  await expect(input(panel, 'first_name')).toHaveValue('Ava');
  await expect(panel.getByRole('table', { name: 'Before → after' }).getByRole('row').filter({ hasText: 'first_name' })).toContainText(/Ada\s*Ava/);
  // Nothing was written by the click: the person saves the reviewed change.
  expect(dataPosts(await emulator.requests(), DEMO_DATASET)).toHaveLength(postsBefore);
  await saveButton(panel).click();
  await expect(panel.getByText(`Saved “${SAMPLE_RECORD_ID}”. Monetate already returns the new values.`)).toBeVisible();
  await expect(shownValue(panel, DEMO_DATASET, 'first_name')).toHaveText('Ava');
  expect((await storedRows(emulator, DEMO_DATASET, SAMPLE_RECORD_ID))[0]?.first_name).toBe('"Ava"');
  // The other fields were sent back as they were.
  expect((await storedRows(emulator, DEMO_DATASET, SAMPLE_RECORD_ID))[0]?.email).toBe('"ava.okafor0@example.com"');
});

test('Revert over unsaved changes asks to discard them first', async ({ openExtensionPage, emulator }) => {
  const panel = await openSurface(openExtensionPage, emulator, 'sidepanel');
  await saveEdit(panel);
  await panel.getByRole('button', { name: 'Edit', exact: true }).click();
  await input(panel, 'loyalty_tier').fill('Typed but not saved');

  const log = await openLog(panel);
  await log.getByRole('button', { name: new RegExp(`^Revert ${SAMPLE_RECORD_ID}`) }).click();
  const ask = log.getByRole('alertdialog', { name: `Discard changes to ${SAMPLE_RECORD_ID}?` });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Keep my changes' }).click();
  await expect(input(panel, 'loyalty_tier')).toHaveValue('Typed but not saved');

  await log.getByRole('button', { name: new RegExp(`^Revert ${SAMPLE_RECORD_ID}`) }).click();
  await ask.getByRole('button', { name: 'Discard changes and revert' }).click();
  await expect(panel.getByText(/^Revert of the write made at/)).toBeVisible();
  await expect(input(panel, 'first_name')).toHaveValue('Ava');
  await expect(input(panel, 'loyalty_tier')).not.toHaveValue('Typed but not saved');
});
