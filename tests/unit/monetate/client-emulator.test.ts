import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type RecordShape } from '@/emulator/app.ts';
import {
  DEMO_API_USER,
  DEMO_DATASET,
  DEMO_RETAILER,
  MIXED_CASE_IDS,
  MULTI_ROW_ID,
  ODD_VALUES,
  ODD_VALUES_RECORD_ID,
  SPACED_DATASET,
} from '@/emulator/demo-data.ts';
import { AppError } from '@/utils/errors';
import { createMonetateClient, type MonetateClient } from '@/utils/monetate';
import { jsonInit, rsaKeyPair, tokenFor, viaApp, type Call, type TestKeyPair } from '@/tests/emulator/helpers';

/** The real client against the emulator in-process, with a clock the tests step past the 1/s limit. */
const target = { baseUrl: 'http://emulator.test', retailer: DEMO_RETAILER };

let keys: TestKeyPair;
beforeAll(() => {
  keys = rsaKeyPair();
});

let now: number;
let admin: Call;
let client: MonetateClient;
let token: string;

function setUp(recordShape: RecordShape) {
  beforeEach(async () => {
    now = Date.UTC(2025, 5, 1, 12);
    const emulator = createEmulator({ now: () => now, recordShape });
    admin = viaApp(emulator);
    client = createMonetateClient({ fetch: async (input, init) => emulator.app.request(String(input), init), now: () => now });
    token = await tokenFor(admin, DEMO_API_USER, keys, now);
  });
}

async function lookup(dataset: string, id: string) {
  now += 1000;
  return client.lookupRecord(target, token, dataset, id);
}

async function adminText(dataset: string, id: string): Promise<string> {
  return (await admin(`/__admin/records?${new URLSearchParams({ dataset, id }).toString()}`)).text();
}

describe.each<RecordShape>(['list', 'openapi'])('client look-ups against the emulator answering in the %s shape', (shape) => {
  setUp(shape);

  it('returns every row of an ID with | in a dataset named with spaces, in server order', async () => {
    const { record, rows } = await lookup(SPACED_DATASET, MULTI_ROW_ID);
    expect(rows.map((r) => r.event_time)).toEqual(['2025-03-02T08:15:00.123456Z', '2025-02-27T23:59:59Z', '2025-03-04T17:45:30Z']);
    expect(record).toBe(rows[0]);
  });

  it('keeps IDs case-sensitive', async () => {
    const [lower, upper] = MIXED_CASE_IDS;
    expect((await lookup(SPACED_DATASET, lower)).record?.customer_id).toBe(lower);
    expect((await lookup(SPACED_DATASET, upper)).record?.customer_id).toBe(upper);
  });

  it('reads the odd record exactly: big number, "TRUE", spaced date, trailing space', async () => {
    const { record } = await lookup(DEMO_DATASET, ODD_VALUES_RECORD_ID);
    expect(record).toMatchObject({
      lifetime_value: { $exactNumber: ODD_VALUES.lifetime_value },
      is_subscribed: 'TRUE',
      last_purchase_at: ODD_VALUES.last_purchase_at,
      notes: ODD_VALUES.notes,
    });
  });

  it('reports a missing ID as not_found (404)', async () => {
    const error = await lookup(DEMO_DATASET, 'C-NOPE').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('not_found');
  });
});

describe('client look-ups against odd emulator answers', () => {
  setUp('list');

  async function answerNextLookupWith(body: string) {
    const res = await admin('/__admin/faults', jsonInit('POST', { target: 'lookup', kind: 'status', status: 200, body, contentType: 'application/json' }));
    expect(res.status).toBe(201);
  }

  it('takes an empty list as not found', async () => {
    await answerNextLookupWith('{"meta":{"code":200},"data":[]}');
    expect(await lookup(DEMO_DATASET, 'C-100001')).toEqual({ record: null, rows: [] });
  });

  it('keeps a row value such as {"toString":1}', async () => {
    await answerNextLookupWith('{"meta":{"code":200},"data":[{"customer_id":"C-1","notes":{"toString":1}}]}');
    expect((await lookup(DEMO_DATASET, 'C-1')).record?.notes).toEqual({ toString: 1 });
  });

  it('names a wrong shape', async () => {
    await answerNextLookupWith('{"meta":{"code":200},"data":"C-1"}');
    const error = (await lookup(DEMO_DATASET, 'C-1').catch((e: unknown) => e)) as AppError;
    expect([error.code, error.detail]).toEqual(['bad_response', 'unexpected record answer (data is a string)']);
  });
});

describe('client writes and schemas against the emulator', () => {
  setUp('list');

  /** The JSON text of one field in the admin answer for a single-row ID. */
  function fieldText(answer: string, field: string): string | undefined {
    return new RegExp(`"${field}":(.*?)(?:,"|}]})`).exec(answer)?.[1];
  }

  it('sends the odd record values back exactly as the server stored them', async () => {
    const before = await adminText(DEMO_DATASET, ODD_VALUES_RECORD_ID);
    const { record } = await lookup(DEMO_DATASET, ODD_VALUES_RECORD_ID);
    // The notes' trailing space is refused on POST (see the next test), so this save leaves it out.
    const { notes: _notes, ...sendable } = record ?? {};
    const result = await client.postRows(target, token, DEMO_DATASET, [sendable]);
    expect(result.status).toBe(201);
    expect(result.rows[0]?.lifetime_value).toEqual({ $exactNumber: ODD_VALUES.lifetime_value });
    const after = await adminText(DEMO_DATASET, ODD_VALUES_RECORD_ID);
    expect(fieldText(before, 'lifetime_value')).toBe(ODD_VALUES.lifetime_value);
    for (const field of ['customer_id', 'email', 'lifetime_value', 'orders_count', 'is_subscribed', 'last_purchase_at', 'favorite_categories']) {
      expect(fieldText(after, field), field).toBe(fieldText(before, field));
    }
    expect(fieldText(after, 'notes')).toBe('null');
  });

  it('gets a 400 naming notes when the odd record is sent back whole: a trailing space is not a valid STRING', async () => {
    const { record } = await lookup(DEMO_DATASET, ODD_VALUES_RECORD_ID);
    const error = (await client.postRows(target, token, DEMO_DATASET, [record ?? {}]).catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('validation');
    expect(error.fields?.map((f) => f.field)).toEqual(['notes']);
  });

  it('lists datasets and reads a schema that has a field of an unknown type', async () => {
    await admin('/__admin/schema-fields', jsonInit('POST', { dataset: SPACED_DATASET, fields: { home: { data_type: 'GEO_POINT' } } }));
    const list = await client.listSchemas(target, token);
    expect(list.map((s) => s.name)).toContain(SPACED_DATASET);
    const schema = await client.getSchema(target, token, SPACED_DATASET);
    expect(schema.fields.home?.data_type).toBe('GEO_POINT');
    expect(schema.fields.event_time?.data_type).toBe('DATETIME');
  });
});
