import { DEMO_DATASET, MULTI_ROW_ID, SAMPLE_RECORD_ID, SPACED_DATASET } from '@/emulator/demo-data.ts';
import { expect, setUpUnlockedProfile, test } from '@/tests/e2e/fixtures';

/**
 * Monetate's OpenAPI shows a look-up answering data.schema_rows; clients run against live
 * accounts read data as the list of rows. The extension must find records in both.
 */
for (const shape of ['list', 'openapi'] as const) {
  test(`the side panel finds records when look-ups answer in the ${shape} shape, also in a dataset named with spaces`, async ({ emulator, openExtensionPage }) => {
    await emulator.admin('/__admin/record-shape', { shape });
    const options = await openExtensionPage('options');
    await setUpUnlockedProfile(options, emulator);
    const panel = await openExtensionPage('sidepanel');

    await panel.getByLabel('Dataset').selectOption(DEMO_DATASET);
    await panel.getByLabel('Record ID').fill(SAMPLE_RECORD_ID);
    await panel.getByRole('button', { name: 'Look up' }).click();
    await expect(panel.getByText(`Found “${SAMPLE_RECORD_ID}” in ${DEMO_DATASET}.`)).toBeVisible();

    await panel.getByLabel('Dataset').selectOption(SPACED_DATASET);
    await panel.getByLabel('Record ID').fill(MULTI_ROW_ID);
    await panel.getByRole('button', { name: 'Look up' }).click();
    await expect(panel.getByText(`Found “${MULTI_ROW_ID}” in ${SPACED_DATASET}.`)).toBeVisible();
    const sent = (await emulator.requests()).filter((r) => r.query.id === MULTI_ROW_ID);
    expect(sent.map((r) => [r.path, r.status])).toEqual([[`/api/data/v1/demo/production/data/${encodeURIComponent(SPACED_DATASET)}/`, 200]]);
  });
}
