import type { Page } from '@playwright/test';
import { DATASET_WITHOUT_IDENTIFIER, DEMO_DATASET, SAMPLE_RECORD_ID } from '@/emulator/demo-data.ts';
import { expect, setUpUnlockedProfile, test, type Emulator, type EmulatorRequest } from '@/tests/e2e/fixtures';

const SCHEMA_PATH = (name: string) => `/api/data/v1/demo/production/schema/${name}/`;
const patches = (log: EmulatorRequest[], name: string) => log.filter((r) => r.method === 'PATCH' && r.path === SCHEMA_PATH(name));
const NO_IDENTIFIER = 'This dataset has no Identifier Name: it cannot be used until it has one.';

async function openPanel(openExtensionPage: (name: 'sidepanel' | 'options') => Promise<Page>, emulator: Emulator) {
  const setup = await openExtensionPage('options');
  await setUpUnlockedProfile(setup, emulator);
  await setup.close();
  const panel = await openExtensionPage('sidepanel');
  await expect(panel.getByLabel('Dataset')).toBeEnabled();
  return panel;
}

test('adds an attribute, refusing a bad name before sending, and the form gains an input for it', async ({ openExtensionPage, emulator }) => {
  const panel = await openPanel(openExtensionPage, emulator);
  await panel.getByLabel('Dataset').selectOption(DEMO_DATASET);
  await panel.getByLabel('Record ID').fill(SAMPLE_RECORD_ID);
  await panel.getByRole('button', { name: 'Look up', exact: true }).click();
  await expect(panel.getByRole('button', { name: 'Edit', exact: true })).toBeVisible();

  await panel.getByText(`Schema of ${DEMO_DATASET}`).click();
  const tools = panel.getByRole('region', { name: `Schema of ${DEMO_DATASET}` });
  await expect(tools.getByText('10 of 40 fields · Identifier Name: customer_id')).toBeVisible();
  const addForm = tools.getByRole('form', { name: 'Add attribute' });

  await addForm.getByLabel('Attribute name').fill('2nd store');
  await addForm.getByRole('button', { name: 'Add attribute' }).click();
  await expect(addForm.getByLabel('Attribute name')).toHaveAccessibleDescription(/Start the name with a letter/);
  await addForm.getByLabel('Attribute name').fill('email');
  await addForm.getByRole('button', { name: 'Add attribute' }).click();
  await expect(addForm.getByLabel('Attribute name')).toHaveAccessibleDescription(/already has a field named "email"/);
  expect(patches(await emulator.requests(), DEMO_DATASET)).toHaveLength(0);

  await addForm.getByLabel('Attribute name').fill('favorite_store');
  await addForm.getByLabel('Data type').selectOption('NUMBER');
  await addForm.getByRole('button', { name: 'Add attribute' }).click();
  await expect(addForm.getByText('Added favorite_store (NUMBER).')).toBeVisible();
  await expect(tools.getByRole('row', { name: /favorite_store NUMBER/ })).toBeVisible();
  await expect(tools.getByText('11 of 40 fields')).toBeVisible();
  expect(patches(await emulator.requests(), DEMO_DATASET).map((r) => r.status)).toEqual([200]);

  // The form is built from the new schema, and the new field can be saved.
  await panel.getByRole('button', { name: 'Edit', exact: true }).click();
  const field = panel.getByLabel('favorite_store', { exact: true });
  await expect(field).toBeVisible();
  await field.fill('17');
  await panel.getByRole('button', { name: 'Review changes' }).click();
  await expect(panel.getByRole('table', { name: 'Before → after' }).getByRole('rowheader')).toHaveText(['favorite_store']);
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(panel.getByText(`Saved “${SAMPLE_RECORD_ID}”. Monetate already returns the new values.`)).toBeVisible();
  await expect(
    panel.getByRole('table', { name: `Record in ${DEMO_DATASET}` }).getByRole('row').filter({ has: panel.getByRole('rowheader', { name: 'favorite_store' }) }),
  ).toContainText('17');

  // The edit log has the schema change too.
  await panel.getByText('Edit log', { exact: true }).click();
  await expect(panel.getByRole('region', { name: 'Edit log' })).toContainText('favorite_store: (empty) → NUMBER');
});

test('"Refresh schema" re-reads a schema changed elsewhere', async ({ openExtensionPage, emulator }) => {
  const panel = await openPanel(openExtensionPage, emulator);
  await panel.getByLabel('Dataset').selectOption(DEMO_DATASET);
  await panel.getByRole('button', { name: 'New record' }).click();
  await expect(panel.getByLabel('notes', { exact: true })).toBeVisible();
  await expect(panel.getByLabel('vip_since', { exact: true })).toHaveCount(0);

  // Someone else adds an attribute (straight into the emulator's state).
  emulator.emulator.state.datasets.get(DEMO_DATASET)?.fields.set('vip_since', {
    data_type: 'DATETIME',
    identifier: false,
    unique_key: false,
    event_time: false,
    required: false,
  });
  const schemaReadsBefore = (await emulator.requests()).filter((r) => r.path === SCHEMA_PATH(DEMO_DATASET)).length;
  await panel.getByRole('button', { name: 'Refresh schema' }).click();
  await expect(panel.getByText(/^Schema re-read at /)).toBeVisible();
  await expect(panel.getByLabel('vip_since', { exact: true })).toBeVisible();
  expect((await emulator.requests()).filter((r) => r.method === 'GET' && r.path === SCHEMA_PATH(DEMO_DATASET)).length).toBe(schemaReadsBefore + 1);
});

test(`warns that ${DATASET_WITHOUT_IDENTIFIER} has no Identifier Name, sets one, and the warning goes`, async ({ openExtensionPage, emulator }) => {
  const panel = await openPanel(openExtensionPage, emulator);
  await panel.getByLabel('Dataset').selectOption(DATASET_WITHOUT_IDENTIFIER);
  const workspace = panel.getByRole('region', { name: 'Record' });
  await expect(workspace.getByRole('alert')).toHaveText(NO_IDENTIFIER);

  await workspace.getByRole('button', { name: 'Set Identifier Name…' }).click();
  const form = workspace.getByRole('form', { name: 'Identifier Name' });
  await form.getByLabel('Identifier Name').fill('customer id');
  await form.getByRole('button', { name: 'Set Identifier Name' }).click();
  await expect(form.getByLabel('Identifier Name')).toHaveAccessibleDescription(/Use only letters, digits and underscores/);
  expect(patches(await emulator.requests(), DATASET_WITHOUT_IDENTIFIER)).toHaveLength(0);

  await form.getByLabel('Identifier Name').fill('customer_id');
  await form.getByRole('button', { name: 'Set Identifier Name' }).click();
  await expect(panel.getByText(NO_IDENTIFIER)).toHaveCount(0);
  await panel.getByText(`Schema of ${DATASET_WITHOUT_IDENTIFIER}`).click();
  await expect(panel.getByText('6 of 40 fields · Identifier Name: customer_id')).toBeVisible();
  expect(patches(await emulator.requests(), DATASET_WITHOUT_IDENTIFIER).map((r) => r.status)).toEqual([200]);
  expect(emulator.emulator.state.datasets.get(DATASET_WITHOUT_IDENTIFIER)?.named_identifier).toBe('customer_id');
});
