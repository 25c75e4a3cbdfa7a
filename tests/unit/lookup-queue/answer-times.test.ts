import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnswerTimes, queueSnapshot, type PendingLookup } from '@/utils/lookup-queue';
import { START, found, harness, request } from '@/tests/unit/lookup-queue/harness';

const T = 5_000_000;

function pending(id: string): PendingLookup {
  return { key: id, request: { profileId: 'p1', dataset: 'customers', id }, state: 'waiting', retries: 0, reauthorized: false, callers: () => ['popup'] };
}

describe('measured answer times', () => {
  it('averages the recent answers and knows nothing before the first', () => {
    const times = createAnswerTimes(3);
    expect(times.average()).toBeUndefined();
    times.record(300);
    times.record(500);
    expect(times.average()).toBe(400);
    // Only the last three count: a slow spell shows at once, and passes.
    times.record(2000);
    times.record(2200);
    expect(times.average()).toBe(1567);
  });

  it('ignores times a stepped clock makes negative or meaningless', () => {
    const times = createAnswerTimes();
    times.record(-50);
    times.record(Number.NaN);
    expect(times.average()).toBeUndefined();
  });
});

describe('queue snapshot ETAs with a measured answer time', () => {
  it('spaces look-ups by answer time plus the 1 s gap when Monetate answers slowly', () => {
    const snap = queueSnapshot({ waiting: [pending('A'), pending('B'), pending('C')], nextAllowedAt: T + 200, step: 1030, answerMs: 2000, answerGapMs: 1005, takenAt: T });
    expect(snap.waiting.map((w) => w.etaMs)).toEqual([200, 200 + 3005, 200 + 2 * 3005]);
    expect(snap.measuredAnswerMs).toBe(2000);
  });

  it('keeps the send spacing when answers come back fast', () => {
    const snap = queueSnapshot({ waiting: [pending('A'), pending('B')], nextAllowedAt: T + 100, step: 1030, answerMs: 20, answerGapMs: 1005, takenAt: T });
    expect(snap.waiting.map((w) => w.etaMs)).toEqual([100, 1130]);
  });

  it('waits for the look-up in flight to be answered before the head may leave', () => {
    const snap = queueSnapshot({
      waiting: [pending('B')],
      inFlight: { lookup: pending('A'), sentAt: T - 500 },
      nextAllowedAt: T + 530,
      step: 1030,
      answerMs: 1500,
      answerGapMs: 1005,
      takenAt: T,
    });
    // A's answer is expected at T + 1000; B leaves 1005 ms after it.
    expect(snap.waiting[0]?.etaMs).toBe(2005);
  });

  it('falls back to one step per look-up before any answer was measured', () => {
    const snap = queueSnapshot({ waiting: [pending('A'), pending('B')], nextAllowedAt: T + 100, step: 1030, answerGapMs: 1005, takenAt: T });
    expect(snap.waiting.map((w) => w.etaMs)).toEqual([100, 1130]);
    expect(snap).not.toHaveProperty('measuredAnswerMs');
  });
});

describe('look-up queue: measured answer time', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: START });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('measures how long Monetate took to answer and uses it for the ETAs of those still waiting', async () => {
    const { queue } = harness({ answer: (req) => new Promise((resolve) => setTimeout(() => resolve(found(req.id)), 1800)) });
    queue.enqueue(request('A'), { callerId: 'x' });
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.snapshot().measuredAnswerMs).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1800);
    expect(queue.snapshot().measuredAnswerMs).toBe(1800);

    queue.enqueue(request('B'), { callerId: 'x' });
    queue.enqueue(request('C'), { callerId: 'x' });
    await vi.advanceTimersByTimeAsync(1100);
    // B is in flight; C leaves after B's expected answer (1800 ms) plus the 1 s gap.
    const snap = queue.snapshot();
    expect(snap.inFlight?.request.id).toBe('B');
    const sentAt = snap.inFlight!.sentAt;
    expect(snap.waiting[0]?.etaMs).toBe(sentAt + 1800 + 1005 - snap.takenAt);
  });
});
