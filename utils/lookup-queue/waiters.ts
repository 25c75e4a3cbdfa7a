import { AppError } from '@/utils/errors';
import type { LookupOutcome, LookupRequest, LookupTicket } from '@/utils/lookup-queue/types';

/** How one look-up ended for everyone waiting for it. */
export type Settlement = { ok: LookupOutcome } | { error: AppError };

interface Waiter {
  callerId: string;
  settled: boolean;
  resolve(outcome: LookupOutcome): void;
  reject(error: AppError): void;
  /** Stops this waiter's own timeout. */
  timer: AbortController;
}

/** One distinct look-up, waiting or in flight, with everyone who waits for it. */
export interface PendingLookup {
  key: string;
  request: LookupRequest;
  state: 'waiting' | 'sending';
  /** 429s received so far. */
  retries: number;
  /** A 401 already led to a fresh token once. */
  reauthorized: boolean;
  /** Distinct callers still waiting, in the order they joined. */
  callers(): string[];
}

interface Entry extends PendingLookup {
  waiters: Waiter[];
}

export interface WaitersOptions {
  /** Resolves after `ms`; rejects when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** A caller gets `timeout` this long after it joined, if its look-up has not ended. */
  requestTimeoutMs: number;
  /** Distinct look-ups allowed to wait at once. */
  maxQueueLength: number;
  /** Something changed that a snapshot shows (a waiter timed out). */
  onChange(): void;
}

export interface Waiters {
  /** The FIFO of look-ups not yet sent, head first. */
  readonly waiting: readonly PendingLookup[];
  /**
   * Joins the identical pending look-up, or queues a new one (`queue_full` when too many wait).
   * The ticket stops this caller's waiting only.
   */
  join(key: string, request: LookupRequest, callerId: string): { promise: Promise<LookupOutcome>; ticket: LookupTicket } | AppError;
  /** Takes the head of the FIFO for sending. */
  next(): PendingLookup | undefined;
  /** Puts a look-up back at the head; false (and forgotten) when nobody waits for it any more. */
  requeueAtHead(lookup: PendingLookup): boolean;
  /** Ends a look-up for all its waiters (it leaves the FIFO if still there). */
  finish(lookup: PendingLookup, outcome: Settlement): void;
  /** Drops one caller's waiting (optionally only for one record), in `also` too; true if any. */
  cancelCaller(callerId: string, only?: { dataset: string; id: string }, also?: PendingLookup): boolean;
}

/**
 * Waiters and coalescing: identical pending look-ups share one entry and so one request;
 * callers join and leave; a caller gone (cancel, timeout) drops only its own waiting, and a
 * waiting look-up nobody waits for leaves the queue. A look-up already sent runs to its end.
 * @example
 * const waiters = createWaiters({ sleep, requestTimeoutMs: 20_000, maxQueueLength: 50, onChange: emit });
 * const joined = waiters.join(key, request, 'popup');
 */
export function createWaiters(options: WaitersOptions): Waiters {
  const waiting: Entry[] = [];
  const entries = new Map<string, Entry>(); // waiting and in flight, for coalescing

  const asEntry = (lookup: PendingLookup) => lookup as Entry;

  function settle(waiter: Waiter, outcome: Settlement): void {
    if (waiter.settled) return;
    waiter.settled = true;
    waiter.timer.abort();
    if ('ok' in outcome) waiter.resolve(outcome.ok);
    else waiter.reject(outcome.error);
  }

  function unqueue(entry: Entry): void {
    const index = waiting.indexOf(entry);
    if (index >= 0) waiting.splice(index, 1);
  }

  /** Stops one waiter; a waiting entry nobody waits for any more leaves the queue. */
  function drop(entry: Entry, waiter: Waiter, error: AppError): void {
    if (waiter.settled) return;
    settle(waiter, { error });
    entry.waiters = entry.waiters.filter((w) => w !== waiter);
    if (entry.state === 'waiting' && entry.waiters.length === 0) {
      unqueue(entry);
      entries.delete(entry.key);
    }
  }

  function addWaiter(entry: Entry, callerId: string): { promise: Promise<LookupOutcome>; waiter: Waiter } {
    let waiter!: Waiter;
    const promise = new Promise<LookupOutcome>((resolve, reject) => {
      waiter = { callerId, settled: false, resolve, reject, timer: new AbortController() };
    });
    entry.waiters.push(waiter);
    const { requestTimeoutMs } = options;
    options.sleep(requestTimeoutMs, waiter.timer.signal).then(
      () => {
        if (waiter.settled) return;
        drop(entry, waiter, new AppError('timeout', `no answer within ${Math.round(requestTimeoutMs / 1000)} s`));
        options.onChange();
      },
      () => undefined, // the waiter settled first and stopped its timer
    );
    return { promise, waiter };
  }

  function newEntry(key: string, request: LookupRequest): Entry {
    const entry: Entry = {
      key,
      request: { ...request },
      waiters: [],
      state: 'waiting',
      retries: 0,
      reauthorized: false,
      callers: () => [...new Set(entry.waiters.map((w) => w.callerId))],
    };
    return entry;
  }

  return {
    waiting,
    join(key, request, callerId) {
      let entry = entries.get(key);
      if (!entry) {
        if (waiting.length >= options.maxQueueLength) return new AppError('queue_full', `${waiting.length} look-ups waiting`);
        entry = newEntry(key, request);
        entries.set(key, entry);
        waiting.push(entry);
      }
      const target = entry;
      const { promise, waiter } = addWaiter(target, callerId);
      const cancel = () => {
        if (waiter.settled) return;
        drop(target, waiter, new AppError('cancelled'));
        options.onChange();
      };
      return { promise, ticket: { key, cancel } };
    },
    next() {
      const entry = waiting.shift();
      if (entry) entry.state = 'sending';
      return entry;
    },
    requeueAtHead(lookup) {
      const entry = asEntry(lookup);
      entry.state = 'waiting';
      if (entry.waiters.length === 0) {
        entries.delete(entry.key);
        return false;
      }
      waiting.unshift(entry);
      return true;
    },
    finish(lookup, outcome) {
      const entry = asEntry(lookup);
      unqueue(entry);
      entries.delete(entry.key);
      for (const waiter of entry.waiters) settle(waiter, outcome);
      entry.waiters = [];
    },
    cancelCaller(callerId, only, also) {
      let changed = false;
      const all = also ? [...waiting, asEntry(also)] : [...waiting];
      for (const entry of all) {
        if (only && (entry.request.dataset !== only.dataset || entry.request.id !== only.id)) continue;
        for (const waiter of entry.waiters.filter((w) => w.callerId === callerId && !w.settled)) {
          drop(entry, waiter, new AppError('cancelled'));
          changed = true;
        }
      }
      return changed;
    },
  };
}
