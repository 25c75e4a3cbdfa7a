export { backoffDelay } from './backoff';
export type { BackoffOptions } from './backoff';
export { createResultCache } from './cache';
export type { CachedAnswer, ResultCache } from './cache';
export { answerOrError, asAppError } from './answer';
export { lookupKey } from './key';
export { createPacer } from './pacer';
export type { HoldReason, Pacer, PacerOptions } from './pacer';
export { createRetryPolicy } from './retry';
export type { RetryAttempt, RetryDecision, RetryPolicyOptions } from './retry';
export { abortableSleep } from './sleep';
export { queueSnapshot } from './snapshot';
export type { SnapshotInput } from './snapshot';
export { createWaiters } from './waiters';
export type { PendingLookup, Settlement, Waiters, WaitersOptions } from './waiters';
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
