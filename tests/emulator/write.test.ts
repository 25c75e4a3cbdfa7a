import { beforeEach, describe, expect, it } from 'vitest';
import { DATASET_WITHOUT_IDENTIFIER, DEMO_DATASET, SAMPLE_RECORD_ID } from '@/emulator/demo-data.ts';
import { auth, body, DATA, jsonInit, lookupPath, type Call, EMULATOR_START_MS, signedInEmulator } from '@/tests/emulator/helpers.ts';

/** A POST answer's data (always the OpenAPI shape). */
type Rows = { schema_rows: Array<Record<string, unknown>> };
/** A look-up's data in the default record shape: the list of rows. */
type Found = Array<Record<string, unknown>>;
const WRITE = `${DATA}/data/${DEMO_DATASET}/`;

let now: number, call: Call, token: string;
beforeEach(async () => {
  now = EMULATOR_START_MS;
  ({ call, token } = await signedInEmulator(() => now));
});

function post(rows: unknown, dataset = DEMO_DATASET, extra: Record<string, unknown> = {}): Promise<Response> {
  return call(`${DATA}/data/${dataset}/`, jsonInit('POST', { schema_rows: rows, ...extra }, auth(token)));
}

async function lookup(id: string, dataset = DEMO_DATASET): Promise<Response> {
  now += 1000;
  return call(lookupPath(id, dataset), { headers: auth(token) });
}

const FULL_ROW = {
  customer_id: 'C-NEW-1',
  email: 'new.one@example.com',
  first_name: 'Nia',
  loyalty_tier: 'gold',
  lifetime_value: 120.5,
  orders_count: 3,
  is_subscribed: false,
  last_purchase_at: '2025-05-31T08:00:00.123456+02:00',
  favorite_categories: 'shoes,outer\\,wear,back\\\\slash',
  notes: null,
};

describe('POST data', () => {
  it('stores a valid row of every type, answers 201 echoing it, and a look-up finds it', async () => {
    const res = await post([FULL_ROW], DEMO_DATASET, { _sent_time: '2025-06-01T12:00:00Z' });
    expect(res.status).toBe(201);
    const json = await body<Rows>(res);
    expect(json.meta.code).toBe(201);
    expect(json.data.schema_rows).toEqual([FULL_ROW]);
    const found = await body<Found>(await lookup('C-NEW-1'));
    expect(found.data).toEqual([FULL_ROW]);
  });

  it('stores absent optional fields as null', async () => {
    const res = await post([{ customer_id: 'C-NEW-2', email: 'two@example.com' }]);
    expect((await body<Rows>(res)).data.schema_rows[0]).toEqual({
      customer_id: 'C-NEW-2', email: 'two@example.com', first_name: null, loyalty_tier: null, lifetime_value: null,
      orders_count: null, is_subscribed: null, last_purchase_at: null, favorite_categories: null, notes: null,
    });
  });

  it.each([
    ['email', 'a@b.co'],
    ['email', 'ünïcödé value'],
    ['lifetime_value', 0],
    ['lifetime_value', -12.75],
    ['orders_count', 1e6],
    ['is_subscribed', true],
    ['last_purchase_at', '2024-02-29T23:59:59Z'],
    ['last_purchase_at', '2025-01-01T00:00:00-05:00'],
    ['last_purchase_at', '2025-01-01T00:00:00.5Z'],
    ['favorite_categories', 'single'],
    ['favorite_categories', 'a\\,b'],
    ['notes', null],
    ['last_purchase_at', '2025-01-01T10:00:00'],
    ['last_purchase_at', '2025-01-01 10:00:00+00:00'],
    ['last_purchase_at', '2025-01-01T10:00:00+0000'],
    ['last_purchase_at', '2025-01-01T10:00:00.123456Z'],
    ['is_subscribed', 'true'],
    ['is_subscribed', 'false'],
    ['is_subscribed', 'TRUE'],
    ['is_subscribed', 'FALSE'],
  ])('accepts %s = %j', async (field, value) => {
    const res = await post([{ customer_id: 'C-OK', [field]: value }]);
    expect(res.status).toBe(201);
    expect((await body<Rows>(res)).data.schema_rows[0]?.[field]).toEqual(value);
  });

  it.each([
    ['email', '', /must not be empty/],
    ['email', ' padded', /leading or trailing whitespace/],
    ['email', 'padded\n', /leading or trailing whitespace/],
    ['email', 42, /must be a string/],
    ['lifetime_value', '12.5', /JSON number/],
    ['lifetime_value', true, /JSON number/],
    ['is_subscribed', 'True', /true or false/],
    ['is_subscribed', 'yes', /true or false/],
    ['is_subscribed', 1, /true or false/],
    ['last_purchase_at', '2025-01-01', /ISO-8601/],
    ['last_purchase_at', '2025-01-01T10:00', /ISO-8601/],
    ['last_purchase_at', '2025-02-29T10:00:00Z', /ISO-8601/],
    ['last_purchase_at', '2025-13-01T10:00:00Z', /ISO-8601/],
    ['last_purchase_at', '2025-01-01T24:00:00Z', /ISO-8601/],
    ['last_purchase_at', '01/02/2025 10:00', /ISO-8601/],
    ['last_purchase_at', 1735689600, /ISO-8601/],
    ['favorite_categories', 'a,,b', /empty values/],
    ['favorite_categories', 'a,', /empty values/],
    ['favorite_categories', 'a, b', /whitespace/],
    ['favorite_categories', 'a\\b', /backslash/],
    ['favorite_categories', ['a', 'b'], /must be a string/],
    ['customer_id', ' C-1', /whitespace/],
    ['customer_id', 12345, /must be a string/],
  ])('rejects %s = %j naming the row and field', async (field, value, message) => {
    const res = await post([{ customer_id: 'C-OK' }, { customer_id: 'C-BAD', [field]: value }]);
    expect(res.status).toBe(400);
    const { meta } = await body(res);
    expect(meta.code).toBe(400);
    expect(meta.errors).toHaveLength(1);
    expect(meta.errors?.[0]).toMatchObject({ row: 1, field, message: expect.stringMatching(message) });
    // The valid first row was not stored either: the whole request is rejected.
    expect((await lookup('C-OK')).status).toBe(404);
  });

  it('rejects an unknown field and a missing identifier, one error per problem', async () => {
    const res = await post([{ customer_id: 'C-1', favourite_colour: 'blue' }, { email: 'x@example.com' }, 'not a row']);
    expect(res.status).toBe(400);
    expect((await body(res)).meta.errors).toEqual([
      { row: 0, field: 'favourite_colour', message: expect.stringMatching(/Unknown field/) },
      { row: 1, field: 'customer_id', message: expect.stringMatching(/required/) },
      { row: 2, message: expect.stringMatching(/JSON object/) },
    ]);
  });

  it('requires fields flagged required (the event time of an event dataset)', async () => {
    const res = await post([{ customer_id: 'C-100001', store_id: 'S1' }], DATASET_WITHOUT_IDENTIFIER);
    expect(res.status).toBe(400);
    expect((await body(res)).meta.errors?.[0]).toMatchObject({ row: 0, field: 'visit_time' });
  });

  it('rejects non-JSON and wrongly shaped bodies', async () => {
    const notJson = await call(WRITE, { method: 'POST', headers: { ...auth(token), 'Content-Type': 'application/json' }, body: '{"schema_rows": [' });
    expect(notJson.status).toBe(400);
    expect((await body(notJson)).meta.errors?.[0]?.message).toMatch(/not valid JSON/);
    for (const shape of [[], { rows: [] }, { schema_rows: {} }, { schema_rows: [], extra: 1 }, { schema_rows: [], _sent_time: 'yesterday' }]) {
      const res = await call(WRITE, jsonInit('POST', shape, auth(token)));
      expect(res.status).toBe(400);
      expect((await body(res)).meta.code).toBe(400);
    }
  });

  it('replaces a record entirely when its unique key matches', async () => {
    const res = await post([{ customer_id: SAMPLE_RECORD_ID, email: 'changed@example.com' }]);
    expect(res.status).toBe(201);
    const { data } = await body<Found>(await lookup(SAMPLE_RECORD_ID));
    expect(data[0]).toMatchObject({ customer_id: SAMPLE_RECORD_ID, email: 'changed@example.com', first_name: null, orders_count: null });
  });

  it('keeps every row of a dataset without a unique key; a look-up answers all of them, the new one last', async () => {
    const visit = { customer_id: 'C-100002', visit_time: '2025-06-01T10:00:00Z', store_id: 'STORE-NEW', channel: 'in_store', basket_value: 10, used_coupon: true };
    expect((await post([visit], DATASET_WITHOUT_IDENTIFIER)).status).toBe(201);
    const { data } = await body<Found>(await lookup('C-100002', DATASET_WITHOUT_IDENTIFIER));
    expect(data).toHaveLength(2);
    expect(data[0]).toMatchObject({ store_id: 'STORE-SF-UNION' });
    expect(data[1]).toEqual(visit);
  });

  it('answers 404 for an unknown dataset', async () => {
    expect((await post([{ customer_id: 'x' }], 'nope')).status).toBe(404);
  });
});

describe('upload history', () => {
  it('lists accepted posts newest first, and not rejected ones', async () => {
    await post([{ customer_id: 'C-U1' }, { customer_id: 'C-U2' }], DEMO_DATASET, { _sent_time: '2025-06-01T11:59:59Z' });
    now += 5000;
    await post([{ customer_id: 'C-U3' }]);
    await post([{ customer_id: 'C-U4', email: '' }]);
    const res = await call(`${DATA}/upload/${DEMO_DATASET}/`, { headers: auth(token) });
    expect(res.status).toBe(200);
    const json = await body<Array<Record<string, unknown>>>(res);
    expect(json.meta.count).toBe(2);
    expect(json.data).toHaveLength(2);
    expect(json.data[0]).toMatchObject({ status: 'COMPLETE', row_count: 1, upload_time: new Date(now).toISOString(), sent_time: null });
    expect(json.data[1]).toMatchObject({ status: 'COMPLETE', row_count: 2, upload_time: new Date(now - 5000).toISOString(), sent_time: '2025-06-01T11:59:59Z' });
    for (const entry of json.data) expect(entry).toHaveProperty('import_end_time');
  });

  it('is empty for a dataset with no posts and 404 for an unknown one', async () => {
    const empty = await body<unknown[]>(await call(`${DATA}/upload/${DATASET_WITHOUT_IDENTIFIER}/`, { headers: auth(token) }));
    expect(empty.data).toEqual([]);
    expect((await call(`${DATA}/upload/nope/`, { headers: auth(token) })).status).toBe(404);
  });
});
