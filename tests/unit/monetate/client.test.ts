import { afterEach, describe, expect, it, vi } from 'vitest';
import { KNOWN_DATA_TYPES, MonetateError, createMonetateClient, isKnownDataType } from '@/utils/monetate';
import { failureOf } from '@/tests/support/failure';

const target = { baseUrl: 'https://api.monetate.net/', retailer: 'acme' };
const root = 'https://api.monetate.net/api/data/v1/acme/production';

function json(status: number, data: unknown, headers: Record<string, string> = {}, meta: Record<string, unknown> = {}): Response {
  return new Response(JSON.stringify({ meta: { code: status, ...meta }, data }), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

type Answer = Response | Error | ((init: RequestInit) => Promise<Response>);

/** A fetch that answers in turn and remembers what it was asked. */
function fakeFetch(...answers: Answer[]) {
  return vi.fn(async (_input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const answer = answers.shift();
    if (answer === undefined) throw new Error('unexpected extra request');
    if (answer instanceof Error) throw answer;
    if (typeof answer === 'function') return answer(init);
    return answer;
  });
}

/** A fetch that never answers until its signal aborts, like a stalled network. */
function hangingFetch() {
  return vi.fn(
    (_input: RequestInfo | URL, init: RequestInit = {}) =>
      new Promise<Response>((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
      }),
  );
}

const failure = failureOf;

function headersOf(fetch: ReturnType<typeof fakeFetch>, call = 0): Record<string, string> {
  return (fetch.mock.calls[call]?.[1]?.headers ?? {}) as Record<string, string>;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Monetate client: tokens', () => {
  const tokenData = { token: '1.abc.def', issued_at: 1_700_000_000.5, expires_in: 3600, expires_at: 1_700_003_600.5 };

  it('trades a JWT for a token with a JWT Authorization header and reports the server clock', async () => {
    const fetch = fakeFetch(json(200, tokenData, { Date: 'Tue, 14 Nov 2023 22:13:20 GMT' }));
    const client = createMonetateClient({ fetch });
    const result = await client.refreshToken(target, 'eyJ.payload.sig', 3600);
    expect(result.answer).toEqual(tokenData);
    expect(result.serverDateMs).toBe(Date.parse('Tue, 14 Nov 2023 22:13:20 GMT'));
    expect(fetch.mock.calls[0]?.[0]).toBe('https://api.monetate.net/api/auth/v0/refresh/?ttl=3600');
    expect(fetch.mock.calls[0]?.[1]?.method).toBe('GET');
    expect(headersOf(fetch)).toMatchObject({ Authorization: 'JWT eyJ.payload.sig', Accept: 'application/json' });
  });

  it('says what Monetate said on 401 and carries its clock for skew detection', async () => {
    const fetch = fakeFetch(
      json(401, {}, { Date: 'Tue, 14 Nov 2023 22:13:20 GMT' }, { errors: [{ message: 'JWT iat is in the future.' }] }),
    );
    const error = await failure(createMonetateClient({ fetch }).refreshToken(target, 'eyJ.a.b', 3600));
    expect(error).toBeInstanceOf(MonetateError);
    expect(error.code).toBe('unauthorized');
    expect(error.detail).toBe('JWT iat is in the future.');
    expect((error as MonetateError).serverDateMs).toBe(Date.parse('Tue, 14 Nov 2023 22:13:20 GMT'));
  });

  it('refuses a TTL outside 600..43200 s without calling Monetate', async () => {
    const fetch = fakeFetch();
    const client = createMonetateClient({ fetch });
    expect((await failure(client.refreshToken(target, 'eyJ.a.b', 599))).code).toBe('token_ttl_invalid');
    expect((await failure(client.refreshToken(target, 'eyJ.a.b', 43_201))).code).toBe('token_ttl_invalid');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses a token answer without a token', async () => {
    const fetch = fakeFetch(json(200, { issued_at: 1 }));
    const error = await failure(createMonetateClient({ fetch }).refreshToken(target, 'eyJ.a.b', 3600));
    expect(error.code).toBe('bad_response');
    expect(error.detail).toMatch(/^unexpected token answer \(token:/);
  });
});

describe('Monetate client: look-ups', () => {
  it('looks a record up with the token and reads its row', async () => {
    const fetch = fakeFetch(json(200, { schema_rows: [{ customer_id: 'a+b c', tier: 'gold' }] }));
    const client = createMonetateClient({ fetch });
    const result = await client.lookupRecord(target, 'tok-1', 'customers', 'a+b c');
    expect(result.record).toEqual({ customer_id: 'a+b c', tier: 'gold' });
    expect(result.rows).toHaveLength(1);
    expect(fetch.mock.calls[0]?.[0]).toBe(`${root}/data/customers/?id=a%2Bb%20c`);
    expect(fetch.mock.calls[0]?.[1]).toMatchObject({ method: 'GET', credentials: 'omit' });
    expect(fetch.mock.calls[0]?.[1]?.body).toBeUndefined();
    expect(headersOf(fetch)).toEqual({ Authorization: 'Token tok-1', Accept: 'application/json' });
  });

  it('answers null when Monetate returns no rows, in either shape', async () => {
    for (const data of [{ schema_rows: [] }, []]) {
      const fetch = fakeFetch(json(200, data));
      expect(await createMonetateClient({ fetch }).lookupRecord(target, 't', 'customers', 'C-9')).toEqual({ record: null, rows: [] });
    }
  });

  it('reads data as the list of rows, every row in server order', async () => {
    const rows = [{ id: 'C-1', n: 2 }, { id: 'C-1', n: 1 }, { id: 'C-1', n: 3 }];
    const fetch = fakeFetch(json(200, rows));
    const result = await createMonetateClient({ fetch }).lookupRecord(target, 't', 'customers', 'C-1');
    expect(result).toEqual({ record: rows[0], rows });
  });

  it('keeps values of any JSON type and numbers beyond 2^53 exactly', async () => {
    const text = '{"meta":{"code":200},"data":[{"id":"C-1","odd":{"toString":1},"list":[1,"a"],"big":12345678901234567890,"__proto__":{"polluted":true}}]}';
    const fetch = fakeFetch(new Response(text, { status: 200 }));
    const { record } = await createMonetateClient({ fetch }).lookupRecord(target, 't', 'customers', 'C-1');
    expect(record?.odd).toEqual({ toString: 1 });
    expect(record?.list).toEqual([1, 'a']);
    expect(record?.big).toEqual({ $exactNumber: '12345678901234567890' });
    expect(Object.keys(record ?? {})).toEqual(['id', 'odd', 'list', 'big', '__proto__']);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it.each([
    ['a string', 'rows', 'data is a string'],
    ['null', null, 'data is null'],
    ['a number', 3, 'data is a number'],
    ['an object without schema_rows', { rows: [] }, 'data is an object without schema_rows'],
    ['schema_rows as text', { schema_rows: 'x' }, 'data.schema_rows is a string'],
    ['schema_rows with a non-object', { schema_rows: [{}, {}, 'x'] }, 'data.schema_rows[2] is not an object'],
    ['a list with a list in it', [{}, []], 'data[1] is not an object'],
    ['a list with null in it', [null], 'data[0] is not an object'],
    ['a list with a big number in it', [{ $exactNumber: '1e400' }], 'data[0] is not an object'],
  ])('refuses %s as bad_response naming what came', async (_what, data, problem) => {
    const fetch = fakeFetch(json(200, data));
    const error = await failure(createMonetateClient({ fetch }).lookupRecord(target, 't', 'customers', 'C-1'));
    expect(error.code).toBe('bad_response');
    expect(error.detail).toBe(`unexpected record answer (${problem})`);
  });

  it('refuses an answer with no data at all, naming it', async () => {
    const fetch = fakeFetch(new Response('{"meta":{"code":200}}', { status: 200 }));
    const error = await failure(createMonetateClient({ fetch }).lookupRecord(target, 't', 'customers', 'C-1'));
    expect(error.detail).toBe('unexpected record answer (data is missing)');
  });

  it('reports a 404 as not_found naming the record', async () => {
    const fetch = fakeFetch(json(404, {}));
    const error = await failure(createMonetateClient({ fetch }).lookupRecord(target, 't', 'customers', 'C-1'));
    expect(error.code).toBe('not_found');
    expect(error.detail).toBe('record "C-1" in dataset customers');
  });

  it('reads Retry-After seconds on 429', async () => {
    const fetch = fakeFetch(json(429, {}, { 'Retry-After': '3' }));
    const error = await failure(createMonetateClient({ fetch }).lookupRecord(target, 't', 'customers', 'C-1'));
    expect(error.code).toBe('rate_limited');
    expect((error as MonetateError).retryAfterMs).toBe(3000);
  });

  it('measures a Retry-After date against the server clock', async () => {
    const fetch = fakeFetch(
      json(429, {}, { 'Retry-After': 'Wed, 01 Jan 2025 00:00:04 GMT', Date: 'Wed, 01 Jan 2025 00:00:00 GMT' }),
    );
    // Our clock is a minute ahead: the wait is still the 4 s Monetate meant.
    const now = () => Date.parse('Wed, 01 Jan 2025 00:01:00 GMT');
    const error = await failure(createMonetateClient({ fetch, now }).lookupRecord(target, 't', 'customers', 'C-1'));
    expect((error as MonetateError).retryAfterMs).toBe(4000);
  });

  it('reports a 429 from a gateway with an HTML body as rate_limited', async () => {
    const fetch = fakeFetch(new Response('<html>slow down</html>', { status: 429 }));
    expect((await failure(createMonetateClient({ fetch }).lookupRecord(target, 't', 's', 'i'))).code).toBe('rate_limited');
  });

  it('reports an unreachable server as network', async () => {
    const fetch = fakeFetch(new TypeError('Failed to fetch'));
    expect((await failure(createMonetateClient({ fetch }).lookupRecord(target, 't', 's', 'i'))).code).toBe('network');
  });

  it('gives up after the timeout with timeout', async () => {
    vi.useFakeTimers();
    const fetch = hangingFetch();
    const pending = failure(createMonetateClient({ fetch, timeoutMs: 15_000 }).lookupRecord(target, 't', 's', 'i'));
    await vi.advanceTimersByTimeAsync(15_000);
    expect((await pending).code).toBe('timeout');
  });

  it('does not send when the caller already cancelled', async () => {
    const fetch = fakeFetch();
    const controller = new AbortController();
    controller.abort();
    const error = await failure(createMonetateClient({ fetch }).lookupRecord(target, 't', 's', 'i', { signal: controller.signal }));
    expect(error.code).toBe('cancelled');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses an oversized answer', async () => {
    const fetch = fakeFetch(json(200, { schema_rows: [{ blob: 'z'.repeat(3000) }] }));
    const error = await failure(createMonetateClient({ fetch, maxBytes: 1000 }).lookupRecord(target, 't', 's', 'i'));
    expect(error.code).toBe('bad_response');
    expect(error.detail).toMatch(/answer too large/);
  });

  it('refuses a token that would break the Authorization header', async () => {
    const fetch = fakeFetch();
    const error = await failure(createMonetateClient({ fetch }).lookupRecord(target, 'tok\r\nX-Evil: 1', 's', 'i'));
    expect(error.code).toBe('header_value_unsendable');
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('Monetate client: known data types', () => {
  it('lists the five documented types and the product catalog one, once', () => {
    expect(KNOWN_DATA_TYPES).toEqual(['STRING', 'MULTI_STRING', 'NUMBER', 'DATETIME', 'BOOLEAN', 'GOOGLE_PRODUCT_CATEGORY']);
    expect(isKnownDataType('DATETIME')).toBe(true);
    expect(isKnownDataType('datetime')).toBe(false);
  });
});

describe('Monetate client: schemas', () => {
  const schema = {
    name: 'customers',
    type: 'attribute',
    id: 7,
    named_identifier: null,
    fields: { customer_id: { data_type: 'STRING', identifier: true }, tier: { data_type: 'STRING' } },
  };

  it('lists datasets', async () => {
    const fetch = fakeFetch(json(200, [schema], {}, { count: 1 }));
    const list = await createMonetateClient({ fetch }).listSchemas(target, 't');
    expect(list.map((s) => s.name)).toEqual(['customers']);
    expect(fetch.mock.calls[0]?.[0]).toBe(`${root}/schema/`);
  });

  it('reads one dataset schema', async () => {
    const fetch = fakeFetch(json(200, schema));
    const result = await createMonetateClient({ fetch }).getSchema(target, 't', 'customers');
    expect(result.fields.customer_id?.identifier).toBe(true);
    expect(fetch.mock.calls[0]?.[0]).toBe(`${root}/schema/customers/`);
  });

  it('keeps a field of an unknown data type as given, in one schema and in the list', async () => {
    const odd = { ...schema, fields: { ...schema.fields, x: { data_type: 'BLOB' } } };
    const one = await createMonetateClient({ fetch: fakeFetch(json(200, odd)) }).getSchema(target, 't', 'customers');
    expect(one.fields.x?.data_type).toBe('BLOB');
    expect(isKnownDataType(one.fields.x?.data_type ?? '')).toBe(false);
    expect(one.fields.tier?.data_type).toBe('STRING');
    const list = await createMonetateClient({ fetch: fakeFetch(json(200, [schema, odd])) }).listSchemas(target, 't');
    expect(list.map((s) => s.fields.x?.data_type)).toEqual([undefined, 'BLOB']);
  });

  it('still refuses a schema whose data_type is not text', async () => {
    const fetch = fakeFetch(json(200, { ...schema, fields: { x: { data_type: 7 } } }));
    expect((await failure(createMonetateClient({ fetch }).getSchema(target, 't', 'customers'))).code).toBe('bad_response');
  });

  it('adds attributes with a PATCH of fields', async () => {
    const fetch = fakeFetch(json(200, { fields: { loyalty: { data_type: 'NUMBER' } } }));
    const answer = await createMonetateClient({ fetch }).patchSchemaFields(target, 't', 'customers', { loyalty: { data_type: 'NUMBER' } });
    expect(answer.fields).toEqual({ loyalty: { data_type: 'NUMBER' } });
    const init = fetch.mock.calls[0]?.[1];
    expect(init?.method).toBe('PATCH');
    expect(JSON.parse(String(init?.body))).toEqual({ fields: { loyalty: { data_type: 'NUMBER' } } });
    expect(headersOf(fetch)).toEqual({ Authorization: 'Token t', Accept: 'application/json', 'Content-Type': 'application/json' });
  });

  it('sets the Identifier Name with a PATCH of named_identifier only', async () => {
    const fetch = fakeFetch(json(200, { named_identifier: 'email_hash' }));
    const answer = await createMonetateClient({ fetch }).patchNamedIdentifier(target, 't', 'customers', 'email_hash');
    expect(answer.named_identifier).toBe('email_hash');
    expect(JSON.parse(String(fetch.mock.calls[0]?.[1]?.body))).toEqual({ named_identifier: 'email_hash' });
  });

  it('refuses an Identifier Name outside \\w+ without sending it', async () => {
    const fetch = fakeFetch();
    const error = await failure(createMonetateClient({ fetch }).patchNamedIdentifier(target, 't', 'customers', 'has space'));
    expect(error.code).toBe('identifier_name_invalid');
    expect(error.fields?.[0]?.field).toBe('named_identifier');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('turns a lost PATCH into outcome_unknown and does not retry it', async () => {
    const fetch = fakeFetch(new TypeError('Failed to fetch'), json(200, {}));
    const error = await failure(createMonetateClient({ fetch }).patchSchemaFields(target, 't', 'c', { x: { data_type: 'STRING' } }));
    expect(error.code).toBe('outcome_unknown');
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('Monetate client: saving rows', () => {
  const rows = [{ customer_id: 'C-1', tier: 'gold' }];

  it('posts rows as JSON and returns what Monetate stored', async () => {
    const fetch = fakeFetch(json(201, { schema_rows: rows }));
    const result = await createMonetateClient({ fetch }).postRows(target, 't', 'customers', rows, { sentTime: '2026-01-01T00:00:00Z' });
    expect(result).toEqual({ status: 201, rows, warnings: [] });
    const init = fetch.mock.calls[0]?.[1];
    expect(fetch.mock.calls[0]?.[0]).toBe(`${root}/data/customers/`);
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ schema_rows: rows, _sent_time: '2026-01-01T00:00:00Z' });
    expect(headersOf(fetch)).toEqual({ Authorization: 'Token t', Accept: 'application/json', 'Content-Type': 'application/json' });
  });

  it('turns a network failure into outcome_unknown and sends only once', async () => {
    const fetch = fakeFetch(new TypeError('Failed to fetch'), json(201, { schema_rows: rows }));
    const error = await failure(createMonetateClient({ fetch }).postRows(target, 't', 'customers', rows));
    expect(error.code).toBe('outcome_unknown');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('turns a timeout into outcome_unknown and sends only once', async () => {
    vi.useFakeTimers();
    const fetch = hangingFetch();
    const pending = failure(createMonetateClient({ fetch, timeoutMs: 5000 }).postRows(target, 't', 'customers', rows));
    await vi.advanceTimersByTimeAsync(5000);
    expect((await pending).code).toBe('outcome_unknown');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('treats a gateway timeout on a save as outcome_unknown', async () => {
    const fetch = fakeFetch(new Response('<html>504</html>', { status: 504 }));
    const error = await failure(createMonetateClient({ fetch }).postRows(target, 't', 'customers', rows));
    expect(error.code).toBe('outcome_unknown');
    expect(error.status).toBe(504);
  });

  it('reports a 400 with the fields Monetate named', async () => {
    const fetch = fakeFetch(json(400, {}, {}, { errors: [{ field: 'tier', row: 0, message: 'Must not be empty.' }] }));
    const error = await failure(createMonetateClient({ fetch }).postRows(target, 't', 'customers', rows));
    expect(error.code).toBe('validation');
    expect(error.fields).toEqual([{ field: 'tier', row: 0, message: 'Must not be empty.' }]);
  });

  it('reads the stored rows from a 201 in either shape', async () => {
    for (const data of [{ schema_rows: rows }, rows]) {
      const result = await createMonetateClient({ fetch: fakeFetch(json(201, data)) }).postRows(target, 't', 'customers', rows);
      expect(result).toEqual({ status: 201, rows, warnings: [] });
    }
  });

  it('reports success with a warning naming the shape when a 201 does not list rows', async () => {
    const result = await createMonetateClient({ fetch: fakeFetch(json(201, 'ok')) }).postRows(target, 't', 'customers', rows);
    expect(result).toEqual({ status: 201, rows: [], warnings: ['saved, but the answer did not list the stored rows (data is a string)'] });
  });

  it('still reports success when a 201 answer cannot be read', async () => {
    const fetch = fakeFetch(new Response('OK', { status: 201 }));
    const result = await createMonetateClient({ fetch }).postRows(target, 't', 'customers', rows);
    expect(result.status).toBe(201);
    expect(result.rows).toEqual([]);
    expect(result.warnings[0]).toMatch(/saved, but the answer could not be read/);
  });

  it('refuses to post no rows', async () => {
    const fetch = fakeFetch();
    expect((await failure(createMonetateClient({ fetch }).postRows(target, 't', 'customers', []))).code).toBe('no_rows');
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('Monetate client: upload history', () => {
  it('reads upload items loosely', async () => {
    const fetch = fakeFetch(json(200, [{ status: 'COMPLETE', upload_time: '2026-01-01T00:00:00Z', validation_errors: '', extra: 1 }]));
    const uploads = await createMonetateClient({ fetch }).listUploads(target, 't', 'customers');
    expect(uploads[0]?.status).toBe('COMPLETE');
    expect(fetch.mock.calls[0]?.[0]).toBe(`${root}/upload/customers/`);
  });
});
