import { AppError } from '@/utils/errors';
import {
  acceptedRows,
  finishBatch,
  MERGE_MAX_ROWS,
  isSkipped,
  recoverJob,
  rejectedRowCount,
  setStatus,
  settleUnknownBatch,
  skipRejectedRows,
  startBatch,
  unknownRows,
  type BatchOutcome,
  type ImportJob,
} from '@/utils/import/job';
import { batchOutcomeOf } from '@/utils/import/outcome';
import { retryAfterOf } from '@/utils/monetate/api-error';
import { describeSchema } from '@/utils/schema';
import type { Profile } from '@/utils/profiles/profile';
import { importJobsItem } from '@/utils/storage/items';
import { updateItem } from '@/utils/storage/update-item';
import { logFinishedWrite } from '@/utils/storage/edit-log';
import { targetOf } from '@/entrypoints/background/target';
import { runLookup } from '@/entrypoints/background/lookups';
import { writableProfile } from '@/entrypoints/background/writes';
import type { Handler } from '@/entrypoints/background/handlers/types';

/**
 * Bulk import, driven by the import page one batch at a time. The background keeps the job
 * (never its rows), marks a batch as sending before its request leaves, posts it once through
 * the client (writes are never retried), and records how it ended.
 */

/**
 * One read-modify-write of the jobs at a time, through the storage module's per-item queue, so
 * a pause, a finishing batch and a profile delete (which clears jobs by its declaration) all land.
 */
async function updateJobs<T>(change: (jobs: Record<string, ImportJob>) => { jobs?: Record<string, ImportJob>; result: T }): Promise<T> {
  let result: T | undefined;
  await updateItem(importJobsItem, (current) => {
    const outcome = change(current);
    result = outcome.result;
    return outcome.jobs ?? current;
  });
  return result as T;
}

/** Applies a pure transition to the profile's stored job, checking it is the job the page means. */
function transition(profile: Profile, jobId: string, apply: (job: ImportJob) => ImportJob): Promise<{ before: ImportJob; after: ImportJob }> {
  return updateJobs((jobs) => {
    const job = jobs[profile.id];
    if (!job || job.id !== jobId) throw new AppError('import_not_current');
    const after = apply(job);
    return { jobs: { ...jobs, [profile.id]: after }, result: { before: job, after } };
  });
}

function isFinished(job: ImportJob): boolean {
  return job.status === 'done' || job.status === 'cancelled';
}

/** The one edit-log entry of a whole import, written when it ends (done or cancelled). */
async function logImport(profile: Profile, job: ImportJob): Promise<void> {
  const unknown = unknownRows(job);
  const changes = [
    { field: 'file', before: null, after: job.file.name },
    { field: 'rows accepted', before: null, after: acceptedRows(job) },
    { field: 'rows rejected', before: null, after: rejectedRowCount(job) },
    { field: 'rows unknown', before: null, after: unknown },
    { field: 'batches', before: null, after: job.batches.length },
  ];
  const error = unknown > 0 ? new AppError('outcome_unknown', `${unknown} rows of unknown outcome`) : job.status === 'cancelled' ? new AppError('cancelled', 'import cancelled') : null;
  await logFinishedWrite(profile, { dataset: job.dataset, recordId: '', kind: 'import', changes }, error);
}

async function logFailedBatch(profile: Profile, job: ImportJob, index: number, outcome: BatchOutcome, error: unknown): Promise<void> {
  const batch = job.batches.find((b) => b.index === index);
  const rows = batch?.sentRows ?? batch?.rowCount ?? 0;
  const changes = [
    { field: 'file', before: null, after: job.file.name },
    { field: 'batch', before: null, after: index + 1 },
    { field: 'rows', before: null, after: rows },
    { field: 'outcome', before: null, after: outcome.kind },
  ];
  await logFinishedWrite(profile, { dataset: job.dataset, recordId: '', kind: 'import_batch', changes }, error);
}

export const currentImport: Handler<'import.current'> = async (_payload, { services }) => {
  const profile = await services.activeProfile();
  const { before, after } = await updateJobs((jobs) => {
    const job = jobs[profile.id];
    if (!job || services.importsInFlight.has(job.id)) return { result: { before: job ?? null, after: job ?? null } };
    // The tab that drove it went away: a running job is paused, a batch left "sending" is unknown.
    const recovered = recoverJob(job, Date.now());
    return { jobs: recovered === job ? undefined : { ...jobs, [profile.id]: recovered }, result: { before: job, after: recovered } };
  });
  const lost = before?.batches.find((batch) => batch.state === 'sending');
  if (after && lost) await logFailedBatch(profile, after, lost.index, { kind: 'unknown', message: 'tab closed' }, new AppError('outcome_unknown', 'the import tab closed while the batch was being sent'));
  return after;
};

export const startImport: Handler<'import.start'> = async (input, { services }) => {
  const profile = await writableProfile(services);
  // Each merged row costs a look-up at one per second: only small files may merge.
  if (input.mergeCurrentValues && input.validRows > MERGE_MAX_ROWS) {
    throw new AppError('import_merge_too_large', String(input.validRows), { params: { max: MERGE_MAX_ROWS } });
  }
  const now = Date.now();
  const job: ImportJob = {
    id: crypto.randomUUID(),
    profileId: profile.id,
    ...input,
    status: 'ready',
    batches: [],
    consecutiveServerErrors: 0,
    createdAt: now,
    updatedAt: now,
  };
  return updateJobs((jobs) => {
    const current = jobs[profile.id];
    if (current && !isFinished(current)) {
      throw new AppError('import_unfinished', undefined, { params: { file: current.file.name, dataset: current.dataset } });
    }
    return { jobs: { ...jobs, [profile.id]: job }, result: job };
  });
};

export const controlImport: Handler<'import.control'> = async ({ jobId, action }, { services }) => {
  const profile = action === 'run' ? await writableProfile(services) : await services.activeProfile();
  const status = action === 'run' ? 'running' : action === 'pause' ? 'paused' : 'cancelled';
  const { before, after } = await transition(profile, jobId, (job) => setStatus(job, status, Date.now()));
  if (action === 'cancel' && before.status !== 'cancelled' && before.status !== 'done') await logImport(profile, after);
  return after;
};

export const settleImport: Handler<'import.settle'> = async ({ jobId, batchIndex, decision }, { services }) => {
  const profile = await services.activeProfile();
  const { before, after } = await transition(profile, jobId, (job) =>
    decision === 'skip_rejected' ? skipRejectedRows(job, batchIndex, Date.now()) : settleUnknownBatch(job, batchIndex, decision, Date.now()),
  );
  if (!isFinished(before) && after.status === 'done') await logImport(profile, after);
  return after;
};

/** Valid-row positions of the rows a batch sends, in order (skipped rows left out). */
function sentPositions(job: ImportJob, firstValidRow: number, rowCount: number): number[] {
  const positions: number[] = [];
  for (let row = firstValidRow; row < firstValidRow + rowCount; row++) if (!isSkipped(job, row)) positions.push(row);
  return positions;
}

export const sendImportBatch: Handler<'import.sendBatch'> = async ({ jobId, firstValidRow, rows }, { services }) => {
  const profile = await writableProfile(services);
  // Before marking anything: without a token nothing is sent, so there is no batch to account for.
  const token = await services.tokens.get(profile.id);
  const { after: started } = await transition(profile, jobId, (job) => {
    const result = startBatch(job, Date.now());
    const expected = result.batch.sentRows ?? result.batch.rowCount;
    if (result.batch.firstValidRow !== firstValidRow || rows.length !== expected) {
      throw new AppError('import_batch_mismatch', undefined, {
        params: { batch: result.batch.index + 1, first: result.batch.firstValidRow + 1, last: result.batch.firstValidRow + result.batch.rowCount, rows: expected },
      });
    }
    return result.job;
  });
  const batch = started.batches[started.batches.length - 1]!;
  let outcome: BatchOutcome = { kind: 'accepted' };
  let failure: unknown = null;
  services.importsInFlight.add(jobId);
  try {
    if (rows.length > 0) await services.client.postRows(targetOf(profile), token.token, started.dataset, rows);
  } catch (error) {
    failure = error;
    outcome = batchOutcomeOf(error, sentPositions(started, batch.firstValidRow, batch.rowCount));
    if (error instanceof AppError && error.code === 'unauthorized') await services.tokens.invalidate(profile.id);
  } finally {
    services.importsInFlight.delete(jobId);
    // Whatever happened, a cached look-up of an imported ID may no longer be what Monetate holds.
    services.queue.clearCache(profile.id);
  }
  const { before, after } = await transition(profile, jobId, (job) => finishBatch(job, batch.index, outcome, Date.now()));
  if (failure && outcome.kind !== 'rate_limited' && outcome.kind !== 'too_large') await logFailedBatch(profile, after, batch.index, outcome, failure);
  if (!isFinished(before) && isFinished(after)) await logImport(profile, after);
  const retryAfterMs = outcome.kind === 'rate_limited' ? retryAfterOf(failure) : undefined;
  return { job: after, outcome: outcome.kind, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
};

/**
 * "Merge with current values": each row's record is read through the one look-up queue (one
 * per second, fresh, never cached) and the fields the file does not fill are sent back as
 * Monetate gave them. A row whose ID is not in the dataset goes as the file has it.
 */
export const mergeImportRows: Handler<'import.merge'> = async ({ dataset: name, rows, fields, callerId }, { services }) => {
  const profile = await writableProfile(services);
  const schema = await services.schemas.read(profile, name, { refresh: false });
  const identifier = describeSchema(schema).identifierField;
  if (!identifier) throw new AppError('dataset_has_no_identifier', name);
  const merged: Array<Record<string, unknown>> = [];
  for (const row of rows) {
    const id = row[identifier];
    if (typeof id !== 'string' || id === '') throw new AppError('identifier_missing', identifier);
    const { rows: found } = await runLookup(services, { dataset: name, id, refresh: true, callerId });
    // Merging is offered only where a unique key makes the record one row.
    const record = found[0] ?? null;
    const kept: Record<string, unknown> = {};
    for (const field of fields) if (record && Object.hasOwn(record, field) && !Object.hasOwn(row, field)) kept[field] = record[field];
    merged.push({ ...kept, ...row });
  }
  return { rows: merged };
};

export const listUploads: Handler<'schema.uploads'> = async ({ dataset }, { services }) => {
  const profile = await services.activeProfile();
  const token = await services.tokens.get(profile.id);
  const items = await services.client.listUploads(targetOf(profile), token.token, dataset);
  return items.map((item) => {
    const raw = item as Record<string, unknown>;
    const pick = <T>(key: string, type: 'string' | 'number') => (typeof raw[key] === type ? (raw[key] as T) : undefined);
    return {
      id: pick<number>('id', 'number') ?? pick<string>('id', 'string'),
      status: item.status,
      upload_time: item.upload_time ?? undefined,
      row_count: pick<number>('row_count', 'number'),
      source: pick<string>('source', 'string'),
      username: pick<string>('username', 'string'),
    };
  });
};

