import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QueueSnapshot } from '@/utils/lookup-queue';
import { START, found, harness, request, track } from '@/tests/unit/lookup-queue/harness';

beforeEach(() => {
  vi.useFakeTimers({ now: START });
});
afterEach(() => {
  vi.useRealTimers();
});

const slow = (ms: number) => (req: { id: string }) =>
  new Promise<ReturnType<typeof found>>((resolve) => setTimeout(() => resolve(found(req.id)), ms));

describe('look-up queue: bounds and timeouts', () => {
  it('refuses a 51st waiting look-up with queue_full but still lets callers join waiting ones', async () => {
    const { queue, sends } = harness();
    const accepted = Array.from({ length: 50 }, (_, i) => track(queue.enqueue(request(`C-${i}`), { callerId: 'x' }).promise));
    const refused = track(queue.enqueue(request('C-50'), { callerId: 'x' }).promise);
    const joined = track(queue.enqueue(request('C-49'), { callerId: 'y' }).promise);
    await vi.advanceTimersByTimeAsync(0);
    expect(refused.error?.code).toBe('queue_full');
    expect(joined.settled).toBe(false);
    expect(queue.snapshot().waiting.find((w) => w.request.id === 'C-49')?.callers).toEqual(['x', 'y']);
    expect(accepted[0]?.value?.result).toEqual(found('C-0'));
    expect(sends).toHaveLength(1);
  });

  it('applies a smaller queue bound from options', async () => {
    const { queue } = harness({ options: { maxQueueLength: 2 } });
    queue.enqueue(request('A'), { callerId: 'x' });
    queue.enqueue(request('B'), { callerId: 'x' });
    const refused = track(queue.enqueue(request('C'), { callerId: 'x' }).promise);
    await vi.advanceTimersByTimeAsync(0);
    expect(refused.error?.code).toBe('queue_full');
  });

  it('times out look-ups that wait too long and never sends them', async () => {
    const { queue, sends } = harness({ options: { requestTimeoutMs: 3000 } });
    const outcomes = ['A', 'B', 'C', 'D', 'E'].map((id) => track(queue.enqueue(request(id), { callerId: 'x' }).promise));
    await vi.advanceTimersByTimeAsync(3000);
    expect(outcomes.map((o) => o.value?.result.record?.customer_id ?? o.error?.code)).toEqual(['A', 'B', 'C', 'timeout', 'timeout']);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sends.map((s) => s.id)).toEqual(['A', 'B', 'C']);
    expect(queue.snapshot().waiting).toEqual([]);
  });

  it('gives up on a send that never answers and moves on to the next look-up', async () => {
    let firstSignal: AbortSignal | undefined;
    const { queue, sends } = harness({
      options: { requestTimeoutMs: 3000 },
      answer: (req, call, signal) => {
        if (call === 1) {
          firstSignal = signal;
          return new Promise(() => undefined);
        }
        return Promise.resolve(found(req.id));
      },
    });
    const stuck = track(queue.enqueue(request('A'), { callerId: 'x' }).promise);
    await vi.advanceTimersByTimeAsync(2500);
    const next = track(queue.enqueue(request('B'), { callerId: 'x' }).promise);
    await vi.advanceTimersByTimeAsync(500);
    expect(stuck.error?.code).toBe('timeout');
    expect(firstSignal?.aborted).toBe(true);
    // When the stuck request reached Monetate is unknown: B waits a full second after giving up.
    await vi.advanceTimersByTimeAsync(1005);
    expect(sends.map((s) => [s.id, s.at - START])).toEqual([
      ['A', 0],
      ['B', 4005],
    ]);
    expect(next.value?.result).toEqual(found('B'));
  });
});

describe('look-up queue: cancellation', () => {
  it('drops what only the leaving surface waited for and keeps what another surface shares', async () => {
    const { queue, sends } = harness();
    const filler = track(queue.enqueue(request('F'), { callerId: 'overlay' }).promise);
    const onlyPopup = track(queue.enqueue(request('X'), { callerId: 'popup' }).promise);
    const sharedPopup = track(queue.enqueue(request('Y'), { callerId: 'popup' }).promise);
    const sharedPanel = track(queue.enqueue(request('Y'), { callerId: 'sidepanel' }).promise);
    await vi.advanceTimersByTimeAsync(500);
    queue.cancelCaller('popup');
    await vi.advanceTimersByTimeAsync(0);
    expect(onlyPopup.error?.code).toBe('cancelled');
    expect(sharedPopup.error?.code).toBe('cancelled');
    expect(queue.snapshot().waiting.map((w) => [w.request.id, w.callers])).toEqual([['Y', ['sidepanel']]]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(sends.map((s) => s.id)).toEqual(['F', 'Y']);
    expect(sharedPanel.value?.result).toEqual(found('Y'));
    expect(filler.value?.result).toEqual(found('F'));
  });

  it('lets a look-up already sent finish and fill the cache when its caller leaves', async () => {
    let sentSignal: AbortSignal | undefined;
    const { queue, sends } = harness({
      answer: (req, _call, signal) => {
        sentSignal = signal;
        return slow(400)(req);
      },
    });
    const leaving = track(queue.enqueue(request('A'), { callerId: 'popup' }).promise);
    await vi.advanceTimersByTimeAsync(100);
    queue.cancelCaller('popup');
    await vi.advanceTimersByTimeAsync(0);
    expect(leaving.error?.code).toBe('cancelled');
    await vi.advanceTimersByTimeAsync(400);
    expect(sentSignal?.aborted).toBe(false);
    const later = track(queue.enqueue(request('A'), { callerId: 'sidepanel' }).promise);
    await vi.advanceTimersByTimeAsync(0);
    expect(later.value).toEqual({ result: found('A'), fromCache: true, fetchedAt: START + 400 });
    expect(sends).toHaveLength(1);
  });

  it('cancels one enqueue through its ticket', async () => {
    const { queue, sends } = harness();
    queue.enqueue(request('F'), { callerId: 'x' });
    const { promise, ticket } = queue.enqueue(request('A'), { callerId: 'x' });
    const outcome = track(promise);
    ticket.cancel();
    await vi.advanceTimersByTimeAsync(5000);
    expect(outcome.error?.code).toBe('cancelled');
    expect(sends.map((s) => s.id)).toEqual(['F']);
  });
});

describe('look-up queue: what surfaces see', () => {
  it('reports positions, ETAs, callers and the request in flight', async () => {
    const { queue } = harness({ answer: slow(200) });
    queue.enqueue(request('A'), { callerId: 'popup' });
    queue.enqueue(request('B'), { callerId: 'sidepanel' });
    queue.enqueue(request('C'), { callerId: 'popup' });
    queue.enqueue(request('C'), { callerId: 'overlay' });
    await vi.advanceTimersByTimeAsync(100);
    const snap = queue.snapshot();
    expect(snap.inFlight).toMatchObject({ request: request('A'), callers: ['popup'], sentAt: START, attempt: 0 });
    expect(snap.nextAllowedAt).toBe(START + 1050);
    expect(snap.takenAt).toBe(START + 100);
    expect(snap.waiting.map(({ request: r, position, etaMs, reason, callers }) => ({ id: r.id, position, etaMs, reason, callers }))).toEqual([
      { id: 'B', position: 1, etaMs: 950, reason: 'spacing', callers: ['sidepanel'] },
      { id: 'C', position: 2, etaMs: 2000, reason: 'spacing', callers: ['popup', 'overlay'] },
    ]);
  });

  it('tells subscribers about every change until they unsubscribe', async () => {
    const { queue } = harness();
    const seen: QueueSnapshot[] = [];
    const unsubscribe = queue.subscribe((snap) => seen.push(snap));
    queue.enqueue(request('A'), { callerId: 'x' });
    queue.enqueue(request('B'), { callerId: 'x' });
    expect(seen.at(-1)?.waiting.map((w) => w.request.id)).toEqual(['A', 'B']);
    await vi.advanceTimersByTimeAsync(3000);
    expect(seen.at(-1)?.waiting).toEqual([]);
    expect(seen.some((s) => s.inFlight?.request.id === 'B')).toBe(true);
    const count = seen.length;
    unsubscribe();
    queue.enqueue(request('C'), { callerId: 'x' });
    await vi.advanceTimersByTimeAsync(3000);
    expect(seen).toHaveLength(count);
  });

  it('keeps working when a subscriber throws', async () => {
    const { queue } = harness();
    queue.subscribe(() => {
      throw new Error('broken surface');
    });
    const outcome = track(queue.enqueue(request('A'), { callerId: 'x' }).promise);
    await vi.advanceTimersByTimeAsync(0);
    expect(outcome.value?.result).toEqual(found('A'));
  });
});
