import type { Page } from '@playwright/test';
import { DEMO_DATASET, SAMPLE_RECORD_ID } from '@/emulator/demo-data.ts';
import { expect, test, TEST_PASSPHRASE } from '@/tests/e2e/fixtures';
import { lookUpIn, openSurface, storedRows } from '@/tests/e2e/records-helpers';

const OTHER_ID = 'C-100002';
const input = (panel: Page, field: string) => panel.getByLabel(field, { exact: true });
const restoredNote = (panel: Page) => panel.getByText(/Unsaved changes restored from/);

/** The form typed into, then left alone long enough for the draft to be written. */
async function typeDraft(panel: Page, value: string) {
  await panel.getByRole('button', { name: 'Edit', exact: true }).click();
  await input(panel, 'first_name').fill(value);
  await expect(panel.getByRole('status').filter({ hasText: '1 field will change' })).toBeVisible();
  await panel.waitForTimeout(1500);
}

async function expectRestored(panel: Page, value: string) {
  await expect(restoredNote(panel)).toBeVisible();
  await expect(input(panel, 'first_name')).toHaveValue(value);
  // A restored draft opens on its review, compared with the record as Monetate holds it now.
  await expect(panel.getByRole('table', { name: 'Before → after' }).getByRole('row').filter({ hasText: 'first_name' })).toContainText(new RegExp(`Ava\\s*${value}`));
}

test('a draft survives a look-up of another ID, a lock and unlock, and a panel reload', async ({ openExtensionPage, emulator }) => {
  const panel = await openSurface(openExtensionPage, emulator, 'sidepanel');
  await lookUpIn(panel, DEMO_DATASET, SAMPLE_RECORD_ID);
  await typeDraft(panel, 'Ada draft');

  // Another ID: the form goes, the draft stays.
  await lookUpIn(panel, DEMO_DATASET, OTHER_ID);
  await expect(panel.getByRole('button', { name: 'Edit', exact: true })).toBeVisible();
  await expect(restoredNote(panel)).toHaveCount(0);
  await lookUpIn(panel, DEMO_DATASET, SAMPLE_RECORD_ID);
  await expectRestored(panel, 'Ada draft');

  // Lock (from the popup) and unlock again in the panel.
  const popup = await openExtensionPage('popup');
  await popup.getByRole('button', { name: 'Lock' }).click();
  await expect(panel.getByLabel('Passphrase')).toBeVisible();
  await popup.close();
  await panel.getByLabel('Passphrase').fill(TEST_PASSPHRASE);
  await panel.getByRole('button', { name: 'Unlock' }).click();
  await lookUpIn(panel, DEMO_DATASET, SAMPLE_RECORD_ID);
  await expectRestored(panel, 'Ada draft');

  await panel.reload();
  await expect(panel.getByLabel('Dataset')).toBeEnabled();
  await lookUpIn(panel, DEMO_DATASET, SAMPLE_RECORD_ID);
  await expectRestored(panel, 'Ada draft');

  // Nothing was written to Monetate by any of it.
  expect((await storedRows(emulator, DEMO_DATASET, SAMPLE_RECORD_ID))[0]?.first_name).toBe('"Ava"');
});

test('Discard asks first, and a discarded draft does not come back', async ({ openExtensionPage, emulator }) => {
  const panel = await openSurface(openExtensionPage, emulator, 'sidepanel');
  await lookUpIn(panel, DEMO_DATASET, SAMPLE_RECORD_ID);
  await typeDraft(panel, 'Ada draft');
  await lookUpIn(panel, DEMO_DATASET, OTHER_ID);
  await lookUpIn(panel, DEMO_DATASET, SAMPLE_RECORD_ID);
  await expect(restoredNote(panel)).toBeVisible();

  await panel.getByRole('button', { name: 'Discard', exact: true }).click();
  const ask = panel.getByRole('alertdialog', { name: `Discard changes to ${SAMPLE_RECORD_ID}?` });
  await expect(ask).toBeVisible();
  await expect(ask.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await ask.getByRole('button', { name: 'Discard changes' }).click();
  await expect(input(panel, 'first_name')).toHaveCount(0);

  await panel.reload();
  await expect(panel.getByLabel('Dataset')).toBeEnabled();
  await lookUpIn(panel, DEMO_DATASET, SAMPLE_RECORD_ID);
  await expect(panel.getByRole('button', { name: 'Edit', exact: true })).toBeVisible();
  await expect(restoredNote(panel)).toHaveCount(0);
});

test('the review appears at the top of the form and takes focus; Cancel returns to the form', async ({ openExtensionPage, emulator }) => {
  const panel = await openSurface(openExtensionPage, emulator, 'sidepanel');
  await lookUpIn(panel, DEMO_DATASET, SAMPLE_RECORD_ID);
  await panel.getByRole('button', { name: 'Edit', exact: true }).click();
  await input(panel, 'first_name').fill('Ada');
  await panel.getByRole('button', { name: 'Review changes' }).click();
  const heading = panel.getByRole('heading', { name: 'Review changes' });
  await expect(heading).toBeFocused();
  // Above the fields, where the person is looking, not under the fold.
  const headingBox = await heading.boundingBox();
  const fieldBox = await input(panel, 'first_name').boundingBox();
  expect(headingBox!.y).toBeLessThan(fieldBox!.y);
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(heading).toHaveCount(0);
  await expect(panel.locator('form input:focus, form select:focus, form textarea:focus')).toHaveCount(1);
  await expect(panel.getByRole('button', { name: 'Review changes' })).toBeVisible();
});
