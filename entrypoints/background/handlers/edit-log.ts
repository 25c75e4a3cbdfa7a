import { AppError, type ErrorCode } from '@/utils/errors';
import type { Profile } from '@/utils/profiles/profile';
import { EDIT_LOG_LIMIT, editLogItem, type EditLogEntry } from '@/utils/storage/items';
import type { Handler } from './types';

/** Codes that mean Monetate, or our own check before sending, refused the write: nothing changed. */
const REFUSED_BEFORE_SENDING: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'validation',
  'invalid_input',
  'profile_field_invalid',
  'record_id_invalid',
  'attribute_invalid',
  'identifier_name_invalid',
  'save_in_progress',
  'token_ttl_invalid',
  'field_value_invalid',
  'no_changes',
]);

type WriteDescription = Pick<EditLogEntry, 'schema' | 'recordId' | 'kind' | 'changes'>;

// Writes finish concurrently; one read-modify-write of the log at a time keeps every entry.
let logWrites: Promise<unknown> = Promise.resolve();

function updateLog(update: (entries: EditLogEntry[]) => EditLogEntry[]): Promise<void> {
  const next = logWrites.then(async () => {
    await editLogItem.setValue(update(await editLogItem.getValue()).slice(0, EDIT_LOG_LIMIT));
  });
  logWrites = next.catch(() => undefined);
  return next;
}

/** How a write ended, for the log: refused by Monetate or by us, unknown, or failed otherwise. */
function resultOf(error: unknown): EditLogEntry['result'] {
  if (!error) return 'saved';
  if (error instanceof AppError && error.code === 'outcome_unknown') return 'outcome_unknown';
  if (error instanceof AppError && REFUSED_BEFORE_SENDING.has(error.code)) return 'refused';
  return 'failed';
}

/**
 * Runs one write to Monetate with its edit-log entry: written as `sent` before the request
 * leaves (a worker stopped mid-write leaves it so), and given its result when the answer comes.
 * @example await loggedWrite(profile, { schema, recordId, kind: 'update', changes }, () => client.postRows(…));
 */
export async function loggedWrite<T>(profile: Profile, write: WriteDescription, run: () => Promise<T>): Promise<T> {
  const id = crypto.randomUUID();
  const entry: EditLogEntry = { ...write, id, at: Date.now(), profileId: profile.id, profileName: profile.name, result: 'sent' };
  await updateLog((entries) => [entry, ...entries]);
  let error: unknown = null;
  try {
    return await run();
  } catch (caught) {
    error = caught;
    throw caught;
  } finally {
    const message = error ? (error instanceof AppError ? (error.detail ?? error.code) : String(error)) : undefined;
    const ended: EditLogEntry = { ...entry, result: resultOf(error), ...(message !== undefined ? { message } : {}) };
    // The write's own outcome matters more than its log line: a failed log update is not the write's failure.
    await updateLog((entries) => entries.map((candidate) => (candidate.id === id ? ended : candidate))).catch(() => undefined);
  }
}

/**
 * Records a write whose outcome is already known when it is logged: an import as a whole,
 * or one of its batches that failed.
 * @example await appendEditLog(profile, { schema, recordId: '', kind: 'import', changes }, null);
 */
export async function appendEditLog(profile: Profile, write: WriteDescription, error: unknown): Promise<void> {
  const message = error ? (error instanceof AppError ? (error.detail ?? error.code) : String(error)) : undefined;
  const entry: EditLogEntry = { ...write, id: crypto.randomUUID(), at: Date.now(), profileId: profile.id, profileName: profile.name, result: resultOf(error), ...(message !== undefined ? { message } : {}) };
  await updateLog((entries) => [entry, ...entries]);
}

export const listEditLog: Handler<'editlog.list'> = async () => {
  await logWrites;
  return editLogItem.getValue();
};

export const clearEditLog: Handler<'editlog.clear'> = async () => {
  await updateLog(() => []);
  return null;
};
