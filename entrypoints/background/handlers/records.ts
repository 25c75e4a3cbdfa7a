import { AppError } from '@/utils/errors';
import { describeSchema, diffRecords, type DatasetSchema, type RecordValues } from '@/utils/schema';
import { targetOf } from '../services';
import { appendEditLog } from './edit-log';
import { getSchema, writableProfile } from './schema';
import type { Handler } from './types';

/** Records with a save under way; a second save of the same record waits for the first to end. */
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
  const { identifierField, fields } = describeSchema(schema);
  const known = new Set(fields.map((field) => field.name));
  const unknown = Object.keys(row).filter((field) => !known.has(field));
  if (unknown.length) {
    throw new AppError('invalid_input', `The dataset has no field ${unknown.map((f) => `"${f}"`).join(', ')}. Refresh the schema and try again.`, {
      fields: unknown.map((field) => ({ field, message: 'Not a field of this dataset.' })),
    });
  }
  const recordId = identifierField ? row[identifierField] : undefined;
  if (typeof recordId !== 'string' || recordId.trim() === '') {
    throw new AppError('invalid_input', `Fill in ${identifierField ?? 'the identifier'}; every record needs it.`, {
      fields: identifierField ? [{ field: identifierField, message: 'Required.' }] : undefined,
    });
  }
  const lockKey = `${profile.id}\u0000${name}\u0000${recordId}`;
  if (savesInFlight.has(lockKey)) throw new AppError('invalid_input', 'A save of this record is already under way. Wait for it to finish.');
  savesInFlight.add(lockKey);
  const changes = diffRecords(schema, mode === 'create' ? null : (before as RecordValues | null), row as RecordValues).map(({ field, before: b, after }) => ({
    field,
    before: b,
    after,
  }));
  const logEntry = { schema: name, recordId, kind: mode === 'create' ? ('create' as const) : ('update' as const), changes };
  try {
    const token = await services.tokens.get(profile.id);
    const result = await services.client.postRows(targetOf(profile), token.token, name, [row]);
    await appendEditLog(profile, logEntry, null);
    // The cached answer for this record is now stale.
    services.queue.clearCache(profile.id);
    return { savedRow: result.rows[0] ?? row, recordId };
  } catch (error) {
    await appendEditLog(profile, logEntry, error);
    throw error;
  } finally {
    savesInFlight.delete(lockKey);
  }
};
