import { createStore, type StoreApi } from 'zustand/vanilla';
import { toErrorInfo, type ErrorInfo } from '@/utils/errors';
import type { EditLogEntry, LookupHistoryEntry } from '@/utils/storage/items';
import { sendRequest } from '@/utils/messages/send';
import type { Send } from '@/utils/stores/record-store';
import type { RecordValue, RecordValues } from '@/utils/schema';

/** One list the background keeps (history, edit log) as a surface last read it. */
export interface ListState<E> {
  entries: E[];
  error: ErrorInfo | null;
  load(): Promise<void>;
  clear(): Promise<void>;
}

function createListStore<E>(list: () => Promise<E[]>, clear: () => Promise<unknown>): StoreApi<ListState<E>> {
  return createStore<ListState<E>>()((set, get) => ({
    entries: [],
    error: null,
    async load() {
      try {
        set({ entries: await list(), error: null });
      } catch (caught) {
        set({ error: toErrorInfo(caught) });
      }
    },
    async clear() {
      try {
        await clear();
      } catch (caught) {
        set({ error: toErrorInfo(caught) });
        return;
      }
      await get().load();
    },
  }));
}

/**
 * The active profile's look-up history, with `send` injected so it is tested without a browser.
 * @example const history = createHistoryStore(); await history.getState().load();
 */
export function createHistoryStore(send: Send = sendRequest): StoreApi<ListState<LookupHistoryEntry>> {
  return createListStore(
    () => send('history.list', {}),
    () => send('history.clear', {}),
  );
}

/**
 * Every write this browser made, newest first, with `send` injected.
 * @example const log = createEditLogStore(); await log.getState().load();
 */
export function createEditLogStore(send: Send = sendRequest): StoreApi<ListState<EditLogEntry>> {
  return createListStore(
    () => send('editlog.list', {}),
    () => send('editlog.clear', {}),
  );
}

/** Only a replaced row can be put back by a write: an added row or a new record stays whatever is sent. */
export function canRevert(entry: EditLogEntry): boolean {
  return entry.kind === 'update' && entry.recordId !== '' && entry.changes.length > 0 && entry.result !== 'refused' && entry.result !== 'failed';
}

/** The values an edit-log entry replaced: what a revert prefills (an absent value becomes empty). */
export function revertValues(entry: EditLogEntry): RecordValues {
  return Object.fromEntries(entry.changes.map((change) => [change.field, (change.before ?? null) as RecordValue]));
}

/**
 * A revert from the edit log, never a blind write: the before-values are kept as the record's
 * draft, which the workspace opens on a fresh read with its review; the person saves it.
 * @example if (await hasDraft(send, entry)) askFirst(); await keepRevertDraft(send, entry);
 */
export async function hasDraft(send: Send, entry: EditLogEntry): Promise<boolean> {
  return (await send('draft.get', { dataset: entry.dataset, id: entry.recordId })) !== null;
}

export async function keepRevertDraft(send: Send, entry: EditLogEntry): Promise<void> {
  await send('draft.save', {
    dataset: entry.dataset,
    id: entry.recordId,
    draft: { mode: 'edit', row: 0, readAt: 0, fields: {}, replaced: [], values: revertValues(entry), revertOf: entry.at },
  });
}
