import { AppError } from '@/utils/errors';
import type { ErrorCode, FieldProblem } from '@/utils/errors';

export interface MonetateErrorExtra {
  fields?: FieldProblem[];
  status?: number;
  /** How long Monetate asked us to wait (429 `Retry-After`), in ms. */
  retryAfterMs?: number;
  /** Monetate's clock (the `Date` header), in epoch ms: lets a 401 be told apart from clock skew. */
  serverDateMs?: number;
}

/**
 * An `AppError` from a Monetate answer, carrying what the queue and the token service need
 * beyond the code: the wait Monetate asked for and the server's clock.
 * @example throw new MonetateError('rate_limited', 'wait 2 s', { status: 429, retryAfterMs: 2000 });
 */
export class MonetateError extends AppError {
  readonly retryAfterMs?: number;
  readonly serverDateMs?: number;

  constructor(code: ErrorCode, detail?: string, extra: MonetateErrorExtra = {}) {
    super(code, detail, { fields: extra.fields, status: extra.status });
    this.name = 'MonetateError';
    if (extra.retryAfterMs !== undefined) this.retryAfterMs = extra.retryAfterMs;
    if (extra.serverDateMs !== undefined) this.serverDateMs = extra.serverDateMs;
  }
}

/**
 * The wait an error asks for, if any. Duck-typed so any thrower (a test, another client)
 * can carry `retryAfterMs`.
 * @example retryAfterOf(new MonetateError('rate_limited', undefined, { retryAfterMs: 3000 })) // 3000
 */
export function retryAfterOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const value = (error as { retryAfterMs?: unknown }).retryAfterMs;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}
