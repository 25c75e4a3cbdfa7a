export { backoffDelay } from '@/utils/lookup-queue/backoff';
export type { BackoffOptions } from '@/utils/lookup-queue/backoff';
export { createResultCache } from '@/utils/lookup-queue/cache';
export type { CachedAnswer, ResultCache } from '@/utils/lookup-queue/cache';
export { answerOrError, asAppError } from '@/utils/lookup-queue/answer';
export { createAnswerTimes } from '@/utils/lookup-queue/answer-times';
export type { AnswerTimes } from '@/utils/lookup-queue/answer-times';
export { lookupKey } from '@/utils/lookup-queue/key';
export { createPacer } from '@/utils/lookup-queue/pacer';
export type { HoldReason, Pacer, PacerOptions } from '@/utils/lookup-queue/pacer';
export { createRetryPolicy } from '@/utils/lookup-queue/retry';
export type { RetryAttempt, RetryDecision, RetryPolicyOptions } from '@/utils/lookup-queue/retry';
export { abortableSleep } from '@/utils/lookup-queue/sleep';
export { queueSnapshot } from '@/utils/lookup-queue/snapshot';
export type { SnapshotInput } from '@/utils/lookup-queue/snapshot';
export { createWaiters } from '@/utils/lookup-queue/waiters';
export type { PendingLookup, Settlement, Waiters, WaitersOptions } from '@/utils/lookup-queue/waiters';
export { createLookupQueue, MAX_RETRY_AFTER_MS } from '@/utils/lookup-queue/queue';
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
} from '@/utils/lookup-queue/types';
