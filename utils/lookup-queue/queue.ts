import { AppError } from '@/utils/errors';
import { answerOrError, asAppError } from '@/utils/lookup-queue/answer';
import { createAnswerTimes } from '@/utils/lookup-queue/answer-times';
import { createResultCache } from '@/utils/lookup-queue/cache';
import { lookupKey } from '@/utils/lookup-queue/key';
import { createPacer } from '@/utils/lookup-queue/pacer';
import { createRetryPolicy, MAX_RETRY_AFTER_MS } from '@/utils/lookup-queue/retry';
import { abortableSleep } from '@/utils/lookup-queue/sleep';
import { queueSnapshot } from '@/utils/lookup-queue/snapshot';
import { createWaiters, type PendingLookup } from '@/utils/lookup-queue/waiters';
import type { LookupOutcome, LookupQueue, LookupQueueDeps, LookupRequest, LookupResult, LookupTicket, QueueSnapshot } from '@/utils/lookup-queue/types';

export { MAX_RETRY_AFTER_MS } from '@/utils/lookup-queue/retry';

/** Failures that never reached Monetate or never came back: they say nothing of its answer time. */
const NO_ANSWER = new Set(['timeout', 'network', 'cancelled', 'background_unavailable']);

/**
 * The one FIFO for record look-ups, shared by every surface. It composes the pacer (spacing,
 * persisted), the waiters (coalescing, join and leave), the retry rule (429, 401), the cache
 * and the snapshot; this module only runs the loop: wait for the pace, send the head, settle.
 * @example
 * const queue = createLookupQueue({ loadNextAllowedAt, saveNextAllowedAt, send });
 * const { promise } = queue.enqueue({ profileId, schema: 'customers', id: 'C-1' }, { callerId: 'sidepanel' });
 * const { result, fromCache } = await promise;
 */
export function createLookupQueue(deps: LookupQueueDeps): LookupQueue {
  const options = deps.options ?? {};
  const minSpacingMs = options.minSpacingMs ?? 1000;
  const requestTimeoutMs = options.requestTimeoutMs ?? 20_000;
  const now = deps.now ?? (() => Date.now());
  const sleep = deps.sleep ?? abortableSleep;
  const cache = createResultCache(options.cacheTtlMs ?? 30_000, options.maxCacheEntries);
  const pacer = createPacer({
    now,
    load: () => deps.loadNextAllowedAt(),
    save: (ms) => deps.saveNextAllowedAt(ms),
    minSpacingMs,
    marginMs: options.marginMs ?? 50,
    // A worker killed before the answer cannot know when its request arrived.
    unansweredAllowanceMs: options.unansweredAllowanceMs ?? 250,
  });
  const decide = createRetryPolicy({
    maxRetries: options.maxRetries ?? 4,
    backoff: { baseMs: options.backoffBaseMs ?? 1000, capMs: options.backoffCapMs ?? 30_000, minMs: minSpacingMs },
    maxRetryAfterMs: options.maxRetryAfterMs ?? MAX_RETRY_AFTER_MS,
    canReauthorize: Boolean(deps.reauthorize),
    random: deps.random ?? Math.random,
  });
  const waiters = createWaiters({ sleep, requestTimeoutMs, maxQueueLength: options.maxQueueLength ?? 50, onChange: emit });
  const listeners = new Set<(snapshot: QueueSnapshot) => void>();
  const answerTimes = createAnswerTimes();
  let inFlight: { lookup: PendingLookup; sentAt: number } | undefined;
  let pumping = false;

  function snapshot(): QueueSnapshot {
    const takenAt = now();
    const { nextAllowedAt, step, answerGap } = pacer;
    return queueSnapshot({
      waiting: waiters.waiting,
      inFlight,
      nextAllowedAt,
      step,
      answerMs: answerTimes.average(),
      answerGapMs: answerGap,
      held: pacer.heldReason(takenAt),
      takenAt,
    });
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

  /** Re-stamps the pace when the request really leaves later than its slot (a token was minted first). */
  async function onWire(): Promise<void> {
    await pacer.onWire();
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

  async function sendHead(lookup: PendingLookup): Promise<void> {
    inFlight = { lookup, sentAt: now() };
    const saving = pacer.beforeSend();
    emit();
    await saving;
    inFlight.sentAt = now();

    let outcome: { ok: LookupResult } | { error: AppError };
    try {
      outcome = { ok: await sendWithDeadline(lookup.request) };
    } catch (error) {
      outcome = answerOrError(error);
    }
    // Monetate's answer time, for the ETAs; no answer (a timeout, a lost connection) measures nothing.
    if (!('error' in outcome) || !NO_ANSWER.has(outcome.error.code)) answerTimes.record(now() - inFlight.sentAt);
    inFlight = undefined;
    const persistAnswerPace = pacer.afterAnswer();

    if ('ok' in outcome) {
      const fetchedAt = now();
      cache.set(lookup.key, { request: lookup.request, result: outcome.ok, fetchedAt });
      waiters.finish(lookup, { ok: { result: outcome.ok, fromCache: false, fetchedAt } });
    } else {
      await retryOrFail(lookup, outcome.error);
    }
    emit();
    if (persistAnswerPace) await pacer.persist();
  }

  async function retryOrFail(lookup: PendingLookup, error: AppError): Promise<void> {
    const decision = decide(error, lookup);
    if (!decision.requeue) {
      waiters.finish(lookup, { error: decision.error });
    } else if (decision.reason === 'reauthorize') {
      // One fresh token, then the look-up waits its normal slot at the head (the pace set by
      // the refused send still holds); at the head meanwhile, so a surface that leaves can drop it.
      lookup.reauthorized = true;
      if (!waiters.requeueAtHead(lookup)) return;
      emit();
      try {
        await deps.reauthorize?.(lookup.request, error);
      } catch (reason) {
        waiters.finish(lookup, { error: asAppError(reason) });
      }
    } else {
      lookup.retries += 1;
      const holding = pacer.hold(decision.delayMs, decision.reason);
      // Back at the head: a 429 must not let younger look-ups overtake it.
      waiters.requeueAtHead(lookup);
      emit();
      await holding;
    }
  }

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (waiters.waiting.length > 0) {
        if (await pacer.ensureLoaded()) emit();
        for (let wait = pacer.waitMs(); wait > 0; wait = pacer.waitMs()) await sleep(wait);
        const lookup = waiters.next();
        if (!lookup) break;
        await sendHead(lookup);
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
    const joined = waiters.join(key, request, enqueueOptions.callerId);
    if (!('promise' in joined)) return rejected(joined, key);
    emit();
    void pump();
    return joined;
  }

  return {
    enqueue,
    cancelCaller(callerId, only) {
      if (waiters.cancelCaller(callerId, only, inFlight?.lookup)) emit();
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

function rejected(error: AppError, key: string): { promise: Promise<LookupOutcome>; ticket: LookupTicket } {
  const promise = Promise.reject(error);
  // The caller may look at the ticket first; do not report an unhandled rejection meanwhile.
  promise.catch(() => undefined);
  return { promise, ticket: { key, cancel: () => undefined } };
}
