import { AppError, INPUT_REFUSALS, type ErrorCode } from '@/utils/errors';
import { EDIT_LOG_LIMIT, editLogItem, type EditLogEntry } from '@/utils/storage/items';
import { readItem, updateItem } from '@/utils/storage/update-item';

/** What a write changes, as the edit log records it. */
export type WriteDescription = Pick<EditLogEntry, 'dataset' | 'recordId' | 'kind' | 'changes'>;

/**
 * Adds an entry at the head of the edit log (newest first, bounded), serialized with every
 * other change of the log so concurrent writes each keep their line.
 * @example await appendEditLog({ ...entry, result: 'sent' });
 */
export function appendEditLog(entry: EditLogEntry): Promise<void> {
  return updateItem(editLogItem, (entries) => [entry, ...entries].slice(0, EDIT_LOG_LIMIT)).then(() => undefined);
}

/** Replaces the entry with the same id (a write's `sent` line, once its answer came). */
export function replaceEditLogEntry(entry: EditLogEntry): Promise<void> {
  return updateItem(editLogItem, (entries) => entries.map((candidate) => (candidate.id === entry.id ? entry : candidate))).then(() => undefined);
}

/** The log, after every change queued so far. */
export function readEditLog(): Promise<EditLogEntry[]> {
  return readItem(editLogItem);
}

export function clearEditLog(): Promise<void> {
  return updateItem(editLogItem, () => []).then(() => undefined);
}

/**
 * How a write ended, for the log: saved, refused (by Monetate or by our own checks), sent with
 * no answer (`outcome_unknown`), or failed otherwise.
 * @example classifyWriteResult(new AppError('outcome_unknown')) // 'outcome_unknown'
 */
export function classifyWriteResult(error: unknown): EditLogEntry['result'] {
  if (!error) return 'saved';
  if (error instanceof AppError && error.code === 'outcome_unknown') return 'outcome_unknown';
  if (error instanceof AppError && REFUSED_BEFORE_SENDING.has(error.code)) return 'refused';
  return 'failed';
}

/** Codes that mean Monetate, or our own check before sending, refused the write: nothing changed. */
const REFUSED_BEFORE_SENDING: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['validation', ...INPUT_REFUSALS]);

/** The log's sentence for a failed write: the error's detail, or its code. */
function messageOf(error: unknown): string | undefined {
  return error ? (error instanceof AppError ? (error.detail ?? error.code) : String(error)) : undefined;
}

/**
 * Records a write whose outcome is already known when it is logged: an import as a whole,
 * or one of its batches that failed.
 * @example await logFinishedWrite(profile, { schema, recordId: '', kind: 'import', changes }, null);
 */
export async function logFinishedWrite(profile: { id: string; name: string }, write: WriteDescription, error: unknown): Promise<void> {
  const message = messageOf(error);
  await appendEditLog({
    ...write,
    id: crypto.randomUUID(),
    at: Date.now(),
    profileId: profile.id,
    profileName: profile.name,
    result: classifyWriteResult(error),
    ...(message !== undefined ? { message } : {}),
  });
}

/**
 * Runs one write to Monetate with its edit-log entry: written as `sent` before the request
 * leaves (a worker stopped mid-write leaves it so), and given its result when the answer comes.
 * @example await withEditLog({ id: profile.id, name: profile.name }, { schema, recordId, kind: 'update', changes }, () => client.postRows(…));
 */
export async function withEditLog<T>(profile: { id: string; name: string }, write: WriteDescription, run: () => Promise<T>): Promise<T> {
  const id = crypto.randomUUID();
  const entry: EditLogEntry = { ...write, id, at: Date.now(), profileId: profile.id, profileName: profile.name, result: 'sent' };
  await appendEditLog(entry);
  let error: unknown = null;
  try {
    return await run();
  } catch (caught) {
    error = caught;
    throw caught;
  } finally {
    const message = messageOf(error);
    const ended: EditLogEntry = { ...entry, result: classifyWriteResult(error), ...(message !== undefined ? { message } : {}) };
    // The write's own outcome matters more than its log line: a failed log update is not the write's failure.
    await replaceEditLogEntry(ended).catch(() => undefined);
  }
}
