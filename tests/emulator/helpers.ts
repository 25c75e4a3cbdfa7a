import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { createEmulator } from '@/emulator/app.ts';

/** One way to send a request: `app.request` in-process or `fetch` against a started server. */
export type Call = (path: string, init?: RequestInit) => Promise<Response>;

export const DATA = '/api/data/v1/demo/production';
export const REFRESH = '/api/auth/v0/refresh/';

export function viaApp(emulator: ReturnType<typeof createEmulator>): Call {
  return async (path, init) => emulator.app.request(path, init);
}

export function viaFetch(baseUrl: string): Call {
  return (path, init) => fetch(`${baseUrl}${path}`, init);
}

export interface TestKeyPair {
  privateKey: KeyObject;
  privatePem: string;
  spkiPem: string;
  pkcs1Pem: string;
}

export function rsaKeyPair(modulusLength = 2048): TestKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength });
  return {
    privateKey,
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    spkiPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    pkcs1Pem: publicKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  };
}

export async function signJwt(privateKey: KeyObject, claims: Record<string, unknown>, alg = 'RS256'): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg, typ: 'JWT' }).sign(privateKey);
}

/** Signs a JWT with nothing but node:crypto, the way an independent script (e.g. PyJWT) would. */
export function signJwtByHand(privatePem: string, claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}`;
  const signature = sign('sha256', Buffer.from(input), createPrivateKey(privatePem)).toString('base64url');
  return `${input}.${signature}`;
}

export function jsonInit(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

export async function registerKey(call: Call, username: string, publicKey: string): Promise<{ keyId: string; fingerprint: string }> {
  const res = await call('/__admin/api-keys', jsonInit('POST', { username, publicKey }));
  if (res.status !== 201) throw new Error(`key registration failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { keyId: string; fingerprint: string };
}

export async function requestToken(call: Call, jwt: string, ttl?: number): Promise<Response> {
  return call(`${REFRESH}${ttl === undefined ? '' : `?ttl=${ttl}`}`, { headers: { Authorization: `JWT ${jwt}` } });
}

/** Registers a fresh key for `username` and returns a valid token (iat from `nowMs`). */
export async function tokenFor(call: Call, username: string, keys: TestKeyPair, nowMs = Date.now()): Promise<string> {
  await registerKey(call, username, keys.spkiPem);
  const jwt = await signJwt(keys.privateKey, { username, iat: Math.floor(nowMs / 1000) });
  const res = await requestToken(call, jwt);
  if (res.status !== 200) throw new Error(`token request failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { data: { token: string } }).data.token;
}

export function auth(token: string): Record<string, string> {
  return { Authorization: `Token ${token}` };
}

export interface Envelope<T = Record<string, unknown>> {
  meta: { code: number; errors?: Array<{ message: string; field?: string; row?: number }>; warnings?: unknown[]; count?: number };
  data: T;
}

export async function body<T = Record<string, unknown>>(res: Response): Promise<Envelope<T>> {
  return (await res.json()) as Envelope<T>;
}

export function lookupPath(id: string, dataset = 'customer_attributes'): string {
  return `${DATA}/data/${dataset}/?id=${encodeURIComponent(id)}`;
}

/** The clock the in-process emulator tests start at (a test moves it on by changing its own `now`). */
export const EMULATOR_START_MS = Date.UTC(2025, 5, 1, 12);

let demoKeys: TestKeyPair | undefined;

/**
 * A fresh in-process emulator on the test's clock, with the demo API user's key registered and a
 * token for it (its request log cleared, if asked): the set-up most emulator tests share.
 * @example beforeEach(async () => { now = EMULATOR_START_MS; ({ call, token } = await signedInEmulator(() => now)); });
 */
export async function signedInEmulator(clock: () => number, options: { clearLog?: boolean } = {}): Promise<{ call: Call; token: string }> {
  // One key pair per test file: RSA generation is the slow part, and the emulator is new each time.
  demoKeys ??= rsaKeyPair();
  const call = viaApp(createEmulator({ now: clock }));
  const token = await tokenFor(call, 'api-demo-inspector', demoKeys, clock());
  if (options.clearLog) await call('/__admin/requests', { method: 'DELETE' });
  return { call, token };
}
