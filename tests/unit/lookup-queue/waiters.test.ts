import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '@/utils/errors';
import { abortableSleep, createWaiters, type WaitersOptions } from '@/utils/lookup-queue';
import { found, request, START, track } from '@/tests/unit/lookup-queue/harness';

beforeEach(() => {
  vi.useFakeTimers({ now: START });
});
afterEach(() => {
  vi.useRealTimers();
});

function setup(overrides: Partial<WaitersOptions> = {}) {
  const onChange = vi.fn();
  const waiters = createWaiters({ sleep: abortableSleep, requestTimeoutMs: 20_000, maxQueueLength: 50, onChange, ...overrides });
  const join = (id: string, callerId: string) => {
    const joined = waiters.join(id, request(id), callerId);
    if (!('promise' in joined)) throw joined;
    return { ...joined, state: track(joined.promise) };
  };
  return { waiters, onChange, join };
}

const answer = (id: string) => ({ ok: { result: found(id), fromCache: false, fetchedAt: START } });

describe('waiters and coalescing', () => {
  it('lets identical look-ups share one entry, and settles every caller with its one answer', async () => {
    const { waiters, join } = setup();
    const a = join('C-1', 'popup');
    const b = join('C-1', 'sidepanel');
    expect(waiters.waiting).toHaveLength(1);
    expect(waiters.waiting[0]?.callers()).toEqual(['popup', 'sidepanel']);
    const lookup = waiters.next();
    expect(lookup?.state).toBe('sending');
    if (lookup) waiters.finish(lookup, answer('C-1'));
    await vi.advanceTimersByTimeAsync(0);
    expect(a.state.value?.result).toEqual(found('C-1'));
    expect(b.state.value?.result).toEqual(found('C-1'));
  });

  it('joins a look-up already being sent', async () => {
    const { waiters, join } = setup();
    join('C-1', 'popup');
    const lookup = waiters.next();
    const late = join('C-1', 'overlay');
    expect(waiters.waiting).toHaveLength(0);
    expect(lookup?.callers()).toEqual(['popup', 'overlay']);
    if (lookup) waiters.finish(lookup, answer('C-1'));
    await vi.advanceTimersByTimeAsync(0);
    expect(late.state.value?.result).toEqual(found('C-1'));
  });

  it('drops only the leaving caller; the look-up stays for the other, and leaves when nobody waits', async () => {
    const { waiters, join, onChange } = setup();
    const a = join('C-1', 'popup');
    const b = join('C-1', 'sidepanel');
    a.ticket.cancel();
    await vi.advanceTimersByTimeAsync(0);
    expect(a.state.error?.code).toBe('cancelled');
    expect(b.state.settled).toBe(false);
    expect(waiters.waiting[0]?.callers()).toEqual(['sidepanel']);
    expect(onChange).toHaveBeenCalledTimes(1);
    b.ticket.cancel();
    expect(waiters.waiting).toHaveLength(0);
  });

  it('cancels one caller’s look-ups, or only one record, and reports whether anything changed', async () => {
    const { waiters, join } = setup();
    const one = join('C-1', 'popup');
    const two = join('C-2', 'popup');
    const other = join('C-2', 'sidepanel');
    expect(waiters.cancelCaller('popup', { dataset: 'customers', id: 'C-2' })).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(two.state.error?.code).toBe('cancelled');
    expect(one.state.settled).toBe(false);
    expect(waiters.cancelCaller('popup')).toBe(true);
    expect(waiters.cancelCaller('popup')).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(one.state.error?.code).toBe('cancelled');
    expect(other.state.settled).toBe(false);
    expect(waiters.waiting.map((w) => w.key)).toEqual(['C-2']);
  });

  it('keeps a look-up in flight when its only caller leaves, so its answer still arrives', () => {
    const { waiters, join } = setup();
    join('C-1', 'popup');
    const lookup = waiters.next();
    expect(waiters.cancelCaller('popup', undefined, lookup)).toBe(true);
    expect(lookup && waiters.requeueAtHead(lookup)).toBe(false);
    expect(waiters.waiting).toHaveLength(0);
  });

  it('times out a caller that waited too long and tells the queue', async () => {
    const { join, onChange, waiters } = setup({ requestTimeoutMs: 5000 });
    const a = join('C-1', 'popup');
    await vi.advanceTimersByTimeAsync(4999);
    expect(a.state.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(a.state.error).toMatchObject({ code: 'timeout', detail: 'no answer within 5 s' });
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(waiters.waiting).toHaveLength(0);
  });

  it('refuses a new look-up when the queue is full, but lets callers join a waiting one', () => {
    const { waiters, join } = setup({ maxQueueLength: 2 });
    join('A', 'x');
    join('B', 'x');
    const refused = waiters.join('C', request('C'), 'x');
    expect('promise' in refused ? undefined : refused.code).toBe('queue_full');
    expect('promise' in waiters.join('A', request('A'), 'y')).toBe(true);
  });

  it('puts a retried look-up back at the head, before younger ones', () => {
    const { waiters, join } = setup();
    join('A', 'x');
    join('B', 'x');
    const head = waiters.next();
    expect(head && waiters.requeueAtHead(head)).toBe(true);
    expect(waiters.waiting.map((w) => [w.key, w.state])).toEqual([
      ['A', 'waiting'],
      ['B', 'waiting'],
    ]);
  });

  it('ends a look-up with an error for all its callers, and forgets it so a new one starts afresh', async () => {
    const { waiters, join } = setup();
    const a = join('A', 'x');
    const head = waiters.waiting[0];
    if (head) waiters.finish(head, { error: new AppError('server') });
    await vi.advanceTimersByTimeAsync(0);
    expect(a.state.error?.code).toBe('server');
    expect(waiters.waiting).toHaveLength(0);
    join('A', 'x');
    expect(waiters.waiting).toHaveLength(1);
  });
});
