import { AppError } from '@/utils/errors';
import { formatDuration } from '@/utils/format-duration';

/** Wrong passphrases in a row for one profile, and when the next try is allowed (epoch ms). */
export interface UnlockFailures {
  failures: number;
  nextAllowedAt: number;
  lastFailureAt: number;
}

/** Wrong passphrases allowed before any wait: typing mistakes happen. */
const FREE_UNLOCK_ATTEMPTS = 3;
const FIRST_DELAY_MS = 1000;
/** The wait doubles per wrong passphrase up to this: 15 minutes. */
export const MAX_UNLOCK_DELAY_MS = 15 * 60_000;
/** A day without a wrong passphrase forgets the earlier ones. */
const FORGET_AFTER_MS = 24 * 3_600_000;

/**
 * How long after `failures` wrong passphrases in a row the next try must wait: none for the
 * first few, then 1 s doubling to at most 15 minutes (1,000 guesses then take over a week).
 * @example unlockDelayAfter(5) // 4000
 */
export function unlockDelayAfter(failures: number): number {
  if (failures < FREE_UNLOCK_ATTEMPTS) return 0;
  return Math.min(MAX_UNLOCK_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - FREE_UNLOCK_ATTEMPTS));
}

/** The stored record as it may be used now: shape checked, stale ones forgotten, waits never beyond the cap. */
export function currentFailures(stored: unknown, nowMs: number): UnlockFailures | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { failures, nextAllowedAt, lastFailureAt } = stored as Partial<UnlockFailures>;
  if (typeof failures !== 'number' || !Number.isInteger(failures) || failures <= 0) return null;
  if (typeof lastFailureAt !== 'number' || !Number.isFinite(lastFailureAt) || nowMs - lastFailureAt > FORGET_AFTER_MS) return null;
  const next = typeof nextAllowedAt === 'number' && Number.isFinite(nextAllowedAt) ? nextAllowedAt : nowMs;
  // A clock set back, or a record written by something else, must not lock the user out for longer than the cap.
  return { failures: Math.min(failures, 1000), lastFailureAt, nextAllowedAt: Math.min(next, nowMs + MAX_UNLOCK_DELAY_MS) };
}

/**
 * Throws `unlock_throttled` (naming the wait) when a try is not allowed yet.
 * @example assertUnlockAllowed(currentFailures(stored, now), now);
 */
export function assertUnlockAllowed(state: UnlockFailures | null, nowMs: number): void {
  const waitMs = state ? state.nextAllowedAt - nowMs : 0;
  if (waitMs > 0) throw new AppError('unlock_throttled', formatDuration(waitMs));
}

/** The record after one more wrong passphrase at `nowMs`. */
export function withFailure(state: UnlockFailures | null, nowMs: number): UnlockFailures {
  const failures = (state?.failures ?? 0) + 1;
  return { failures, lastFailureAt: nowMs, nextAllowedAt: nowMs + unlockDelayAfter(failures) };
}
