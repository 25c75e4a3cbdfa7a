import { AppError } from '../errors';
import type { CachedToken } from '../storage/items';

/** What one Auth API call gives back, with the server's clock when it said so. */
export interface MintedToken {
  token: string;
  /** Seconds the token lives, as Monetate answered (`expires_in`). */
  expiresIn: number;
}

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
 * callers at once make one Auth call), with one retry that corrects `iat` for clock skew. A
 * refused corrected retry means the username or key is wrong: `unauthorized`, naming the skew
 * too, because the clock was then not the reason.
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
    const issuedAt = deps.now();
    // expires_in, not expires_at: the server's clock may differ from ours.
    const cached: CachedToken = { token: minted.token, issuedAt, expiresAt: issuedAt + minted.expiresIn * 1000 };
    await deps.save(profileId, cached);
    return cached;
  }

  return {
    async get(profileId, options = {}) {
      if (!options.fresh) {
        const cached = await deps.load(profileId);
        if (cached && cached.expiresAt - refreshAheadMs > deps.now()) return cached;
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

function describeSkew(skewMs: number): string {
  const seconds = Math.round(Math.abs(skewMs) / 1000);
  return `${seconds} seconds (${skewMs > 0 ? 'behind' : 'ahead of'} Monetate)`;
}
