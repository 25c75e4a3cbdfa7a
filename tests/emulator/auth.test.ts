import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator } from '@/emulator/app.ts';
import { startEmulator } from '@/emulator/server.ts';
import {
  auth,
  body,
  DATA,
  jsonInit,
  registerKey,
  requestToken,
  rsaKeyPair,
  signJwt,
  signJwtByHand,
  viaApp,
  viaFetch,
  type Call,
  type TestKeyPair,
} from '@/tests/emulator/helpers.ts';

let alice: TestKeyPair;
let bob: TestKeyPair;

beforeAll(() => {
  alice = rsaKeyPair();
  bob = rsaKeyPair();
});

interface TokenData {
  token: string;
  issued_at: number;
  expires_in: number;
  expires_at: number;
}

describe('Auth API over HTTP with independently made keys', () => {
  let server: Awaited<ReturnType<typeof startEmulator>>;
  let call: Call;

  beforeAll(async () => {
    server = await startEmulator({ port: 0 });
    call = viaFetch(server.url);
  });
  afterAll(() => server.close());
  beforeEach(() => server.emulator.reset());

  it('issues a token of the documented shape for a hand-signed JWT and an SPKI public key', async () => {
    await registerKey(call, 'api-script-user', alice.spkiPem);
    const before = Date.now() / 1000;
    const jwt = signJwtByHand(alice.privatePem, { username: 'api-script-user', iat: Date.now() / 1000 });
    const res = await requestToken(call, jwt);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const json = await body<TokenData>(res);
    expect(json.meta.code).toBe(200);
    expect(Object.keys(json.data).sort()).toEqual(['expires_at', 'expires_in', 'issued_at', 'token']);
    expect(typeof json.data.token).toBe('string');
    expect(json.data.token.length).toBeGreaterThan(20);
    expect(json.data.expires_in).toBe(3600);
    expect(json.data.issued_at).toBeGreaterThanOrEqual(before - 1);
    expect(json.data.issued_at).toBeLessThanOrEqual(Date.now() / 1000 + 1);
    expect(json.data.expires_at).toBeCloseTo(json.data.issued_at + 3600, 3);

    const schemas = await call(`${DATA}/schema/`, { headers: auth(json.data.token) });
    expect(schemas.status).toBe(200);
  });

  it('accepts a PKCS#1 "RSA PUBLIC KEY" PEM registered through the admin API', async () => {
    expect(bob.pkcs1Pem).toContain('-----BEGIN RSA PUBLIC KEY-----');
    const key = await registerKey(call, 'api-pkcs1', bob.pkcs1Pem);
    expect(key.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    const res = await requestToken(call, signJwtByHand(bob.privatePem, { username: 'api-pkcs1', iat: Math.floor(Date.now() / 1000) }), 600);
    expect(res.status).toBe(200);
    expect((await body<TokenData>(res)).data.expires_in).toBe(600);
  });

  it('gives the same fingerprint for the SPKI and PKCS#1 forms of one key', async () => {
    const a = await registerKey(call, 'api-one', alice.spkiPem);
    const b = await registerKey(call, 'api-two', alice.pkcs1Pem);
    expect(a.fingerprint).toBe(b.fingerprint);
  });
});

describe('Auth API rules', () => {
  let now: number;
  let emulator: ReturnType<typeof createEmulator>;
  let call: Call;
  const user = 'api-demo-inspector';

  beforeEach(async () => {
    now = Date.UTC(2025, 5, 1, 12, 0, 0);
    emulator = createEmulator({ now: () => now });
    call = viaApp(emulator);
    await registerKey(call, user, alice.spkiPem);
  });

  const jwtFor = (claims: Record<string, unknown> = {}, alg = 'RS256', keys: TestKeyPair = alice) =>
    signJwt(keys.privateKey, { username: user, iat: now / 1000, ...claims }, alg);

  async function expect401(res: Response, message: RegExp): Promise<void> {
    expect(res.status).toBe(401);
    const json = await body(res);
    expect(json.meta.code).toBe(401);
    expect(json.meta.errors?.[0]?.message).toMatch(message);
  }

  it.each(['RS384', 'RS512'])('accepts %s', async (alg) => {
    const res = await requestToken(call, await jwtFor({}, alg));
    expect(res.status).toBe(200);
  });

  it('rejects an HS256 JWT', async () => {
    const jwt = await new SignJWT({ username: user, iat: now / 1000 }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('a-shared-secret-that-is-long-enough'));
    await expect401(await requestToken(call, jwt), /algorithm "HS256" is not accepted/);
  });

  it('rejects an unsigned (alg none) JWT', async () => {
    const jwt = new UnsecuredJWT({ username: user, iat: now / 1000 }).encode();
    await expect401(await requestToken(call, jwt), /algorithm "none"/);
  });

  it('rejects an ES256 JWT', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwt = await signJwt(privateKey, { username: user, iat: now / 1000 }, 'ES256');
    await expect401(await requestToken(call, jwt), /ES256/);
  });

  it('rejects a JWT signed with a key that is not registered for the user', async () => {
    await expect401(await requestToken(call, await jwtFor({}, 'RS256', bob)), /signature does not match any active public key/);
  });

  it('rejects an unknown username', async () => {
    await expect401(await requestToken(call, await jwtFor({ username: 'api-nobody' })), /Unknown API user "api-nobody"/);
  });

  it('rejects a JWT without a username claim', async () => {
    await expect401(await requestToken(call, await signJwt(alice.privateKey, { iat: now / 1000 })), /username/);
  });

  it('rejects an iat more than 60 s in the past or future, and accepts 59 s', async () => {
    await expect401(await requestToken(call, await jwtFor({ iat: now / 1000 - 61 })), /iat.*too far from server time/);
    await expect401(await requestToken(call, await jwtFor({ iat: now / 1000 + 61 })), /iat.*too far from server time/);
    expect((await requestToken(call, await jwtFor({ iat: now / 1000 - 59 }))).status).toBe(200);
  });

  it('requires iat to be a number', async () => {
    await expect401(await requestToken(call, await jwtFor({ iat: undefined })), /"iat"/);
    await expect401(await requestToken(call, await jwtFor({ iat: String(now / 1000) })), /iat/);
  });

  it('rejects a missing or garbled Authorization header', async () => {
    await expect401(await call('/api/auth/v0/refresh/'), /Authorization/);
    await expect401(await call('/api/auth/v0/refresh/', { headers: { Authorization: 'Bearer abc' } }), /Authorization/);
    await expect401(await call('/api/auth/v0/refresh/', { headers: { Authorization: 'JWT not-a-jwt' } }), /malformed/);
  });

  it.each(['599', '43201', '0', 'abc', '3600.5', '-700', ''])('answers 400 for ttl=%s', async (ttl) => {
    const res = await call(`/api/auth/v0/refresh/?ttl=${ttl}`, { headers: { Authorization: `JWT ${await jwtFor()}` } });
    expect(res.status).toBe(400);
    const json = await body(res);
    expect(json.meta.errors?.[0]).toMatchObject({ field: 'ttl', message: expect.stringMatching(/600 to 43200/) });
  });

  it.each([600, 43200])('accepts ttl=%i and reports expiry from the server clock', async (ttl) => {
    const res = await requestToken(call, await jwtFor(), ttl);
    expect(res.status).toBe(200);
    expect((await body<TokenData>(res)).data).toMatchObject({ issued_at: now / 1000, expires_in: ttl, expires_at: now / 1000 + ttl });
  });

  it('expires tokens after their ttl on the emulator clock', async () => {
    const { data } = await body<TokenData>(await requestToken(call, await jwtFor(), 600));
    now += 599_000;
    expect((await call(`${DATA}/schema/`, { headers: auth(data.token) })).status).toBe(200);
    now += 1_000;
    const res = await call(`${DATA}/schema/`, { headers: auth(data.token) });
    await expect401(res, /expired/);
  });

  it('expires every token issued so far through /__admin/expire-tokens, while new ones work', async () => {
    const { data } = await body<TokenData>(await requestToken(call, await jwtFor()));
    expect((await call('/__admin/expire-tokens', { method: 'POST' })).status).toBe(200);
    await expect401(await call(`${DATA}/schema/`, { headers: auth(data.token) }), /expired/);
    const fresh = await body<TokenData>(await requestToken(call, await jwtFor()));
    expect((await call(`${DATA}/schema/`, { headers: auth(fresh.data.token) })).status).toBe(200);
  });

  it('moves the clock with /__admin/clock: tokens expire, iat is judged and Date is sent by the shifted clock', async () => {
    const { data } = await body<TokenData>(await requestToken(call, await jwtFor()));
    const res = await call('/__admin/clock', jsonInit('POST', { offsetSeconds: 3601 }));
    expect(res.status).toBe(200);
    await expect401(await call(`${DATA}/schema/`, { headers: auth(data.token) }), /expired/);
    // A client that trusts its own (now 3601 s slow) clock is told about the skew.
    await expect401(await requestToken(call, await jwtFor()), /too far from server time/);
    const shifted = await requestToken(call, await jwtFor({ iat: now / 1000 + 3601 }));
    expect(shifted.status).toBe(200);
    expect(new Date(shifted.headers.get('Date') ?? '').getTime()).toBe(Math.floor(now / 1000 + 3601) * 1000);
  });

  it('answers 403 for tokens of a deactivated key and 401 for new JWTs signed with it', async () => {
    const { data } = await body<TokenData>(await requestToken(call, await jwtFor()));
    const res = await call('/__admin/api-keys/deactivate', jsonInit('POST', { username: user }));
    expect(await res.json()).toEqual({ deactivated: ['key-1'] });
    const revoked = await call(`${DATA}/data/customer_attributes/?id=C-100001`, { headers: auth(data.token) });
    expect(revoked.status).toBe(403);
    expect((await body(revoked)).meta.errors?.[0]?.message).toMatch(/deactivated/);
    await expect401(await requestToken(call, await jwtFor()), /deactivated public key/);
  });

  it('deactivates a single key by keyId and leaves the user\'s other key working', async () => {
    const second = await registerKey(call, user, bob.spkiPem);
    const first = await body<TokenData>(await requestToken(call, await jwtFor()));
    const other = await body<TokenData>(await requestToken(call, await jwtFor({}, 'RS256', bob)));
    await call('/__admin/api-keys/deactivate', jsonInit('POST', { username: user, keyId: 'key-1' }));
    expect((await call(`${DATA}/schema/`, { headers: auth(first.data.token) })).status).toBe(403);
    expect((await call(`${DATA}/schema/`, { headers: auth(other.data.token) })).status).toBe(200);
    expect((await requestToken(call, await jwtFor({}, 'RS256', bob))).status).toBe(200);
    expect(second.keyId).toBe('key-2');
  });

  it('rejects data calls without a valid token', async () => {
    await expect401(await call(`${DATA}/schema/`), /credentials were not provided/);
    await expect401(await call(`${DATA}/schema/`, { headers: auth('nope') }), /Invalid token/);
    await expect401(await call(`${DATA}/schema/`, { headers: { Authorization: 'Token a b' } }), /should not contain spaces/);
    await expect401(await call(`${DATA}/schema/`, { headers: { Authorization: `JWT ${await jwtFor()}` } }), /Token <token>/);
  });
});

describe('public key registration', () => {
  const call = viaApp(createEmulator());

  async function expect400(publicKey: string, message: RegExp): Promise<void> {
    const res = await call('/__admin/api-keys', jsonInit('POST', { username: 'api-x', publicKey }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(message);
  }

  it('rejects a damaged PEM', () => expect400('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----', /could not be read/));
  it('rejects text that is not PEM', () => expect400('hello', /Not a PEM public key/));
  it('rejects a private key', () => expect400(alice.privatePem, /private key/));
  it('rejects an EC key', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    return expect400(publicKey.export({ type: 'spki', format: 'pem' }).toString(), /Only RSA keys.*ec key/);
  });
  it('rejects an RSA key under 2048 bits', () => expect400(rsaKeyPair(1024).spkiPem, /1024 bits; at least 2048/));
  it('rejects the same active key twice for one user', async () => {
    await registerKey(call, 'api-dup', alice.spkiPem);
    const res = await call('/__admin/api-keys', jsonInit('POST', { username: 'api-dup', publicKey: alice.spkiPem }));
    expect(res.status).toBe(400);
  });
});
