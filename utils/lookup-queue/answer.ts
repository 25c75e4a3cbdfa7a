import { AppError } from '@/utils/errors';
import type { LookupResult } from '@/utils/lookup-queue/types';

/**
 * How a failed send ends: "no such record" (Monetate's 404, `not_found`) is an answer, cached
 * like any other, with `record: null`; anything else stays an error. The one place that maps it.
 * @example answerOrError(new AppError('not_found')) // { ok: { record: null, rows: [] } }
 */
export function answerOrError(error: unknown): { ok: LookupResult } | { error: AppError } {
  const appError = asAppError(error);
  return appError.code === 'not_found' ? { ok: { record: null, rows: [] } } : { error: appError };
}

/** Any thrown value as an `AppError` (a stray `Error` is a `bad_response`). */
export function asAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError('bad_response', error instanceof Error ? error.message : String(error));
}
