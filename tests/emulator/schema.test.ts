import { beforeEach, describe, expect, it } from 'vitest';
import { DATASET_WITHOUT_IDENTIFIER, DEMO_DATASET, SPACED_DATASET } from '@/emulator/demo-data.ts';
import { auth, body, DATA, jsonInit, lookupPath, type Call, EMULATOR_START_MS, signedInEmulator } from '@/tests/emulator/helpers.ts';

type Schema = { id: number; name: string; type: string; named_identifier?: string; created_date: string; fields: Record<string, Record<string, unknown>> };

let now: number, call: Call, token: string;
beforeEach(async () => {
  now = EMULATOR_START_MS;
  ({ call, token } = await signedInEmulator(() => now));
});

const get = (path: string) => call(`${DATA}${path}`, { headers: auth(token) });
const patch = (name: string, payload: unknown) => call(`${DATA}/schema/${name}/`, jsonInit('PATCH', payload, auth(token)));

async function expect400(res: Response, message: RegExp, field?: string): Promise<void> {
  expect(res.status).toBe(400);
  const error = (await body(res)).meta.errors?.[0];
  expect(error?.message).toMatch(message);
  if (field !== undefined) expect(error?.field).toBe(field);
}

describe('GET schema', () => {
  it('lists every dataset with count and OpenAPI-shaped schemas', async () => {
    const res = await get('/schema/');
    expect(res.status).toBe(200);
    const json = await body<Schema[]>(res);
    expect(json.meta.count).toBe(3);
    expect(json.data.map((s) => s.name)).toEqual([DEMO_DATASET, DATASET_WITHOUT_IDENTIFIER, SPACED_DATASET]);
    const [attributes, visits, spaced] = json.data;
    expect(attributes).toMatchObject({ type: 'attribute', named_identifier: 'customer_id', id: expect.any(Number), created_date: expect.stringMatching(/Z$/) });
    expect(attributes?.fields.customer_id).toEqual({ data_type: 'STRING', identifier: true, unique_key: true, event_time: false, required: true });
    const types = new Set(Object.values(attributes?.fields ?? {}).map((f) => f.data_type));
    expect(types).toEqual(new Set(['STRING', 'MULTI_STRING', 'NUMBER', 'DATETIME', 'BOOLEAN']));
    expect(visits).not.toHaveProperty('named_identifier');
    expect(visits?.fields.visit_time).toMatchObject({ data_type: 'DATETIME', event_time: true, required: true });
    expect(spaced?.fields.event_time).toMatchObject({ data_type: 'DATETIME', event_time: true });
    expect(Object.values(spaced?.fields ?? {}).some((f) => f.unique_key)).toBe(false);
  });

  it('serves a dataset whose name has spaces at its percent-encoded path', async () => {
    const res = await get(`/schema/${encodeURIComponent(SPACED_DATASET)}/`);
    expect(res.status).toBe(200);
    expect((await body<Schema>(res)).data.name).toBe(SPACED_DATASET);
  });

  it('returns one schema, with row_count when asked, and 404 for an unknown one', async () => {
    const json = await body<Schema & { row_count: number }>(await get(`/schema/${DEMO_DATASET}/?row_count=true`));
    expect(json.data.name).toBe(DEMO_DATASET);
    expect(json.data.row_count).toBeGreaterThanOrEqual(52);
    const missing = await get('/schema/nope/');
    expect(missing.status).toBe(404);
    expect((await body(missing)).meta.errors?.[0]?.message).toContain('nope');
  });

  it('lists schema types and details the product type from the OpenAPI', async () => {
    const list = await body<Array<{ name: string }>>(await get('/schematype/'));
    expect(list.data.map((t) => t.name)).toEqual(expect.arrayContaining(['attribute', 'event', 'product']));
    expect(list.meta.count).toBe(list.data.length);
    const product = await body<{ name: string; fields: Record<string, Record<string, unknown>> }>(await get('/schematype/product/'));
    expect(product.data.fields.id).toEqual({ data_type: 'STRING', identifier: true, unique_key: true, event_time: false, required: true });
    expect(product.data.fields.price).toMatchObject({ data_type: 'NUMBER', required: true });
    expect((await get('/schematype/nope/')).status).toBe(404);
  });
});

describe('PATCH schema', () => {
  it('adds attributes, answers with the fields, and existing records read them as null', async () => {
    const res = await patch(DEMO_DATASET, { fields: { shoe_size: { data_type: 'NUMBER' }, Nick_Name_2: { data_type: 'STRING', required: false } } });
    expect(res.status).toBe(200);
    const { data, meta } = await body<{ fields: Record<string, unknown> }>(res);
    expect(meta.code).toBe(200);
    expect(data.fields.shoe_size).toEqual({ data_type: 'NUMBER', identifier: false, unique_key: false, event_time: false, required: false });
    expect(data.fields).toHaveProperty('customer_id');
    const record = await body<Array<Record<string, unknown>>>(await call(lookupPath('C-100001'), { headers: auth(token) }));
    expect(record.data[0]).toMatchObject({ shoe_size: null, Nick_Name_2: null });
    const schema = await body<Schema>(await get(`/schema/${DEMO_DATASET}/`));
    expect(Object.keys(schema.data.fields).slice(-2)).toEqual(['shoe_size', 'Nick_Name_2']);
  });

  it('sets the Identifier Name', async () => {
    const res = await patch(DATASET_WITHOUT_IDENTIFIER, { named_identifier: 'visitor_id' });
    expect(res.status).toBe(200);
    expect((await body(res)).data).toEqual({ named_identifier: 'visitor_id' });
    expect((await body<Schema>(await get(`/schema/${DATASET_WITHOUT_IDENTIFIER}/`))).data.named_identifier).toBe('visitor_id');
  });

  it('rejects both fields and named_identifier, and neither', async () => {
    await expect400(await patch(DEMO_DATASET, { fields: { a: { data_type: 'STRING' } }, named_identifier: 'x' }), /not both/);
    await expect400(await patch(DEMO_DATASET, {}), /either/);
  });

  it('rejects a field that already exists', async () => {
    await expect400(await patch(DEMO_DATASET, { fields: { email: { data_type: 'STRING' } } }), /already exists/, 'email');
  });

  it.each(['1st_name', '_hidden', 'has-hyphen', 'has space', 'é_accent', 'a'.repeat(65), ''])('rejects the field name %j', async (name) => {
    await expect400(await patch(DEMO_DATASET, { fields: { [name]: { data_type: 'STRING' } } }), /Field name/, name);
  });

  it('accepts a 64-character field name', async () => {
    expect((await patch(DEMO_DATASET, { fields: { ['a'.repeat(64)]: { data_type: 'BOOLEAN' } } })).status).toBe(200);
  });

  it('rejects unknown data types, identifier/unique_key flags and non-boolean flags', async () => {
    await expect400(await patch(DEMO_DATASET, { fields: { x: { data_type: 'TEXT' } } }), /data_type must be one of/, 'x');
    await expect400(await patch(DEMO_DATASET, { fields: { x: { data_type: 'STRING', identifier: true } } }), /identifier/, 'x');
    await expect400(await patch(DEMO_DATASET, { fields: { x: { data_type: 'STRING', unique_key: true } } }), /unique key/, 'x');
    await expect400(await patch(DEMO_DATASET, { fields: { x: { data_type: 'STRING', required: 'yes' } } }), /true or false/, 'x');
    await expect400(await patch(DEMO_DATASET, { fields: {} }), /at least one/);
  });

  it('allows up to 40 fields and rejects the 41st', async () => {
    const current = Object.keys((await body<Schema>(await get(`/schema/${DEMO_DATASET}/`))).data.fields).length;
    const fill = Object.fromEntries(Array.from({ length: 40 - current }, (_, i) => [`extra_${i}`, { data_type: 'STRING' }]));
    expect((await patch(DEMO_DATASET, { fields: fill })).status).toBe(200);
    await expect400(await patch(DEMO_DATASET, { fields: { one_too_many: { data_type: 'STRING' } } }), /at most 40 fields/);
  });

  it.each(['has space', 'dash-ed', '', 'ünï', 42])('rejects the named_identifier %j', async (value) => {
    await expect400(await patch(DEMO_DATASET, { named_identifier: value }), /named_identifier/, 'named_identifier');
  });

  it('rejects a non-JSON body and an unknown dataset', async () => {
    const res = await call(`${DATA}/schema/${DEMO_DATASET}/`, { method: 'PATCH', headers: auth(token), body: 'fields=1' });
    await expect400(res, /JSON object/);
    expect((await patch('nope', { named_identifier: 'x' })).status).toBe(404);
  });
});
