import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator } from '@/emulator/app.ts';
import { DEMO_DATASET, SAMPLE_RECORD_ID } from '@/emulator/demo-data.ts';
import { auth, body, DATA, jsonInit, lookupPath, requestToken, rsaKeyPair, signJwt, viaApp, type Call, type TestKeyPair } from '@/tests/emulator/helpers.ts';

let keys: TestKeyPair;
beforeAll(() => {
  keys = rsaKeyPair();
});

let now: number;
let call: Call;

beforeEach(() => {
  now = Date.UTC(2025, 5, 1, 12);
  call = viaApp(createEmulator({ now: () => now }));
});

async function register(username: string, extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const res = await call('/__admin/api-keys', jsonInit('POST', { username, publicKey: keys.spkiPem, ...extra }));
  expect(res.status).toBe(201);
  return (await res.json()) as Record<string, unknown>;
}

async function token(username: string): Promise<string> {
  const res = await requestToken(call, await signJwt(keys.privateKey, { username, iat: Math.floor(now / 1000) }));
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: { token: string } }).data.token;
}

const postRow = (t: string) => call(`${DATA}/data/${DEMO_DATASET}/`, jsonInit('POST', { schema_rows: [{ customer_id: 'C-RO-1' }] }, auth(t)));
const patchFields = (t: string) => call(`${DATA}/schema/${DEMO_DATASET}/`, jsonInit('PATCH', { fields: { ro_field: { data_type: 'STRING' } } }, auth(t)));
const patchIdentifier = (t: string) => call(`${DATA}/schema/${DEMO_DATASET}/`, jsonInit('PATCH', { named_identifier: 'cid' }, auth(t)));

describe('Read-Only API User', () => {
  it('is created with readOnly: true and listed as such', async () => {
    expect(await register('api-reader', { readOnly: true })).toMatchObject({ username: 'api-reader', readOnly: true });
    const { users } = (await (await call('/__admin/api-keys')).json()) as { users: Array<{ username: string; readOnly: boolean }> };
    expect(users.map((u) => [u.username, u.readOnly])).toEqual([['api-reader', true]]);
  });

  it('gets 403 saying the user is read-only on POST data and PATCH schema, and nothing changes', async () => {
    await register('api-reader', { readOnly: true });
    const t = await token('api-reader');
    for (const res of [await postRow(t), await patchFields(t), await patchIdentifier(t)]) {
      expect(res.status).toBe(403);
      const json = await body(res);
      expect(json.meta.code).toBe(403);
      expect(json.meta.errors?.[0]?.message).toMatch(/"api-reader" is a Read-Only API User/);
    }
    expect((await call(`/__admin/records?dataset=${DEMO_DATASET}&id=C-RO-1`).then((r) => r.json()))).toEqual({ rows: [] });
    const schema = await body<{ fields: Record<string, unknown>; named_identifier: string }>(await call(`${DATA}/schema/${DEMO_DATASET}/`, { headers: auth(t) }));
    expect(schema.data.fields).not.toHaveProperty('ro_field');
    expect(schema.data.named_identifier).toBe('customer_id');
  });

  it('reads records, schemas and upload history', async () => {
    await register('api-reader', { readOnly: true });
    const t = await token('api-reader');
    expect((await call(lookupPath(SAMPLE_RECORD_ID), { headers: auth(t) })).status).toBe(200);
    expect((await call(`${DATA}/schema/`, { headers: auth(t) })).status).toBe(200);
    expect((await call(`${DATA}/upload/${DEMO_DATASET}/`, { headers: auth(t) })).status).toBe(200);
  });

  it('is only the user it was asked for: an ordinary API User still writes', async () => {
    await register('api-reader', { readOnly: true });
    expect(await register('api-writer')).toMatchObject({ readOnly: false });
    const t = await token('api-writer');
    expect((await postRow(t)).status).toBe(201);
    expect((await patchFields(t)).status).toBe(200);
  });

  it('keeps getting the deactivated-key 403 on reads and writes once its key is deactivated', async () => {
    await register('api-reader', { readOnly: true });
    const t = await token('api-reader');
    expect((await call('/__admin/api-keys/deactivate', jsonInit('POST', { username: 'api-reader' }))).status).toBe(200);
    for (const res of [await call(lookupPath(SAMPLE_RECORD_ID), { headers: auth(t) }), await call(`${DATA}/schema/`, { headers: auth(t) }), await postRow(t), await patchFields(t)]) {
      expect(res.status).toBe(403);
      expect((await body(res)).meta.errors?.[0]?.message).toMatch(/revoked/);
    }
  });

  it('refuses a readOnly that is not a boolean', async () => {
    const res = await call('/__admin/api-keys', jsonInit('POST', { username: 'x', publicKey: keys.spkiPem, readOnly: 'yes' }));
    expect(res.status).toBe(400);
  });
});

describe('ordinary API User with a deactivated key', () => {
  it('gets 403 on everything', async () => {
    await register('api-writer');
    const t = await token('api-writer');
    await call('/__admin/api-keys/deactivate', jsonInit('POST', { username: 'api-writer' }));
    for (const res of [await call(lookupPath(SAMPLE_RECORD_ID), { headers: auth(t) }), await postRow(t), await patchFields(t)]) {
      expect(res.status).toBe(403);
      expect((await body(res)).meta.errors?.[0]?.message).not.toMatch(/Read-Only/);
    }
  });
});
