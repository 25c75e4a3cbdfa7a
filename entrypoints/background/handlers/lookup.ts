import { AppError } from '@/utils/errors';
import { LOOKUP_HISTORY_LIMIT, lookupHistoryItem, settingsItem, type LookupHistoryEntry } from '@/utils/storage/items';
import type { Handler } from './types';

/**
 * Looks a record up through the one rate-limited queue. The token is made ready before the
 * request joins the queue, so minting never delays a send past its slot (and a locked key
 * fails at once instead of after waiting its turn).
 */
export const lookupRecord: Handler<'lookup.record'> = async ({ schema, id, refresh, callerId }, { services }) => {
  const profile = await services.activeProfile();
  await services.tokens.get(profile.id);
  await services.touchActivity();
  const request = { profileId: profile.id, schema, id };
  const { cacheTtlSeconds } = await settingsItem.getValue();
  const enqueue = (fresh: boolean) => services.queue.enqueue(request, { callerId, refresh: fresh }).promise;
  let outcome;
  try {
    try {
      outcome = await enqueue(Boolean(refresh) || cacheTtlSeconds === 0);
      // Older than the user's "reuse answers for" setting: ask Monetate again.
      if (outcome.fromCache && Date.now() - outcome.fetchedAt > cacheTtlSeconds * 1000) outcome = await enqueue(true);
    } catch (error) {
      // An expired or replaced token: refresh it once, then the look-up takes its turn again.
      if (!(error instanceof AppError) || error.code !== 'unauthorized') throw error;
      await services.tokens.invalidate(profile.id);
      await services.tokens.get(profile.id);
      outcome = await enqueue(true);
    }
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'cancelled') await remember(profile.id, { schema, id, at: Date.now(), outcome: 'error' });
    throw error;
  }
  const record = outcome.result.record;
  if (!outcome.fromCache) await remember(profile.id, { schema, id, at: Date.now(), outcome: record ? 'found' : 'not_found' });
  return { profileId: profile.id, schema, id, record, fromCache: outcome.fromCache, fetchedAt: outcome.fetchedAt };
};

export const cancelLookups: Handler<'lookup.cancel'> = async ({ callerId }, { services }) => {
  services.queue.cancelCaller(callerId);
  return null;
};

async function remember(profileId: string, entry: LookupHistoryEntry) {
  const all = await lookupHistoryItem.getValue();
  const previous = (all[profileId] ?? []).filter((item) => !(item.schema === entry.schema && item.id === entry.id));
  await lookupHistoryItem.setValue({ ...all, [profileId]: [entry, ...previous].slice(0, LOOKUP_HISTORY_LIMIT) });
}

export const listHistory: Handler<'history.list'> = async (_payload, { services }) => {
  const profile = await services.activeProfile();
  return (await lookupHistoryItem.getValue())[profile.id] ?? [];
};

export const clearHistory: Handler<'history.clear'> = async (_payload, { services }) => {
  const profile = await services.activeProfile();
  const { [profile.id]: _dropped, ...rest } = await lookupHistoryItem.getValue();
  await lookupHistoryItem.setValue(rest);
  return null;
};
