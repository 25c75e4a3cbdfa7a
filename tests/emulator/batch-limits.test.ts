import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_DATASET } from '@/emulator/demo-data.ts';
import { MAX_POST_BYTES, MAX_POST_ROWS } from '@/emulator/routes/data.ts';
import { auth, body, DATA, jsonInit, lookupPath, type Call, EMULATOR_START_MS, signedInEmulator } from '@/tests/emulator/helpers.ts';

const WRITE = `${DATA}/data/${DEMO_DATASET}/`;
type LoggedRequest = { method: string; path: string; status: number | null; rowCount?: number; dropped?: boolean };

let now: number;
let call: Call;
let token: string;
beforeEach(async () => {
  now = EMULATOR_START_MS;
  ({ call, token } = await signedInEmulator(() => now, { clearLog: true }));
});

const rows = (count: number, from = 0) => Array.from({ length: count }, (_, i) => ({ customer_id: `C-B-${from + i}`, email: `b${from + i}@example.com` }));
const post = (schemaRows: unknown[]) => call(WRITE, jsonInit('POST', { schema_rows: schemaRows }, auth(token)));
const posts = async () => ((await (await call('/__admin/requests')).json()) as { requests: LoggedRequest[] }).requests.filter((r) => r.method === 'POST');
const found = async (id: string) => {
  now += 1000;
  return (await call(lookupPath(id), { headers: auth(token) })).status;
};

describe('batch limits (our choice: Monetate publishes none)', () => {
  it(`takes ${MAX_POST_ROWS} rows in one POST`, async () => {
    const res = await post(rows(MAX_POST_ROWS));
    expect(res.status).toBe(201);
    expect(await found(`C-B-${MAX_POST_ROWS - 1}`)).toBe(200);
  });

  it(`refuses ${MAX_POST_ROWS + 1} rows with 413 and stores none of them`, async () => {
    const res = await post(rows(MAX_POST_ROWS + 1));
    expect(res.status).toBe(413);
    expect((await body(res)).meta.errors?.[0]?.message).toMatch(/at most 1000 rows/);
    expect(await found('C-B-0')).toBe(404);
  });

  it('refuses a body over 5 MB with 413, even with few rows', async () => {
    const big = [{ customer_id: 'C-BIG', notes: 'x'.repeat(MAX_POST_BYTES) }];
    const res = await post(big);
    expect(res.status).toBe(413);
    expect((await body(res)).meta.errors?.[0]?.message).toMatch(/bytes/);
    expect(await found('C-BIG')).toBe(404);
  });
});

describe('request log of writes', () => {
  it("shows each POST's row count, accepted or refused", async () => {
    await post(rows(3));
    await post(rows(MAX_POST_ROWS + 1, 10));
    expect((await posts()).map(({ status, rowCount }) => ({ status, rowCount }))).toEqual([
      { status: 201, rowCount: 3 },
      { status: 413, rowCount: MAX_POST_ROWS + 1 },
    ]);
  });

  it('shows the row count of a batch answered by a fault (500, 429, slow)', async () => {
    for (const fault of [
      { target: 'write', kind: 'status', status: 500 },
      { target: 'write', kind: 'status', status: 429, retryAfter: '1' },
      { target: 'write', kind: 'delay', delayMs: 10 },
    ]) {
      expect((await call('/__admin/faults', jsonInit('POST', fault))).status).toBe(201);
    }
    await post(rows(2));
    await post(rows(4));
    await post(rows(6));
    expect((await posts()).map(({ status, rowCount }) => ({ status, rowCount }))).toEqual([
      { status: 500, rowCount: 2 },
      { status: 429, rowCount: 4 },
      { status: 201, rowCount: 6 },
    ]);
  });
});

describe('a pending drop', () => {
  it('makes every answer close its connection, so the browser cannot silently replay the dropped write', async () => {
    expect((await post(rows(1))).headers.get('Connection')).toBeNull();
    await call('/__admin/faults', jsonInit('POST', { target: 'write', kind: 'drop-after-processing' }));
    // The request before the dropped one ends its connection: the dropped one gets a fresh one.
    expect((await call(`${DATA}/schema/`, { headers: auth(token) })).headers.get('Connection')).toBe('close');
  });
});
