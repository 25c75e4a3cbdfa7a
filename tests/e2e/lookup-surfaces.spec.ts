import { DEMO_DATASET, HTML_RECORD_ID, SAMPLE_RECORD_ID, SPECIAL_RECORD_ID } from '@/emulator/demo-data.ts';
import { expect, setUpUnlockedProfile, test, type Emulator } from '@/tests/e2e/fixtures';
import { arrivalGaps, lookupGets } from '@/tests/e2e/lookup-helpers';
import type { Page } from '@playwright/test';

async function lookUpIn(page: Page, id: string) {
  await page.getByLabel('Dataset').selectOption(DEMO_DATASET);
  await page.getByLabel('Record ID').fill(id);
  await page.getByRole('button', { name: 'Look up' }).click();
}

async function gets(emulator: Emulator) {
  return lookupGets(await emulator.requests());
}

test('HTML and script in record values show as text in the side panel', async ({ emulator, openExtensionPage }) => {
  const options = await openExtensionPage('options');
  await setUpUnlockedProfile(options, emulator);
  const panel = await openExtensionPage('sidepanel');
  const dialogs: string[] = [];
  panel.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await lookUpIn(panel, HTML_RECORD_ID);
  await expect(panel.getByText(`Found “${HTML_RECORD_ID}” in ${DEMO_DATASET}.`)).toBeVisible();
  const record = panel.getByRole('table', { name: `Record in ${DEMO_DATASET}` });
  await expect(record.getByText('<img src=x onerror=alert(1)>')).toBeVisible();
  await expect(record.getByText('<b>gold</b>')).toBeVisible();
  await expect(record.getByText(/<script>alert\(1\)<\/script> "quoted" & 'single'/)).toBeVisible();
  await expect(panel.locator('img, main script, b')).toHaveCount(0);
  // Field by field, with types and the identifier marked.
  await expect(record.getByRole('rowheader', { name: /customer_id.*identifier/ })).toBeVisible();
  await expect(record.getByText('NUMBER').first()).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Copy JSON' })).toBeVisible();
  expect(dialogs).toEqual([]);
});

test('an unknown ID says "not found" with the dataset and ID, and the special ID finds that exact record', async ({ emulator, openExtensionPage }) => {
  const options = await openExtensionPage('options');
  await setUpUnlockedProfile(options, emulator);
  const panel = await openExtensionPage('sidepanel');

  await lookUpIn(panel, 'NO-SUCH-ID');
  await expect(panel.getByText(`Not found: no record “NO-SUCH-ID” in dataset ${DEMO_DATASET}.`)).toBeVisible();

  await lookUpIn(panel, SPECIAL_RECORD_ID);
  await expect(panel.getByText(`Found “${SPECIAL_RECORD_ID}” in ${DEMO_DATASET}.`)).toBeVisible();
  await expect(panel.getByRole('table', { name: `Record in ${DEMO_DATASET}` }).getByText('vip42@example.com')).toBeVisible();

  const sent = await gets(emulator);
  expect(sent.map((r) => [r.query.id, r.status])).toEqual([
    ['NO-SUCH-ID', 404],
    [SPECIAL_RECORD_ID, 200],
  ]);
  // The ID travelled as one encoded query value, never as path parts.
  expect(sent[1]?.path).toBe(`/api/data/v1/demo/production/data/${DEMO_DATASET}/`);
});

test('an expired token is renewed once and the look-up succeeds, still 1 s after the previous one', async ({ emulator, openExtensionPage }) => {
  const options = await openExtensionPage('options');
  await setUpUnlockedProfile(options, emulator);
  const panel = await openExtensionPage('sidepanel');
  await lookUpIn(panel, SAMPLE_RECORD_ID);
  await expect(panel.getByText(`Found “${SAMPLE_RECORD_ID}” in ${DEMO_DATASET}.`)).toBeVisible();

  await emulator.admin('/__admin/expire-tokens', {});
  const mark = (await emulator.requests()).length;
  await lookUpIn(panel, 'C-100002');
  await expect(panel.getByText(`Found “C-100002” in ${DEMO_DATASET}.`)).toBeVisible();

  const after = (await emulator.requests()).slice(mark);
  expect(after.map((r) => [r.path.includes('/auth/') ? 'auth' : r.query.id, r.status])).toEqual([
    ['C-100002', 401],
    ['auth', 200],
    ['C-100002', 200],
  ]);
  expect(Math.min(...arrivalGaps(await gets(emulator)))).toBeGreaterThanOrEqual(1000);
});

test('a repeat within 30 s is answered from the cache without a request; Refresh asks Monetate once', async ({ emulator, openExtensionPage }) => {
  const options = await openExtensionPage('options');
  await setUpUnlockedProfile(options, emulator);
  const popup = await openExtensionPage('popup');
  const panel = await openExtensionPage('sidepanel');

  await lookUpIn(popup, SAMPLE_RECORD_ID);
  await expect(popup.getByText(`Found “${SAMPLE_RECORD_ID}” in ${DEMO_DATASET}.`)).toBeVisible();
  await expect(popup.getByText('just fetched')).toBeVisible();
  await expect(popup.getByLabel('Record summary')).toContainText('customer_id');
  expect(await gets(emulator)).toHaveLength(1);

  await popup.waitForTimeout(1200);
  await popup.getByRole('button', { name: 'Look up' }).click();
  await expect(popup.getByText(/cached [1-9]\d*s ago/)).toBeVisible();

  // Another surface: "Open in side panel" shows the same answer, still from the cache.
  await popup.getByRole('button', { name: 'Open in side panel' }).click();
  await expect(panel.getByText(`Found “${SAMPLE_RECORD_ID}” in ${DEMO_DATASET}.`)).toBeVisible();
  await expect(panel.getByText(/cached \d+s ago/)).toBeVisible();
  expect(await gets(emulator)).toHaveLength(1);

  await panel.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect(panel.getByText('just fetched')).toBeVisible();
  expect((await gets(emulator)).map((r) => [r.query.id, r.status])).toEqual([
    [SAMPLE_RECORD_ID, 200],
    [SAMPLE_RECORD_ID, 200],
  ]);

  // History lists it once, per profile, and can be cleared.
  await panel.getByText('Look-up history').click();
  await expect(panel.getByRole('button', { name: `Look up ${SAMPLE_RECORD_ID} in ${DEMO_DATASET} again` })).toHaveCount(1);
  await panel.getByRole('button', { name: 'Clear history' }).click();
  // Deliberately changed (issue 11, item 8): clearing asks first.
  await panel.getByRole('alertdialog', { name: 'Clear the look-up history?' }).getByRole('button', { name: 'Clear the history' }).click();
  await expect(panel.getByText('No look-ups yet for this profile.')).toBeVisible();
});
