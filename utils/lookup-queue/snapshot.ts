import type { HoldReason } from '@/utils/lookup-queue/pacer';
import type { PendingLookup } from '@/utils/lookup-queue/waiters';
import type { QueueSnapshot } from '@/utils/lookup-queue/types';

export interface SnapshotInput {
  waiting: readonly PendingLookup[];
  inFlight?: { lookup: PendingLookup; sentAt: number };
  nextAllowedAt: number;
  /** The gap between two sends, for the ETAs of look-ups behind the head. */
  step: number;
  /** Why the queue holds beyond spacing at `takenAt` (a 429), if it does. */
  held?: HoldReason;
  takenAt: number;
}

/**
 * What surfaces see of the queue: each waiting look-up's place, ETA and reason to wait, and
 * the one in flight. Pure, so the queue events are tested without timers.
 * @example queueSnapshot({ waiting, nextAllowedAt, step: 1050, takenAt: Date.now() }).waiting[0]?.etaMs
 */
export function queueSnapshot(input: SnapshotInput): QueueSnapshot {
  const { takenAt, step } = input;
  const base = Math.max(0, input.nextAllowedAt - takenAt);
  const snap: QueueSnapshot = {
    waiting: input.waiting.map((lookup, index) => {
      const etaMs = base + index * step;
      const view = { key: lookup.key, request: { ...lookup.request }, callers: lookup.callers(), position: index + 1, etaMs };
      return etaMs > 0 ? { ...view, reason: input.held ?? ('spacing' as const) } : view;
    }),
    nextAllowedAt: input.nextAllowedAt,
    takenAt,
  };
  if (input.inFlight) {
    const { lookup, sentAt } = input.inFlight;
    snap.inFlight = { key: lookup.key, request: { ...lookup.request }, callers: lookup.callers(), sentAt, attempt: lookup.retries };
  }
  return snap;
}
