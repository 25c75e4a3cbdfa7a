import { DEMO_API_USER, DEMO_DATASET, MIXED_CASE_IDS, ODD_VALUES, ODD_VALUES_RECORD_ID, SPACED_DATASET } from '@/emulator/demo-data.ts';
import { expect, setUpUnlockedProfile, test, type Emulator } from '@/tests/e2e/fixtures';
import { contentScriptWorld } from '@/tests/e2e/content-script-world';
import { OVERLAY_HOST } from '@/tests/e2e/overlay-driver';
import { adminRaw, dataPosts, lookUpIn, openSurface, rowsTable, shownValue, storedRows } from '@/tests/e2e/records-helpers';

/** The DATETIME forms Monetate has been seen to hold, none of which a datetime-local input shows exactly. */
const DATETIME_FORMS = ['2025-01-01T10:00:00', '2025-01-01 10:00:00+00:00', '2025-01-01T10:00:00+0000', '2025-01-01T10:00:00.123456Z'];
/** Added to the schema after the extension cached it, with a value a double cannot hold. */
const LATE_FIELD = 'loyalty_points';
const LATE_VALUE = '98765432109876543210';

/**
 * Plants a customer holding values a typed form cannot show exactly (a DATETIME form, BOOLEAN
 * "TRUE", a NUMBER beyond 2^53), as raw JSON text so the number reaches the emulator as written.
 */
async function plantOddCustomer(emulator: Emulator, id: string, lastPurchase = DATETIME_FORMS[0]!) {
  const row =
    `{"customer_id":${JSON.stringify(id)},"email":"odd.${id.toLowerCase()}@example.com","first_name":"Odile","loyalty_tier":"silver",` +
    `"lifetime_value":${ODD_VALUES.lifetime_value},"orders_count":7,"is_subscribed":${JSON.stringify(ODD_VALUES.is_subscribed)},` +
    `"last_purchase_at":${JSON.stringify(lastPurchase)},"favorite_categories":"home,beauty","notes":"Kept exactly"}`;
  await adminRaw(emulator, '/__admin/records', `{"dataset":${JSON.stringify(DEMO_DATASET)},"rows":[${row}]}`);
}

/** The dataset gains a field elsewhere (existing rows hold it empty). */
async function addLateField(emulator: Emulator) {
  await emulator.admin('/__admin/schema-fields', { dataset: DEMO_DATASET, fields: { [LATE_FIELD]: { data_type: 'NUMBER' } } });
}

/** Elsewhere, a record gets a value for the late field: its whole row is stored again, exactly. */
async function giveLateValue(emulator: Emulator, id: string) {
  const [stored] = await storedRows(emulator, DEMO_DATASET, id);
  const fields = Object.entries({ ...stored!, [LATE_FIELD]: LATE_VALUE }).map(([name, json]) => `${JSON.stringify(name)}:${json}`);
  await adminRaw(emulator, '/__admin/records', `{"dataset":${JSON.stringify(DEMO_DATASET)},"rows":[{${fields.join(',')}}]}`);
}

const input = (page: import('@playwright/test').Page, field: string) => page.getByLabel(field, { exact: true });

for (const shape of ['list', 'openapi'] as const) {
  test(`an edit of one field leaves every other field exactly as the server sent it (${shape} answers)`, async ({ openExtensionPage, emulator }) => {
    test.setTimeout(120_000);
    await emulator.admin('/__admin/record-shape', { shape });
    const ids = DATETIME_FORMS.map((_, index) => `C-FORM-${index + 1}`);
    for (const [index, form] of DATETIME_FORMS.entries()) await plantOddCustomer(emulator, ids[index]!, form);
    const panel = await openSurface(openExtensionPage, emulator, 'sidepanel');
    // The side panel reads (and the background caches) the schema now, before the field is added.
    await panel.getByLabel('Dataset').selectOption(DEMO_DATASET);
    await expect(panel.getByRole('button', { name: 'New record' })).toBeVisible();
    await addLateField(emulator);
    for (const id of ids) await giveLateValue(emulator, id);

    for (const [index, id] of ids.entries()) {
      const before = await storedRows(emulator, DEMO_DATASET, id);
      await lookUpIn(panel, DEMO_DATASET, id);
      await expect(panel.getByText(`Found “${id}” in ${DEMO_DATASET}.`)).toBeVisible();
      // The look-up saw a field the cached schema lacked and read the schema again: it has its type.
      await expect(shownValue(panel, DEMO_DATASET, LATE_FIELD)).toHaveText(LATE_VALUE);
      await expect(panel.getByRole('row').filter({ has: panel.getByRole('rowheader', { name: LATE_FIELD, exact: true }) })).toContainText('NUMBER');
      await panel.getByRole('button', { name: 'Edit', exact: true }).click();
      for (const [field, shown] of [
        ['last_purchase_at', DATETIME_FORMS[index]!],
        ['is_subscribed', 'TRUE'],
        ['lifetime_value', ODD_VALUES.lifetime_value],
        [LATE_FIELD, LATE_VALUE],
      ] as const) {
        await expect(input(panel, field), field).toHaveValue(shown);
        await expect(input(panel, field), field).toHaveAccessibleDescription(/kept as is/);
      }
      await input(panel, 'first_name').fill(`Odile ${index + 1}`);
      await expect(panel.getByRole('status').filter({ hasText: 'will change' })).toHaveText(`1 field will change: first_name: “Odile” → “Odile ${index + 1}”.`);
      await panel.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(panel.getByText(`Saved “${id}”. Monetate already returns the new values.`)).toBeVisible();

      const after = await storedRows(emulator, DEMO_DATASET, id);
      expect(after).toHaveLength(1);
      expect(after[0]).toEqual({ ...before[0], first_name: JSON.stringify(`Odile ${index + 1}`) });
    }
    expect(dataPosts(await emulator.requests(), DEMO_DATASET).map((r) => r.status)).toEqual([201, 201, 201, 201]);
  });
}

test('a save built on a read older than the schema is refused with "look it up again"; after one it keeps the new field', async ({ openExtensionPage, emulator }) => {
  const id = 'C-LATE-1';
  await plantOddCustomer(emulator, id);
  const panel = await openSurface(openExtensionPage, emulator, 'sidepanel');
  await lookUpIn(panel, DEMO_DATASET, id);
  await panel.getByRole('button', { name: 'Edit', exact: true }).click();
  await addLateField(emulator);
  await giveLateValue(emulator, id);
  const before = await storedRows(emulator, DEMO_DATASET, id);

  await input(panel, 'first_name').fill('Odette');
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(panel.getByText(/The dataset gained fields after this record was read \(loyalty_points in customer_attributes\).*Look it up again/)).toBeVisible();
  expect(dataPosts(await emulator.requests(), DEMO_DATASET)).toHaveLength(0);

  await panel.getByRole('button', { name: 'Look up again' }).click();
  await expect(shownValue(panel, DEMO_DATASET, LATE_FIELD)).toHaveText(LATE_VALUE);
  await panel.getByRole('button', { name: 'Edit', exact: true }).click();
  await input(panel, 'first_name').fill('Odette');
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(panel.getByText(`Saved “${id}”. Monetate already returns the new values.`)).toBeVisible();
  expect(await storedRows(emulator, DEMO_DATASET, id)).toEqual([{ ...before[0], first_name: '"Odette"' }]);
});

test('a content-script save that sends a partial row cannot null anything', async ({ context, openExtensionPage, emulator }) => {
  const id = 'C-PART-1';
  await plantOddCustomer(emulator, id);
  await (await openSurface(openExtensionPage, emulator, 'sidepanel')).close();
  const page = await context.newPage();
  await page.goto(`${emulator.url}/platform/control/a-demo/p/demo.example/datasets/${DEMO_DATASET}`);
  await page.locator(OVERLAY_HOST).waitFor({ state: 'attached' });
  const world = await contentScriptWorld(page);
  const before = await storedRows(emulator, DEMO_DATASET, id);

  // The old protocol: a whole row of the content script's own making. Refused as malformed.
  expect(await world.ask('record.save', { dataset: DEMO_DATASET, mode: 'edit', row: { customer_id: id, first_name: 'Partial' }, before: null })).toMatchObject({
    ok: false,
    error: { code: 'bad_message' },
  });
  // "Creating" the existing record with a partial row would replace it: refused.
  expect(await world.ask('record.save', { dataset: DEMO_DATASET, mode: 'create', changes: { customer_id: id, first_name: 'Partial' } })).toMatchObject({
    ok: false,
    error: { code: 'record_exists' },
  });
  expect(await storedRows(emulator, DEMO_DATASET, id)).toEqual(before);

  // The one form a content script can send: changes on a read. Every other field goes back as read.
  const read = (await world.ask('lookup.record', { dataset: DEMO_DATASET, id, callerId: 'probe' })) as { ok: boolean; data: { fetchedAt: number } };
  expect(read.ok).toBe(true);
  const saved = await world.ask('record.save', {
    dataset: DEMO_DATASET,
    mode: 'edit',
    base: { id, readAt: read.data.fetchedAt, row: 0 },
    changes: { first_name: 'Partial' },
  });
  expect(saved).toMatchObject({ ok: true });
  const after = await storedRows(emulator, DEMO_DATASET, id);
  expect(after).toEqual([{ ...before[0], first_name: '"Partial"' }]);
  expect(Object.values(after[0]!)).not.toContain('null');
  expect(dataPosts(await emulator.requests(), DEMO_DATASET)).toHaveLength(1);
  await world.cdp.detach();
});

test('a Read-Only API User’s save says "read-only"; after its key is deactivated, a save says so', async ({ openExtensionPage, emulator }) => {
  const id = 'C-RO-1';
  await plantOddCustomer(emulator, id);
  const { profileId } = await setUpUnlockedProfile(await openExtensionPage('options'), emulator);
  const panel = await openExtensionPage('sidepanel');
  await expect(panel.getByLabel('Dataset')).toBeEnabled();
  // Monetate's "Read-Only API User": reads work, writes get 403.
  emulator.emulator.state.users.get(DEMO_API_USER)!.readOnly = true;
  const before = await storedRows(emulator, DEMO_DATASET, id);
  await lookUpIn(panel, DEMO_DATASET, id);
  await panel.getByRole('button', { name: 'Edit', exact: true }).click();
  await input(panel, 'first_name').fill('Nope');
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(panel.getByText(/This API user is read-only in Monetate/)).toBeVisible();
  await expect(input(panel, 'first_name')).toHaveValue('Nope');
  const cachedTokens = () => panel.evaluate(async () => Object.keys(((await chrome.storage.session.get('tokens')).tokens ?? {}) as Record<string, unknown>));
  // Its token still reads, so it is kept.
  expect(await cachedTokens()).toContain(profileId);

  await emulator.admin('/__admin/api-keys/deactivate', { username: DEMO_API_USER });
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(panel.getByText(/Monetate says this key was deactivated/)).toBeVisible();
  const log = await emulator.requests();
  // The second save stopped at its fresh schema read, refused too: no write was attempted.
  expect(dataPosts(log, DEMO_DATASET).map((r) => r.status)).toEqual([403]);
  // The deactivated key's token was forgotten.
  expect(await cachedTokens()).not.toContain(profileId);
  expect(await storedRows(emulator, DEMO_DATASET, id)).toEqual(before);
});

test('a value Monetate holds but refuses back (text with a trailing space) is shown beside its field, kept, until the person replaces it', async ({
  openExtensionPage,
  emulator,
}) => {
  const before = await storedRows(emulator, DEMO_DATASET, ODD_VALUES_RECORD_ID);
  const panel = await openSurface(openExtensionPage, emulator, 'sidepanel');
  await lookUpIn(panel, DEMO_DATASET, ODD_VALUES_RECORD_ID);
  await panel.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(input(panel, 'notes')).toHaveValue(ODD_VALUES.notes);
  await expect(input(panel, 'notes')).toHaveAccessibleDescription(/spaces at its start or end.*kept as is/i);
  await input(panel, 'first_name').fill('Odette');
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  // Sent back as it was, Monetate refuses it: said beside the field, which is still kept as it was.
  await expect(input(panel, 'notes')).toHaveAccessibleDescription(/must not have leading or trailing whitespace/);
  await expect(input(panel, 'notes')).toHaveValue(ODD_VALUES.notes);
  expect(await storedRows(emulator, DEMO_DATASET, ODD_VALUES_RECORD_ID)).toEqual(before);

  await panel.getByRole('button', { name: 'Replace value of notes' }).click();
  await expect(input(panel, 'notes')).toHaveAccessibleDescription(/Remove the spaces at the start or end/);
  await input(panel, 'notes').fill(ODD_VALUES.notes.trim());
  await expect(panel.getByRole('status').filter({ hasText: 'will change' })).toHaveText(
    `2 fields will change: first_name: “Odile” → “Odette”; notes: “${ODD_VALUES.notes}” → “${ODD_VALUES.notes.trim()}”.`,
  );
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(panel.getByText(`Saved “${ODD_VALUES_RECORD_ID}”. Monetate already returns the new values.`)).toBeVisible();
  expect(await storedRows(emulator, DEMO_DATASET, ODD_VALUES_RECORD_ID)).toEqual([
    { ...before[0], first_name: '"Odette"', notes: JSON.stringify(ODD_VALUES.notes.trim()) },
  ]);
});

test('IDs as people paste them: spaces around are trimmed with a note; |, +, inner spaces, unicode, leading zeros and case find the exact record', async ({
  openExtensionPage,
  emulator,
}) => {
  const odd = 'MCMID|+00042 Ünïcødé 🙂';
  await emulator.admin('/__admin/records', {
    dataset: SPACED_DATASET,
    rows: [
      { customer_id: odd, event_time: '2025-04-01T10:00:00Z', next_buy_sku: 'SKU-ODD', reco_rank: 1, score: 0.5, is_known_user: true },
      { customer_id: 'MCMID|+42 Ünïcødé 🙂', event_time: '2025-04-01T10:00:00Z', next_buy_sku: 'SKU-NO-ZEROS', reco_rank: 1, score: 0.5, is_known_user: true },
    ],
  });
  const panel = await openSurface(openExtensionPage, emulator, 'sidepanel');

  await lookUpIn(panel, SPACED_DATASET, ` \t${odd}  `);
  await expect(panel.getByText(`Found “${odd}” in ${SPACED_DATASET}.`)).toBeVisible();
  await expect(panel.getByText('Spaces before or after the ID were left out: Monetate STRING values cannot carry them.')).toBeVisible();
  await expect(panel.getByRole('table', { name: `Record in ${SPACED_DATASET}` })).toContainText('SKU-ODD');

  for (const [id, sku] of [
    [MIXED_CASE_IDS[0], 'SKU-10001'],
    [MIXED_CASE_IDS[1], 'SKU-20002'],
  ] as const) {
    await lookUpIn(panel, SPACED_DATASET, id);
    await expect(panel.getByText(`Found “${id}” in ${SPACED_DATASET}.`)).toBeVisible();
    await expect(panel.getByText('Spaces before or after the ID were left out', { exact: false })).toHaveCount(0);
    await expect(shownValue(panel, SPACED_DATASET, 'next_buy_sku')).toHaveText(sku);
  }
  await lookUpIn(panel, SPACED_DATASET, 'mcmid|abcdef');
  await expect(panel.getByText(`Not found: no record “mcmid|abcdef” in dataset ${SPACED_DATASET}.`)).toBeVisible();
  await expect(rowsTable(panel, SPACED_DATASET, 'mcmid|abcdef')).toHaveCount(0);

  const sent = (await emulator.requests()).filter((r) => r.method === 'GET' && r.path.endsWith(`/data/${encodeURIComponent(SPACED_DATASET)}/`)).map((r) => r.query.id);
  expect(sent).toEqual([odd, MIXED_CASE_IDS[0], MIXED_CASE_IDS[1], 'mcmid|abcdef']);
});
