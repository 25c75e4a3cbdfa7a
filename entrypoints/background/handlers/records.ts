import { AppError } from '@/utils/errors';
import { checkRow, describeSchema, diffRecords, type DatasetSchema, type RecordValues } from '@/utils/schema';
import { targetOf } from '../services';
import { appendEditLog } from './edit-log';
import { getSchema, writableProfile } from './schema';
import type { Handler } from './types';

/** Records with a save under way; a second save of the same record is refused until the first ends. */
const savesInFlight = new Set<string>();

/**
 * Creates or replaces one record. Checked against the schema before sending; sent once and
 * never retried (Monetate has no idempotency key), so an unanswered send is reported as
 * `outcome_unknown` for the user to check with a look-up.
 */
export const saveRecord: Handler<'record.save'> = async ({ schema: name, mode, row, before }, context) => {
  const { services } = context;
  const profile = await writableProfile(services);
  const schema = (await getSchema({ name }, context)) as DatasetSchema;
  const { identifierField } = describeSchema(schema);
  // Whatever surface built the row, it is checked here against the schema before anything leaves.
  const problems = checkRow(schema, row as RecordValues);
  const problemFields = Object.entries(problems).map(([field, message]) => ({ field, message }));
  if (problemFields.length) {
    throw new AppError('invalid_input', problemFields.map((p) => `${p.field}: ${p.message}`).join(' '), { fields: problemFields });
  }
  const recordId = identifierField ? row[identifierField] : undefined;
  if (typeof recordId !== 'string' || recordId.trim() === '') {
    throw new AppError('invalid_input', `Fill in ${identifierField ?? 'the identifier'}; every record needs it.`, {
      fields: identifierField ? [{ field: identifierField, message: 'Required.' }] : undefined,
    });
  }
  const lockKey = `${profile.id}\u0000${name}\u0000${recordId}`;
  // Refused rather than queued: a second write racing the first could hide which one Monetate kept.
  if (savesInFlight.has(lockKey)) throw new AppError('invalid_input', 'A save of this record is already under way. Wait for it to finish.');
  const changes = diffRecords(schema, mode === 'create' ? null : (before as RecordValues | null), row as RecordValues).map(({ field, before: b, after }) => ({
    field,
    before: b,
    after,
  }));
  const logEntry = { schema: name, recordId, kind: mode === 'create' ? ('create' as const) : ('update' as const), changes };
  // Before the lock and the log: without a token nothing is sent, so there is no write to record.
  const token = await services.tokens.get(profile.id);
  savesInFlight.add(lockKey);
  try {
    const result = await services.client.postRows(targetOf(profile), token.token, name, [row]);
    await appendEditLog(profile, logEntry, null);
    return { savedRow: result.rows[0] ?? row, recordId };
  } catch (error) {
    await appendEditLog(profile, logEntry, error);
    throw error;
  } finally {
    // Saved, refused or unknown: a cached answer for this record may no longer be what Monetate holds.
    services.queue.clearCache(profile.id);
    savesInFlight.delete(lockKey);
  }
};
