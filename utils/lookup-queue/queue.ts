import { AppError } from '../errors';
import { retryAfterOf } from '../monetate/api-error';
import { backoffDelay } from './backoff';
import { createResultCache } from './cache';
import { lookupKey } from './key';
import type {
  LookupOutcome,
  LookupQueue,
  LookupQueueDeps,
  LookupRequest,
  LookupResult,
  LookupTicket,
  QueueSnapshot,
  WaitReason,
} from './types';

/** A stored next-allowed time further ahead than this is a clock jump, not a real wait. */
const MAX_STORED_WAIT_MS = 5 * 60_000;
/** The longest a Retry-After may hold the queue: one server's (or proxy's) "wait a day" must not stall every surface. */
export const MAX_RETRY_AFTER_MS = 5 * 60_000;
/** A departure later than its slot by more than this re-stamps (and re-saves) the pace. */
const WIRE_SLACK_MS = 10;
/** Timer and clock granularity on top of "1 s after the answer came back". */
const ANSWER_MARGIN_MS = 5;

interface Waiter {
  callerId: string;
  settled: boolean;
  resolve(outcome: LookupOutcome): void;
  reject(error: AppError): void;
  /** Stops this waiter's own timeout. */
  timer: AbortController;
}

interface Entry {
  key: string;
  request: LookupRequest;
  waiters: Waiter[];
  state: 'waiting' | 'sending';
  /** 429s received so far. */
  retries: number;
  /** A 401 already led to a fresh token once. */
  reauthorized: boolean;
}

/**
 * The one FIFO for record look-ups, shared by every surface: spaces sends at least
 * `minSpacingMs + marginMs` apart, and at least `minSpacingMs` after the previous answer came
 * back (persisted, so a restarted service worker keeps the pace), coalesces identical
 * look-ups, caches answers, and retries 429s at the head of the queue.
 *
 * Why after the answer too: Monetate counts at arrival, and a request delayed on its way
 * (a busy network or server) arrives late, bringing it closer to the next one. Whatever the
 * delay, a request arrived before its answer left, so one sent `minSpacingMs` after that
 * answer can never arrive too soon.
 * @example
 * const queue = createLookupQueue({ loadNextAllowedAt, saveNextAllowedAt, send });
 * const { promise } = queue.enqueue({ profileId, schema: 'customers', id: 'C-1' }, { callerId: 'sidepanel' });
 * const { result, fromCache } = await promise;
 */
export function createLookupQueue(deps: LookupQueueDeps): LookupQueue {
  const options = deps.options ?? {};
  const minSpacingMs = options.minSpacingMs ?? 1000;
  const marginMs = options.marginMs ?? 50;
  const step = minSpacingMs + marginMs;
  // A worker killed before the answer cannot know when its request arrived: the pace it saves
  // before sending leaves this much extra for its successor.
  const unansweredAllowanceMs = options.unansweredAllowanceMs ?? 250;
  const maxQueueLength = options.maxQueueLength ?? 50;
  const requestTimeoutMs = options.requestTimeoutMs ?? 20_000;
  const maxRetries = options.maxRetries ?? 4;
  const backoff = { baseMs: options.backoffBaseMs ?? 1000, capMs: options.backoffCapMs ?? 30_000, minMs: minSpacingMs };
  const maxRetryAfterMs = Math.min(options.maxRetryAfterMs ?? MAX_RETRY_AFTER_MS, MAX_RETRY_AFTER_MS);
  const now = deps.now ?? (() => Date.now());
  const sleep = deps.sleep ?? defaultSleep;
  const random = deps.random ?? Math.random;
  const cache = createResultCache(options.cacheTtlMs ?? 30_000, options.maxCacheEntries);

  const waiting: Entry[] = [];
  const entries = new Map<string, Entry>(); // waiting and in flight, for coalescing
  const listeners = new Set<(snapshot: QueueSnapshot) => void>();
  let inFlight: { entry: Entry; sentAt: number } | undefined;
  let nextAllowedAt = 0;
  let waitReason: { reason: Exclude<WaitReason, 'spacing'>; until: number } | undefined;
  let loading: Promise<void> | undefined;
  let pumping = false;

  function snapshot(): QueueSnapshot {
    const takenAt = now();
    const base = Math.max(0, nextAllowedAt - takenAt);
    const held = waitReason && waitReason.until > takenAt ? waitReason.reason : undefined;
    const snap: QueueSnapshot = {
      waiting: waiting.map((entry, index) => {
        const etaMs = base + index * step;
        const view = { key: entry.key, request: { ...entry.request }, callers: callersOf(entry), position: index + 1, etaMs };
        return etaMs > 0 ? { ...view, reason: held ?? ('spacing' as const) } : view;
      }),
      nextAllowedAt,
      takenAt,
    };
    if (inFlight) {
      const { entry, sentAt } = inFlight;
      snap.inFlight = { key: entry.key, request: { ...entry.request }, callers: callersOf(entry), sentAt, attempt: entry.retries };
    }
    return snap;
  }

  function emit(): void {
    if (listeners.size === 0) return;
    const snap = snapshot();
    for (const listener of listeners) {
      try {
        listener(snap);
      } catch {
        // One broken surface must not stop the queue or the other surfaces.
      }
    }
  }

  function settle(waiter: Waiter, outcome: { ok: LookupOutcome } | { error: AppError }): void {
    if (waiter.settled) return;
    waiter.settled = true;
    waiter.timer.abort();
    if ('ok' in outcome) waiter.resolve(outcome.ok);
    else waiter.reject(outcome.error);
  }

  /** Stops one waiter; a waiting entry nobody waits for any more leaves the queue. */
  function drop(entry: Entry, waiter: Waiter, error: AppError): void {
    if (waiter.settled) return;
    settle(waiter, { error });
    entry.waiters = entry.waiters.filter((w) => w !== waiter);
    if (entry.state === 'waiting' && entry.waiters.length === 0) {
      const index = waiting.indexOf(entry);
      if (index >= 0) waiting.splice(index, 1);
      entries.delete(entry.key);
    }
  }

  function addWaiter(entry: Entry, callerId: string): { promise: Promise<LookupOutcome>; waiter: Waiter } {
    let waiter!: Waiter;
    const promise = new Promise<LookupOutcome>((resolve, reject) => {
      waiter = { callerId, settled: false, resolve, reject, timer: new AbortController() };
    });
    entry.waiters.push(waiter);
    sleep(requestTimeoutMs, waiter.timer.signal).then(
      () => {
        if (waiter.settled) return;
        drop(entry, waiter, new AppError('timeout', `no answer within ${Math.round(requestTimeoutMs / 1000)} s`));
        emit();
      },
      () => undefined, // the waiter settled first and stopped its timer
    );
    return { promise, waiter };
  }

  function finish(entry: Entry, outcome: { ok: LookupOutcome } | { error: AppError }): void {
    entries.delete(entry.key);
    for (const waiter of entry.waiters) settle(waiter, outcome);
    entry.waiters = [];
  }

  async function ensureLoaded(): Promise<void> {
    loading ??= (async () => {
      try {
        const stored = await deps.loadNextAllowedAt();
        if (typeof stored === 'number' && Number.isFinite(stored)) {
          nextAllowedAt = Math.max(nextAllowedAt, Math.min(stored, now() + MAX_STORED_WAIT_MS));
        }
      } catch {
        // Unknown history: assume a look-up was just sent rather than risk a 429.
        nextAllowedAt = Math.max(nextAllowedAt, now() + step);
      }
      emit();
    })();
    await loading;
  }

  async function save(ms: number): Promise<void> {
    try {
      await deps.saveNextAllowedAt(ms);
    } catch {
      // Storage failing only loses the restart protection; in memory the spacing still holds.
    }
  }

  /** Re-stamps the pace when the request really leaves later than its slot (a token was minted first). */
  async function onWire(): Promise<void> {
    const stamped = now() + step;
    if (stamped - nextAllowedAt > WIRE_SLACK_MS) {
      nextAllowedAt = stamped;
      await save(nextAllowedAt);
    }
    if (inFlight) inFlight.sentAt = now();
  }

  async function sendWithDeadline(request: LookupRequest): Promise<LookupResult> {
    const abort = new AbortController();
    const stopDeadline = new AbortController();
    // The FIFO waits for this send; a send that never settles must not stall every surface.
    const deadline = sleep(requestTimeoutMs, stopDeadline.signal).then(
      () => {
        // A sleep that ignores its signal may still resolve after the send settled.
        if (stopDeadline.signal.aborted) return new Promise<never>(() => undefined);
        abort.abort();
        throw new AppError('timeout', 'Monetate did not answer');
      },
      () => new Promise<never>(() => undefined),
    );
    try {
      return await Promise.race([Promise.resolve().then(() => deps.send(request, abort.signal, onWire)), deadline]);
    } finally {
      stopDeadline.abort();
    }
  }

  async function sendHead(entry: Entry): Promise<void> {
    const sendAt = now();
    entry.state = 'sending';
    inFlight = { entry, sentAt: sendAt };
    nextAllowedAt = sendAt + step;
    waitReason = undefined;
    emit();
    // Saved before sending: a service worker killed mid-request still leaves the pace behind.
    const saved = nextAllowedAt + unansweredAllowanceMs;
    await save(saved);
    // A slow save delays the departure: then count the spacing from the real departure. (A few
    // ms are left alone; the after-the-answer rule covers them and every ms is throughput.)
    if (now() - sendAt > WIRE_SLACK_MS) nextAllowedAt = Math.max(nextAllowedAt, now() + step);
    inFlight.sentAt = now();

    let outcome: { ok: LookupResult } | { error: AppError };
    try {
      outcome = { ok: await sendWithDeadline(entry.request) };
    } catch (error) {
      const appError = asAppError(error);
      // "No such record" is an answer, cached like any other.
      outcome = appError.code === 'not_found' ? { ok: { record: null, rows: [] } } : { error: appError };
    }
    inFlight = undefined;
    nextAllowedAt = Math.max(nextAllowedAt, now() + minSpacingMs + ANSWER_MARGIN_MS);
    // Only a slow answer pushes the pace past what was saved; then the successor must know too.
    const persistAnswerPace = nextAllowedAt > saved;

    if ('ok' in outcome) {
      const fetchedAt = now();
      cache.set(entry.key, { request: entry.request, result: outcome.ok, fetchedAt });
      finish(entry, { ok: { result: outcome.ok, fromCache: false, fetchedAt } });
    } else if (outcome.error.code === 'unauthorized' && deps.reauthorize && !entry.reauthorized) {
      await reauthorizeAndRequeue(entry, outcome.error);
    } else if (outcome.error.code === 'rate_limited' && entry.retries < maxRetries) {
      await scheduleRetry(entry, outcome.error);
    } else if (outcome.error.code === 'rate_limited') {
      finish(entry, {
        error: new AppError('rate_limited', `still refused after ${maxRetries} retries`, { status: outcome.error.status ?? 429 }),
      });
    } else {
      finish(entry, { error: outcome.error });
    }
    emit();
    if (persistAnswerPace) await save(nextAllowedAt);
  }

  /**
   * An expired token: one fresh token, then the look-up goes back to the head of the queue
   * and waits its normal slot (the pace set by the refused send still holds).
   */
  async function reauthorizeAndRequeue(entry: Entry, error: AppError): Promise<void> {
    entry.reauthorized = true;
    entry.state = 'waiting';
    // At the head while the token is renewed, so a surface that leaves meanwhile can still drop it.
    if (entry.waiters.length === 0) {
      entries.delete(entry.key);
      return;
    }
    waiting.unshift(entry);
    emit();
    try {
      await deps.reauthorize?.(entry.request, error);
    } catch (reason) {
      const index = waiting.indexOf(entry);
      if (index >= 0) waiting.splice(index, 1);
      finish(entry, { error: asAppError(reason) });
    }
  }

  async function scheduleRetry(entry: Entry, error: AppError): Promise<void> {
    const asked = retryAfterOf(error);
    const delay = asked === undefined ? backoffDelay(entry.retries, backoff, random) : Math.min(asked, maxRetryAfterMs);
    entry.retries += 1;
    nextAllowedAt = Math.max(nextAllowedAt, now() + delay);
    waitReason = { reason: asked === undefined ? 'backoff' : 'retry_after', until: nextAllowedAt };
    entry.state = 'waiting';
    // Back at the head: a 429 must not let younger look-ups overtake it.
    if (entry.waiters.length > 0) waiting.unshift(entry);
    else entries.delete(entry.key);
    emit();
    await save(nextAllowedAt);
  }

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (waiting.length > 0) {
        await ensureLoaded();
        for (let wait = nextAllowedAt - now(); wait > 0; wait = nextAllowedAt - now()) await sleep(wait);
        const entry = waiting.shift();
        if (!entry) break;
        await sendHead(entry);
      }
    } finally {
      pumping = false;
    }
  }

  function enqueue(request: LookupRequest, enqueueOptions: { callerId: string; refresh?: boolean }) {
    let key: string;
    try {
      key = lookupKey(request);
    } catch (error) {
      return rejected(asAppError(error), '');
    }
    if (!enqueueOptions.refresh) {
      const hit = cache.get(key, now());
      if (hit) {
        const outcome: LookupOutcome = { result: hit.result, fromCache: true, fetchedAt: hit.fetchedAt };
        return { promise: Promise.resolve(outcome), ticket: { key, cancel: () => undefined } };
      }
    }
    let entry = entries.get(key);
    if (!entry) {
      if (waiting.length >= maxQueueLength) return rejected(new AppError('queue_full', `${waiting.length} look-ups waiting`), key);
      entry = { key, request: { ...request }, waiters: [], state: 'waiting', retries: 0, reauthorized: false };
      entries.set(key, entry);
      waiting.push(entry);
    }
    const target = entry;
    const { promise, waiter } = addWaiter(target, enqueueOptions.callerId);
    const ticket: LookupTicket = {
      key,
      cancel: () => {
        if (waiter.settled) return;
        drop(target, waiter, new AppError('cancelled'));
        emit();
      },
    };
    emit();
    void pump();
    return { promise, ticket };
  }

  return {
    enqueue,
    cancelCaller(callerId, only) {
      let changed = false;
      const all = inFlight ? [...waiting, inFlight.entry] : [...waiting];
      for (const entry of all) {
        if (only && (entry.request.schema !== only.schema || entry.request.id !== only.id)) continue;
        for (const waiter of entry.waiters.filter((w) => w.callerId === callerId && !w.settled)) {
          drop(entry, waiter, new AppError('cancelled'));
          changed = true;
        }
      }
      if (changed) emit();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    snapshot,
    clearCache(profileId) {
      cache.clear(profileId);
    },
  };
}

function callersOf(entry: Entry): string[] {
  return [...new Set(entry.waiters.map((w) => w.callerId))];
}

function rejected(error: AppError, key: string): { promise: Promise<LookupOutcome>; ticket: LookupTicket } {
  const promise = Promise.reject(error);
  // The caller may look at the ticket first; do not report an unhandled rejection meanwhile.
  promise.catch(() => undefined);
  return { promise, ticket: { key, cancel: () => undefined } };
}

function asAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError('bad_response', error instanceof Error ? error.message : String(error));
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new AppError('cancelled'));
      return;
    }
    const onAbort = () => {
      globalThis.clearTimeout(handle);
      reject(new AppError('cancelled'));
    };
    const handle = globalThis.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
