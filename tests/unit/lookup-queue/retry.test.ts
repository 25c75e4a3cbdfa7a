import { describe, expect, it } from 'vitest';
import { AppError } from '@/utils/errors';
import { createRetryPolicy, MAX_RETRY_AFTER_MS, type RetryPolicyOptions } from '@/utils/lookup-queue';
import { MonetateError } from '@/utils/monetate';

const fresh = { retries: 0, reauthorized: false };

function policy(overrides: Partial<RetryPolicyOptions> = {}) {
  return createRetryPolicy({
    maxRetries: 4,
    backoff: { baseMs: 1000, capMs: 30_000, minMs: 1000 },
    maxRetryAfterMs: MAX_RETRY_AFTER_MS,
    canReauthorize: true,
    random: () => 0.5,
    ...overrides,
  });
}

const tooMany = (retryAfterMs?: number) =>
  new MonetateError('rate_limited', 'HTTP 429', retryAfterMs === undefined ? { status: 429 } : { status: 429, retryAfterMs });

describe('retry decision', () => {
  it('requeues a 429 for as long as Retry-After says', () => {
    expect(policy()(tooMany(3000), fresh)).toEqual({ requeue: true, delayMs: 3000, reason: 'retry_after' });
  });

  it('caps a Retry-After at 5 minutes, even when the options allow more', () => {
    const decide = policy({ maxRetryAfterMs: 86_400_000 });
    expect(decide(tooMany(86_400_000), fresh)).toEqual({ requeue: true, delayMs: 300_000, reason: 'retry_after' });
    expect(policy({ maxRetryAfterMs: 60_000 })(tooMany(120_000), fresh)).toMatchObject({ delayMs: 60_000 });
  });

  it('backs off exponentially with jitter when there is no Retry-After, capped', () => {
    const decide = policy({ random: () => 0.999_999 });
    const delays = [0, 1, 2, 3].map((retries) => decide(tooMany(), { retries, reauthorized: false }));
    expect(delays.map((d) => [d.reason, d.delayMs])).toEqual([
      ['backoff', 1000],
      ['backoff', 2000],
      ['backoff', 4000],
      ['backoff', 8000],
    ]);
    const capped = policy({ random: () => 0.999_999, maxRetries: 20 })(tooMany(), { retries: 10, reauthorized: false });
    expect(capped.delayMs).toBe(30_000);
  });

  it('fails with rate_limited after the last retry, saying so', () => {
    const decision = policy()(tooMany(1000), { retries: 4, reauthorized: false });
    expect(decision.requeue).toBe(false);
    if (decision.requeue) return;
    expect(decision.reason).toBe('fail');
    expect(decision.error.code).toBe('rate_limited');
    expect(decision.error.status).toBe(429);
    expect(decision.error.detail).toContain('4 retries');
  });

  it('reauthorizes a 401 once, then fails', () => {
    const unauthorized = new AppError('unauthorized', 'HTTP 401', { status: 401 });
    expect(policy()(unauthorized, fresh)).toEqual({ requeue: true, delayMs: 0, reason: 'reauthorize' });
    expect(policy()(unauthorized, { retries: 0, reauthorized: true })).toEqual({ requeue: false, delayMs: 0, reason: 'fail', error: unauthorized });
  });

  it('fails a 401 at once when nobody can renew the token', () => {
    const unauthorized = new AppError('unauthorized');
    expect(policy({ canReauthorize: false })(unauthorized, fresh)).toMatchObject({ requeue: false, reason: 'fail', error: unauthorized });
  });

  it('fails everything else with the error itself', () => {
    for (const error of [new AppError('server', 'HTTP 500', { status: 500 }), new AppError('revoked'), new AppError('timeout')]) {
      expect(policy()(error, fresh)).toEqual({ requeue: false, delayMs: 0, reason: 'fail', error });
    }
  });
});
