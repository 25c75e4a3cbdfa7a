import { SignJWT } from 'jose';
import { AppError } from '@/utils/errors';
import { SIGNING_ALGS, type SigningAlg } from '@/utils/keys/types';

/**
 * The largest clock correction ever applied to `iat` (15 minutes). Beyond it the clock must be
 * fixed: a JWT dated far from now would stay usable long after it was signed.
 */
export const MAX_IAT_CORRECTION_SECONDS = 15 * 60;

export interface SignAuthJwtInput {
  /** From `importSigningKey(pkcs8, alg)`: its hash must match `alg`. */
  key: CryptoKey;
  /** The Monetate API username, the JWT's only identity claim. */
  username: string;
  alg: SigningAlg;
  /** The clock, passed in so tests can freeze it. */
  nowMs: number;
  /** Whole seconds added to `iat`, e.g. to correct a known skew from Monetate's clock; at most ±`MAX_IAT_CORRECTION_SECONDS`. */
  iatOffsetSeconds?: number;
}

/**
 * The JWT Monetate's Auth API exchanges for a token (`Authorization: JWT <this>`): header
 * `{ alg, typ: 'JWT' }`, claims exactly `{ username, iat }` with `iat` in whole seconds.
 * No `exp`: Monetate judges freshness by `iat`, and extra claims are not in its contract.
 * @example
 * const jwt = await signAuthJwt({ key, username: 'api-user', alg: 'RS256', nowMs: Date.now() });
 */
export async function signAuthJwt({ key, username, alg, nowMs, iatOffsetSeconds = 0 }: SignAuthJwtInput): Promise<string> {
  if (!SIGNING_ALGS.includes(alg)) {
    throw new AppError('signing_alg_unsupported', String(alg), { params: { allowed: SIGNING_ALGS.join(', ') } });
  }
  if (typeof username !== 'string' || username.trim() === '') {
    throw new AppError('username_missing');
  }
  if (!Number.isFinite(nowMs)) throw new AppError('clock_invalid', 'the clock reading is not a number');
  if (!Number.isInteger(iatOffsetSeconds)) {
    throw new AppError('clock_invalid', 'the clock correction is not a whole number of seconds');
  }
  if (Math.abs(iatOffsetSeconds) > MAX_IAT_CORRECTION_SECONDS) {
    throw new AppError('clock_skew', `more than ${MAX_IAT_CORRECTION_SECONDS / 60} minutes`);
  }
  const iat = Math.floor(nowMs / 1000) + iatOffsetSeconds;
  // iat goes in the payload rather than through setIssuedAt(), which would read Date.now().
  try {
    return await new SignJWT({ username, iat }).setProtectedHeader({ alg, typ: 'JWT' }).sign(key);
  } catch (error) {
    // jose refuses a key imported for another hash (an RS256 key asked to sign RS512).
    throw new AppError('key_cannot_sign', error instanceof Error ? error.message : String(error), { params: { alg } });
  }
}
