import type { Locator, Page } from '@playwright/test';
import { DEMO_DATASET, SAMPLE_RECORD_ID } from '@/emulator/demo-data.ts';
import { expect, test, type Emulator, type EmulatorRequest } from '@/tests/e2e/fixtures';
import { lookUpIn, openSurface, shownValue as shownIn } from '@/tests/e2e/records-helpers';

/** Longer than the emulator's (Node's default) 5 s keep-alive timeout. */
const KEEP_ALIVE_EXPIRY_MS = 8_000;

const DATA_PATH = `/api/data/v1/demo/production/data/${DEMO_DATASET}/`;

type OpenPage = (name: 'popup' | 'sidepanel' | 'options') => Promise<Page>;

/** A profile set up through the protocol, then the side panel as a person sees it. */
const openPanel = (openExtensionPage: OpenPage, emulator: Emulator, options: Parameters<typeof openSurface>[3] = {}) =>
  openSurface(openExtensionPage, emulator, 'sidepanel', options);
const lookUp = lookUpIn;
/** The value cell of one field in the record table. */
const shownValue = (panel: Page, field: string): Locator => shownIn(panel, DEMO_DATASET, field);

const input = (panel: Page, field: string) => panel.getByLabel(field, { exact: true });
const saveButton = (panel: Page) => panel.getByRole('button', { name: 'Save', exact: true });

const posts = (log: EmulatorRequest[]) => log.filter((r) => r.method === 'POST' && r.path === DATA_PATH);
const lookups = (log: EmulatorRequest[]) => log.filter((r) => r.method === 'GET' && r.path === DATA_PATH);

/** A 400 the way Monetate words a validation refusal, naming the field and the row. */
function refusalOf(field: string, message: string) {
  return {
    target: 'write',
    kind: 'status',
    status: 400,
    contentType: 'application/json',
    body: JSON.stringify({ meta: { code: 400, errors: [{ row: 0, field, message }] }, data: {} }),
  };
}

test('edits a STRING, NUMBER, BOOLEAN and DATETIME, reviews the diff, saves, and a fresh look-up shows the new values', async ({
  openExtensionPage,
  emulator,
}) => {
  const panel = await openPanel(openExtensionPage, emulator);
  await lookUp(panel, DEMO_DATASET, SAMPLE_RECORD_ID);
  await expect(shownValue(panel, 'first_name')).toHaveText('Ava');

  await panel.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(input(panel, 'customer_id')).toHaveAttribute('readonly', '');
  await input(panel, 'first_name').fill('Ada');
  await input(panel, 'orders_count').fill('12');
  await input(panel, 'is_subscribed').selectOption('false');
  await panel.getByLabel('last_purchase_at time zone').selectOption('Europe/Paris');
  await input(panel, 'last_purchase_at').fill('2026-07-01T09:30');
  await expect(panel.getByText('Will send: 2026-07-01T09:30:00+02:00')).toBeVisible();

  await panel.getByRole('button', { name: 'Review changes' }).click();
  const diff = panel.getByRole('table', { name: 'Before → after' });
  // Only the four changed fields, each before → after.
  await expect(diff.getByRole('rowheader')).toHaveText(['first_name', 'orders_count', 'is_subscribed', 'last_purchase_at']);
  await expect(diff.getByRole('row').filter({ hasText: 'first_name' })).toContainText(/Ava\s*Ada/);
  await expect(diff.getByRole('row').filter({ hasText: 'orders_count' })).toContainText(/7\s*12/);
  await expect(diff.getByRole('row').filter({ hasText: 'is_subscribed' })).toContainText(/true\s*false/);
  await expect(diff.getByRole('row').filter({ hasText: 'last_purchase_at' })).toContainText(/2025-01-05T10:00:00Z\s*2026-07-01T09:30:00\+02:00/);

  await saveButton(panel).click();
  await expect(panel.getByText(`Saved “${SAMPLE_RECORD_ID}”. Monetate already returns the new values.`)).toBeVisible();

  // A fresh look-up of our own, through the queue again.
  await panel.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect.poll(async () => lookups(await emulator.requests()).length).toBe(3);
  await expect(shownValue(panel, 'first_name')).toHaveText('Ada');
  await expect(shownValue(panel, 'orders_count')).toHaveText('12');
  await expect(shownValue(panel, 'is_subscribed')).toHaveText('false');
  await expect(shownValue(panel, 'last_purchase_at')).toHaveText('2026-07-01T09:30:00+02:00');
  // Untouched fields were sent back as they were.
  await expect(shownValue(panel, 'email')).toHaveText('ava.okafor0@example.com');
  await expect(shownValue(panel, 'favorite_categories')).toHaveText('shoes,outerwear');

  const log = await emulator.requests();
  expect(posts(log)).toHaveLength(1);
  expect(posts(log)[0]?.status).toBe(201);
  const arrivals = lookups(log).map((r) => r.arrivedAt);
  for (let i = 1; i < arrivals.length; i++) expect((arrivals[i] as number) - (arrivals[i - 1] as number)).toBeGreaterThanOrEqual(1000);
  expect(lookups(log).every((r) => r.status === 200)).toBe(true);
});

test('creates a new record, refusing it without a customer ID first', async ({ openExtensionPage, emulator }) => {
  const panel = await openPanel(openExtensionPage, emulator);
  await panel.getByLabel('Dataset').selectOption(DEMO_DATASET);
  await panel.getByRole('button', { name: 'New record' }).click();
  await expect(panel.getByRole('heading', { name: `New record in ${DEMO_DATASET}` })).toBeVisible();
  await expect(input(panel, 'customer_id')).not.toHaveAttribute('readonly');
  await expect(input(panel, 'customer_id')).toHaveAttribute('aria-required', 'true');

  await input(panel, 'email').fill('new.person@example.com');
  await panel.getByRole('button', { name: 'Review changes' }).click();
  await expect(input(panel, 'customer_id')).toHaveAccessibleDescription(/Enter the customer ID/);
  await expect(saveButton(panel)).toBeDisabled();

  await input(panel, 'customer_id').fill('C-NEW-0001');
  await input(panel, 'orders_count').fill('0');
  await input(panel, 'is_subscribed').selectOption('true');
  await panel.getByLabel('last_purchase_at time zone').selectOption('UTC');
  await input(panel, 'last_purchase_at').fill('2026-01-02T03:04:05');
  await input(panel, 'favorite_categories').fill('coats, wool');
  await input(panel, 'favorite_categories').press('Enter');
  await input(panel, 'favorite_categories').fill('shoes');
  await input(panel, 'favorite_categories').press('Enter');
  await expect(panel.getByText('Will send: coats\\, wool,shoes')).toBeVisible();
  await panel.getByRole('button', { name: 'Review changes' }).click();
  await expect(panel.getByRole('table', { name: 'New record' }).getByRole('rowheader')).toHaveText([
    'customer_id',
    'email',
    'orders_count',
    'is_subscribed',
    'last_purchase_at',
    'favorite_categories',
  ]);
  await saveButton(panel).click();
  await expect(panel.getByText('Saved “C-NEW-0001”. Monetate already returns the new values.')).toBeVisible();
  await expect(shownValue(panel, 'email')).toHaveText('new.person@example.com');
  await expect(shownValue(panel, 'favorite_categories')).toHaveText('coats\\, wool,shoes');
  await expect(shownValue(panel, 'last_purchase_at')).toHaveText('2026-01-02T03:04:05Z');
  await expect(shownValue(panel, 'notes')).toHaveText('—empty');
  expect(posts(await emulator.requests())).toHaveLength(1);
});

test('a refused save keeps what was typed and shows Monetate’s message beside the field', async ({ openExtensionPage, emulator }) => {
  const panel = await openPanel(openExtensionPage, emulator);
  await lookUp(panel, DEMO_DATASET, SAMPLE_RECORD_ID);
  await panel.getByRole('button', { name: 'Edit', exact: true }).click();
  await input(panel, 'first_name').fill('Zed');
  await input(panel, 'orders_count').fill('99');

  // A bare 400 with no field named: shown whole.
  await emulator.admin('/__admin/faults', { target: 'write', kind: 'status', status: 400 });
  await saveButton(panel).click();
  await expect(panel.getByText(/Monetate refused the data: Validation error\. \(injected fault\)/)).toBeVisible();
  await expect(input(panel, 'first_name')).toHaveValue('Zed');
  await expect(input(panel, 'orders_count')).toHaveValue('99');

  // A 400 that names a field: the message sits beside that field.
  await emulator.admin('/__admin/faults', refusalOf('orders_count', 'Field "orders_count" must be at most 50 for this retailer.'));
  await saveButton(panel).click();
  await expect(input(panel, 'orders_count')).toHaveAttribute('aria-invalid', 'true');
  await expect(input(panel, 'orders_count')).toHaveAccessibleDescription(/must be at most 50 for this retailer/);
  await expect(input(panel, 'first_name')).toHaveValue('Zed');
  await expect(input(panel, 'orders_count')).toHaveValue('99');
  await expect(input(panel, 'first_name')).not.toHaveAttribute('aria-invalid');

  // Correcting the field takes its server message away; saving then works.
  await input(panel, 'orders_count').fill('42');
  await expect(input(panel, 'orders_count')).not.toHaveAttribute('aria-invalid');
  await saveButton(panel).click();
  await expect(panel.getByText(`Saved “${SAMPLE_RECORD_ID}”. Monetate already returns the new values.`)).toBeVisible();
  await expect(shownValue(panel, 'orders_count')).toHaveText('42');
  const sent = posts(await emulator.requests()).map((r) => r.status);
  expect(sent).toEqual([400, 400, 201]);
});

test('a network drop after sending shows "outcome unknown", sends nothing more, and "Check by look-up" looks it up', async ({
  openExtensionPage,
  emulator,
}) => {
  const panel = await openPanel(openExtensionPage, emulator);
  await lookUp(panel, DEMO_DATASET, SAMPLE_RECORD_ID);
  await panel.getByRole('button', { name: 'Edit', exact: true }).click();
  await input(panel, 'first_name').fill('Dropped');

  await emulator.admin('/__admin/faults', { target: 'write', kind: 'drop-after-processing' });
  // Chromium's network stack itself re-sends a request, POST included, when a *reused*
  // keep-alive connection closes before any answer (HttpNetworkTransaction::ShouldResendRequest);
  // seen here as a second POST 16 ms after the dropped one, and no fetch option prevents it.
  // Letting the emulator close its idle connections first (Node's keep-alive timeout is 5 s)
  // puts the save on a fresh connection, so this test sees what the extension itself does.
  await panel.waitForTimeout(KEEP_ALIVE_EXPIRY_MS);
  await saveButton(panel).click();
  await expect(panel.getByText('Outcome unknown.')).toBeVisible();
  await expect(input(panel, 'first_name')).toHaveValue('Dropped');

  // Nothing is re-sent by itself: not the write, not a look-up.
  const lookupsBefore = lookups(await emulator.requests()).length;
  await panel.waitForTimeout(3000);
  let log = await emulator.requests();
  expect(posts(log)).toHaveLength(1);
  expect(lookups(log)).toHaveLength(lookupsBefore);

  await panel.getByRole('button', { name: 'Check by look-up' }).click();
  // The emulator stored the write before dropping the connection, so the look-up finds it.
  await expect(panel.getByText(`The save of “${SAMPLE_RECORD_ID}” went through. Monetate already returns the new values.`)).toBeVisible();
  await expect(shownValue(panel, 'first_name')).toHaveText('Dropped');
  log = await emulator.requests();
  expect(lookups(log)).toHaveLength(lookupsBefore + 1);
  expect(lookups(log).at(-1)?.query.id).toBe(SAMPLE_RECORD_ID);
  expect(posts(log)).toHaveLength(1);
});

test('"Check by look-up" says so when the unanswered save is not what Monetate returns, and keeps the form', async ({
  openExtensionPage,
  emulator,
}) => {
  const panel = await openPanel(openExtensionPage, emulator);
  await lookUp(panel, DEMO_DATASET, SAMPLE_RECORD_ID);
  await panel.getByRole('button', { name: 'Edit', exact: true }).click();
  await input(panel, 'first_name').fill('Lost');
  // A gateway timeout: Monetate may or may not have stored it (here it did not).
  await emulator.admin('/__admin/faults', { target: 'write', kind: 'status', status: 504 });
  await saveButton(panel).click();
  await expect(panel.getByText('Outcome unknown.')).toBeVisible();
  await panel.getByRole('button', { name: 'Check by look-up' }).click();
  await expect(panel.getByText(/Monetate does not return the values you sent for “C-100001”/)).toBeVisible();
  await expect(input(panel, 'first_name')).toHaveValue('Lost');
  await expect(saveButton(panel)).toBeEnabled();
  expect(posts(await emulator.requests())).toHaveLength(1);
});

// Deliberately changed (issue 9): the write controls of a read-only profile are hidden now, not disabled.
test('a read-only profile offers no Edit or New record, says why, and the background refuses a save', async ({ openExtensionPage, emulator }) => {
  const panel = await openPanel(openExtensionPage, emulator, { readOnly: true });
  await lookUp(panel, DEMO_DATASET, SAMPLE_RECORD_ID);
  await expect(shownValue(panel, 'first_name')).toHaveText('Ava');
  await expect(panel.getByText(/This profile is read-only: records cannot be edited or created with it/)).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Edit', exact: true })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'New record' })).toHaveCount(0);

  const reply = await panel.evaluate(() =>
    chrome.runtime.sendMessage({
      channel: 'mdi',
      type: 'record.save',
      payload: { dataset: 'customer_attributes', mode: 'create', changes: { customer_id: 'C-NEW-RO', first_name: 'Nope' } },
    }),
  );
  expect(reply).toMatchObject({ ok: false, error: { code: 'read_only_profile' } });
  expect(posts(await emulator.requests())).toHaveLength(0);
});

test('a "confirm every write" profile saves only after Review changes of the current input', async ({ openExtensionPage, emulator }) => {
  const panel = await openPanel(openExtensionPage, emulator, { confirmWrites: true });
  await lookUp(panel, DEMO_DATASET, SAMPLE_RECORD_ID);
  await panel.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(panel.getByText('This profile confirms every write: review the changes, then save.')).toBeVisible();
  await input(panel, 'loyalty_tier').fill('gold');
  await expect(saveButton(panel)).toBeDisabled();
  await expect(saveButton(panel)).toHaveAccessibleDescription('Review the changes before saving.');
  await panel.getByRole('button', { name: 'Review changes' }).click();
  await expect(saveButton(panel)).toBeEnabled();

  // A change after the review needs a new review.
  await input(panel, 'loyalty_tier').fill('platinum');
  await expect(saveButton(panel)).toBeDisabled();
  await panel.getByRole('button', { name: 'Review changes' }).click();
  await expect(panel.getByRole('table', { name: 'Before → after' })).toContainText(/bronze\s*platinum/);
  await saveButton(panel).click();
  await expect(panel.getByText(`Saved “${SAMPLE_RECORD_ID}”. Monetate already returns the new values.`)).toBeVisible();
  await expect(shownValue(panel, 'loyalty_tier')).toHaveText('platinum');
});

test('invalid input is refused in the form, beside the field, with Save disabled; clearing an optional field says it becomes null', async ({
  openExtensionPage,
  emulator,
}) => {
  const panel = await openPanel(openExtensionPage, emulator);
  await lookUp(panel, DEMO_DATASET, SAMPLE_RECORD_ID);
  await panel.getByRole('button', { name: 'Edit', exact: true }).click();

  await input(panel, 'orders_count').fill('1,5');
  await expect(input(panel, 'orders_count')).toHaveAccessibleDescription(/Use a dot for decimals/);
  await input(panel, 'email').fill(' padded@example.com');
  await expect(input(panel, 'email')).toHaveAccessibleDescription(/Remove the spaces at the start or end/);
  await expect(saveButton(panel)).toBeDisabled();
  await expect(saveButton(panel)).toHaveAccessibleDescription('Correct email, orders_count before saving.');

  await input(panel, 'orders_count').fill('7');
  await input(panel, 'email').fill('');
  await panel.getByRole('button', { name: 'Review changes' }).click();
  const diff = panel.getByRole('table', { name: 'Before → after' });
  await expect(diff.getByRole('rowheader')).toHaveText(['email']);
  await expect(diff).toContainText('becomes empty (null)');
  await expect(panel.getByText('Monetate replaces the whole record: a field left empty is stored as null.')).toBeVisible();
  await saveButton(panel).click();
  await expect(panel.getByText(`Saved “${SAMPLE_RECORD_ID}”. Monetate already returns the new values.`)).toBeVisible();
  await expect(shownValue(panel, 'email')).toHaveText('—empty');
  // No request carried an invalid value.
  expect(posts(await emulator.requests()).map((r) => r.status)).toEqual([201]);
});
