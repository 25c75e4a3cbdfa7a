import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { decodeJwt, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import type { AppEnv, Deps } from '@/emulator/context.ts';
import { apiError, envelope } from '@/emulator/envelope.ts';
import { faultPoint } from '@/emulator/faults.ts';
import type { ApiKey } from '@/emulator/state.ts';

export const ALLOWED_ALGORITHMS = ['RS256', 'RS384', 'RS512'];
export const MAX_IAT_SKEW_SECONDS = 60;
export const TTL_MIN = 600;
export const TTL_MAX = 43200;
export const TTL_DEFAULT = 3600;

/** Shaped like Monetate's example token; opaque to clients. */
function newToken(): string {
  return `1.${randomBytes(12).toString('base64url')}.${randomBytes(32).toString('base64url')}`;
}

type Verdict = { signed: false } | { signed: true; claimProblem?: string };

/** Separates "not this key" from "this key, but a claim such as exp/nbf is wrong". */
async function verifyWith(jwt: string, key: ApiKey, currentDate: Date): Promise<Verdict> {
  try {
    await jwtVerify(jwt, key.publicKey, { algorithms: ALLOWED_ALGORITHMS, currentDate });
    return { signed: true };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_JWT_EXPIRED' || code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') {
      return { signed: true, claimProblem: (error as Error).message };
    }
    return { signed: false };
  }
}

export function authRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/api/auth/v0/refresh/', faultPoint(deps, 'auth'), async (c) => {
    const header = c.req.header('Authorization');
    const match = header === undefined ? null : /^JWT\s+(\S+)\s*$/i.exec(header.trim());
    if (!match?.[1]) {
      return apiError(c, 401, 'Missing or malformed Authorization header. Send "Authorization: JWT <signed JWT>".');
    }
    const jwt = match[1];
    let alg: unknown;
    let claims: JWTPayload;
    try {
      alg = decodeProtectedHeader(jwt).alg;
      claims = decodeJwt(jwt);
    } catch {
      return apiError(c, 401, 'The JWT is malformed: expected three base64url parts (header.payload.signature).');
    }
    if (typeof alg !== 'string' || !ALLOWED_ALGORITHMS.includes(alg)) {
      return apiError(c, 401, `JWT algorithm "${String(alg)}" is not accepted; sign with RS256, RS384 or RS512.`);
    }
    const username = claims.username;
    if (typeof username !== 'string' || username === '') {
      return apiError(c, 401, 'The JWT has no "username" claim naming the API user.');
    }
    const user = deps.state.users.get(username);
    if (!user) return apiError(c, 401, `Unknown API user "${username}".`);
    const now = deps.clock.now();
    const currentDate = new Date(now);
    const active = user.keys.filter((k) => k.active);
    let signer: ApiKey | undefined;
    for (const key of active) {
      const verdict = await verifyWith(jwt, key, currentDate);
      if (!verdict.signed) continue;
      if (verdict.claimProblem) return apiError(c, 401, `The JWT was rejected: ${verdict.claimProblem}.`);
      signer = key;
      break;
    }
    if (!signer) {
      for (const key of user.keys.filter((k) => !k.active)) {
        if ((await verifyWith(jwt, key, currentDate)).signed) {
          return apiError(c, 401, `The JWT was signed with a deactivated public key (${key.keyId}) of "${username}".`);
        }
      }
      if (active.length === 0) return apiError(c, 401, `API user "${username}" has no active public key.`);
      return apiError(c, 401, `The JWT signature does not match any active public key of "${username}".`);
    }
    const iat = claims.iat as unknown;
    if (typeof iat !== 'number' || !Number.isFinite(iat)) {
      return apiError(c, 401, 'The JWT needs an "iat" claim: the issue time in seconds since epoch, as a number.');
    }
    const skew = iat - now / 1000;
    if (Math.abs(skew) > MAX_IAT_SKEW_SECONDS) {
      return apiError(
        c,
        401,
        `The JWT "iat" is too far from server time (${Math.round(skew)} s; at most ${MAX_IAT_SKEW_SECONDS} s allowed). Check the computer's clock.`,
      );
    }
    const entry = c.get('logEntry');
    if (entry) entry.username = username;

    const rawTtl = c.req.query('ttl');
    const ttl = rawTtl === undefined ? TTL_DEFAULT : /^\d+$/.test(rawTtl) ? Number(rawTtl) : NaN;
    if (!(ttl >= TTL_MIN && ttl <= TTL_MAX)) {
      return apiError(c, 400, `ttl must be a whole number of seconds from ${TTL_MIN} to ${TTL_MAX}.`, { field: 'ttl' });
    }
    const token = newToken();
    const expiresAtMs = now + ttl * 1000;
    deps.state.tokens.set(token, { token, username, keyId: signer.keyId, issuedAtMs: now, expiresAtMs });
    return envelope(c, 200, { token, issued_at: now / 1000, expires_in: ttl, expires_at: expiresAtMs / 1000 });
  });

  return app;
}
