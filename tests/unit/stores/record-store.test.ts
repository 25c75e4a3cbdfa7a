import { describe, expect, it, vi } from 'vitest';
import { AppError } from '@/utils/errors';
import type { LookupView } from '@/utils/messages/protocol';
import type { RecordValues } from '@/utils/schema';
import { createRecordStore, recordKey, sameRecord, type RecordContext, type Send } from '@/utils/stores/record-store';
import { record, schema } from '@/tests/component/record/fixtures';

const view = (values: RecordValues, fetchedAt = 1, id = 'C-1'): LookupView => ({
  profileId: 'p',
  dataset: schema.name,
  id,
  idTrimmed: false,
  rows: [values],
  fromCache: false,
  fetchedAt,
});

const KEY = recordKey('p', 'customers', 'C-1');

function setUp(send: ReturnType<typeof vi.fn>, lookUp: RecordContext['lookUp'] = vi.fn(async () => undefined)) {
  const onWrite = vi.fn();
  const store = createRecordStore({ send: send as unknown as Send, onWrite });
  store.getState().show(KEY);
  const context: RecordContext = { key: KEY, schema, view: view(record), lookUp };
  return { store, context, onWrite };
}

describe('record store', () => {
  it('saves only the changes against the read the form was opened on, then confirms with one look-up', async () => {
    const send = vi.fn(async () => ({ savedRow: { ...record, age: 37 }, recordId: 'C-1', kind: 'update' }));
    const lookUp = vi.fn(async () => view({ ...record, age: 37 }, 2));
    const { store, context, onWrite } = setUp(send, lookUp);
    store.getState().startEditing(context, 0);
    expect(store.getState().session.mode).toMatchObject({ kind: 'edit', id: 'C-1', readAt: 1, row: 0 });

    const saving = store.getState().submit(context, { age: 37 });
    expect(store.getState().session.save).toEqual({ status: 'saving' });
    await saving;
    expect(send).toHaveBeenCalledWith('record.save', { dataset: 'customers', mode: 'edit', base: { id: 'C-1', readAt: 1, row: 0 }, changes: { age: 37 } });
    expect(lookUp).toHaveBeenCalledWith('customers', 'C-1', { refresh: true });
    expect(onWrite).toHaveBeenCalledTimes(1);
    expect(store.getState().session.mode).toEqual({ kind: 'view' });
    expect(store.getState().session.save).toEqual({ status: 'saved', recordId: 'C-1', confirmation: 'matches' });
  });

  it('after no answer keeps the form open, sends nothing more, and a check that finds the values closes it', async () => {
    const send = vi.fn(async () => {
      throw new AppError('outcome_unknown', 'Failed to fetch');
    });
    const lookUp = vi.fn(async () => view({ ...record, age: 37 }, 2));
    const { store, context } = setUp(send, lookUp);
    store.getState().startEditing(context, 0);
    await store.getState().submit(context, { age: 37 });
    expect(store.getState().session.save).toMatchObject({ status: 'unknown', recordId: 'C-1', why: 'no_answer', expected: { customer_id: 'C-1', record_key: 'K-1', age: 37 } });
    expect(store.getState().session.mode.kind).toBe('edit');
    expect(lookUp).not.toHaveBeenCalled();

    await store.getState().check(context);
    expect(send).toHaveBeenCalledTimes(1);
    expect(store.getState().session.save).toEqual({ status: 'saved', recordId: 'C-1', confirmation: 'matches', byCheck: true });
    expect(store.getState().session.mode).toEqual({ kind: 'view' });
  });

  it('maps a refusal onto its fields and keeps the form', async () => {
    const send = vi.fn(async () => {
      throw new AppError('validation', 'age: too old', { fields: [{ field: 'age', row: 0, message: 'Field "age" is too old.' }], status: 400 });
    });
    const { store, context } = setUp(send);
    store.getState().startEditing(context, 0);
    await store.getState().submit(context, { age: 370 });
    expect(store.getState().session.save).toMatchObject({ status: 'failed', error: { code: 'validation' } });
    expect(store.getState().session.serverErrors?.byField.age).toEqual(['Field "age" is too old.']);
    expect(store.getState().session.mode.kind).toBe('edit');
  });

  it('starts over when another record is shown, but continues when its own look-up answers', async () => {
    const send = vi.fn(async () => ({ savedRow: { customer_id: 'C-9' }, recordId: 'C-9', kind: 'create' }));
    let answer!: (value: LookupView) => void;
    const lookUp = vi.fn(() => new Promise<LookupView | undefined>((resolve) => (answer = resolve)));
    const { store, context } = setUp(send, lookUp);
    await store.getState().startCreate(context);
    const saving = store.getState().submit(context, { customer_id: 'C-9' });
    await vi.waitFor(() => expect(lookUp).toHaveBeenCalledWith('customers', 'C-9', { refresh: true }));
    // The confirmation's answer shows C-9: the session follows it.
    store.getState().show(recordKey('p', 'customers', 'C-9'));
    answer(view({ customer_id: 'C-9' }, 3, 'C-9'));
    await saving;
    expect(store.getState().session).toMatchObject({ key: recordKey('p', 'customers', 'C-9'), save: { status: 'saved', recordId: 'C-9', confirmation: 'matches' } });

    store.getState().show(recordKey('p', 'customers', 'C-2'));
    expect(store.getState().session.save).toEqual({ status: 'idle' });
  });

  it('drops the answer of a save whose session the person left, and looks nothing up', async () => {
    let finish!: (value: unknown) => void;
    const send = vi.fn(() => new Promise((resolve) => (finish = resolve)));
    const lookUp = vi.fn(async () => undefined);
    const { store, context } = setUp(send, lookUp);
    store.getState().startEditing(context, 0);
    const saving = store.getState().submit(context, { age: 37 });
    await vi.waitFor(() => expect(send).toHaveBeenCalled());
    store.getState().show(recordKey('p', 'customers', 'C-2'));
    finish({ savedRow: { ...record, age: 37 }, recordId: 'C-1', kind: 'update' });
    await saving;
    expect(store.getState().session).toMatchObject({ key: recordKey('p', 'customers', 'C-2'), save: { status: 'idle' }, mode: { kind: 'view' } });
    expect(lookUp).not.toHaveBeenCalled();
  });

  it('restores a kept draft once per session, on the row it was typed on, and writes typing a moment later', async () => {
    vi.useFakeTimers();
    try {
      const kept = { dataset: 'customers', id: 'C-1', mode: 'edit', row: 0, rowKey: 'K-1', readAt: 1, fields: { age: '40' }, replaced: [], savedAt: 9 };
      const send = vi.fn(async (type: string, _payload?: unknown) => (type === 'draft.get' ? kept : null));
      const store = createRecordStore({ send: send as unknown as Send, drafts: true, draftDelayMs: 500 });
      store.getState().show(KEY);
      const context: RecordContext = { key: KEY, schema, view: view(record, 7), lookUp: vi.fn() };
      await store.getState().loadDraft(context);
      expect(store.getState().session).toMatchObject({ mode: { kind: 'edit', readAt: 7, row: 0 }, draft: kept, dirty: true });

      store.getState().cancel();
      await store.getState().loadDraft(context);
      expect(store.getState().session.mode.kind).toBe('view');

      // Edit opens the row with its kept draft.
      await store.getState().startEditing(context, 0);
      expect(store.getState().session.draft).toEqual(kept);
      store.getState().inputChanged(context, { fields: { age: '4' }, replaced: [] });
      store.getState().inputChanged(context, { fields: { age: '41' }, replaced: [] });
      expect(send.mock.calls.filter(([type]) => type === 'draft.save')).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(500);
      const saves = send.mock.calls.filter(([type]) => type === 'draft.save');
      expect(saves).toHaveLength(1);
      expect(saves[0]![1]).toMatchObject({ dataset: 'customers', id: 'C-1', draft: { fields: { age: '41' }, readAt: 7 } });
      expect(send.mock.calls.filter(([type]) => type === 'activity')).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('discards the draft once a save is accepted, and closes a form a revert takes over without writing', async () => {
    const send = vi.fn(async (type: string) => (type === 'record.save' ? { savedRow: { ...record, age: 37 }, recordId: 'C-1', kind: 'update' } : null));
    const store = createRecordStore({ send: send as unknown as Send, drafts: true });
    store.getState().show(KEY);
    const context: RecordContext = { key: KEY, schema, view: view(record), lookUp: vi.fn(async () => view({ ...record, age: 37 }, 2)) };
    await store.getState().startEditing(context, 0);
    store.getState().inputChanged(context, { fields: { age: '37' }, replaced: [] });
    await store.getState().submit(context, { age: 37 });
    const types = send.mock.calls.map(([type]) => type);
    // The draft is written before the save (a refusal keeps it), and dropped after.
    expect(types.indexOf('draft.save')).toBeLessThan(types.indexOf('record.save'));
    expect(types.indexOf('draft.discard')).toBeGreaterThan(types.indexOf('record.save'));

    await store.getState().startEditing(context, 0);
    store.getState().inputChanged(context, { fields: { age: '50' }, replaced: [] });
    send.mockClear();
    store.getState().yieldRecord('customers', 'C-1');
    store.getState().flushDraft();
    expect(store.getState().session.mode.kind).toBe('view');
    expect(send).not.toHaveBeenCalled();
  });

  it('after "Look up again" shows the fresh read, and Edit opens the kept draft on it', async () => {
    const kept = { dataset: 'customers', id: 'C-1', mode: 'edit', row: 0, rowKey: 'K-1', readAt: 1, fields: { age: '40' }, replaced: [], savedAt: 9 };
    const send = vi.fn(async (type: string) => {
      if (type === 'record.save') throw new AppError('read_older_than_schema', 'customers');
      return type === 'draft.get' ? kept : null;
    });
    const fresher = view(record, 8);
    const store = createRecordStore({ send: send as unknown as Send, drafts: true });
    store.getState().show(KEY);
    const context: RecordContext = { key: KEY, schema, view: view(record), lookUp: vi.fn(async () => fresher) };
    await store.getState().startEditing(context, 0);
    await store.getState().submit(context, { age: 40 });
    await store.getState().lookUpAgain(context);
    const later = { ...context, view: fresher };
    await store.getState().loadDraft(later);
    expect(store.getState().session.mode.kind).toBe('view');
    await store.getState().startEditing(later, 0);
    expect(store.getState().session).toMatchObject({ mode: { kind: 'edit', readAt: 8 }, draft: kept });
  });

  it('matches a record key without a profile to the same dataset and ID of any profile', () => {
    expect(sameRecord(recordKey('', 'customers', 'C-9'), recordKey('p', 'customers', 'C-9'))).toBe(true);
    expect(sameRecord(recordKey('q', 'customers', 'C-9'), recordKey('p', 'customers', 'C-9'))).toBe(false);
    expect(sameRecord(recordKey('p', 'customers', 'C-9'), recordKey('p', 'orders', 'C-9'))).toBe(false);
  });
});
