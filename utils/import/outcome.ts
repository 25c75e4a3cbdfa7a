import { AppError, describeError, INPUT_REFUSALS, type ErrorCode } from '@/utils/errors';
import type { BatchOutcome } from '@/utils/import/job';

/**
 * How a failed POST of one batch ends for the job, from the client's typed error:
 * - no answer, a timeout, 500, 502 or 504: Monetate may have stored it (`unknown`);
 * - 413: too large, sent again smaller; 429: sent again after the wait;
 * - other 5xx: counted towards the three-in-a-row stop;
 * - 400: refused, with the batch's rows Monetate named (positions among the rows sent);
 * - another 4xx (401, 403, 404…), or a refusal before sending: refused whole, nothing stored;
 * - anything else (an odd status, an unreadable answer): unknown, since it may have been stored.
 * @example batchOutcomeOf(new AppError('server', 'HTTP 503', { status: 503 })).kind // 'server_error'
 */
export function batchOutcomeOf(error: unknown, sentPositions: readonly number[] = []): BatchOutcome {
  if (!(error instanceof AppError)) return { kind: 'unknown', message: error instanceof Error ? error.message : String(error) };
  const status = error.status;
  const message = describeError(error.toInfo());
  if (error.code === 'outcome_unknown' || status === 500) return { kind: 'unknown', message: error.detail ?? (status ? `HTTP ${status}` : 'no answer') };
  if (status === 413) return { kind: 'too_large' };
  if (error.code === 'rate_limited' || status === 429) return { kind: 'rate_limited' };
  if (error.code === 'server' || (status !== undefined && status >= 500)) return { kind: 'server_error', message: error.detail ?? `HTTP ${status}` };
  if (error.code === 'validation' || status === 400) {
    const named = [...new Set((error.fields ?? []).map((field) => field.row).filter((row): row is number => typeof row === 'number' && row >= 0 && row < sentPositions.length))];
    const rejectedRows = named.map((row) => sentPositions[row]!).sort((a, b) => a - b);
    return { kind: 'rejected', message, ...(rejectedRows.length ? { rejectedRows } : {}) };
  }
  if ((status !== undefined && status >= 400 && status < 500) || (status === undefined && REFUSED_BEFORE_SENDING.has(error.code))) return { kind: 'refused', message };
  return { kind: 'unknown', message: error.detail ?? (status ? `HTTP ${status}` : error.code) };
}

/** Errors the client raises before a request leaves: nothing can have been stored. */
const REFUSED_BEFORE_SENDING: ReadonlySet<ErrorCode> = new Set<ErrorCode>([...INPUT_REFUSALS, 'locked', 'profile_missing', 'read_only_profile', 'vault_missing', 'cancelled', 'unauthorized', 'clock_skew', 'revoked']);
