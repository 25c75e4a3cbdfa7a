import { createStore, type StoreApi } from 'zustand/vanilla';
import { toErrorInfo, type ErrorInfo } from '@/utils/errors';
import type { EditLogEntry, LookupHistoryEntry } from '@/utils/storage/items';
import { sendRequest } from '@/utils/messages/send';
import type { Send } from '@/utils/stores/record-store';

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
