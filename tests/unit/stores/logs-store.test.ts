import { describe, expect, it, vi } from 'vitest';
import { AppError } from '@/utils/errors';
import type { EditLogEntry } from '@/utils/storage/items';
import { canRevert, createEditLogStore, createHistoryStore, hasDraft, keepRevertDraft, revertValues } from '@/utils/stores/logs-store';
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

describe('revert from the edit log', () => {
  const entry: EditLogEntry = {
    at: 42,
    profileId: 'p',
    profileName: 'P',
    dataset: 'customers',
    recordId: 'C-1',
    kind: 'update',
    changes: [
      { field: 'first_name', before: 'Ava', after: 'Ada' },
      { field: 'notes', before: undefined, after: 'x' },
    ],
    result: 'saved',
  };

  it('is offered for a replaced row whose write may have landed, never for a refused one, an added row or a new record', () => {
    expect(canRevert(entry)).toBe(true);
    expect(canRevert({ ...entry, result: 'outcome_unknown' })).toBe(true);
    expect(canRevert({ ...entry, result: 'refused' })).toBe(false);
    expect(canRevert({ ...entry, kind: 'add_row' })).toBe(false);
    expect(canRevert({ ...entry, kind: 'create' })).toBe(false);
  });

  it('keeps the before-values as the record\'s draft, and writes nothing to Monetate', async () => {
    expect(revertValues(entry)).toEqual({ first_name: 'Ava', notes: null });
    const send = vi.fn(async (type: string) => (type === 'draft.get' ? { fields: {} } : null));
    expect(await hasDraft(send as unknown as Send, entry)).toBe(true);
    await keepRevertDraft(send as unknown as Send, entry);
    expect(send).toHaveBeenLastCalledWith('draft.save', {
      dataset: 'customers',
      id: 'C-1',
      draft: { mode: 'edit', row: 0, readAt: 0, fields: {}, replaced: [], values: { first_name: 'Ava', notes: null }, revertOf: 42 },
    });
    expect(send.mock.calls.map(([type]) => type)).not.toContain('record.save');
  });
});
