import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLookupQueue } from '@/utils/lookup-queue';
import { START, found, gaps, harness, request, track } from '@/tests/unit/lookup-queue/harness';

beforeEach(() => {
  vi.useFakeTimers({ now: START });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('look-up queue: spacing', () => {
  it('waits 1 s between look-ups from two surfaces', async () => {
    const { queue, sends } = harness();
    const fromPopup = track(queue.enqueue(request('C-1'), { callerId: 'popup' }).promise);
    const fromPanel = track(queue.enqueue(request('C-2'), { callerId: 'sidepanel' }).promise);
    await vi.advanceTimersByTimeAsync(999);
    expect(sends.map((s) => s.id)).toEqual(['C-1']);
    expect(fromPopup.value?.result).toEqual(found('C-1'));
    expect(fromPanel.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    expect(sends.map((s) => s.id)).toEqual(['C-1', 'C-2']);
    expect(gaps(sends)).toEqual([1050]);
    expect(fromPanel.value?.result).toEqual(found('C-2'));
  });

  it('keeps at least 1 s between ten queued look-ups from three surfaces, in arrival order', async () => {
    const { queue, sends } = harness();
    const callers = ['popup', 'sidepanel', 'overlay'];
    const ids = Array.from({ length: 10 }, (_, i) => `C-${i}`);
    const outcomes = ids.map((id, i) => track(queue.enqueue(request(id), { callerId: callers[i % 3] ?? 'popup' }).promise));
    await vi.advanceTimersByTimeAsync(15_000);
    expect(sends.map((s) => s.id)).toEqual(ids);
    for (const gap of gaps(sends)) expect(gap).toBeGreaterThanOrEqual(1000);
    expect(outcomes.every((o) => o.value?.fromCache === false)).toBe(true);
  });

  it('waits 1 s after a slow answer, since the slow request may have arrived late', async () => {
    const { queue, sends } = harness({
      answer: (req) => new Promise((resolve) => setTimeout(() => resolve(found(req.id)), 1500)),
    });
    queue.enqueue(request('A'), { callerId: 'x' });
    queue.enqueue(request('B'), { callerId: 'x' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(gaps(sends)).toEqual([1500 + 1005]);
  });

  it('spaces from the send when answers are quick, so a burst runs near one per second', async () => {
    const { queue, sends } = harness({
      options: { marginMs: 30 },
      answer: (req) => new Promise((resolve) => setTimeout(() => resolve(found(req.id)), 20)),
    });
    for (const id of ['A', 'B', 'C', 'D']) queue.enqueue(request(id), { callerId: 'x' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(gaps(sends)).toEqual([1030, 1030, 1030]);
  });

  it('re-stamps the pace when the request leaves late (a token was minted first)', async () => {
    const sends: number[] = [];
    const saved: number[] = [];
    const queue = createLookupQueue({
      loadNextAllowedAt: async () => 0,
      saveNextAllowedAt: async (ms) => {
        saved.push(ms - START);
      },
      send: async (req, _signal, onWire) => {
        if (req.id === 'A') await new Promise((resolve) => setTimeout(resolve, 400)); // minting
        await onWire();
        sends.push(Date.now() - START);
        return found(req.id);
      },
    });
    queue.enqueue(request('A'), { callerId: 'x' });
    queue.enqueue(request('B'), { callerId: 'x' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(sends).toEqual([400, 1450]);
    // Saved before the slot, and again once the real departure was known.
    expect(saved.slice(0, 2)).toEqual([1300, 1450]);
  });

  it('saves the next allowed time before every send', async () => {
    const { queue, log, sends, storage } = harness();
    queue.enqueue(request('A'), { callerId: 'x' });
    queue.enqueue(request('B'), { callerId: 'x' });
    queue.enqueue(request('C'), { callerId: 'y' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(log).toEqual([
      'load',
      // The pace plus 250 ms for a successor worker, in case this one dies before the answer.
      ...['save 1300', 'saved', 'send A at 0'],
      ...['save 2350', 'saved', 'send B at 1050'],
      ...['save 3400', 'saved', 'send C at 2100'],
    ]);
    expect(storage.value).toBe((sends.at(-1)?.at ?? 0) + 1300);
  });

  it('loads the saved pace once, before the first send', async () => {
    const { queue, deps } = harness();
    expect(deps.loadNextAllowedAt).not.toHaveBeenCalled();
    queue.enqueue(request('A'), { callerId: 'x' });
    queue.enqueue(request('B'), { callerId: 'x' });
    await vi.advanceTimersByTimeAsync(3000);
    queue.enqueue(request('C'), { callerId: 'x' });
    await vi.advanceTimersByTimeAsync(3000);
    expect(deps.loadNextAllowedAt).toHaveBeenCalledTimes(1);
  });

  it('makes a restarted service worker wait for the pace its predecessor saved', async () => {
    const first = harness();
    first.queue.enqueue(request('A'), { callerId: 'x' });
    await vi.advanceTimersByTimeAsync(10);
    expect(first.sends).toHaveLength(1);
    // The worker is killed and restarted 10 ms later with the same session storage.
    const second = harness({ stored: first.storage.value });
    second.queue.enqueue(request('B'), { callerId: 'x' });
    await vi.advanceTimersByTimeAsync(1280);
    expect(second.sends).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(100);
    // The predecessor's answer never came (it was killed), so 250 ms more than the pace.
    expect(second.sends.map((s) => s.at - START)).toEqual([1300]);
  });

  it('assumes a send just happened when the saved pace cannot be read', async () => {
    const sends: number[] = [];
    const queue = createLookupQueue({
      now: () => Date.now(),
      loadNextAllowedAt: () => Promise.reject(new Error('storage unavailable')),
      saveNextAllowedAt: () => Promise.resolve(),
      send: async (req) => {
        sends.push(Date.now() - START);
        return found(req.id);
      },
    });
    queue.enqueue(request('A'), { callerId: 'x' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(sends).toEqual([1050]);
  });

  it('still sends when saving the pace fails', async () => {
    const queue = createLookupQueue({
      now: () => Date.now(),
      loadNextAllowedAt: async () => 0,
      saveNextAllowedAt: () => Promise.reject(new Error('quota')),
      send: async (req) => found(req.id),
    });
    const outcome = track(queue.enqueue(request('A'), { callerId: 'x' }).promise);
    await vi.advanceTimersByTimeAsync(0);
    expect(outcome.value?.result).toEqual(found('A'));
  });
});
