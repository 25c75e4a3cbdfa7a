import { beforeEach, describe, expect, it } from 'vitest';
import {
  DATASET_WITHOUT_IDENTIFIER,
  DEMO_DATASET,
  MULTI_ROW_ID,
  ODD_VALUES,
  ODD_VALUES_RECORD_ID,
  SAMPLE_RECORD_ID,
  SPACED_DATASET,
} from '@/emulator/demo-data.ts';
import { createEmulator } from '@/emulator/app.ts';
import { auth, body, DATA, jsonInit, lookupPath, type Call, EMULATOR_START_MS, signedInEmulator, viaApp } from '@/tests/emulator/helpers.ts';

let now: number, call: Call, token: string;
beforeEach(async () => {
  now = EMULATOR_START_MS;
  ({ call, token } = await signedInEmulator(() => now));
});

/** Posts raw JSON text, so numbers a double cannot hold reach the emulator as written. */
function postText(path: string, text: string, headers: Record<string, string> = {}): Promise<Response> {
  return call(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: text });
}

async function storedText(dataset: string, id: string): Promise<string> {
  const res = await call(`/__admin/records?${new URLSearchParams({ dataset, id }).toString()}`);
  expect(res.status).toBe(200);
  return res.text();
}

async function storedRows(dataset: string, id: string): Promise<Array<Record<string, unknown>>> {
  return (JSON.parse(await storedText(dataset, id)) as { rows: Array<Record<string, unknown>> }).rows;
}

async function lookupText(id: string, dataset = DEMO_DATASET): Promise<Response> {
  now += 1000;
  return call(lookupPath(id, dataset), { headers: auth(token) });
}

describe('POST /__admin/records', () => {
  it('stores rows as given, without validation, and keeps big numbers and strings exact', async () => {
    const text = `{"dataset":"${DEMO_DATASET}","rows":[{"customer_id":"C-PLANT-1","lifetime_value":12345678901234567890,"orders_count":1.000000000000000000001,"is_subscribed":"TRUE","notes":" padded ","last_purchase_at":"2025-01-01 10:00:00+00:00","odd":{"toString":1},"list":[1,"a",null]}]}`;
    const res = await postText('/__admin/records', text);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ stored: 1 });
    const answer = await storedText(DEMO_DATASET, 'C-PLANT-1');
    expect(answer).toBe(
      '{"rows":[{"customer_id":"C-PLANT-1","lifetime_value":12345678901234567890,"orders_count":1.000000000000000000001,"is_subscribed":"TRUE","notes":" padded ","last_purchase_at":"2025-01-01 10:00:00+00:00","odd":{"toString":1},"list":[1,"a",null]}]}',
    );
    // The Data API answers the same bytes for the values.
    const lookup = await (await lookupText('C-PLANT-1')).text();
    expect(lookup).toContain('"lifetime_value":12345678901234567890,');
    expect(lookup).toContain('"orders_count":1.000000000000000000001,');
    expect(lookup).toContain('"notes":" padded "');
  });

  it('replaces the row whose unique key matches and appends otherwise', async () => {
    await call('/__admin/records', jsonInit('POST', { dataset: DEMO_DATASET, rows: [{ customer_id: SAMPLE_RECORD_ID, email: 'planted@example.com' }] }));
    expect(await storedRows(DEMO_DATASET, SAMPLE_RECORD_ID)).toEqual([{ customer_id: SAMPLE_RECORD_ID, email: 'planted@example.com' }]);
    const visit = { customer_id: 'C-100001', visit_time: 'not even a date', store_id: 'S-PLANTED' };
    await call('/__admin/records', jsonInit('POST', { dataset: DATASET_WITHOUT_IDENTIFIER, rows: [visit, visit] }));
    const rows = await storedRows(DATASET_WITHOUT_IDENTIFIER, 'C-100001');
    expect(rows).toHaveLength(4);
    expect(rows.slice(2)).toEqual([visit, visit]);
  });

  it('answers 404 for an unknown dataset and 400 for rows that are not objects', async () => {
    const unknown = await call('/__admin/records', jsonInit('POST', { dataset: 'nope', rows: [] }));
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: string }).error).toContain('nope');
    for (const rows of [undefined, {}, [1], [null], [[]]]) {
      expect((await call('/__admin/records', jsonInit('POST', { dataset: DEMO_DATASET, rows }))).status).toBe(400);
    }
  });
});

describe('GET /__admin/records', () => {
  it('lists every row of an ID in stored order, by exact ID, in a dataset named with spaces', async () => {
    const rows = await storedRows(SPACED_DATASET, MULTI_ROW_ID);
    expect(rows.map((r) => r.event_time)).toEqual(['2025-03-02T08:15:00.123456Z', '2025-02-27T23:59:59Z', '2025-03-04T17:45:30Z']);
    expect(await storedRows(SPACED_DATASET, MULTI_ROW_ID.toLowerCase())).toEqual([]);
  });

  it('serializes the odd demo record exactly', async () => {
    const text = await storedText(DEMO_DATASET, ODD_VALUES_RECORD_ID);
    expect(text).toContain(`"lifetime_value":${ODD_VALUES.lifetime_value},`);
    expect(text).toContain(`"is_subscribed":"TRUE"`);
    expect(text).toContain(`"notes":"${ODD_VALUES.notes}"`);
    expect(text).toContain(`"last_purchase_at":"${ODD_VALUES.last_purchase_at}"`);
  });

  it('needs an ID and a known dataset', async () => {
    expect((await call(`/__admin/records?dataset=${DEMO_DATASET}`)).status).toBe(400);
    expect((await call('/__admin/records?dataset=nope&id=x')).status).toBe(404);
  });
});

describe('POST /__admin/schema-fields', () => {
  it('adds fields of any type, as if added elsewhere: existing rows hold null, the schema lists them', async () => {
    const res = await call('/__admin/schema-fields', jsonInit('POST', { dataset: DEMO_DATASET, fields: { tier_code: { data_type: 'STRING' }, home: { data_type: 'GEO_POINT' } } }));
    expect(res.status).toBe(200);
    const schema = (await res.json()) as { name: string; fields: Record<string, { data_type: string }> };
    expect(schema.name).toBe(DEMO_DATASET);
    expect(schema.fields.tier_code).toEqual({ data_type: 'STRING', identifier: false, unique_key: false, event_time: false, required: false });
    expect(schema.fields.home?.data_type).toBe('GEO_POINT');
    expect((await storedRows(DEMO_DATASET, SAMPLE_RECORD_ID))[0]).toMatchObject({ tier_code: null, home: null });
    const api = await body<{ fields: Record<string, { data_type: string }> }>(await call(`${DATA}/schema/${DEMO_DATASET}/`, { headers: auth(token) }));
    expect(api.data.fields.home?.data_type).toBe('GEO_POINT');
  });

  it('stores any value sent for a field of an unknown type, as sent', async () => {
    await call('/__admin/schema-fields', jsonInit('POST', { dataset: DEMO_DATASET, fields: { home: { data_type: 'GEO_POINT' } } }));
    const res = await call(`${DATA}/data/${DEMO_DATASET}/`, jsonInit('POST', { schema_rows: [{ customer_id: 'C-GEO', home: { lat: 1, lon: 2 } }] }, auth(token)));
    expect(res.status).toBe(201);
    expect((await storedRows(DEMO_DATASET, 'C-GEO'))[0]?.home).toEqual({ lat: 1, lon: 2 });
  });

  it.each([
    [{ dataset: 'nope', fields: { a: { data_type: 'STRING' } } }, 404],
    [{ dataset: DEMO_DATASET, fields: {} }, 400],
    [{ dataset: DEMO_DATASET, fields: { email: { data_type: 'STRING' } } }, 400],
    [{ dataset: DEMO_DATASET, fields: { '9bad': { data_type: 'STRING' } } }, 400],
    [{ dataset: DEMO_DATASET, fields: { ok: { data_type: '' } } }, 400],
    [{ dataset: DEMO_DATASET, fields: { ok: { data_type: 'STRING', required: 'yes' } } }, 400],
  ])('refuses %j with %i', async (payload, status) => {
    expect((await call('/__admin/schema-fields', jsonInit('POST', payload))).status).toBe(status);
  });
});

describe('POST /__admin/record-shape', () => {
  it('switches look-ups between data as a list of rows and data.schema_rows', async () => {
    expect(await (await call('/__admin/record-shape', jsonInit('POST', { shape: 'list' }))).json()).toEqual({ shape: 'list' });
    const list = await body<unknown>(await lookupText(MULTI_ROW_ID, SPACED_DATASET));
    expect(Array.isArray(list.data)).toBe(true);
    expect(list.data).toHaveLength(3);

    await call('/__admin/record-shape', jsonInit('POST', { shape: 'openapi' }));
    expect(await (await call('/__admin/record-shape')).json()).toEqual({ shape: 'openapi' });
    const openapi = await body<{ schema_rows: unknown[] }>(await lookupText(MULTI_ROW_ID, SPACED_DATASET));
    expect(openapi.data.schema_rows).toEqual(list.data);
  });

  it('refuses an unknown shape', async () => {
    expect((await call('/__admin/record-shape', jsonInit('POST', { shape: 'table' }))).status).toBe(400);
  });

  it('is restored by a reset to the shape the emulator started with', async () => {
    const emulator = createEmulator({ recordShape: 'openapi' });
    const inProcess = viaApp(emulator);
    await inProcess('/__admin/record-shape', jsonInit('POST', { shape: 'list' }));
    await inProcess('/__admin/reset', { method: 'POST' });
    expect(await (await inProcess('/__admin/record-shape')).json()).toEqual({ shape: 'openapi' });
  });
});

describe('POST data parses the body exactly', () => {
  it('stores a NUMBER beyond 2^53 and an overflowing one as their text', async () => {
    const res = await postText(
      `${DATA}/data/${DEMO_DATASET}/`,
      '{"schema_rows":[{"customer_id":"C-BIG","lifetime_value":12345678901234567890,"orders_count":1e400}]}',
      auth(token),
    );
    expect(res.status).toBe(201);
    expect(await res.text()).toContain('"lifetime_value":12345678901234567890,"orders_count":1e400');
    expect(await storedText(DEMO_DATASET, 'C-BIG')).toContain('"lifetime_value":12345678901234567890,"orders_count":1e400');
  });

  it('refuses a body that repeats a key with another value', async () => {
    const res = await postText(`${DATA}/data/${DEMO_DATASET}/`, '{"schema_rows":[{"customer_id":"C-1","customer_id":"C-2"}]}', auth(token));
    expect(res.status).toBe(400);
    expect((await body(res)).meta.errors?.[0]?.message).toMatch(/not valid JSON \(Duplicate key/);
  });
});
