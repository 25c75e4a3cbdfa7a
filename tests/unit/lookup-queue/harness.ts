import { vi } from 'vitest';
import { createLookupQueue } from '@/utils/lookup-queue';
import type { LookupQueueDeps, LookupQueueOptions, LookupRequest, LookupResult } from '@/utils/lookup-queue';

export const START = Date.parse('2026-03-01T12:00:00Z');

export function request(id: string, profileId = 'p1', dataset = 'customers'): LookupRequest {
  return { profileId, dataset, id };
}

export function found(id: string): LookupResult {
  return { record: { customer_id: id }, rows: [{ customer_id: id }] };
}

export interface HarnessOptions {
  options?: LookupQueueOptions;
  /** What a send does, per call (1-based). Default: answers the record at once. */
  answer?: (request: LookupRequest, call: number, signal: AbortSignal) => Promise<LookupResult>;
  stored?: number;
  random?: () => number;
}

/**
 * A queue over fake timers, recording every send (with its time) and every storage call in
 * order, so tests can check spacing and "saved before sent".
 */
export function harness(setup: HarnessOptions = {}) {
  const sends: Array<{ id: string; at: number }> = [];
  const log: string[] = [];
  const storage = { value: setup.stored ?? 0 };
  const deps: LookupQueueDeps = {
    now: () => Date.now(),
    random: setup.random ?? (() => 0.5),
    loadNextAllowedAt: vi.fn(async () => {
      log.push('load');
      return storage.value;
    }),
    saveNextAllowedAt: vi.fn(async (ms: number) => {
      log.push(`save ${ms - START}`);
      // Storage is asynchronous: the write lands a few ticks later.
      for (let tick = 0; tick < 3; tick += 1) await Promise.resolve();
      storage.value = ms;
      log.push('saved');
    }),
    send: vi.fn(async (req: LookupRequest, signal: AbortSignal) => {
      sends.push({ id: req.id, at: Date.now() });
      log.push(`send ${req.id} at ${Date.now() - START}`);
      return setup.answer ? setup.answer(req, sends.length, signal) : found(req.id);
    }),
    options: setup.options,
  };
  const queue = createLookupQueue(deps);
  return { queue, deps, sends, log, storage };
}

/** Settles a promise into a plain record so tests can assert on either outcome. */
export function track<T>(promise: Promise<T>) {
  const state: { value?: T; error?: { code?: string; detail?: string }; settled: boolean } = { settled: false };
  promise.then(
    (value) => {
      state.value = value;
      state.settled = true;
    },
    (error: { code?: string; detail?: string }) => {
      state.error = error;
      state.settled = true;
    },
  );
  return state;
}

export function gaps(sends: Array<{ at: number }>): number[] {
  return sends.slice(1).map((send, index) => send.at - (sends[index]?.at ?? 0));
}
