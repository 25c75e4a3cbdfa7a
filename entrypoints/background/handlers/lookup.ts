import { lookupHistoryItem } from '@/utils/storage/items';
import { dropKey, readItem } from '@/utils/storage/update-item';
import { runLookup } from '@/entrypoints/background/lookups';
import type { Handler } from '@/entrypoints/background/handlers/types';

export const lookupRecord: Handler<'lookup.record'> = async (payload, { services }) => runLookup(services, payload);

export const cancelLookups: Handler<'lookup.cancel'> = async ({ callerId, dataset, id }, { services }) => {
  services.queue.cancelCaller(callerId, dataset !== undefined && id !== undefined ? { dataset, id } : undefined);
  return null;
};

export const listHistory: Handler<'history.list'> = async (_payload, { services }) => {
  const profile = await services.activeProfile();
  return (await readItem(lookupHistoryItem))[profile.id] ?? [];
};

export const clearHistory: Handler<'history.clear'> = async (_payload, { services }) => {
  const profile = await services.activeProfile();
  await dropKey(lookupHistoryItem, profile.id);
  return null;
};
