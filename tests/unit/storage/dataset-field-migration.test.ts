import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { editLogItem, lookupHistoryItem } from '@/utils/storage/items';

// Version 1 named an entry's dataset `schema`; version 2 calls it `dataset`. Nothing a user
// stored before the rename may lose its dataset.
describe('stored entries from version 1', () => {
  beforeEach(() => fakeBrowser.reset());

  it('moves an edit log entry’s dataset from `schema` to `dataset`, keeping every other field', async () => {
    const legacy = { id: 'e1', at: 5, profileId: 'p', profileName: 'Prod', schema: 'next buy reco', recordId: 'MCMID|1', kind: 'update', changes: [{ field: 'tier', before: 'a', after: 'b' }], result: 'saved' };
    await fakeBrowser.storage.local.set({ editLog: [legacy], editLog$: { v: 1 } });
    await editLogItem.migrate();
    const [entry] = await editLogItem.getValue();
    expect(entry).toEqual({ ...Object.fromEntries(Object.entries(legacy).filter(([key]) => key !== 'schema')), dataset: 'next buy reco' });
  });

  it('moves every profile’s history entries', async () => {
    await fakeBrowser.storage.local.set({
      lookupHistory: { a: [{ schema: 'customer_attributes', id: 'C-1', at: 1, outcome: 'found' }], b: [{ schema: 'orders', id: 'O|2', at: 2, outcome: 'not_found' }] },
      lookupHistory$: { v: 1 },
    });
    await lookupHistoryItem.migrate();
    expect(await lookupHistoryItem.getValue()).toEqual({
      a: [{ dataset: 'customer_attributes', id: 'C-1', at: 1, outcome: 'found' }],
      b: [{ dataset: 'orders', id: 'O|2', at: 2, outcome: 'not_found' }],
    });
  });
});
