import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '@/utils/errors';
import { MonetateError } from '@/utils/monetate';
import { START, found, harness, request, track } from '@/tests/unit/lookup-queue/harness';

beforeEach(() => {
  vi.useFakeTimers({ now: START });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('look-up queue: coalescing and cache', () => {
  it('sends one request for three identical look-ups from different surfaces', async () => {
    const { queue, sends } = harness();
    const outcomes = ['popup', 'sidepanel', 'overlay'].map((callerId) => track(queue.enqueue(request('C-1'), { callerId }).promise));
    await vi.advanceTimersByTimeAsync(5000);
    expect(sends).toHaveLength(1);
    for (const outcome of outcomes) expect(outcome.value).toEqual({ result: found('C-1'), fromCache: false, fetchedAt: START });
  });

  it('joins a look-up that is already in flight', async () => {
    const { queue, sends } = harness({
      answer: (req) => new Promise((resolve) => setTimeout(() => resolve(found(req.id)), 300)),
    });
    const first = track(queue.enqueue(request('C-1'), { callerId: 'popup' }).promise);
    await vi.advanceTimersByTimeAsync(100);
    const second = track(queue.enqueue(request('C-1'), { callerId: 'sidepanel' }).promise);
    await vi.advanceTimersByTimeAsync(300);
    expect(sends).toHaveLength(1);
    expect(second.value).toEqual(first.value);
  });

  it('treats the same ID in another dataset or profile as a different look-up', async () => {
    const { queue, sends } = harness();
    queue.enqueue(request('C-1'), { callerId: 'x' });
    queue.enqueue(request('C-1', 'p1', 'orders'), { callerId: 'x' });
    queue.enqueue(request('C-1', 'p2'), { callerId: 'x' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(sends).toHaveLength(3);
  });

  it('answers a repeat from the cache with its age, until the cache expires', async () => {
    const { queue, sends } = harness();
    await vi.advanceTimersByTimeAsync(0);
    const first = track(queue.enqueue(request('C-1'), { callerId: 'x' }).promise);
    await vi.advanceTimersByTimeAsync(12_000);
    const repeat = track(queue.enqueue(request('C-1'), { callerId: 'y' }).promise);
    await vi.advanceTimersByTimeAsync(0);
    expect(sends).toHaveLength(1);
    expect(repeat.value).toEqual({ result: found('C-1'), fromCache: true, fetchedAt: START });
    expect(Date.now() - (repeat.value?.fetchedAt ?? 0)).toBe(12_000);
    expect(first.value?.fromCache).toBe(false);

    await vi.advanceTimersByTimeAsync(18_000); // 30 s after the answer
    const expired = track(queue.enqueue(request('C-1'), { callerId: 'y' }).promise);
    await vi.advanceTimersByTimeAsync(0);
    expect(sends).toHaveLength(2);
    expect(expired.value).toEqual({ result: found('C-1'), fromCache: false, fetchedAt: START + 30_000 });
  });

  it('caches "no such record" as an answer with record null', async () => {
    const { queue, sends } = harness({
      answer: async (req) => {
        throw new MonetateError('not_found', `record "${req.id}" in dataset ${req.dataset}`, { status: 404 });
      },
    });
    const first = track(queue.enqueue(request('GHOST'), { callerId: 'x' }).promise);
    await vi.advanceTimersByTimeAsync(0);
    expect(first.value).toEqual({ result: { record: null, rows: [] }, fromCache: false, fetchedAt: START });
    const again = track(queue.enqueue(request('GHOST'), { callerId: 'x' }).promise);
    await vi.advanceTimersByTimeAsync(0);
    expect(again.value?.fromCache).toBe(true);
    expect(again.value?.result.record).toBeNull();
    expect(sends).toHaveLength(1);
  });

  it('does not cache errors, and does not retry them', async () => {
    const { queue, sends } = harness({
      answer: async (req, call) => {
        if (call === 1) throw new AppError('server', 'HTTP 500', { status: 500 });
        return found(req.id);
      },
    });
    const failed = track(queue.enqueue(request('C-1'), { callerId: 'x' }).promise);
    await vi.advanceTimersByTimeAsync(5000);
    expect(failed.error?.code).toBe('server');
    expect(sends).toHaveLength(1);
    const retried = track(queue.enqueue(request('C-1'), { callerId: 'x' }).promise);
    await vi.advanceTimersByTimeAsync(0);
    expect(retried.value?.fromCache).toBe(false);
    expect(sends).toHaveLength(2);
  });

  it('bypasses the cache on refresh', async () => {
    const { queue, sends } = harness();
    queue.enqueue(request('C-1'), { callerId: 'x' });
    await vi.advanceTimersByTimeAsync(2000);
    const refreshed = track(queue.enqueue(request('C-1'), { callerId: 'x', refresh: true }).promise);
    await vi.advanceTimersByTimeAsync(0);
    expect(sends).toHaveLength(2);
    expect(refreshed.value).toEqual({ result: found('C-1'), fromCache: false, fetchedAt: START + 2000 });
    // The refreshed answer is what the cache now holds.
    const cached = track(queue.enqueue(request('C-1'), { callerId: 'y' }).promise);
    await vi.advanceTimersByTimeAsync(0);
    expect(cached.value?.fetchedAt).toBe(START + 2000);
  });

  it('joins a pending look-up on refresh instead of sending twice', async () => {
    const { queue, sends } = harness();
    queue.enqueue(request('FILLER'), { callerId: 'x' });
    const plain = track(queue.enqueue(request('C-1'), { callerId: 'x' }).promise);
    const refreshed = track(queue.enqueue(request('C-1'), { callerId: 'y', refresh: true }).promise);
    await vi.advanceTimersByTimeAsync(3000);
    expect(sends.map((s) => s.id)).toEqual(['FILLER', 'C-1']);
    expect(refreshed.value).toEqual(plain.value);
  });

  it('forgets cached answers of one profile only', async () => {
    const { queue, sends } = harness();
    queue.enqueue(request('C-1', 'p1'), { callerId: 'x' });
    queue.enqueue(request('C-1', 'p2'), { callerId: 'x' });
    await vi.advanceTimersByTimeAsync(3000);
    queue.clearCache('p1');
    const p1 = track(queue.enqueue(request('C-1', 'p1'), { callerId: 'x' }).promise);
    const p2 = track(queue.enqueue(request('C-1', 'p2'), { callerId: 'x' }).promise);
    await vi.advanceTimersByTimeAsync(0);
    expect(p1.value?.fromCache).toBe(false);
    expect(p2.value?.fromCache).toBe(true);
    expect(sends).toHaveLength(3);
    queue.clearCache();
    const again = track(queue.enqueue(request('C-1', 'p2'), { callerId: 'x' }).promise);
    await vi.advanceTimersByTimeAsync(2000);
    expect(again.value?.fromCache).toBe(false);
  });

  it('does not cache when the cache TTL is 0', async () => {
    const { queue, sends } = harness({ options: { cacheTtlMs: 0 } });
    queue.enqueue(request('C-1'), { callerId: 'x' });
    await vi.advanceTimersByTimeAsync(2000);
    const again = track(queue.enqueue(request('C-1'), { callerId: 'x' }).promise);
    await vi.advanceTimersByTimeAsync(0);
    expect(again.value?.fromCache).toBe(false);
    expect(sends).toHaveLength(2);
  });

  it('refuses an incomplete request with lookup_incomplete', async () => {
    const { queue, sends } = harness();
    const outcome = track(queue.enqueue(request(''), { callerId: 'x' }).promise);
    await vi.advanceTimersByTimeAsync(0);
    expect(outcome.error?.code).toBe('lookup_incomplete');
    expect(sends).toHaveLength(0);
  });
});
