import type { Page } from '@playwright/test';
import { DATASET_WITHOUT_IDENTIFIER, DEMO_DATASET } from '@/emulator/demo-data.ts';
import { expect, setUpUnlockedProfile, test, type Emulator, type EmulatorRequest } from '@/tests/e2e/fixtures';

const SCHEMA_PATH = (name: string) => `/api/data/v1/demo/production/schema/${name}/`;
const patches = (log: EmulatorRequest[], name: string) => log.filter((r) => r.method === 'PATCH' && r.path === SCHEMA_PATH(name));

async function openPanel(openExtensionPage: (name: 'sidepanel' | 'options') => Promise<Page>, emulator: Emulator, options: { confirmWrites?: boolean } = {}) {
  const setup = await openExtensionPage('options');
  await setUpUnlockedProfile(setup, emulator, options);
  await setup.close();
  const panel = await openExtensionPage('sidepanel');
  await expect(panel.getByLabel('Dataset')).toBeEnabled();
  return panel;
}

/** Chooses a dataset in the side panel and opens its schema tools. */
async function schemaToolsOf(panel: Page, dataset: string) {
  await panel.getByLabel('Dataset').selectOption(dataset);
  await panel.getByText(`Schema of ${dataset}`, { exact: true }).click();
  return panel.getByRole('region', { name: `Schema of ${dataset}` });
}

test('under "Confirm every write" a new attribute is reviewed, and nothing is PATCHed before Confirm', async ({ openExtensionPage, emulator }) => {
  const panel = await openPanel(openExtensionPage, emulator, { confirmWrites: true });
  const tools = await schemaToolsOf(panel, DEMO_DATASET);
  await expect(tools.getByText('10 of 40 fields · Identifier Name: customer_id')).toBeVisible();
  const addForm = tools.getByRole('form', { name: 'Add attribute' });

  await addForm.getByLabel('Attribute name').fill('vip_level');
  await addForm.getByLabel('Data type').selectOption('NUMBER');
  await addForm.getByRole('button', { name: 'Add attribute' }).click();
  const review = addForm.getByRole('group', { name: 'Review the new attribute' });
  await expect(review).toHaveText(/Adds field vip_level \(NUMBER\) to customer_attributes\. This cannot be undone in Monetate\. 11 of 40 fields used\./);
  await expect(review).toBeFocused();
  expect(patches(await emulator.requests(), DEMO_DATASET)).toHaveLength(0);

  // Back writes nothing; the input stays for a correction.
  await review.getByRole('button', { name: 'Back' }).click();
  await expect(review).toHaveCount(0);
  await expect(addForm.getByLabel('Attribute name')).toHaveValue('vip_level');
  expect(patches(await emulator.requests(), DEMO_DATASET)).toHaveLength(0);

  await addForm.getByRole('button', { name: 'Add attribute' }).click();
  await addForm.getByRole('group', { name: 'Review the new attribute' }).getByRole('button', { name: 'Confirm' }).click();
  await expect(addForm.getByText('Added vip_level (NUMBER).')).toBeVisible();
  await expect(tools.getByText('11 of 40 fields')).toBeVisible();
  expect(patches(await emulator.requests(), DEMO_DATASET).map((r) => r.status)).toEqual([200]);
  expect(emulator.emulator.state.datasets.get(DEMO_DATASET)?.fields.get('vip_level')?.data_type).toBe('NUMBER');
});

test('under "Confirm every write" the Identifier Name is reviewed before it is PATCHed', async ({ openExtensionPage, emulator }) => {
  const panel = await openPanel(openExtensionPage, emulator, { confirmWrites: true });
  const tools = await schemaToolsOf(panel, DATASET_WITHOUT_IDENTIFIER);
  const form = tools.getByRole('form', { name: 'Identifier Name' });
  await form.getByLabel('Identifier Name').fill('customer_id');
  await form.getByRole('button', { name: 'Set Identifier Name' }).click();
  const review = form.getByRole('group', { name: 'Review the Identifier Name' });
  await expect(review).toHaveText(/Sets the Identifier Name of store_visits to customer_id \(not set now\)\./);
  expect(patches(await emulator.requests(), DATASET_WITHOUT_IDENTIFIER)).toHaveLength(0);

  await review.getByRole('button', { name: 'Confirm' }).click();
  await expect(form.getByText('Identifier Name set to customer_id.')).toBeVisible();
  expect(patches(await emulator.requests(), DATASET_WITHOUT_IDENTIFIER).map((r) => r.status)).toEqual([200]);
  expect(emulator.emulator.state.datasets.get(DATASET_WITHOUT_IDENTIFIER)?.named_identifier).toBe('customer_id');
});

test("switching datasets clears the schema tools: no stale \"Added …\", no other dataset's Identifier Name", async ({ openExtensionPage, emulator }) => {
  const panel = await openPanel(openExtensionPage, emulator);
  let tools = await schemaToolsOf(panel, DEMO_DATASET);
  const addForm = tools.getByRole('form', { name: 'Add attribute' });
  await addForm.getByLabel('Attribute name').fill('favorite_store');
  await addForm.getByRole('button', { name: 'Add attribute' }).click();
  await expect(addForm.getByText('Added favorite_store (STRING).')).toBeVisible();
  await addForm.getByLabel('Attribute name').fill('half_typed');
  await expect(tools.getByRole('form', { name: 'Identifier Name' }).getByLabel('Identifier Name')).toHaveValue('customer_id');

  tools = await schemaToolsOf(panel, DATASET_WITHOUT_IDENTIFIER);
  await expect(tools.getByText(/^Added /)).toHaveCount(0);
  await expect(tools.getByRole('form', { name: 'Add attribute' }).getByLabel('Attribute name')).toHaveValue('');
  await expect(tools.getByRole('form', { name: 'Identifier Name' }).getByLabel('Identifier Name')).toHaveValue('');

  tools = await schemaToolsOf(panel, DEMO_DATASET);
  await expect(tools.getByText(/^Added /)).toHaveCount(0);
  await expect(tools.getByRole('form', { name: 'Add attribute' }).getByLabel('Attribute name')).toHaveValue('');
  await expect(tools.getByRole('form', { name: 'Identifier Name' }).getByLabel('Identifier Name')).toHaveValue('customer_id');
});
