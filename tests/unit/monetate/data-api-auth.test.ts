import { describe, expect, it, vi } from 'vitest';
import { AppError } from '@/utils/errors';
import { MonetateError } from '@/utils/monetate';
import { createDataApiAuth } from '@/utils/monetate/data-api-auth';
import { failureOf } from '@/tests/support/failure';

/** A token service that hands out t1, t2… and counts what it forgot. */
function fakeTokens() {
  let serial = 1;
  let cached: string | null = null;
  const invalidate = vi.fn(async () => {
    cached = null;
  });
  return {
    get: vi.fn(async () => {
      cached ??= `t${serial++}`;
      return { token: cached, expiresAt: Date.now() + 3_600_000, issuedAt: Date.now() };
    }),
    invalidate,
  };
}


const unauthorized = () => new MonetateError('unauthorized', 'Token has expired.', { status: 401 });
const forbidden = () => new MonetateError('revoked', 'Token has been revoked.', { status: 403 });

describe('every Data API call: one rule for 401 and 403', () => {
  it('answers a 401 with one fresh token and one more try', async () => {
    const tokens = fakeTokens();
    const run = vi.fn(async (token: string) => {
      if (token === 't1') throw unauthorized();
      return `done with ${token}`;
    });
    expect(await createDataApiAuth(tokens).call('p', run)).toBe('done with t2');
    expect(run.mock.calls.map(([token]) => token)).toEqual(['t1', 't2']);
    expect(tokens.invalidate).toHaveBeenCalledTimes(1);
  });

  it('does not try a third time when the fresh token is refused too', async () => {
    const tokens = fakeTokens();
    const run = vi.fn(async () => {
      throw unauthorized();
    });
    expect((await failureOf(createDataApiAuth(tokens).call('p', run))).code).toBe('unauthorized');
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('forgets the token on a 403 to a read', async () => {
    const tokens = fakeTokens();
    expect((await failureOf(createDataApiAuth(tokens).call('p', async () => Promise.reject(forbidden())))).code).toBe('revoked');
    expect(tokens.invalidate).toHaveBeenCalledTimes(1);
  });

  it('after a 403 to a write, a read that still works with the same token means a read-only API user', async () => {
    const tokens = fakeTokens();
    const probeRead = vi.fn(async () => ({ name: 'customers' }));
    const error = await failureOf(createDataApiAuth(tokens).call('p', async () => Promise.reject(forbidden()), { probeRead }));
    expect(error.code).toBe('read_only_user');
    expect(probeRead).toHaveBeenCalledWith('t1');
    expect(tokens.invalidate).not.toHaveBeenCalled();
  });

  it('after a 403 to a write, a read refused too means the key was deactivated: the token is forgotten', async () => {
    const tokens = fakeTokens();
    const probeRead = vi.fn(async () => Promise.reject(forbidden()));
    const error = await failureOf(createDataApiAuth(tokens).call('p', async () => Promise.reject(forbidden()), { probeRead }));
    expect(error.code).toBe('revoked');
    expect(tokens.invalidate).toHaveBeenCalledTimes(1);
  });

  it('passes every other failure through untouched, the token kept', async () => {
    const tokens = fakeTokens();
    const unknown = new AppError('outcome_unknown', 'HTTP 500');
    expect(await failureOf(createDataApiAuth(tokens).call('p', async () => Promise.reject(unknown)))).toBe(unknown);
    expect(tokens.invalidate).not.toHaveBeenCalled();
  });

  it('lets the look-up queue use the same rule: renew after a 401, forget after a 403', async () => {
    const tokens = fakeTokens();
    const auth = createDataApiAuth(tokens);
    await auth.renew('p');
    expect(tokens.invalidate).toHaveBeenCalledTimes(1);
    await auth.refused('p', new AppError('not_found'));
    expect(tokens.invalidate).toHaveBeenCalledTimes(1);
    await auth.refused('p', forbidden());
    expect(tokens.invalidate).toHaveBeenCalledTimes(2);
  });
});
