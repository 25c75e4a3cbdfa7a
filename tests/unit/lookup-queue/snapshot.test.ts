import { describe, expect, it } from 'vitest';
import { queueSnapshot, type PendingLookup } from '@/utils/lookup-queue';

const T = 5_000_000;

function pending(id: string, callers: string[], retries = 0): PendingLookup {
  return { key: id, request: { profileId: 'p1', dataset: 'customers', id }, state: 'waiting', retries, reauthorized: false, callers: () => callers };
}

describe('queue snapshot', () => {
  it('gives each waiting look-up its place, callers and an ETA one step apart', () => {
    const snap = queueSnapshot({ waiting: [pending('A', ['popup']), pending('B', ['popup', 'sidepanel'])], nextAllowedAt: T + 400, step: 1050, takenAt: T });
    expect(snap.waiting.map((w) => [w.request.id, w.position, w.etaMs, w.reason, w.callers])).toEqual([
      ['A', 1, 400, 'spacing', ['popup']],
      ['B', 2, 1450, 'spacing', ['popup', 'sidepanel']],
    ]);
    expect(snap).toMatchObject({ nextAllowedAt: T + 400, takenAt: T });
  });

  it('gives no reason to a head that may leave now', () => {
    const snap = queueSnapshot({ waiting: [pending('A', ['x']), pending('B', ['x'])], nextAllowedAt: T - 10, step: 1050, takenAt: T });
    expect(snap.waiting[0]).not.toHaveProperty('reason');
    expect(snap.waiting[0]?.etaMs).toBe(0);
    expect(snap.waiting[1]).toMatchObject({ etaMs: 1050, reason: 'spacing' });
  });

  it('says every waiting look-up waits for a 429 while the queue is held', () => {
    const snap = queueSnapshot({ waiting: [pending('A', ['x']), pending('B', ['y'])], nextAllowedAt: T + 300_000, step: 1050, held: 'retry_after', takenAt: T });
    expect(snap.waiting.map((w) => [w.etaMs, w.reason])).toEqual([
      [300_000, 'retry_after'],
      [301_050, 'retry_after'],
    ]);
  });

  it('shows the look-up in flight with its attempt, and copies requests so surfaces cannot change them', () => {
    const inFlight = pending('C', ['overlay'], 2);
    const snap = queueSnapshot({ waiting: [], inFlight: { lookup: inFlight, sentAt: T - 100 }, nextAllowedAt: T + 950, step: 1050, takenAt: T });
    expect(snap.inFlight).toEqual({ key: 'C', request: inFlight.request, callers: ['overlay'], sentAt: T - 100, attempt: 2 });
    expect(snap.inFlight?.request).not.toBe(inFlight.request);
    expect(snap.waiting).toEqual([]);
  });
});
