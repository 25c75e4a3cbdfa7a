import type { HoldReason } from '@/utils/lookup-queue/pacer';
import type { PendingLookup } from '@/utils/lookup-queue/waiters';
import type { QueueSnapshot } from '@/utils/lookup-queue/types';

export interface SnapshotInput {
  waiting: readonly PendingLookup[];
  inFlight?: { lookup: PendingLookup; sentAt: number };
  nextAllowedAt: number;
  /** The gap between two sends, for the ETAs of look-ups behind the head. */
  step: number;
  /**
   * The measured mean answer time (ms), if any answer came back yet. A send waits `answerGapMs`
   * after the previous answer too, so a slow Monetate spaces the queue by its answer time.
   */
  answerMs?: number;
  /** The wait after an answer before the next send (Monetate's 1 s plus timer margin). */
  answerGapMs?: number;
  /** Why the queue holds beyond spacing at `takenAt` (a 429), if it does. */
  held?: HoldReason;
  takenAt: number;
}

/**
 * What surfaces see of the queue: each waiting look-up's place, ETA and reason to wait, and
 * the one in flight. Each look-up takes the longer of the send spacing and "its answer, then
 * the gap": with a measured answer time the ETAs follow Monetate's real pace, not 1 s each.
 * Pure, so the queue events are tested without timers.
 * @example queueSnapshot({ waiting, nextAllowedAt, step: 1050, answerMs: 400, answerGapMs: 1005, takenAt: Date.now() }).waiting[1]?.etaMs
 */
export function queueSnapshot(input: SnapshotInput): QueueSnapshot {
  const { takenAt, step, answerMs } = input;
  const gap = input.answerGapMs ?? 0;
  const perLookup = answerMs === undefined ? step : Math.max(step, answerMs + gap);
  // The head leaves at the pace's next slot, and (when one is in flight) once its answer is expected back plus the gap.
  const afterInFlight = input.inFlight && answerMs !== undefined ? input.inFlight.sentAt + answerMs + gap : 0;
  const base = Math.max(0, input.nextAllowedAt - takenAt, afterInFlight - takenAt);
  const snap: QueueSnapshot = {
    waiting: input.waiting.map((lookup, index) => {
      const etaMs = base + index * perLookup;
      const view = { key: lookup.key, request: { ...lookup.request }, callers: lookup.callers(), position: index + 1, etaMs };
      return etaMs > 0 ? { ...view, reason: input.held ?? ('spacing' as const) } : view;
    }),
    nextAllowedAt: input.nextAllowedAt,
    takenAt,
    ...(answerMs === undefined ? {} : { measuredAnswerMs: answerMs }),
  };
  if (input.inFlight) {
    const { lookup, sentAt } = input.inFlight;
    snap.inFlight = { key: lookup.key, request: { ...lookup.request }, callers: lookup.callers(), sentAt, attempt: lookup.retries };
  }
  return snap;
}
