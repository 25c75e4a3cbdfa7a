import { AppError } from '@/utils/errors';
import type { z } from 'zod';
import { MonetateError } from '@/utils/monetate/api-error';
import { readEnvelope } from '@/utils/monetate/envelope';
import type { Envelope } from '@/utils/monetate/envelope';
import { errorFromResponse, errorFromThrown } from '@/utils/monetate/errors';
import type { ErrorContext } from '@/utils/monetate/errors';
import { parseHttpDate, parseRetryAfter } from '@/utils/monetate/retry-after';
import { stringifyExactJson } from '@/utils/monetate/exact-json';

/** What every HTTP call needs; injected so tests and the service worker choose. */
export interface HttpDeps {
  fetch: typeof fetch;
  timeoutMs: number;
  maxBytes: number;
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface CallSpec {
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  authorization: string;
  body?: unknown;
  /** Changes data on Monetate: failures after sending become `outcome_unknown`. */
  write: boolean;
  context?: Pick<ErrorContext, 'dataset' | 'id'>;
  signal?: AbortSignal;
}

export interface CallAnswer {
  status: number;
  /** Absent only for a 2xx write whose body could not be read (the write itself succeeded). */
  envelope?: Envelope;
  /** Why the body of a successful write could not be read. */
  unreadable?: AppError;
  serverDateMs?: number;
}

/**
 * One request to Monetate with a timeout, returning the envelope of a 2xx answer and
 * throwing a typed `AppError` for everything else. Never retries.
 */
export async function call(deps: HttpDeps, spec: CallSpec): Promise<CallAnswer> {
  // Nothing has left yet, so even a write can be reported as plainly cancelled.
  if (spec.signal?.aborted) throw new AppError('cancelled');
  const controller = new AbortController();
  const state = { timedOut: false, cancelled: false };
  const timer = deps.setTimeout(() => {
    state.timedOut = true;
    controller.abort();
  }, deps.timeoutMs);
  const onAbort = () => {
    state.cancelled = true;
    controller.abort();
  };
  spec.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let response: Response;
    try {
      response = await deps.fetch(spec.url, requestInit(spec, controller.signal));
    } catch (error) {
      throw errorFromThrown(error, { ...state, write: spec.write });
    }
    const status = response.status;
    const serverDateMs = parseHttpDate(response.headers.get('Date'));
    let envelope: Envelope | undefined;
    let bodyError: AppError | undefined;
    try {
      envelope = await readEnvelope(response, { maxBytes: deps.maxBytes });
    } catch (error) {
      // The status is known, so even for a write the outcome is not in doubt any more.
      bodyError = errorFromThrown(error, { ...state, write: false });
    }
    if (response.ok) {
      if (envelope) return { status, envelope, serverDateMs };
      if (spec.write) return { status, unreadable: bodyError, serverDateMs };
      throw bodyError ?? new AppError('bad_response', 'empty answer', { status });
    }
    if (spec.write && status >= 500 && status <= 599) {
      // A server error or a gateway that gave up waiting: the write may still have been applied.
      throw new MonetateError('outcome_unknown', `HTTP ${status}`, { status, serverDateMs });
    }
    if (spec.write && status === 429) {
      // Refused before it was applied, and never retried by itself: the user saves again.
      throw new MonetateError('write_rate_limited', undefined, { status, serverDateMs });
    }
    const retryAfterMs =
      // Measured against the server's own clock when it sent one, so a skewed local clock
      // does not stretch or shrink an HTTP-date Retry-After.
      status === 429 ? parseRetryAfter(response.headers.get('Retry-After'), serverDateMs ?? deps.now()) : undefined;
    throw errorFromResponse(status, envelope, { ...spec.context, retryAfterMs, serverDateMs });
  } finally {
    deps.clearTimeout(timer);
    spec.signal?.removeEventListener('abort', onAbort);
  }
}

function requestInit(spec: CallSpec, signal: AbortSignal): RequestInit {
  const headers: Record<string, string> = { Authorization: spec.authorization, Accept: 'application/json' };
  const init: RequestInit = {
    method: spec.method,
    headers,
    signal,
    // The token is the only credential; cookies of a logged-in Monetate tab must not ride along.
    credentials: 'omit',
    cache: 'no-store',
  };
  if (spec.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = stringifyExactJson(spec.body);
  }
  return init;
}

/**
 * Checks `data` of an envelope against a zod schema; a mismatch is a `bad_response` that
 * names the first problem.
 */
export function readData<T extends z.ZodType>(schema: T, envelope: Envelope, what: string, status?: number): z.infer<T> {
  const parsed = schema.safeParse(envelope.data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw new AppError('bad_response', `unexpected ${what} (${where}${issue?.message ?? 'invalid'})`, status === undefined ? {} : { status });
}
