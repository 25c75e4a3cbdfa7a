import { AppError } from '@/utils/errors';
import type { LookupView } from '@/utils/messages/protocol';
import { LOOKUP_HISTORY_LIMIT, lookupHistoryItem, settingsItem, type LookupHistoryEntry } from '@/utils/storage/items';
import type { Services } from '../services';
import type { Handler } from './types';

export interface LookupAsk {
  schema: string;
  id: string;
  refresh?: boolean;
  /** Who waits: closing that surface (or tab) drops the look-up unless someone else waits too. */
  callerId: string;
}

/**
 * Looks a record up for the active profile through the one rate-limited queue. The token is
 * made ready before the request joins the queue, so minting never delays a send past its slot
 * (and a locked key fails at once instead of after waiting its turn). An expired token is
 * renewed once by the queue itself (see `reauthorize` in services), keeping the pace.
 * @example const view = await runLookup(services, { schema: 'customers', id: 'C-1', callerId: 'context-menu' });
 */
export async function runLookup(services: Services, { schema, id, refresh, callerId }: LookupAsk): Promise<LookupView> {
  const profile = await services.activeProfile();
  await services.tokens.get(profile.id);
  const request = { profileId: profile.id, schema, id };
  const { cacheTtlSeconds } = await settingsItem.getValue();
  const enqueue = (fresh: boolean) => services.queue.enqueue(request, { callerId, refresh: fresh }).promise;
  let outcome;
  try {
    outcome = await enqueue(Boolean(refresh) || cacheTtlSeconds === 0);
    // Older than the user's "reuse answers for" setting: ask Monetate again.
    if (outcome.fromCache && Date.now() - outcome.fetchedAt > cacheTtlSeconds * 1000) outcome = await enqueue(true);
  } catch (error) {
    // A token whose key was deactivated is useless: forget it, so "Copy token" and the next
    // call mint afresh and say in words that the key is not accepted.
    if (error instanceof AppError && error.code === 'revoked') await services.tokens.invalidate(profile.id);
    if (!(error instanceof AppError) || error.code !== 'cancelled') await remember(profile.id, { schema, id, at: Date.now(), outcome: 'error' });
    throw error;
  }
  const record = outcome.result.record;
  if (!outcome.fromCache) await remember(profile.id, { schema, id, at: Date.now(), outcome: record ? 'found' : 'not_found' });
  return { profileId: profile.id, schema, id, record, fromCache: outcome.fromCache, fetchedAt: outcome.fetchedAt };
}

export const lookupRecord: Handler<'lookup.record'> = async (payload, { services }) => runLookup(services, payload);

export const cancelLookups: Handler<'lookup.cancel'> = async ({ callerId, schema, id }, { services }) => {
  services.queue.cancelCaller(callerId, schema !== undefined && id !== undefined ? { schema, id } : undefined);
  return null;
};

// Look-ups finish concurrently; one read-modify-write at a time keeps every entry.
let historyWrites: Promise<void> = Promise.resolve();

function remember(profileId: string, entry: LookupHistoryEntry): Promise<void> {
  historyWrites = historyWrites
    .catch(() => undefined)
    .then(async () => {
      const all = await lookupHistoryItem.getValue();
      const previous = (all[profileId] ?? []).filter((item) => !(item.schema === entry.schema && item.id === entry.id));
      await lookupHistoryItem.setValue({ ...all, [profileId]: [entry, ...previous].slice(0, LOOKUP_HISTORY_LIMIT) });
    });
  // History is a convenience: failing to write it must not fail the look-up.
  return historyWrites.catch(() => undefined);
}

export const listHistory: Handler<'history.list'> = async (_payload, { services }) => {
  const profile = await services.activeProfile();
  return (await lookupHistoryItem.getValue())[profile.id] ?? [];
};

export const clearHistory: Handler<'history.clear'> = async (_payload, { services }) => {
  const profile = await services.activeProfile();
  await historyWrites.catch(() => undefined);
  const { [profile.id]: _dropped, ...rest } = await lookupHistoryItem.getValue();
  await lookupHistoryItem.setValue(rest);
  return null;
};
