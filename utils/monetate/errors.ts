import { AppError } from '@/utils/errors';
import type { FieldProblem } from '@/utils/errors';
import { MonetateError } from '@/utils/monetate/api-error';
import type { Envelope } from '@/utils/monetate/envelope';

/** What the caller was doing, so an error can name it. */
export interface ErrorContext {
  /** Dataset (schema) name. */
  dataset?: string;
  /** Record ID being looked up. */
  id?: string;
  /** Parsed `Retry-After`, for 429. */
  retryAfterMs?: number;
  /** Parsed `Date` header. */
  serverDateMs?: number;
}

/**
 * Turns a non-2xx Monetate answer into an `AppError` (a `MonetateError`, carrying
 * `retryAfterMs` and `serverDateMs` when known).
 * @example errorFromResponse(404, undefined, { schema: 'customers', id: 'C-1' }).detail
 * // 'record "C-1" in dataset customers'
 */
export function errorFromResponse(status: number, envelope: Envelope | undefined, context: ErrorContext = {}): MonetateError {
  const message = serverMessage(envelope);
  const extra = { status, serverDateMs: context.serverDateMs };
  if (status === 404) return new MonetateError('not_found', describeTarget(context) ?? message, extra);
  if (status === 401) return new MonetateError('unauthorized', message, extra);
  if (status === 403) return new MonetateError('revoked', message, extra);
  if (status === 429) {
    const wait = context.retryAfterMs === undefined ? undefined : `retry in ${Math.ceil(context.retryAfterMs / 1000)} s`;
    return new MonetateError('rate_limited', wait ?? message, { ...extra, retryAfterMs: context.retryAfterMs });
  }
  if (status === 400) return validationError(envelope, extra);
  if (status >= 500 && status <= 599) return new MonetateError('server', message ?? `HTTP ${status}`, extra);
  return new MonetateError('bad_response', `unexpected HTTP ${status}${message ? `: ${message}` : ''}`, extra);
}

export interface ThrownContext {
  /** Our own timer aborted the request. */
  timedOut?: boolean;
  /** The caller's signal aborted the request. */
  cancelled?: boolean;
  /** The request changes data: a failure after it may have left means we cannot know the outcome. */
  write?: boolean;
}

/**
 * Turns what `fetch` (or a body read) threw into an `AppError`: `network`, `timeout` or
 * `cancelled` for reads; `outcome_unknown` for writes, which must never be retried blindly.
 * @example errorFromThrown(new TypeError('Failed to fetch')).code // 'network'
 */
export function errorFromThrown(error: unknown, context: ThrownContext = {}): AppError {
  if (error instanceof AppError) return error;
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  const timedOut = context.timedOut === true || name === 'TimeoutError';
  const text = error instanceof Error ? error.message : String(error);
  if (context.write) {
    const why = timedOut ? 'no answer in time' : context.cancelled ? 'cancelled after sending' : text;
    return new AppError('outcome_unknown', why);
  }
  if (timedOut) return new AppError('timeout');
  if (context.cancelled || name === 'AbortError') return new AppError('cancelled');
  return new AppError('network', text);
}

/** A one-line server message from `meta.errors` or `data.detail`, if Monetate gave one. */
export function serverMessage(envelope: Envelope | undefined): string | undefined {
  if (!envelope) return undefined;
  const messages = (envelope.meta.errors ?? []).map(itemMessage).filter((m): m is string => m !== undefined);
  if (messages.length > 0) return messages.join('; ');
  const data = envelope.data;
  if (typeof data === 'string' && data.trim()) return data.trim();
  if (typeof data === 'object' && data !== null) return textOf((data as Record<string, unknown>).detail ?? (data as Record<string, unknown>).message);
  return undefined;
}

function validationError(envelope: Envelope | undefined, extra: { status: number; serverDateMs?: number }): MonetateError {
  const fields: FieldProblem[] = [];
  const general: string[] = [];
  for (const item of envelope?.meta.errors ?? []) {
    const message = itemMessage(item);
    if (typeof item === 'object' && item !== null) {
      const field = textOf(item.field);
      const row = rowOf(item.row);
      if (field !== undefined || row !== undefined) {
        const problem: FieldProblem = { message: message ?? 'invalid value' };
        if (field !== undefined) problem.field = field;
        if (row !== undefined) problem.row = row;
        fields.push(problem);
        continue;
      }
    }
    if (message !== undefined) general.push(message);
  }
  const described = fields.map((p) => `${p.field ?? 'record'}${p.row !== undefined ? ` (row ${p.row})` : ''}: ${p.message}`);
  const detail = [...general, ...described].join('; ') || serverMessage(envelope);
  return new MonetateError('validation', detail, { ...extra, fields: fields.length > 0 ? fields : undefined });
}

function itemMessage(item: unknown): string | undefined {
  if (typeof item === 'string') return item.trim() || undefined;
  if (typeof item !== 'object' || item === null) return undefined;
  const record = item as Record<string, unknown>;
  return textOf(record.message) ?? textOf(record.detail) ?? textOf(record.error) ?? textOf(record.messages);
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) {
    const parts = value.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    return parts.length > 0 ? parts.join('; ') : undefined;
  }
  return undefined;
}

function rowOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

function describeTarget(context: ErrorContext): string | undefined {
  if (context.dataset !== undefined && context.id !== undefined) return `record "${context.id}" in dataset ${context.dataset}`;
  if (context.dataset !== undefined) return `dataset ${context.dataset}`;
  return undefined;
}
