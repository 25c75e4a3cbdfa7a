import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseExactJson, stringifyExactJson } from '@/utils/monetate/exact-json';
import type { LookupView, SaveResult } from '@/utils/messages/protocol';
import { editLogItem, recordReadsItem, tokensItem } from '@/utils/storage/items';
import { ODD_FIELDS } from '@/tests/support/odd-values';
import { createFakeMonetate, type FakeSchema } from '@/tests/unit/background/fake-monetate';
import { EXTENSION_PAGE, PLATFORM_TAB, PROFILE_ID, startBackground } from '@/tests/unit/background/harness';

const DATASET = 'customer_attributes';
const ODD_ID = 'C-ODD-0001';

const customers: FakeSchema = {
  name: DATASET,
  named_identifier: 'customer_id',
  fields: {
    customer_id: { data_type: 'STRING', identifier: true, unique_key: true },
    email: { data_type: 'STRING' },
    ...ODD_FIELDS,
  },
};

/** The row as Monetate's bytes give it: what an edit of another field must send back unchanged. */
const ODD_ROW =
  '{"customer_id":"C-ODD-0001","email":"odd@example.com","seen_local":"2025-01-01T10:00:00","seen_space":"2025-01-01 10:00:00+00:00",' +
  '"seen_compact":"2025-01-01T10:00:00+0000","seen_micro":"2025-01-01T10:00:00.123456Z","vip":"TRUE","big":12345678901234567890,"padded":"trailing space "}';

const visits: FakeSchema = {
  name: 'next buy reco semi known users',
  named_identifier: 'customer_id',
  fields: { customer_id: { data_type: 'STRING', identifier: true }, event_time: { data_type: 'DATETIME', event_time: true }, product: { data_type: 'STRING' } },
};
const MULTI_ID = 'MCMID|00002812570000000000000000000001';

let monetate: ReturnType<typeof createFakeMonetate>;
let ask: Awaited<ReturnType<typeof startBackground>>['ask'];
let data: Awaited<ReturnType<typeof startBackground>>['data'];

beforeEach(async () => {
  monetate = createFakeMonetate({ retailer: 'acme' });
  monetate.addSchema(customers);
  monetate.addSchema(visits);
  monetate.setRows(DATASET, [ODD_ROW]);
  monetate.setRows(visits.name, [0, 1, 2].map((i) => JSON.stringify({ customer_id: MULTI_ID, event_time: `2025-0${i + 1}-01T10:00:00Z`, product: `p${i}` })));
  ({ ask, data } = await startBackground(monetate));
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const lookUp = (id: string, dataset = DATASET, sender: object = EXTENSION_PAGE) =>
  data<LookupView>('lookup.record', { dataset, id, callerId: 'test', refresh: true }, sender);

/** Each field of the row last POSTed, as the JSON text it was written with. */
function sentFields(): Record<string, string> {
  const body = parseExactJson(monetate.posts().at(-1)?.body ?? '{}') as { schema_rows: Array<Record<string, unknown>> };
  return Object.fromEntries(Object.entries(body.schema_rows[0] ?? {}).map(([name, value]) => [name, stringifyExactJson(value)]));
}

function fieldsOf(text: string): Record<string, string> {
  return Object.fromEntries(Object.entries(parseExactJson(text) as Record<string, unknown>).map(([name, value]) => [name, stringifyExactJson(value)]));
}

describe('look-ups', () => {
  it.each(['list', 'openapi'] as const)('answer every row Monetate returned, in its order (%s answer shape)', async (shape) => {
    monetate.setRecordShape(shape);
    const view = await lookUp(MULTI_ID, visits.name);
    expect(view.rows.map((row) => row.product)).toEqual(['p0', 'p1', 'p2']);
    expect(view.idTrimmed).toBe(false);
  });

  it('trim the ID people paste and say so, keeping everything else of it exactly', async () => {
    const id = ' \tMCMID|00A+b é 007 ';
    monetate.setRows(visits.name, [JSON.stringify({ customer_id: id.trim(), event_time: null, product: 'x' })]);
    const view = await lookUp(id, visits.name);
    expect(view).toMatchObject({ id: 'MCMID|00A+b é 007', idTrimmed: true });
    expect(view.rows).toHaveLength(1);
    expect(monetate.requests.at(-1)?.id).toBe('MCMID|00A+b é 007');
  });

  it('re-read the schema first when a row names a field the cached schema lacks', async () => {
    await data('schema.get', { name: DATASET });
    monetate.addSchema({ ...customers, fields: { ...customers.fields, loyalty_points: { data_type: 'NUMBER' } } });
    monetate.setRows(DATASET, [ODD_ROW.replace(/}$/, ',"loyalty_points":250}')]);
    const view = await lookUp(ODD_ID);
    expect(Object.keys(view.freshSchema?.fields ?? {})).toContain('loyalty_points');
  });
});

describe('record.save: an edit is composed in the background from the record as read', () => {
  it('sends every untouched value back exactly as Monetate sent it', async () => {
    const view = await lookUp(ODD_ID);
    const saved = await data<SaveResult>('record.save', { dataset: DATASET, mode: 'edit', base: { id: ODD_ID, readAt: view.fetchedAt, row: 0 }, changes: { email: 'new@example.com' } });
    expect(saved).toMatchObject({ recordId: ODD_ID, kind: 'update' });
    expect(sentFields()).toEqual({ ...fieldsOf(ODD_ROW), email: '"new@example.com"' });
    expect(monetate.posts().at(-1)?.body).toContain('"big":12345678901234567890');
  });

  it('refuses a save of a record it has not read, sending nothing', async () => {
    const reply = await ask('record.save', { dataset: DATASET, mode: 'edit', base: { id: ODD_ID, readAt: 5, row: 0 }, changes: { email: 'x@example.com' } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'record_not_read' } });
    expect(monetate.posts()).toHaveLength(0);
  });

  it('refuses a save whose read is older than the schema, then saves once the record is read again, keeping the new field', async () => {
    const first = await lookUp(ODD_ID);
    // Elsewhere: the dataset gains a field, and the record a value for it.
    monetate.addSchema({ ...customers, fields: { ...customers.fields, loyalty_points: { data_type: 'NUMBER' } } });
    monetate.setRows(DATASET, [ODD_ROW.replace(/}$/, ',"loyalty_points":250}')]);
    const stale = await ask('record.save', { dataset: DATASET, mode: 'edit', base: { id: ODD_ID, readAt: first.fetchedAt, row: 0 }, changes: { email: 'x@example.com' } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'read_older_than_schema', detail: expect.stringContaining('loyalty_points') } });
    expect(monetate.posts()).toHaveLength(0);

    const again = await lookUp(ODD_ID);
    await data('record.save', { dataset: DATASET, mode: 'edit', base: { id: ODD_ID, readAt: again.fetchedAt, row: 0 }, changes: { email: 'x@example.com' } });
    expect(sentFields().loyalty_points).toBe('250');
  });

  it('needs a fresh read for a second save: the first changed what Monetate holds', async () => {
    const view = await lookUp(ODD_ID);
    const base = { id: ODD_ID, readAt: view.fetchedAt, row: 0 };
    await data('record.save', { dataset: DATASET, mode: 'edit', base, changes: { email: 'one@example.com' } });
    const second = await ask('record.save', { dataset: DATASET, mode: 'edit', base, changes: { padded: 'two' } });
    expect(second).toMatchObject({ ok: false, error: { code: 'record_not_read' } });
    expect(monetate.posts()).toHaveLength(1);
  });

  it('forgets what it read when the key is locked', async () => {
    const view = await lookUp(ODD_ID);
    expect(await recordReadsItem.getValue()).toHaveLength(1);
    await data('vault.lock', { profileId: PROFILE_ID });
    expect(await recordReadsItem.getValue()).toEqual([]);
    await tokensItem.setValue({ [PROFILE_ID]: { token: 'token-1', expiresAt: Date.now() + 3_600_000, issuedAt: Date.now() } });
    const reply = await ask('record.save', { dataset: DATASET, mode: 'edit', base: { id: ODD_ID, readAt: view.fetchedAt, row: 0 }, changes: { email: 'x@example.com' } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'record_not_read' } });
  });
});

describe('record.save from a content script (the overlay)', () => {
  it('cannot null anything with a partial row: the fields it leaves out are sent as read', async () => {
    const view = await lookUp(ODD_ID, DATASET, PLATFORM_TAB);
    await data('record.save', { dataset: DATASET, mode: 'edit', base: { id: ODD_ID, readAt: view.fetchedAt, row: 0 }, changes: { padded: 'clean' } }, PLATFORM_TAB);
    const sent = sentFields();
    expect(sent).toEqual({ ...fieldsOf(ODD_ROW), padded: '"clean"' });
    expect(Object.values(sent)).not.toContain('null');
  });

  it('cannot send a whole row of its own: the old row-and-before payload is refused', async () => {
    await lookUp(ODD_ID, DATASET, PLATFORM_TAB);
    const reply = await ask('record.save', { dataset: DATASET, mode: 'edit', row: { customer_id: ODD_ID, email: 'x@example.com' }, before: null }, PLATFORM_TAB);
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad_message' } });
    expect(monetate.posts()).toHaveLength(0);
  });

  it('gets a plain refusal, not a stack overflow, for a value nested absurdly deep', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const reply = await ask('record.save', { dataset: DATASET, mode: 'create', changes: { customer_id: 'C-DEEP', email: deep } }, PLATFORM_TAB);
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad_message' } });
    expect(monetate.requests).toHaveLength(0);
  });

  it('cannot replace an existing record by "creating" it with a partial row', async () => {
    const reply = await ask('record.save', { dataset: DATASET, mode: 'create', changes: { customer_id: ODD_ID, email: 'x@example.com' } }, PLATFORM_TAB);
    expect(reply).toMatchObject({ ok: false, error: { code: 'record_exists' } });
    expect(monetate.posts()).toHaveLength(0);
    expect(monetate.rowsOf(DATASET)).toEqual([ODD_ROW]);
  });
});

describe('record.save: adding a row to a dataset without a unique key', () => {
  it('sends the chosen row with the change as one new row; the others stay', async () => {
    const view = await lookUp(MULTI_ID, visits.name);
    const saved = await data<SaveResult>('record.save', { dataset: visits.name, mode: 'add_row', base: { id: MULTI_ID, readAt: view.fetchedAt, row: 2 }, changes: { product: 'p3' } });
    expect(saved.kind).toBe('add_row');
    expect(monetate.rowsOf(visits.name).map((text) => (parseExactJson(text) as { product: string }).product)).toEqual(['p0', 'p1', 'p2', 'p3']);
    expect(sentFields()).toEqual({ customer_id: JSON.stringify(MULTI_ID), event_time: '"2025-03-01T10:00:00Z"', product: '"p3"' });
  });
});

describe('write outcomes and the edit log', () => {
  it('writes the entry as "sent" before the request leaves, and its result when the answer comes', async () => {
    const view = await lookUp(ODD_ID);
    let seenWhileSending: unknown;
    monetate.once(
      (request) => request.method === 'POST',
      async () => {
        seenWhileSending = (await editLogItem.getValue())[0]?.result;
        return { status: 201, text: '{"meta":{"code":201},"data":{"schema_rows":[]}}' };
      },
    );
    await data('record.save', { dataset: DATASET, mode: 'edit', base: { id: ODD_ID, readAt: view.fetchedAt, row: 0 }, changes: { email: 'x@example.com' } });
    expect(seenWhileSending).toBe('sent');
    const [entry] = await editLogItem.getValue();
    expect(entry).toMatchObject({ result: 'saved', recordId: ODD_ID, kind: 'update', changes: [{ field: 'email', before: 'odd@example.com', after: 'x@example.com' }] });
  });

  it('calls a 500 to a save "outcome unknown", in its answer and in the log', async () => {
    const view = await lookUp(ODD_ID);
    monetate.once((request) => request.method === 'POST', { status: 500 });
    const reply = await ask('record.save', { dataset: DATASET, mode: 'edit', base: { id: ODD_ID, readAt: view.fetchedAt, row: 0 }, changes: { email: 'x@example.com' } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'outcome_unknown' } });
    expect((await editLogItem.getValue())[0]?.result).toBe('outcome_unknown');
  });

  it('keeps both entries of two saves that finish at once', async () => {
    monetate.setRows(DATASET, [ODD_ROW, ODD_ROW.replace(ODD_ID, 'C-ODD-0002')]);
    const one = await lookUp(ODD_ID);
    const two = await lookUp('C-ODD-0002');
    await Promise.all([
      data('record.save', { dataset: DATASET, mode: 'edit', base: { id: ODD_ID, readAt: one.fetchedAt, row: 0 }, changes: { email: 'a@example.com' } }),
      data('record.save', { dataset: DATASET, mode: 'edit', base: { id: 'C-ODD-0002', readAt: two.fetchedAt, row: 0 }, changes: { email: 'b@example.com' } }),
    ]);
    const log = await editLogItem.getValue();
    expect(log.map((entry) => entry.recordId).sort()).toEqual([ODD_ID, 'C-ODD-0002']);
    expect(log.every((entry) => entry.result === 'saved')).toBe(true);
  });

  it('says a 429 to a save was not taken, and does not retry it', async () => {
    const view = await lookUp(ODD_ID);
    monetate.once((request) => request.method === 'POST', { status: 429 });
    const reply = await ask('record.save', { dataset: DATASET, mode: 'edit', base: { id: ODD_ID, readAt: view.fetchedAt, row: 0 }, changes: { email: 'x@example.com' } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'write_rate_limited' } });
    expect(monetate.posts()).toHaveLength(1);
  });
});

describe('a 401 to a schema read or a save', () => {
  it('gets one fresh token and sends once more, as look-ups do', async () => {
    await data('key.generate', { profileId: PROFILE_ID, bits: 2048, passphrase: 'a long enough passphrase for tests' });
    await tokensItem.setValue({ [PROFILE_ID]: { token: 'token-1', expiresAt: Date.now() + 3_600_000, issuedAt: Date.now() } });
    const isAuth = (request: { path: string }) => request.path.startsWith('/api/auth/');
    const fresh = { status: 200, text: JSON.stringify({ meta: { code: 200 }, data: { token: 'token-2', issued_at: 1, expires_in: 3600, expires_at: 3601 } }) };
    const view = await lookUp(ODD_ID);

    monetate.once((request) => request.path.includes('/schema/'), { status: 401 });
    monetate.once(isAuth, fresh);
    await data('schema.get', { name: DATASET, refresh: true });
    expect(monetate.requests.slice(-3).map((request) => [request.method, isAuth(request) ? 'auth' : request.path.includes('/schema/') ? 'schema' : 'data', request.authorization?.split(' ')[0]])).toEqual([
      ['GET', 'schema', 'Token'],
      ['GET', 'auth', 'JWT'],
      ['GET', 'schema', 'Token'],
    ]);
    expect(monetate.requests.at(-1)?.authorization).toBe('Token token-2');

    monetate.once((request) => request.method === 'POST', { status: 401 });
    monetate.once(isAuth, { ...fresh, text: fresh.text.replace('token-2', 'token-3') });
    await data('record.save', { dataset: DATASET, mode: 'edit', base: { id: ODD_ID, readAt: view.fetchedAt, row: 0 }, changes: { email: 'x@example.com' } });
    expect(monetate.posts().map((request) => request.authorization)).toEqual(['Token token-2', 'Token token-3']);
    expect((await editLogItem.getValue()).map((entry) => entry.result)).toEqual(['saved']);
  });
});

describe('a 403 to a save', () => {
  it('from a Read-Only API User (the same token still reads) says read-only and keeps the token', async () => {
    const view = await lookUp(ODD_ID);
    monetate.once((request) => request.method === 'POST', { status: 403 });
    const reply = await ask('record.save', { dataset: DATASET, mode: 'edit', base: { id: ODD_ID, readAt: view.fetchedAt, row: 0 }, changes: { email: 'x@example.com' } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'read_only_user' } });
    expect((await tokensItem.getValue())[PROFILE_ID]?.token).toBe('token-1');
    // The probe was one schema read with the same token.
    expect(monetate.requests.at(-1)).toMatchObject({ method: 'GET', path: `/api/data/v1/acme/production/schema/${DATASET}/`, authorization: 'Token token-1' });
  });

  it('from a deactivated key (reads refused too) says so and forgets the token', async () => {
    const view = await lookUp(ODD_ID);
    monetate.once((request) => request.method === 'POST', { status: 403 });
    monetate.once((request) => request.method === 'GET' && request.path.includes('/schema/'), { status: 403 });
    const reply = await ask('record.save', { dataset: DATASET, mode: 'edit', base: { id: ODD_ID, readAt: view.fetchedAt, row: 0 }, changes: { email: 'x@example.com' } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'revoked' } });
    expect((await tokensItem.getValue())[PROFILE_ID]).toBeUndefined();
  });

  it('to a schema read forgets the token too', async () => {
    monetate.once((request) => request.path.includes('/schema/'), { status: 403 });
    expect(await ask('schema.get', { name: DATASET, refresh: true })).toMatchObject({ ok: false, error: { code: 'revoked' } });
    expect((await tokensItem.getValue())[PROFILE_ID]).toBeUndefined();
  });
});
