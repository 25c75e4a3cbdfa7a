import { AppError } from '@/utils/errors';
import type { Profile } from '@/utils/profiles/profile';
import { EDIT_LOG_LIMIT, editLogItem, type EditLogEntry } from '@/utils/storage/items';
import type { Handler } from './types';

/** Records one write and how it ended; the log is bounded, newest first. */
export async function appendEditLog(
  profile: Profile,
  entry: Pick<EditLogEntry, 'schema' | 'recordId' | 'kind' | 'changes'>,
  error: unknown,
): Promise<void> {
  const result: EditLogEntry['result'] = !error
    ? 'saved'
    : error instanceof AppError && error.code === 'outcome_unknown'
      ? 'outcome_unknown'
      : error instanceof AppError && (error.code === 'validation' || error.code === 'invalid_input')
        ? 'refused'
        : 'failed';
  const full: EditLogEntry = {
    ...entry,
    at: Date.now(),
    profileId: profile.id,
    profileName: profile.name,
    result,
    ...(error ? { message: error instanceof AppError ? (error.detail ?? error.code) : String(error) } : {}),
  };
  await editLogItem.setValue([full, ...(await editLogItem.getValue())].slice(0, EDIT_LOG_LIMIT));
}

export const listEditLog: Handler<'editlog.list'> = async () => editLogItem.getValue();

export const clearEditLog: Handler<'editlog.clear'> = async () => {
  await editLogItem.setValue([]);
  return null;
};
