import type { WaitReason } from '@/utils/lookup-queue/types';

/** A stored next-allowed time further ahead than this is a clock jump, not a real wait. */
const MAX_STORED_WAIT_MS = 5 * 60_000;
/** A departure later than its slot by more than this re-stamps (and re-saves) the pace. */
const WIRE_SLACK_MS = 10;
/** Timer and clock granularity on top of "1 s after the answer came back". */
const ANSWER_MARGIN_MS = 5;

export interface PacerOptions {
  now(): number;
  /** The next-allowed time a previous service worker saved (0 when none). */
  load(): Promise<number>;
  save(ms: number): Promise<void>;
  minSpacingMs: number;
  marginMs: number;
  /** Extra wait saved before a send, for a successor if this worker dies before the answer. */
  unansweredAllowanceMs: number;
}

/** Why the pacer holds beyond the spacing (a 429), and until when. */
export type HoldReason = Exclude<WaitReason, 'spacing'>;

export interface Pacer {
  /** Epoch ms before which no look-up may leave. */
  readonly nextAllowedAt: number;
  /** `minSpacingMs + marginMs`: the gap between two sends. */
  readonly step: number;
  /** The wait after an answer before the next send: `minSpacingMs` plus timer granularity. */
  readonly answerGap: number;
  /** Reads the saved pace once; true the one time it did. */
  ensureLoaded(): Promise<boolean>;
  /** Ms to wait before the next send may leave (≤ 0: now). */
  waitMs(): number;
  /** Stamps a send leaving now and saves the pace (plus the unanswered allowance) before it leaves. */
  beforeSend(): Promise<void>;
  /** The request really leaves now (later than its slot when a token was minted first). */
  onWire(): Promise<void>;
  /**
   * An answer came back: the next send waits `minSpacingMs` after it. True when that pushed the
   * pace past what was saved before the send: then call `persist()` so a successor knows too.
   */
  afterAnswer(): boolean;
  /** Holds the queue `delayMs` from now for `reason` (a 429), and saves it. */
  hold(delayMs: number, reason: HoldReason): Promise<void>;
  /** Saves the current pace. */
  persist(): Promise<void>;
  /** Why sends wait at `atMs`, beyond spacing; undefined when only the spacing holds them. */
  heldReason(atMs: number): HoldReason | undefined;
}

/**
 * The pace of record look-ups: `minSpacingMs + marginMs` after each send and `minSpacingMs`
 * after each answer, kept in storage so a restarted service worker still waits.
 *
 * Why after the answer too: Monetate counts at arrival, and a request delayed on its way
 * arrives late, closer to the next one. A request arrived before its answer left, so one sent
 * `minSpacingMs` after that answer can never arrive too soon.
 * @example
 * const pacer = createPacer({ now: Date.now, load, save, minSpacingMs: 1000, marginMs: 50, unansweredAllowanceMs: 250 });
 * await pacer.ensureLoaded(); while (pacer.waitMs() > 0) await sleep(pacer.waitMs()); await pacer.beforeSend();
 */
export function createPacer(options: PacerOptions): Pacer {
  const { now, minSpacingMs } = options;
  const step = minSpacingMs + options.marginMs;
  let nextAllowedAt = 0;
  let saved = 0;
  let held: { reason: HoldReason; until: number } | undefined;
  let loading: Promise<boolean> | undefined;

  async function save(ms: number): Promise<void> {
    try {
      await options.save(ms);
    } catch {
      // Storage failing only loses the restart protection; in memory the spacing still holds.
    }
  }

  async function load(): Promise<boolean> {
    try {
      const stored = await options.load();
      if (typeof stored === 'number' && Number.isFinite(stored)) {
        nextAllowedAt = Math.max(nextAllowedAt, Math.min(stored, now() + MAX_STORED_WAIT_MS));
      }
    } catch {
      // Unknown history: assume a look-up was just sent rather than risk a 429.
      nextAllowedAt = Math.max(nextAllowedAt, now() + step);
    }
    return true;
  }

  return {
    get nextAllowedAt() {
      return nextAllowedAt;
    },
    step,
    answerGap: minSpacingMs + ANSWER_MARGIN_MS,
    async ensureLoaded() {
      if (loading) {
        await loading;
        return false;
      }
      loading = load();
      return loading;
    },
    waitMs: () => nextAllowedAt - now(),
    async beforeSend() {
      const sendAt = now();
      nextAllowedAt = sendAt + step;
      held = undefined;
      // Saved before sending: a service worker killed mid-request still leaves the pace behind.
      saved = nextAllowedAt + options.unansweredAllowanceMs;
      await save(saved);
      // A slow save delays the departure: then count from the real departure. (A few ms are
      // left alone; the after-the-answer rule covers them and every ms is throughput.)
      if (now() - sendAt > WIRE_SLACK_MS) nextAllowedAt = Math.max(nextAllowedAt, now() + step);
    },
    async onWire() {
      const stamped = now() + step;
      if (stamped - nextAllowedAt > WIRE_SLACK_MS) {
        nextAllowedAt = stamped;
        await save(nextAllowedAt);
      }
    },
    afterAnswer() {
      nextAllowedAt = Math.max(nextAllowedAt, now() + minSpacingMs + ANSWER_MARGIN_MS);
      return nextAllowedAt > saved;
    },
    async hold(delayMs, reason) {
      nextAllowedAt = Math.max(nextAllowedAt, now() + delayMs);
      held = { reason, until: nextAllowedAt };
      await save(nextAllowedAt);
    },
    persist: () => save(nextAllowedAt),
    heldReason: (atMs) => (held && held.until > atMs ? held.reason : undefined),
  };
}
