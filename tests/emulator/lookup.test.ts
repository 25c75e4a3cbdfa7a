import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator } from '@/emulator/app.ts';
import {
  DATASET_WITHOUT_IDENTIFIER,
  DEMO_DATASET,
  HTML_RECORD_ID,
  MIXED_CASE_IDS,
  MULTI_ROW_ID,
  SAMPLE_RECORD_ID,
  SPACED_DATASET,
  SPECIAL_RECORD_ID,
} from '@/emulator/demo-data.ts';
import { startEmulator } from '@/emulator/server.ts';
import { auth, body, DATA, lookupPath, rsaKeyPair, tokenFor, viaApp, viaFetch, type Call, type TestKeyPair } from '@/tests/emulator/helpers.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A look-up's data in the default record shape: the list of rows. */
type Rows = Array<Record<string, unknown>>;

let keysA: TestKeyPair;
let keysB: TestKeyPair;
beforeAll(() => {
  keysA = rsaKeyPair();
  keysB = rsaKeyPair();
});

describe('look-up rate limit over HTTP (real time)', () => {
  let server: Awaited<ReturnType<typeof startEmulator>>;
  let call: Call;
  let tokenA: string;
  let tokenB: string;

  beforeAll(async () => {
    server = await startEmulator({ port: 0 });
    call = viaFetch(server.url);
    tokenA = await tokenFor(call, 'api-user-a', keysA);
    tokenB = await tokenFor(call, 'api-user-b', keysB);
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    // Each test starts with both users' windows clear.
    await sleep(1100);
    await call('/__admin/requests', { method: 'DELETE' });
  });

  it('answers 200, then 429 within one second (without Retry-After), then 200 after a second', async () => {
    const first = await call(lookupPath(SAMPLE_RECORD_ID), { headers: auth(tokenA) });
    const startedAt = Date.now();
    expect(first.status).toBe(200);
    const second = await call(lookupPath(SAMPLE_RECORD_ID), { headers: auth(tokenA) });
    expect(second.status).toBe(429);
    expect(second.headers.get('Retry-After')).toBeNull();
    const json = await body(second);
    expect(json.meta.code).toBe(429);
    expect(json.meta.errors?.[0]?.message).toMatch(/1 request per second/);

    await sleep(Math.max(0, 1000 - (Date.now() - startedAt)) + 50);
    expect((await call(lookupPath(SAMPLE_RECORD_ID), { headers: auth(tokenA) })).status).toBe(200);

    const { requests } = (await (await call('/__admin/requests')).json()) as { requests: Array<{ status: number; arrivedAt: number }> };
    expect(requests.map((r) => r.status)).toEqual([200, 429, 200]);
    const [a, , c] = requests;
    expect(c!.arrivedAt - a!.arrivedAt).toBeGreaterThanOrEqual(1000);
  });

  it('limits each API user independently', async () => {
    const [a, b] = await Promise.all([
      call(lookupPath(SAMPLE_RECORD_ID), { headers: auth(tokenA) }),
      call(lookupPath(SAMPLE_RECORD_ID), { headers: auth(tokenB) }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect((await call(lookupPath(SAMPLE_RECORD_ID), { headers: auth(tokenB) })).status).toBe(429);
  });
});

describe('look-ups (in-process, controlled clock)', () => {
  let now: number;
  let call: Call;
  let token: string;

  beforeEach(async () => {
    now = Date.UTC(2025, 5, 1, 12);
    const emulator = createEmulator({ now: () => now });
    call = viaApp(emulator);
    token = await tokenFor(call, 'api-demo-inspector', keysA, now);
  });

  /** Each look-up waits out the limiter on the fake clock. */
  async function lookup(path: string, headers = auth(token)): Promise<Response> {
    now += 1000;
    return call(path, { headers });
  }

  it('counts a throttled look-up as nothing: the window runs from the last accepted arrival', async () => {
    expect((await call(lookupPath(SAMPLE_RECORD_ID), { headers: auth(token) })).status).toBe(200);
    now += 600;
    expect((await call(lookupPath(SAMPLE_RECORD_ID), { headers: auth(token) })).status).toBe(429);
    now += 399;
    expect((await call(lookupPath(SAMPLE_RECORD_ID), { headers: auth(token) })).status).toBe(429);
    now += 1;
    expect((await call(lookupPath(SAMPLE_RECORD_ID), { headers: auth(token) })).status).toBe(200);
  });

  it('returns every schema field with JSON types matching the schema', async () => {
    const res = await lookup(lookupPath(SAMPLE_RECORD_ID));
    expect(res.status).toBe(200);
    const { data, meta } = await body<Rows>(res);
    expect(meta.code).toBe(200);
    expect(data).toHaveLength(1);
    const row = data[0]!;
    expect(Object.keys(row)).toEqual([
      'customer_id', 'email', 'first_name', 'loyalty_tier', 'lifetime_value', 'orders_count', 'is_subscribed', 'last_purchase_at', 'favorite_categories', 'notes',
    ]);
    expect(row.customer_id).toBe(SAMPLE_RECORD_ID);
    expect(typeof row.lifetime_value).toBe('number');
    expect(typeof row.orders_count).toBe('number');
    expect(typeof row.is_subscribed).toBe('boolean');
    expect(row.last_purchase_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
    expect(typeof row.favorite_categories).toBe('string');
    expect(row.notes).toBeNull();
  });

  it('round-trips an ID with / ? # % space and é, however the query is encoded', async () => {
    const viaComponent = await lookup(lookupPath(SPECIAL_RECORD_ID));
    expect(viaComponent.status).toBe(200);
    expect((await body<Rows>(viaComponent)).data[0]?.customer_id).toBe(SPECIAL_RECORD_ID);
    const viaSearchParams = await lookup(`${DATA}/data/${DEMO_DATASET}/?${new URLSearchParams({ id: SPECIAL_RECORD_ID }).toString()}`);
    expect((await body<Rows>(viaSearchParams)).data[0]?.customer_id).toBe(SPECIAL_RECORD_ID);
  });

  it('returns HTML in values as plain JSON strings', async () => {
    const { data } = await body<Rows>(await lookup(lookupPath(HTML_RECORD_ID)));
    expect(data[0]?.first_name).toBe('<img src=x onerror=alert(1)>');
    expect(data[0]?.notes).toContain('<script>alert(1)</script>');
  });

  it('answers 404 naming the dataset and the ID', async () => {
    const res = await lookup(lookupPath('C-999999'));
    expect(res.status).toBe(404);
    const message = (await body(res)).meta.errors?.[0]?.message ?? '';
    expect(message).toContain(DEMO_DATASET);
    expect(message).toContain('C-999999');
  });

  it('answers 400 without an id, 404 for an unknown dataset or retailer', async () => {
    const missing = await lookup(`${DATA}/data/${DEMO_DATASET}/`);
    expect(missing.status).toBe(400);
    expect((await body(missing)).meta.errors?.[0]?.field).toBe('id');
    const unknownDataset = await lookup(lookupPath(SAMPLE_RECORD_ID, 'no_such_dataset'));
    expect(unknownDataset.status).toBe(404);
    expect((await body(unknownDataset)).meta.errors?.[0]?.message).toContain('no_such_dataset');
    const unknownRetailer = await lookup(`/api/data/v1/other/production/data/${DEMO_DATASET}/?id=${SAMPLE_RECORD_ID}`);
    expect(unknownRetailer.status).toBe(404);
  });

  it('answers with every row of the ID, in stored order, for a dataset without a unique key', async () => {
    const { data } = await body<Rows>(await lookup(lookupPath('C-100001', DATASET_WITHOUT_IDENTIFIER)));
    expect(data.map((r) => [r.customer_id, r.visit_time, r.store_id])).toEqual([
      ['C-100001', '2025-05-01T09:15:00Z', 'STORE-NYC-5TH'],
      ['C-100001', '2025-05-19T17:45:30Z', 'STORE-NYC-SOHO'],
    ]);
  });

  it('finds every row of an ID with | in a dataset whose name has spaces, at the encoded path', async () => {
    const res = await lookup(lookupPath(MULTI_ROW_ID, SPACED_DATASET));
    expect(new URL(lookupPath(MULTI_ROW_ID, SPACED_DATASET), 'http://x').pathname).toContain('next%20buy%20reco%20semi%20known%20users');
    expect(res.status).toBe(200);
    const { data } = await body<Rows>(res);
    expect(data).toHaveLength(3);
    expect(new Set(data.map((r) => r.customer_id))).toEqual(new Set([MULTI_ROW_ID]));
  });

  it('treats IDs as case-sensitive: two IDs differing in case are two records, a third casing is not found', async () => {
    const [lower, upper] = MIXED_CASE_IDS;
    const a = (await body<Rows>(await lookup(lookupPath(lower, SPACED_DATASET)))).data;
    const b = (await body<Rows>(await lookup(lookupPath(upper, SPACED_DATASET)))).data;
    expect(a.map((r) => r.customer_id)).toEqual([lower]);
    expect(b.map((r) => r.customer_id)).toEqual([upper]);
    expect(a[0]?.next_buy_sku).not.toBe(b[0]?.next_buy_sku);
    expect((await lookup(lookupPath(lower.toUpperCase(), SPACED_DATASET))).status).toBe(404);
  });

  it('answers data as the list of rows by default, what live clients read', async () => {
    const { data } = await body<unknown>(await lookup(lookupPath(SAMPLE_RECORD_ID)));
    expect(Array.isArray(data)).toBe(true);
    expect((data as Rows)[0]?.customer_id).toBe(SAMPLE_RECORD_ID);
  });

  it('answers data.schema_rows, the OpenAPI shape, when created with recordShape openapi', async () => {
    const openapi = viaApp(createEmulator({ now: () => now, recordShape: 'openapi' }));
    const openapiToken = await tokenFor(openapi, 'api-demo-inspector', keysA, now);
    const { data } = await body<{ schema_rows: Rows }>(await openapi(lookupPath(MULTI_ROW_ID, SPACED_DATASET), { headers: auth(openapiToken) }));
    expect(Object.keys(data)).toEqual(['schema_rows']);
    expect(data.schema_rows.map((r) => r.customer_id)).toEqual([MULTI_ROW_ID, MULTI_ROW_ID, MULTI_ROW_ID]);
  });

  it('does not count look-ups rejected for authentication', async () => {
    expect((await call(lookupPath(SAMPLE_RECORD_ID), { headers: auth('bad') })).status).toBe(401);
    expect((await call(lookupPath(SAMPLE_RECORD_ID), { headers: auth(token) })).status).toBe(200);
  });
});
