import { AppError } from '@/utils/errors';
import type { ColumnMapping } from '@/utils/import/mapping';
import type { FileFingerprint } from '@/utils/import/fingerprint';
import type { ImportFormat } from '@/utils/import/read-rows';

/**
 * An import job as it is kept in `storage.local`: what is imported, how, and how far each
 * batch got — never the rows themselves. Rows are read again from the file (checked by its
 * fingerprint) when the job resumes. Every change is a pure function returning a new job, so
 * the rules "one batch in flight" and "no acknowledged batch is sent twice" are tested alone.
 */

/** Monetate publishes no limit; the emulator answers 413 above 1,000 rows or 5 MB. */
export const BATCH_SIZE = { default: 500, min: 1, max: 1_000 } as const;
/** "Merge with current values" reads each record first, one per second: small files only. */
export const MERGE_MAX_ROWS = 60;
/** Chrome throttles an extension after repeated server errors, so the import stops first. */
const MAX_CONSECUTIVE_SERVER_ERRORS = 3;

export type BatchState = 'sending' | 'accepted' | 'rejected' | 'unknown';

export interface BatchRecord {
  index: number;
  /** Position of the batch's first row among the file's valid rows (0-based), and how many. */
  firstValidRow: number;
  rowCount: number;
  state: BatchState;
  message?: string;
  /** Rows actually posted: rowCount less the rows the user chose to skip after a 400. */
  sentRows?: number;
  /** After a 400: the batch's valid-row positions Monetate named as wrong. */
  rejectedRows?: number[];
}

export type JobStatus = 'ready' | 'running' | 'paused' | 'stopped' | 'done' | 'cancelled';

export interface ImportJob {
  id: string;
  profileId: string;
  dataset: string;
  file: FileFingerprint;
  format: ImportFormat;
  mapping: ColumnMapping;
  timeZone: string;
  batchSize: number;
  /** The user agreed that fields the file does not fill are emptied in every replaced record. */
  emptyMissingFields: boolean;
  /** Fields the file does not fill are read from Monetate just before each batch and sent back as they are. */
  mergeCurrentValues?: boolean;
  /** Valid-row positions the user chose to leave out after Monetate refused them (400). */
  skippedRows?: number[];
  /** Rows that passed the check, and rows left out for problems. */
  validRows: number;
  rowsWithProblems: number;
  status: JobStatus;
  /** Why the job stopped, in a sentence for the screen. */
  stopReason?: string;
  batches: BatchRecord[];
  consecutiveServerErrors: number;
  createdAt: number;
  updatedAt: number;
}

/** Clamps a batch size the user typed to what the importer sends. */
export function clampBatchSize(size: number): number {
  if (!Number.isFinite(size)) return BATCH_SIZE.default;
  return Math.min(BATCH_SIZE.max, Math.max(BATCH_SIZE.min, Math.round(size)));
}

/**
 * The first valid row no accepted batch covers: where sending goes on. Batches are sent one
 * at a time in file order, so accepted batches are contiguous from the start.
 */
export function nextRowToSend(job: ImportJob): number {
  let next = 0;
  for (const batch of job.batches) {
    if (batch.state === 'accepted' && batch.firstValidRow === next) next += batch.rowCount;
  }
  return next;
}

/** Rows Monetate acknowledged, for the progress bar and the final count. */
export function acceptedRows(job: ImportJob): number {
  return job.batches.filter((batch) => batch.state === 'accepted').reduce((sum, batch) => sum + (batch.sentRows ?? batch.rowCount), 0);
}

/** Rows covered so far (accepted or skipped), for the progress bar. */
export function progressRows(job: ImportJob): number {
  return nextRowToSend(job);
}

/** Rows sent whose fate is unknown, for the final count. */
export function unknownRows(job: ImportJob): number {
  return job.batches.filter((batch) => batch.state === 'unknown').reduce((sum, batch) => sum + (batch.sentRows ?? batch.rowCount), 0);
}

/** Rows not imported: left out for problems, skipped after a 400, or in a refused batch. */
export function rejectedRowCount(job: ImportJob): number {
  const refused = job.batches.filter((batch) => batch.state === 'rejected' && !job.batches.some((b) => b.state === 'accepted' && b.firstValidRow === batch.firstValidRow));
  return job.rowsWithProblems + (job.skippedRows?.length ?? 0) + refused.reduce((sum, batch) => sum + (batch.sentRows ?? batch.rowCount), 0);
}

/** Whether a valid-row position is to be sent (not skipped by the user). */
export function isSkipped(job: ImportJob, validRow: number): boolean {
  return job.skippedRows?.includes(validRow) ?? false;
}

/** The batch whose outcome is not known, if any: it blocks sending until the user decides. */
export function unknownBatch(job: ImportJob): BatchRecord | undefined {
  return job.batches.find((batch) => batch.state === 'unknown' || batch.state === 'sending');
}

/**
 * Why the next batch may not be sent now (`import_not_running`, `import_batch_unconfirmed`,
 * `import_all_sent`), or null when it may.
 * @example sendBlocker({ ...job, status: 'paused' }) // AppError { code: 'import_not_running', detail: 'paused' }
 */
export function sendBlocker(job: ImportJob): AppError | null {
  if (job.status !== 'running') return new AppError('import_not_running', job.status === 'ready' ? 'not started' : job.status);
  const open = unknownBatch(job);
  if (open) return new AppError('import_batch_unconfirmed', undefined, { params: { batch: open.index + 1 } });
  if (nextRowToSend(job) >= job.validRows) return new AppError('import_all_sent');
  return null;
}

/** Marks the next batch as sending, before its request leaves (so a crash leaves it "unknown", never "not sent"). */
export function startBatch(job: ImportJob, at: number): { job: ImportJob; batch: BatchRecord } {
  const blocker = sendBlocker(job);
  if (blocker) throw blocker;
  const firstValidRow = nextRowToSend(job);
  const rowCount = Math.min(job.batchSize, job.validRows - firstValidRow);
  const skipped = (job.skippedRows ?? []).filter((row) => row >= firstValidRow && row < firstValidRow + rowCount).length;
  const batch: BatchRecord = {
    index: job.batches.reduce((max, b) => Math.max(max, b.index + 1), 0),
    firstValidRow,
    rowCount,
    state: 'sending',
    ...(skipped ? { sentRows: rowCount - skipped } : {}),
  };
  return { job: { ...job, batches: [...job.batches, batch], updatedAt: at }, batch };
}

export type BatchOutcome =
  | { kind: 'accepted' }
  | { kind: 'rejected'; message: string; rejectedRows?: number[] }
  /** Refused whole before anything was stored (no access, no such dataset): the user fixes it and resumes. */
  | { kind: 'refused'; message: string }
  | { kind: 'too_large' }
  | { kind: 'rate_limited' }
  | { kind: 'server_error'; message: string }
  | { kind: 'unknown'; message: string };

/**
 * Records how a batch ended and what the job does next: go on, wait, shrink the batch size,
 * or stop for the user. A batch whose outcome is unknown is never re-sent by itself.
 */
export function finishBatch(job: ImportJob, index: number, outcome: BatchOutcome, at: number): ImportJob {
  const update = (state: BatchState | null, message?: string) =>
    job.batches
      .map((batch) => (batch.index !== index ? batch : state === null ? null : { ...batch, state, ...(message ? { message } : {}) }))
      .filter((batch): batch is BatchRecord => batch !== null);
  const base = { ...job, updatedAt: at };
  switch (outcome.kind) {
    case 'accepted': {
      const next = { ...base, batches: update('accepted'), consecutiveServerErrors: 0 };
      return nextRowToSend(next) >= job.validRows ? { ...next, status: 'done' } : next;
    }
    case 'too_large': {
      // Refused whole for its size: nothing was stored, so it is sent again, smaller.
      const smaller = Math.max(BATCH_SIZE.min, Math.floor((job.batches.find((b) => b.index === index)?.rowCount ?? job.batchSize) / 2));
      return { ...base, batches: update(null), batchSize: Math.min(job.batchSize, smaller) };
    }
    case 'rate_limited':
      // Monetate refused it before storing anything: the same rows go again after the wait.
      return { ...base, batches: update(null) };
    case 'rejected':
      return {
        ...base,
        batches: update('rejected', outcome.message).map((batch) => (batch.index === index && outcome.rejectedRows ? { ...batch, rejectedRows: outcome.rejectedRows } : batch)),
        status: 'stopped',
        stopReason: `Monetate refused batch ${index + 1}: ${outcome.message}`,
      };
    case 'refused':
      return { ...base, batches: update(null), status: 'stopped', stopReason: `Batch ${index + 1} was not stored: ${outcome.message}` };
    case 'server_error': {
      const errors = job.consecutiveServerErrors + 1;
      const stop = errors >= MAX_CONSECUTIVE_SERVER_ERRORS;
      return {
        ...base,
        batches: update(null),
        consecutiveServerErrors: errors,
        ...(stop ? { status: 'stopped' as const, stopReason: `Monetate failed ${errors} times in a row (${outcome.message}). The import stopped; try again later.` } : {}),
      };
    }
    case 'unknown':
      return {
        ...base,
        batches: update('unknown', outcome.message),
        status: 'stopped',
        stopReason: `Batch ${index + 1} was sent, but no answer came back (${outcome.message}), so we do not know whether Monetate stored it. It is not sent again unless you choose to.`,
      };
  }
}

/** The user's decision on a batch of unknown outcome: send it again, or count it as stored after checking. */
export function settleUnknownBatch(job: ImportJob, index: number, decision: 'resend' | 'count_as_stored', at: number): ImportJob {
  const batches = job.batches
    .map((batch) => (batch.index !== index ? batch : decision === 'resend' ? null : { ...batch, state: 'accepted' as const }))
    .filter((batch): batch is BatchRecord => batch !== null);
  const next: ImportJob = { ...job, batches, updatedAt: at, status: 'paused', stopReason: undefined };
  return nextRowToSend(next) >= job.validRows ? { ...next, status: 'done' } : next;
}

/**
 * After a 400: the rows Monetate named are left out and the rest of the batch goes again
 * when the user resumes. Without named rows nothing can be skipped.
 */
export function skipRejectedRows(job: ImportJob, index: number, at: number): ImportJob {
  const batch = job.batches.find((b) => b.index === index && b.state === 'rejected');
  if (!batch?.rejectedRows?.length) return job;
  const skippedRows = [...new Set([...(job.skippedRows ?? []), ...batch.rejectedRows])].sort((a, b) => a - b);
  return { ...job, skippedRows, batches: job.batches.filter((b) => b !== batch), status: 'paused', stopReason: undefined, updatedAt: at };
}

/** Pause, resume or cancel by the user; a job in flight finishes its batch first (the caller waits). */
export function setStatus(job: ImportJob, status: Extract<JobStatus, 'running' | 'paused' | 'cancelled'>, at: number): ImportJob {
  if (job.status === 'done' || job.status === 'cancelled') return job;
  return { ...job, status, updatedAt: at, ...(status === 'running' ? { stopReason: undefined } : {}) };
}

/** A job read back after the worker or the tab went away: a batch left "sending" has an unknown outcome. */
export function recoverJob(job: ImportJob, at: number): ImportJob {
  const sending = job.batches.find((batch) => batch.state === 'sending');
  const paused = job.status === 'running' ? { ...job, status: 'paused' as const, updatedAt: at } : job;
  if (!sending) return paused;
  return finishBatch(paused, sending.index, { kind: 'unknown', message: 'the import tab or the browser closed while it was being sent' }, at);
}

/**
 * The final line: "Imported N rows", with rejected and unknown counts when there are any.
 * @example finalStatus(job) // 'Imported 1997 rows, 3 rejected'
 */
export function finalStatus(job: ImportJob): string {
  const parts = [`Imported ${acceptedRows(job)} rows`];
  const rejected = rejectedRowCount(job);
  const unknown = unknownRows(job);
  if (rejected) parts.push(`${rejected} rejected`);
  if (unknown) parts.push(`${unknown} of unknown outcome`);
  return parts.join(', ');
}
