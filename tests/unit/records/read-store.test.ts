import { describe, expect, it } from 'vitest';
import type { RecordRead } from '@/utils/records/compose';
import { createReadStore } from '@/utils/records/read-store';

const read = (id: string, readAt: number, profileId = 'p'): RecordRead => ({
  profileId,
  dataset: 'customers',
  id,
  readAt,
  rows: [{ customer_id: id, score: { $exactNumber: '12345678901234567890' } }],
  schemaFields: ['customer_id', 'score'],
});

/** Session storage as the worker sees it: survives a new store (a restarted worker). */
function session() {
  let saved: RecordRead[] = [];
  return {
    load: async () => structuredClone(saved),
    save: async (list: RecordRead[]) => {
      saved = structuredClone(list);
    },
    saved: () => saved,
  };
}

describe('the store of records read from Monetate', () => {
  it('keeps the newest read of a record, and a restarted worker still finds it', async () => {
    const storage = session();
    const reads = createReadStore(storage);
    await reads.remember(read('C-1', 2));
    await reads.remember(read('C-1', 1));
    expect((await reads.get('p', 'customers', 'C-1'))?.readAt).toBe(2);
    const restarted = createReadStore(storage);
    expect(await restarted.get('p', 'customers', 'C-1')).toEqual(read('C-1', 2));
  });

  it('tells records apart by profile, dataset and exact ID', async () => {
    const reads = createReadStore(session());
    await reads.remember(read('MCMID|abcDEF', 1));
    expect(await reads.get('p', 'customers', 'MCMID|ABCdef')).toBeUndefined();
    expect(await reads.get('q', 'customers', 'MCMID|abcDEF')).toBeUndefined();
    expect(await reads.get('p', 'customers', 'MCMID|abcDEF')).toBeDefined();
  });

  it('keeps a bounded number, newest first, and persists only what fits', async () => {
    const storage = session();
    const reads = createReadStore({ ...storage, maxEntries: 3, maxBytes: 2 * JSON.stringify(read('C-0', 0)).length });
    for (let i = 0; i < 5; i++) await reads.remember(read(`C-${i}`, i));
    expect(await reads.get('p', 'customers', 'C-0')).toBeUndefined();
    expect(await reads.get('p', 'customers', 'C-2')).toBeDefined();
    expect(storage.saved().map((entry) => entry.id)).toEqual(['C-4', 'C-3']);
  });

  it('loses no read when many arrive at once', async () => {
    const reads = createReadStore(session());
    await Promise.all(Array.from({ length: 20 }, (_, i) => reads.remember(read(`C-${i}`, i))));
    for (let i = 0; i < 20; i++) expect(await reads.get('p', 'customers', `C-${i}`), `C-${i}`).toBeDefined();
  });

  it('forgets one record after a save, and a profile’s records (or all) on lock', async () => {
    const storage = session();
    const reads = createReadStore(storage);
    await reads.remember(read('C-1', 1));
    await reads.remember(read('C-2', 1));
    await reads.remember(read('C-3', 1, 'q'));
    await reads.forget('p', 'customers', 'C-1');
    expect(await reads.get('p', 'customers', 'C-1')).toBeUndefined();
    await reads.clear('p');
    expect(storage.saved().map((entry) => entry.id)).toEqual(['C-3']);
    await reads.clear();
    expect(storage.saved()).toEqual([]);
  });
});
