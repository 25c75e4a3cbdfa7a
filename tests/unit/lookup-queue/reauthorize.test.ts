import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '@/utils/errors';
import { createLookupQueue } from '@/utils/lookup-queue';
import type { LookupRequest } from '@/utils/lookup-queue';
import { MonetateError } from '@/utils/monetate';
import { START, found, gaps, request, track } from '@/tests/unit/lookup-queue/harness';

beforeEach(() => {
  vi.useFakeTimers({ now: START });
});
afterEach(() => {
  vi.useRealTimers();
});

const expired = () => new MonetateError('unauthorized', 'token expired', { status: 401 });

/** A queue whose sends use the current token; tokens before `valid` are refused with 401. */
function tokenQueue(options: { reauthorize?: (req: LookupRequest) => Promise<void> } = {}) {
  const sends: Array<{ id: string; at: number; token: number }> = [];
  const state = { token: 1, valid: 2 };
  const reauthorize = vi.fn(
    options.reauthorize ??
      (async () => {
        await new Promise((resolve) => setTimeout(resolve, 200)); // an Auth API call
        state.token += 1;
      }),
  );
  const queue = createLookupQueue({
    loadNextAllowedAt: async () => 0,
    saveNextAllowedAt: async () => undefined,
    send: async (req) => {
      sends.push({ id: req.id, at: Date.now(), token: state.token });
      if (state.token < state.valid) throw expired();
      return found(req.id);
    },
    reauthorize,
  });
  return { queue, sends, state, reauthorize };
}

describe('look-up queue: expired token', () => {
  it('renews the token once and retries at the head of the queue, keeping the spacing', async () => {
    const { queue, sends, reauthorize } = tokenQueue();
    const first = track(queue.enqueue(request('A'), { callerId: 'popup' }).promise);
    const second = track(queue.enqueue(request('B'), { callerId: 'sidepanel' }).promise);
    await vi.advanceTimersByTimeAsync(5000);
    expect(reauthorize).toHaveBeenCalledTimes(1); // one Auth call for the whole burst
    expect(sends.map((s) => [s.id, s.token])).toEqual([
      ['A', 1],
      ['A', 2],
      ['B', 2],
    ]);
    for (const gap of gaps(sends)) expect(gap).toBeGreaterThanOrEqual(1000);
    expect(first.value?.result).toEqual(found('A'));
    expect(second.value?.result).toEqual(found('B'));
  });

  it('fails with unauthorized when the fresh token is refused too', async () => {
    const { queue, sends, state, reauthorize } = tokenQueue();
    state.valid = 99;
    const outcome = track(queue.enqueue(request('A'), { callerId: 'x' }).promise);
    await vi.advanceTimersByTimeAsync(5000);
    expect(reauthorize).toHaveBeenCalledTimes(1);
    expect(sends).toHaveLength(2);
    expect(outcome.error?.code).toBe('unauthorized');
  });

  it('ends the look-up with the renewal error (a key Monetate no longer accepts)', async () => {
    const { queue, sends } = tokenQueue({
      reauthorize: async () => {
        throw new AppError('revoked');
      },
    });
    const outcome = track(queue.enqueue(request('A'), { callerId: 'x' }).promise);
    const next = track(queue.enqueue(request('B'), { callerId: 'y' }).promise);
    await vi.advanceTimersByTimeAsync(5000);
    expect(outcome.error?.code).toBe('revoked');
    expect(sends.map((s) => s.id)).toEqual(['A', 'B']);
    expect(next.error?.code).toBe('revoked'); // B's own single renewal attempt says the same
  });
});
