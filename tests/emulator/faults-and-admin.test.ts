import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_DATASET, SAMPLE_RECORD_ID } from '@/emulator/demo-data.ts';
import { startEmulator } from '@/emulator/server.ts';
import { createEmulator } from '@/emulator/app.ts';
import { auth, body, DATA, jsonInit, lookupPath, rsaKeyPair, tokenFor, viaApp, viaFetch, type Call, type TestKeyPair } from '@/tests/emulator/helpers.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
type LoggedRequest = { method: string; path: string; query: Record<string, string>; status: number | null; arrivedAt: number; username?: string; dropped?: boolean };

let keys: TestKeyPair;
let server: Awaited<ReturnType<typeof startEmulator>>;
let call: Call;
let token: string;

beforeAll(async () => {
  keys = rsaKeyPair();
  server = await startEmulator({ port: 0 });
  call = viaFetch(server.url);
});
afterAll(() => server.close());
beforeEach(async () => {
  server.emulator.reset();
  token = await tokenFor(call, 'api-demo-inspector', keys);
  await call('/__admin/requests', { method: 'DELETE' });
});

const addFault = async (fault: Record<string, unknown>) => {
  const res = await call('/__admin/faults', jsonInit('POST', fault));
  expect(res.status).toBe(201);
};
const logged = async () => ((await (await call('/__admin/requests')).json()) as { requests: LoggedRequest[] }).requests;

describe('faults', () => {
  it('answers an injected status with Retry-After in the envelope, once by default', async () => {
    await addFault({ target: 'schema', kind: 'status', status: 429, retryAfter: '2' });
    const faulted = await call(`${DATA}/schema/`, { headers: auth(token) });
    expect(faulted.status).toBe(429);
    expect(faulted.headers.get('Retry-After')).toBe('2');
    expect((await body(faulted)).meta.code).toBe(429);
    expect((await call(`${DATA}/schema/`, { headers: auth(token) })).status).toBe(200);
  });

  it('hits the next `count` matching requests only, leaving other targets alone', async () => {
    const date = new Date(Date.now() + 5000).toUTCString();
    await addFault({ target: 'auth', kind: 'status', status: 503, retryAfter: date, count: 2 });
    expect((await call(`${DATA}/schema/`, { headers: auth(token) })).status).toBe(200);
    const first = await call('/api/auth/v0/refresh/');
    expect(first.status).toBe(503);
    expect(first.headers.get('Retry-After')).toBe(date);
    expect((await call('/api/auth/v0/refresh/')).status).toBe(503);
    expect((await call('/api/auth/v0/refresh/')).status).toBe(401);
  });

  it('sends a raw body instead of the envelope when given', async () => {
    await addFault({ target: 'lookup', kind: 'status', status: 502, body: '<html><body>Bad Gateway</body></html>', contentType: 'text/html' });
    const res = await call(lookupPath(SAMPLE_RECORD_ID), { headers: auth(token) });
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toBe('text/html');
    expect(await res.text()).toBe('<html><body>Bad Gateway</body></html>');
  });

  it('drops the connection after storing a write: the client sees a network error, the record exists', async () => {
    await addFault({ target: 'write', kind: 'drop-after-processing' });
    const write = call(`${DATA}/data/${DEMO_DATASET}/`, jsonInit('POST', { schema_rows: [{ customer_id: 'C-DROPPED', email: 'drop@example.com' }] }, auth(token)));
    await expect(write).rejects.toThrow(TypeError);
    const found = await call(lookupPath('C-DROPPED'), { headers: auth(token) });
    expect(found.status).toBe(200);
    expect((await body<Array<Record<string, unknown>>>(found)).data[0]?.email).toBe('drop@example.com');
    const history = await body<unknown[]>(await call(`${DATA}/upload/${DEMO_DATASET}/`, { headers: auth(token) }));
    expect(history.data).toHaveLength(1);
    expect((await logged())[0]).toMatchObject({ method: 'POST', status: 201, dropped: true });
  });

  it('rejects a dropped request under app.request() too', async () => {
    const emulator = createEmulator();
    const inProcess = viaApp(emulator);
    const inProcessToken = await tokenFor(inProcess, 'api-x', keys);
    await inProcess('/__admin/faults', jsonInit('POST', { target: 'schema', kind: 'drop-after-processing' }));
    await expect(inProcess(`${DATA}/schema/`, { headers: auth(inProcessToken) })).rejects.toThrow(/dropped the connection/);
  });

  it('delays a request before processing it', async () => {
    await addFault({ target: 'lookup', kind: 'delay', delayMs: 300 });
    const started = performance.now();
    const res = await call(lookupPath(SAMPLE_RECORD_ID), { headers: auth(token) });
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it.each([
    [{ target: 'everything', kind: 'status', status: 500 }, /target/],
    [{ target: 'auth', kind: 'explode' }, /kind/],
    [{ target: 'auth', kind: 'status' }, /status/],
    [{ target: 'auth', kind: 'delay' }, /delayMs/],
    [{ target: 'auth', kind: 'status', status: 500, count: 0 }, /count/],
  ])('rejects the fault %j', async (fault, message) => {
    const res = await call('/__admin/faults', jsonInit('POST', fault));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(message);
  });
});

describe('CORS', () => {
  it('answers preflights with 204 and never counts them as look-ups', async () => {
    const preflight = await call(lookupPath(SAMPLE_RECORD_ID), {
      method: 'OPTIONS',
      headers: { Origin: 'chrome-extension://abcdef', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET,POST,PATCH,OPTIONS');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toBe('authorization,content-type');
    const res = await call(lookupPath(SAMPLE_RECORD_ID), { headers: { ...auth(token), Origin: 'chrome-extension://abcdef' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect((await logged()).map((r) => r.method)).toEqual(['GET']);
  });
});

describe('admin', () => {
  it('logs API requests with decoded query, status, username and sub-ms arrival times', async () => {
    const before = performance.timeOrigin + performance.now();
    await call(lookupPath('vip/42 ?#%é'), { headers: auth(token) });
    await call(lookupPath(SAMPLE_RECORD_ID), { headers: auth(token) });
    await call(`${DATA}/schema/`);
    await call('/settings/api-keys');
    await call('/platform/control/a-demo/p/demo.example/datasets');
    const requests = await logged();
    expect(requests.map((r) => [r.status, r.username])).toEqual([[200, 'api-demo-inspector'], [429, 'api-demo-inspector'], [401, undefined]]);
    expect(requests[0]).toMatchObject({ method: 'GET', path: `${DATA}/data/${DEMO_DATASET}/`, query: { id: 'vip/42 ?#%é' } });
    const times = requests.map((r) => r.arrivedAt);
    expect(times[0]).toBeGreaterThanOrEqual(before);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(times.some((t) => !Number.isInteger(t))).toBe(true);
    expect((await call('/__admin/requests', { method: 'DELETE' })).status).toBe(200);
    expect(await logged()).toEqual([]);
  });

  it('answers unknown routes with a 404 envelope', async () => {
    const res = await call('/api/data/v1/demo/production/schema');
    expect(res.status).toBe(404);
    expect((await body(res)).meta).toMatchObject({ code: 404, errors: [{ message: expect.stringMatching(/end with a slash/) }] });
  });

  it('sends a Date header from the emulator clock, shifted by /__admin/clock', async () => {
    await call('/__admin/clock', jsonInit('POST', { offsetSeconds: -7200 }));
    const res = await call(`${DATA}/schema/`);
    const served = new Date(res.headers.get('Date') ?? '').getTime();
    expect(Math.abs(served - (Date.now() - 7_200_000))).toBeLessThan(3000);
  });

  it('resets demo data, users, keys, tokens, faults, clock and the log', async () => {
    await call(`${DATA}/data/${DEMO_DATASET}/`, jsonInit('POST', { schema_rows: [{ customer_id: SAMPLE_RECORD_ID, email: 'x@example.com' }] }, auth(token)));
    await addFault({ target: 'schema', kind: 'status', status: 500 });
    await call('/__admin/clock', jsonInit('POST', { offsetSeconds: 500 }));
    expect((await call('/__admin/reset', { method: 'POST' })).status).toBe(200);
    expect(await logged()).toEqual([]);
    expect(((await (await call('/__admin/faults')).json()) as { faults: unknown[] }).faults).toEqual([]);
    expect((await call(`${DATA}/schema/`, { headers: auth(token) })).status).toBe(401);
    expect(((await (await call('/__admin/api-keys')).json()) as { users: unknown[] }).users).toEqual([]);
    const fresh = await tokenFor(call, 'api-demo-inspector', keys);
    expect((await call(`${DATA}/schema/`, { headers: auth(fresh) })).status).toBe(200);
    await sleep(1000);
    const record = await body<Array<Record<string, unknown>>>(await call(lookupPath(SAMPLE_RECORD_ID), { headers: auth(fresh) }));
    expect(record.data[0]?.email).not.toBe('x@example.com');
    expect(record.data[0]?.first_name).not.toBeNull();
  });
});
