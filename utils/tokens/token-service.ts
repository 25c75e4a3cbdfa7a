import { AppError } from '@/utils/errors';
import { formatDuration } from '@/utils/format-duration';
import { MAX_IAT_CORRECTION_SECONDS } from '@/utils/jwt/sign-auth-jwt';
import type { CachedToken } from '@/utils/storage/items';

/** What one Auth API call gives back, with the server's clock when it said so. */
export interface MintedToken {
  token: string;
  /** Seconds the token lives, as Monetate answered (`expires_in`). */
  expiresIn: number;
  /** The lifetime asked for (`ttl`); the lifetime used is never longer. */
  requestedTtlSeconds: number;
}

/** Never treat a token as living shorter than this, whatever `expires_in` says: one Auth call a minute at most. */
const MIN_TOKEN_LIFETIME_MS = 60_000;

/**
 * What may travel in `Authorization: Token …`: visible ASCII only. A CR, LF or space would split
 * or corrupt the header of every later request, so such a token is refused, never cached.
 */
const HEADER_SAFE_TOKEN = /^[\x21-\x7e]{1,4096}$/;

export interface MintOptions {
  /** Seconds added to `iat` to make up for a local clock that is off from Monetate's. */
  iatOffsetSeconds: number;
}

/** A 401 from the Auth API may carry the server's Date, which tells us whether our clock is off. */
export interface UnauthorizedWithDate {
  serverDateMs?: number;
}

export interface TokenServiceDeps {
  now(): number;
  load(profileId: string): Promise<CachedToken | undefined>;
  save(profileId: string, token: CachedToken | null): Promise<void>;
  /** Signs a JWT and trades it for a token; throws AppError (401s may carry `serverDateMs`). */
  mint(profileId: string, options: MintOptions): Promise<MintedToken>;
  /** Refresh this long before expiry so no request leaves with a token about to lapse. */
  refreshAheadMs?: number;
  /** A Date header further than this from our clock means clock skew, not a bad key. */
  skewToleranceMs?: number;
}

export interface TokenService {
  /** A valid token, from the cache when it has one that is not about to expire. */
  get(profileId: string, options?: { fresh?: boolean }): Promise<CachedToken>;
  /** Forgets the cached token (after a 401 from the Data API, or on lock). */
  invalidate(profileId: string): Promise<void>;
}

/**
 * Tokens for each profile: cached until shortly before expiry, minted single-flight (ten
 * callers at once make one Auth call), with one retry that corrects `iat` for clock skew of at
 * most 15 minutes (more is `clock_skew`: fix the clock; nothing more is signed). A refused
 * corrected retry means the username or key is wrong: `unauthorized`, naming the skew too,
 * because the clock was then not the reason. The answer is checked: a token that cannot travel
 * in a header is `bad_response`, and its lifetime is held between a minute and the TTL asked for.
 * @example const token = await tokens.get(profile.id);
 */
export function createTokenService(deps: TokenServiceDeps): TokenService {
  const refreshAheadMs = deps.refreshAheadMs ?? 60_000;
  const skewToleranceMs = deps.skewToleranceMs ?? 30_000;
  const inFlight = new Map<string, Promise<CachedToken>>();

  async function mintAndStore(profileId: string): Promise<CachedToken> {
    let minted: MintedToken;
    try {
      minted = await deps.mint(profileId, { iatOffsetSeconds: 0 });
    } catch (error) {
      const skewMs = clockSkewOf(error, deps.now());
      if (skewMs === undefined || Math.abs(skewMs) <= skewToleranceMs) throw error;
      // A day-old or day-ahead iat would make a JWT usable long after (or before) it was signed.
      if (Math.abs(skewMs) > MAX_IAT_CORRECTION_SECONDS * 1000) {
        throw new AppError('clock_skew', `${formatDuration(skewMs)} (yours is ${skewMs > 0 ? 'behind' : 'ahead'})`);
      }
      try {
        minted = await deps.mint(profileId, { iatOffsetSeconds: Math.round(skewMs / 1000) });
      } catch (retryError) {
        // With iat corrected the clock is no longer the reason: the username or key is. Say so,
        // and mention the clock too, since it still needs fixing for other tools.
        if (retryError instanceof AppError && retryError.code === 'unauthorized') {
          const said = retryError.detail ? `${retryError.detail.replace(/\.$/, '')}; ` : '';
          throw new AppError('unauthorized', `${said}also, your clock is off by ${describeSkew(skewMs)}`, { status: retryError.status });
        }
        throw retryError;
      }
    }
    if (typeof minted.token !== 'string' || !HEADER_SAFE_TOKEN.test(minted.token)) {
      throw new AppError('bad_response', 'the token Monetate sent has characters that cannot be sent back in a header');
    }
    const issuedAt = deps.now();
    // expires_in, not expires_at: the server's clock may differ from ours.
    const cached: CachedToken = { token: minted.token, issuedAt, expiresAt: issuedAt + lifetimeMs(minted) };
    await deps.save(profileId, cached);
    return cached;
  }

  /** Refresh ahead of expiry by the usual margin, or by a quarter of a short lifetime. */
  function stillFresh(cached: CachedToken): boolean {
    const ahead = Math.min(refreshAheadMs, (cached.expiresAt - cached.issuedAt) / 4);
    return cached.expiresAt - ahead > deps.now();
  }

  return {
    async get(profileId, options = {}) {
      if (!options.fresh) {
        const cached = await deps.load(profileId);
        if (cached && stillFresh(cached)) return cached;
      }
      const pending = inFlight.get(profileId);
      if (pending) return pending;
      const promise = mintAndStore(profileId).finally(() => inFlight.delete(profileId));
      inFlight.set(profileId, promise);
      return promise;
    },
    async invalidate(profileId) {
      await deps.save(profileId, null);
    },
  };
}

function clockSkewOf(error: unknown, nowMs: number): number | undefined {
  if (!(error instanceof AppError) || error.code !== 'unauthorized') return undefined;
  const serverDateMs = (error as AppError & UnauthorizedWithDate).serverDateMs;
  return typeof serverDateMs === 'number' && Number.isFinite(serverDateMs) ? serverDateMs - nowMs : undefined;
}

/**
 * How long to treat a token as valid: what Monetate said, held between a minute (so a tiny or
 * zero `expires_in` cannot make an Auth call before every request) and the TTL asked for (so a
 * huge one cannot keep a token forever).
 */
function lifetimeMs(minted: MintedToken): number {
  const ceiling = Math.max(MIN_TOKEN_LIFETIME_MS, minted.requestedTtlSeconds * 1000);
  const said = Number.isFinite(minted.expiresIn) ? minted.expiresIn * 1000 : MIN_TOKEN_LIFETIME_MS;
  return Math.min(ceiling, Math.max(MIN_TOKEN_LIFETIME_MS, said));
}

function describeSkew(skewMs: number): string {
  return `${formatDuration(skewMs)} (${skewMs > 0 ? 'behind' : 'ahead of'} Monetate)`;
}
