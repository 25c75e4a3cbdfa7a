import type { AppError } from '@/utils/errors';
import type { RecordLookup } from '@/utils/monetate/client';

/** One record look-up, for one profile. */
export interface LookupRequest {
  profileId: string;
  dataset: string;
  id: string;
}

/** What a look-up answers: the record, or `record: null` when Monetate has none (404 included). */
export type LookupResult = RecordLookup;

export interface LookupOutcome {
  result: LookupResult;
  /** True when answered from the cache without asking Monetate. */
  fromCache: boolean;
  /** When Monetate gave this answer (epoch ms), so the UI can say "cached 12 s ago". */
  fetchedAt: number;
}

/** Why a waiting look-up has not been sent yet. */
export type WaitReason = 'spacing' | 'retry_after' | 'backoff';

export interface LookupQueueOptions {
  /** Monetate allows one look-up per second. */
  minSpacingMs?: number;
  /** Added to the spacing so network jitter cannot make two requests arrive < 1 s apart. */
  marginMs?: number;
  /**
   * Extra wait, on top of the pace, saved for a successor worker in case this one is killed
   * before the answer arrives (its request's arrival time is then unknown). Default 250.
   */
  unansweredAllowanceMs?: number;
  /** How long an answer is reused; 0 turns the cache off. */
  cacheTtlMs?: number;
  /** Distinct requests allowed to wait at once. */
  maxQueueLength?: number;
  /** A caller gets `timeout` if its look-up has not finished this long after enqueueing. */
  requestTimeoutMs?: number;
  /** 429s retried before failing with `rate_limited`. */
  maxRetries?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** The longest wait a `Retry-After` may impose; at most (and by default) 5 minutes. */
  maxRetryAfterMs?: number;
  /** Answers kept at most (oldest dropped first). */
  maxCacheEntries?: number;
}

export interface LookupQueueDeps {
  /** Epoch ms. Default `Date.now`. */
  now?(): number;
  /** Resolves after `ms`; may reject early when `signal` aborts. Default: `setTimeout`. */
  sleep?(ms: number, signal?: AbortSignal): Promise<void>;
  /** In [0, 1). Default `Math.random`. */
  random?(): number;
  /** The next-allowed send time a previous service worker saved (0 when none). */
  loadNextAllowedAt(): Promise<number>;
  /** Persists the next-allowed send time; awaited before every send. */
  saveNextAllowedAt(ms: number): Promise<void>;
  /**
   * Performs the HTTP look-up; throws `AppError` (429 as `rate_limited`, optionally with `retryAfterMs`).
   * When preparing the request takes time (a token minted first), call `onWire()` right before
   * the request leaves, so the next send is spaced from the real departure, not from the slot.
   */
  send(request: LookupRequest, signal: AbortSignal, onWire: () => Promise<void>): Promise<LookupResult>;
  /**
   * Called once per look-up when a send fails with `unauthorized` (an expired or replaced
   * token): get a fresh token, then the look-up goes back to the head of the queue and takes
   * its next slot. Throwing ends the look-up with that error. Without it, 401s fail at once.
   */
  reauthorize?(request: LookupRequest, error: AppError): Promise<void>;
  options?: LookupQueueOptions;
}

export interface EnqueueOptions {
  /** Who waits: a surface or tab, so closing it can cancel its look-ups. */
  callerId: string;
  /** Skip the cache (still joins an identical look-up already waiting or in flight). */
  refresh?: boolean;
}

export interface LookupTicket {
  key: string;
  /** Stops waiting for this enqueue only (rejects its promise with `cancelled`). */
  cancel(): void;
}

export interface WaitingLookup {
  key: string;
  request: LookupRequest;
  callers: string[];
  /** 1-based place in the queue. */
  position: number;
  /** Estimated ms until it is sent. */
  etaMs: number;
  reason?: WaitReason;
}

export interface InFlightLookup {
  key: string;
  request: LookupRequest;
  callers: string[];
  sentAt: number;
  /** 0 for the first send, then one more per 429 retry. */
  attempt: number;
}

export interface QueueSnapshot {
  waiting: WaitingLookup[];
  inFlight?: InFlightLookup;
  nextAllowedAt: number;
  /** When this snapshot was taken (epoch ms); ETAs count from here. */
  takenAt: number;
}

export interface LookupQueue {
  enqueue(request: LookupRequest, options: EnqueueOptions): { promise: Promise<LookupOutcome>; ticket: LookupTicket };
  /**
   * Drops this caller's look-ups (or only its look-up of one record); an entry another caller
   * also waits for stays for the others.
   */
  cancelCaller(callerId: string, only?: { dataset: string; id: string }): void;
  /** Called with a fresh snapshot on every change; returns the unsubscribe function. */
  subscribe(listener: (snapshot: QueueSnapshot) => void): () => void;
  snapshot(): QueueSnapshot;
  /** Forgets cached answers, of one profile or all. */
  clearCache(profileId?: string): void;
}
