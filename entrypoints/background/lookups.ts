import { AppError } from '@/utils/errors';
import type { LookupView } from '@/utils/messages/protocol';
import type { DatasetSchema } from '@/utils/schema/types';
import type { Profile } from '@/utils/profiles/profile';
import { isTooOld, mustAskMonetate } from '@/utils/records/lookup-freshness';
import type { RecordValues } from '@/utils/schema';
import { LOOKUP_HISTORY_LIMIT, lookupHistoryItem, settingsItem, type LookupHistoryEntry } from '@/utils/storage/items';
import { updateItem } from '@/utils/storage/update-item';
import type { Services } from '@/entrypoints/background/services';

/*
 * The path of one record look-up, shared by the look-up handler, the right-click menu and a
 * save's existence check: active profile, token ready, the one queue, the read kept, history.
 */

export interface LookupAsk {
  dataset: string;
  id: string;
  refresh?: boolean;
  /** Who waits: closing that surface (or tab) drops the look-up unless someone else waits too. */
  callerId: string;
}

/**
 * Looks a record up for the active profile through the one rate-limited queue. The ID is
 * trimmed (Monetate STRING values cannot carry edge whitespace) and otherwise kept exactly.
 * The token is made ready before the request joins the queue, so minting never delays a send
 * past its slot (and a locked key fails at once instead of after waiting its turn). An expired
 * token is renewed once by the queue itself (see `reauthorize` in services), keeping the pace.
 * The answer is kept as the read every later save of this record is composed from.
 * @example const view = await runLookup(services, { dataset: 'customers', id: 'C-1', callerId: 'context-menu' });
 */
export async function runLookup(services: Services, { dataset, id: typed, refresh, callerId }: LookupAsk): Promise<LookupView> {
  const id = typed.trim();
  const profile = await services.activeProfile();
  await services.tokens.get(profile.id);
  const request = { profileId: profile.id, dataset, id };
  const { cacheTtlSeconds } = await settingsItem.getValue();
  const enqueue = (fresh: boolean) => services.queue.enqueue(request, { callerId, refresh: fresh }).promise;
  let outcome;
  try {
    outcome = await enqueue(mustAskMonetate({ refresh }, cacheTtlSeconds));
    if (isTooOld(outcome, cacheTtlSeconds, Date.now())) outcome = await enqueue(true);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'cancelled') await remember(profile.id, { dataset, id, at: Date.now(), outcome: 'error' });
    throw error;
  }
  const rows = outcome.result.rows as RecordValues[];
  const freshSchema = await schemaForRows(services, profile, dataset, rows);
  const known = freshSchema ?? services.schemas.cached(profile.id, dataset);
  await services.reads.remember({ profileId: profile.id, dataset, id, readAt: outcome.fetchedAt, rows, schemaFields: known ? Object.keys(known.fields) : null });
  if (!outcome.fromCache) await remember(profile.id, { dataset, id, at: Date.now(), outcome: rows.length > 0 ? 'found' : 'not_found' });
  return {
    profileId: profile.id,
    dataset,
    id,
    idTrimmed: id !== typed,
    rows,
    fromCache: outcome.fromCache,
    fetchedAt: outcome.fetchedAt,
    ...(freshSchema ? { freshSchema } : {}),
  };
}

/**
 * Rows naming a field the cached schema lacks mean the dataset changed: the schema is read
 * again first, so the surfaces and the next save know the new field. Without a cached schema
 * nothing is read here (the save reads a fresh one anyway).
 */
async function schemaForRows(services: Services, profile: Profile, dataset: string, rows: readonly RecordValues[]): Promise<DatasetSchema | undefined> {
  const cached = services.schemas.cached(profile.id, dataset);
  if (!cached || !rows.some((row) => Object.keys(row).some((field) => !Object.hasOwn(cached.fields, field)))) return undefined;
  // The look-up answered; a failed schema read must not turn it into an error.
  return services.schemas.read(profile, dataset, { refresh: true }).catch(() => undefined);
}

/** Keeps the look-up at the head of the profile's history (one entry per record). */
function remember(profileId: string, entry: LookupHistoryEntry): Promise<void> {
  const written = updateItem(lookupHistoryItem, (all) => {
    const previous = (all[profileId] ?? []).filter((item) => !(item.dataset === entry.dataset && item.id === entry.id));
    return { ...all, [profileId]: [entry, ...previous].slice(0, LOOKUP_HISTORY_LIMIT) };
  });
  // History is a convenience: failing to write it must not fail the look-up.
  return written.then(() => undefined, () => undefined);
}

