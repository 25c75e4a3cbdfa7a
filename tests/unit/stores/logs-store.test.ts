import { describe, expect, it, vi } from 'vitest';
import { AppError } from '@/utils/errors';
import { createEditLogStore, createHistoryStore } from '@/utils/stores/logs-store';
import type { Send } from '@/utils/stores/record-store';

describe('history and edit log stores', () => {
  it('load the list, and clearing reads it again', async () => {
    const entries = [{ dataset: 'customers', id: 'C-1', at: 1, outcome: 'found' }];
    const send = vi.fn(async (type: string) => (type === 'history.list' ? entries.splice(0) : null));
    const store = createHistoryStore(send as unknown as Send);
    await store.getState().load();
    expect(store.getState().entries).toHaveLength(1);
    await store.getState().clear();
    expect(send.mock.calls.map(([type]) => type)).toEqual(['history.list', 'history.clear', 'history.list']);
    expect(store.getState().entries).toEqual([]);
  });

  it('keep the entries shown and say why when clearing fails', async () => {
    const send = vi.fn(async (type: string) => {
      if (type === 'editlog.clear') throw new AppError('background_unavailable', 'gone');
      return [{ at: 1 }];
    });
    const store = createEditLogStore(send as unknown as Send);
    await store.getState().load();
    await store.getState().clear();
    expect(store.getState().entries).toHaveLength(1);
    expect(store.getState().error?.code).toBe('background_unavailable');
  });
});
