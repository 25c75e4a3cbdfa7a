import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, createLookupQueue } from '@/utils/lookup-queue';
import { MonetateError, createMonetateClient } from '@/utils/monetate';
import { START, found, gaps, harness, request, track } from '@/tests/unit/lookup-queue/harness';

beforeEach(() => {
  vi.useFakeTimers({ now: START });
});
afterEach(() => {
  vi.useRealTimers();
});

const tooMany = (retryAfterMs?: number) => new MonetateError('rate_limited', undefined, { status: 429, retryAfterMs });

describe('look-up queue: 429', () => {
  it('waits as long as Retry-After says and keeps the request at the head of the queue', async () => {
    const { queue, sends, storage } = harness({
      answer: async (req, call) => {
        if (call === 1) throw tooMany(5000);
        return found(req.id);
      },
    });
    const first = track(queue.enqueue(request('A'), { callerId: 'popup' }).promise);
    const second = track(queue.enqueue(request('B'), { callerId: 'sidepanel' }).promise);
    await vi.advanceTimersByTimeAsync(0);
    const waiting = queue.snapshot().waiting;
    expect(waiting.map((w) => [w.request.id, w.position, w.etaMs, w.reason])).toEqual([
      ['A', 1, 5000, 'retry_after'],
      ['B', 2, 6050, 'retry_after'],
    ]);
    // A restarted worker would honour the wait too.
    expect(storage.value).toBe(START + 5000);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sends.map((s) => [s.id, s.at - START])).toEqual([
      ['A', 0],
      ['A', 5000],
      ['B', 6050],
    ]);
    expect(first.value?.result).toEqual(found('A'));
    expect(second.value?.result).toEqual(found('B'));
  });

  it.each([
    ['seconds', () => '3'],
    ['an HTTP date', () => new Date(START + 3000).toUTCString()],
  ])('honours a Retry-After in %s from Monetate', async (_form, header) => {
    const answers = [
      () => new Response(JSON.stringify({ meta: { code: 429 }, data: {} }), { status: 429, headers: { 'Retry-After': header(), Date: new Date(START).toUTCString() } }),
      () => new Response(JSON.stringify({ meta: { code: 200 }, data: { schema_rows: [{ customer_id: 'A' }] } }), { status: 200 }),
    ];
    const fetchedAt: number[] = [];
    const fetch = vi.fn(async () => {
      fetchedAt.push(Date.now() - START);
      const next = answers.shift();
      if (!next) throw new Error('unexpected request');
      return next();
    });
    const client = createMonetateClient({ fetch });
    const queue = createLookupQueue({
      loadNextAllowedAt: async () => 0,
      saveNextAllowedAt: async () => undefined,
      send: (req, signal) => client.lookupRecord({ baseUrl: 'https://api.monetate.net', retailer: 'acme' }, 'tok', req.dataset, req.id, { signal }),
    });
    const outcome = track(queue.enqueue(request('A'), { callerId: 'x' }).promise);
    await vi.advanceTimersByTimeAsync(2999);
    expect(fetchedAt).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchedAt).toEqual([0, 3000]);
    expect(outcome.value?.result.record).toEqual({ customer_id: 'A' });
  });

  it('backs off exponentially up to the cap when Monetate gives no Retry-After', async () => {
    const { queue, sends } = harness({
      random: () => 0.999_999,
      options: { backoffBaseMs: 1000, backoffCapMs: 5000, maxRetries: 5 },
      answer: async (req, call) => {
        if (call <= 5) throw tooMany();
        return found(req.id);
      },
    });
    const outcome = track(queue.enqueue(request('A'), { callerId: 'x' }).promise);
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.snapshot().waiting[0]?.reason).toBe('backoff');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(gaps(sends)).toEqual([1050, 2000, 4000, 5000, 5000]);
    expect(outcome.value?.result).toEqual(found('A'));
  });

  it('never retries faster than the look-up limit, even when the jitter draws zero', async () => {
    const { queue, sends } = harness({
      random: () => 0,
      answer: async (req, call) => {
        if (call <= 3) throw tooMany();
        return found(req.id);
      },
    });
    queue.enqueue(request('A'), { callerId: 'x' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sends).toHaveLength(4);
    for (const gap of gaps(sends)) expect(gap).toBeGreaterThanOrEqual(1000);
  });

  it('fails with rate_limited after the last retry', async () => {
    const { queue, sends } = harness({
      answer: async () => {
        throw tooMany(1000);
      },
    });
    const outcome = track(queue.enqueue(request('A'), { callerId: 'x' }).promise);
    const behind = track(queue.enqueue(request('B'), { callerId: 'y' }).promise);
    await vi.advanceTimersByTimeAsync(5000);
    expect(sends.map((s) => s.id)).toEqual(['A', 'A', 'A', 'A', 'A']); // 1 try + 4 retries
    expect(outcome.error?.code).toBe('rate_limited');
    expect(outcome.error?.detail).toBe('still refused after 4 retries');
    // The next request still gets its own turn.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sends.at(5)?.id).toBe('B');
    expect(behind.settled).toBe(true);
  });
});

describe('look-up queue: a Retry-After far in the future', () => {
  it('waits at most 5 minutes, says why it waits, and keeps later look-ups’ wait to that too', async () => {
    const { queue, sends, storage } = harness({
      options: { requestTimeoutMs: 600_000 },
      answer: async (req, call) => {
        if (call === 1) throw tooMany(86_400_000);
        return found(req.id);
      },
    });
    const first = track(queue.enqueue(request('A'), { callerId: 'popup' }).promise);
    await vi.advanceTimersByTimeAsync(0);
    const later = track(queue.enqueue(request('B'), { callerId: 'sidepanel' }).promise);
    expect(queue.snapshot().waiting.map((w) => [w.request.id, w.etaMs, w.reason])).toEqual([
      ['A', 300_000, 'retry_after'],
      ['B', 301_050, 'retry_after'],
    ]);
    expect(storage.value).toBeLessThanOrEqual(START + 300_000);
    await vi.advanceTimersByTimeAsync(299_999);
    expect(sends).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_100);
    expect(sends.map((s) => [s.id, s.at - START])).toEqual([
      ['A', 0],
      ['A', 300_000],
      ['B', 301_050],
    ]);
    expect(first.value?.result).toEqual(found('A'));
    expect(later.value?.result).toEqual(found('B'));
  });

  it('lets the user cancel one waiting look-up; the others keep their place', async () => {
    const { queue, sends } = harness({
      options: { requestTimeoutMs: 600_000 },
      answer: async (req, call) => {
        if (call === 1) throw tooMany(120_000);
        return found(req.id);
      },
    });
    const a = track(queue.enqueue(request('A'), { callerId: 'popup' }).promise);
    await vi.advanceTimersByTimeAsync(0);
    const b = track(queue.enqueue(request('B'), { callerId: 'popup' }).promise);
    queue.cancelCaller('popup', { dataset: 'customers', id: 'A' });
    await vi.advanceTimersByTimeAsync(0);
    expect(a.error).toMatchObject({ code: 'cancelled' });
    expect(b.settled).toBe(false);
    expect(queue.snapshot().waiting.map((w) => [w.request.id, w.position])).toEqual([['B', 1]]);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(sends.map((s) => s.id)).toEqual(['A', 'B']);
    expect(b.value?.result).toEqual(found('B'));
  });
});

describe('backoffDelay', () => {
  const options = { baseMs: 1000, capMs: 30_000, minMs: 1000 };

  it('draws up to base * 2^attempt', () => {
    expect(backoffDelay(0, options, () => 0.999_999)).toBe(1000);
    expect(backoffDelay(2, options, () => 0.5)).toBe(2000);
    expect(backoffDelay(3, options, () => 0.999_999)).toBe(8000);
  });

  it('never exceeds the cap', () => {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      expect(backoffDelay(attempt, options, () => 0.999_999)).toBeLessThanOrEqual(30_000);
    }
    expect(backoffDelay(10, options, () => 0.999_999)).toBe(30_000);
  });

  it('never goes under the minimum', () => {
    expect(backoffDelay(5, options, () => 0)).toBe(1000);
    expect(backoffDelay(0, options, () => 0.2)).toBe(1000);
  });

  it('stays within [min, min(cap, base * 2^attempt)] for random draws', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return (seed - 1) / 2147483646;
    };
    for (let i = 0; i < 200; i += 1) {
      const attempt = i % 8;
      const delay = backoffDelay(attempt, options, random);
      expect(delay).toBeGreaterThanOrEqual(1000);
      expect(delay).toBeLessThanOrEqual(Math.max(1000, Math.min(30_000, 1000 * 2 ** attempt)));
    }
  });
});
