export { backoffDelay } from './backoff';
export type { BackoffOptions } from './backoff';
export { createResultCache } from './cache';
export type { CachedAnswer, ResultCache } from './cache';
export { lookupKey } from './key';
export { createLookupQueue, MAX_RETRY_AFTER_MS } from './queue';
export type {
  EnqueueOptions,
  InFlightLookup,
  LookupOutcome,
  LookupQueue,
  LookupQueueDeps,
  LookupQueueOptions,
  LookupRequest,
  LookupResult,
  LookupTicket,
  QueueSnapshot,
  WaitingLookup,
  WaitReason,
} from './types';
