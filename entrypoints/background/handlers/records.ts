import { AppError } from '@/utils/errors';
import type { SaveResult } from '@/utils/messages/protocol';
import { composeCreate, composeEdit, recordIdOf, type ComposedRow } from '@/utils/records/compose';
import { describeSchema, type DatasetSchema, type RecordValues } from '@/utils/schema';
import type { Profile } from '@/utils/profiles/profile';
import type { Services } from '@/entrypoints/background/services';
import { targetOf } from '@/entrypoints/background/target';
import { runLookup } from '@/entrypoints/background/lookups';
import { writableProfile, writeToMonetate } from '@/entrypoints/background/writes';
import type { Handler } from '@/entrypoints/background/handlers/types';

/** The caller a save's own existence check waits as (no surface closing can cancel it). */
const SAVE_CHECK_CALLER = 'record.save';

/**
 * Saves one record. An edit or added row is composed here from the record as last read from
 * Monetate plus the changes, checked against a schema read afresh; a new record is what the
 * person filled in, refused when it would replace one that exists. Sent once and never
 * retried (Monetate has no idempotency key): an unanswered send is `outcome_unknown`, for the
 * user to check with a look-up.
 */
export const saveRecord: Handler<'record.save'> = async (payload, { services }) => {
  const profile = await writableProfile(services);
  const { savesInFlight } = services;
  const name = payload.dataset;
  const schema = await services.schemas.read(profile, name, { refresh: true });
  const changes = payload.changes as RecordValues;
  let composed: ComposedRow;
  let kind: SaveResult['kind'];
  if (payload.mode === 'create') {
    const row = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== null));
    // Checked first, so an invalid row costs no look-up.
    composeCreate({ schema, row, existing: [] });
    composed = composeCreate({ schema, row, existing: await existingRows(services, schema, row) });
    kind = 'create';
  } else {
    const read = await services.reads.get(profile.id, name, payload.base.id.trim());
    composed = composeEdit({ schema, read, base: payload.base, kind: payload.mode, changes });
    kind = payload.mode === 'edit' ? 'update' : 'add_row';
  }
  const recordId = recordIdOf(schema, composed.row);

  const lockKey = `${profile.id}\u0000${name}\u0000${recordId}`;
  // Refused rather than queued: a second write racing the first could hide which one Monetate kept.
  if (savesInFlight.has(lockKey)) throw new AppError('save_in_progress', 'A save of this record is already under way. Wait for it to finish.');
  // Before the lock and the log: without a token nothing is sent, so there is no write to record.
  await services.tokens.get(profile.id);
  savesInFlight.add(lockKey);
  let applied: 'yes' | 'maybe' | 'no' = 'maybe';
  try {
    const changesLogged = composed.diff.map(({ field, before, after }) => ({ field, before, after }));
    await writeToMonetate(services, profile, { dataset: name, recordId, kind, changes: changesLogged }, (token) =>
      services.client.postRows(targetOf(profile), token, name, [composed.row]),
    );
    applied = 'yes';
    return { savedRow: composed.row, recordId, kind };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'outcome_unknown') applied = 'no';
    throw error;
  } finally {
    // Saved or unknown: the read (and any cached answer) may no longer be what Monetate holds,
    // so the next save of this record needs a fresh look-up.
    if (applied !== 'no') await forgetRecord(services, profile, name, payload.mode === 'create' ? recordId : payload.base.id.trim());
    savesInFlight.delete(lockKey);
  }
};

async function forgetRecord(services: Services, profile: Profile, dataset: string, id: string): Promise<void> {
  services.queue.clearCache(profile.id);
  await services.reads.forget(profile.id, dataset, id);
}

/**
 * What Monetate holds for a new record's ID, when a row with the same unique key would be
 * replaced by it; a dataset without one only ever adds rows, so nothing is asked.
 */
async function existingRows(services: Services, schema: DatasetSchema, row: RecordValues): Promise<RecordValues[]> {
  if (!describeSchema(schema).uniqueKeyField) return [];
  const id = recordIdOf(schema, row);
  const view = await runLookup(services, { dataset: schema.name, id, refresh: true, callerId: SAVE_CHECK_CALLER });
  return view.rows;
}
