import { AppError } from '@/utils/errors';
import { retryAfterOf } from '@/utils/monetate/api-error';
import { backoffDelay, type BackoffOptions } from '@/utils/lookup-queue/backoff';

/** The longest a Retry-After may hold the queue: one server's (or proxy's) "wait a day" must not stall every surface. */
export const MAX_RETRY_AFTER_MS = 5 * 60_000;

/** What happened to one look-up so far. */
export interface RetryAttempt {
  /** 429s received so far. */
  retries: number;
  /** A 401 already led to a fresh token once. */
  reauthorized: boolean;
}

/** What to do after a failed send. */
export type RetryDecision =
  | { requeue: true; delayMs: number; reason: 'retry_after' | 'backoff' }
  | { requeue: true; delayMs: 0; reason: 'reauthorize' }
  | { requeue: false; delayMs: 0; reason: 'fail'; error: AppError };

export interface RetryPolicyOptions {
  /** 429s retried before failing with `rate_limited`. */
  maxRetries: number;
  backoff: BackoffOptions;
  /** Capped at `MAX_RETRY_AFTER_MS` whatever is passed. */
  maxRetryAfterMs: number;
  /** False when nobody can renew a token: a 401 then fails at once. */
  canReauthorize: boolean;
  /** In [0, 1), the backoff's jitter. */
  random(): number;
}

/**
 * The retry rule for a failed look-up, pure but for the injected jitter: 429 waits its
 * `Retry-After` (at most 5 minutes) or backs off exponentially with jitter, up to
 * `maxRetries`; a 401 renews the token once; everything else fails.
 * @example
 * const decide = createRetryPolicy({ maxRetries: 4, backoff, maxRetryAfterMs: 300_000, canReauthorize: true, random: Math.random });
 * decide(new AppError('rate_limited', undefined, { retryAfterMs: 3000 }), { retries: 0, reauthorized: false }) // { requeue: true, delayMs: 3000, reason: 'retry_after' }
 */
export function createRetryPolicy(options: RetryPolicyOptions): (error: AppError, attempt: RetryAttempt) => RetryDecision {
  const maxRetryAfterMs = Math.min(options.maxRetryAfterMs, MAX_RETRY_AFTER_MS);
  return (error, attempt) => {
    if (error.code === 'unauthorized' && options.canReauthorize && !attempt.reauthorized) {
      return { requeue: true, delayMs: 0, reason: 'reauthorize' };
    }
    if (error.code !== 'rate_limited') return { requeue: false, delayMs: 0, reason: 'fail', error };
    if (attempt.retries >= options.maxRetries) {
      const detail = `still refused after ${options.maxRetries} retries`;
      return { requeue: false, delayMs: 0, reason: 'fail', error: new AppError('rate_limited', detail, { status: error.status ?? 429 }) };
    }
    const asked = retryAfterOf(error);
    if (asked !== undefined) return { requeue: true, delayMs: Math.min(asked, maxRetryAfterMs), reason: 'retry_after' };
    return { requeue: true, delayMs: backoffDelay(attempt.retries, options.backoff, options.random), reason: 'backoff' };
  };
}
