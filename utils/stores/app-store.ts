import { createStore, type StoreApi } from 'zustand/vanilla';
import { AppError, toErrorInfo, type ErrorInfo } from '@/utils/errors';
import type { AppState, BackgroundEvent, LookupView, OverlayStatus, QueueEntryView } from '@/utils/messages/protocol';
import { sendRequest } from '@/utils/messages/send';
import { connectToBackground, type BackgroundConnection } from '@/utils/stores/background-connection';

export interface LookupState {
  status: 'idle' | 'waiting' | 'done' | 'error';
  dataset?: string;
  id?: string;
  result?: LookupView;
  error?: ErrorInfo;
}

export interface AppStore {
  /** Null until the background first answers. */
  app: AppState | null;
  overlayStatus: OverlayStatus | null;
  /** This surface's waiting look-ups. */
  queue: QueueEntryView[];
  /** How many other look-ups (other surfaces') wait in the shared queue. */
  queueOthers: number;
  loadError: ErrorInfo | null;
  lookup: LookupState;
  callerId: string;
  /** Pending "show this record" request from a right-click or another surface. */
  showRequest: { dataset: string; id: string; at: number } | null;
  refresh(): Promise<void>;
  lookUp(dataset: string, id: string, options?: { refresh?: boolean }): Promise<LookupView | undefined>;
  /** Stops waiting for one of this surface's queued look-ups (its look-up then ends as `cancelled`). */
  cancelLookup(dataset: string, id: string): Promise<void>;
  clearShowRequest(): void;
  dispose(): void;
}

/** How often a look-up is re-sent when the service worker restarted under it. */
const RESTART_RETRIES = 3;

/**
 * One store per surface: background state pushed over the events port, plus the surface's
 * look-up. Storage in the background stays the source of truth; this mirrors it.
 * @example const store = createAppStore({ surface: 'page' }); await store.getState().refresh();
 */
export function createAppStore(options: { surface: 'page' | 'content' }): StoreApi<AppStore> {
  let lookupSerial = 0;

  const store = createStore<AppStore>()((set, get) => ({
    app: null,
    overlayStatus: null,
    queue: [],
    queueOthers: 0,
    loadError: null,
    lookup: { status: 'idle' },
    callerId: '',
    showRequest: null,

    async refresh() {
      try {
        if (options.surface === 'page') set({ app: await sendRequest('state.get', {}), loadError: null });
        else set({ overlayStatus: await sendRequest('overlay.status', {}), loadError: null });
      } catch (error) {
        set({ loadError: toErrorInfo(error) });
      }
    },

    async lookUp(dataset, id, lookupOptions = {}) {
      const serial = ++lookupSerial;
      set({ lookup: { status: 'waiting', dataset, id } });
      for (let attempt = 0; ; attempt++) {
        try {
          const result = await sendRequest('lookup.record', {
            dataset,
            id,
            refresh: lookupOptions.refresh,
            callerId: get().callerId,
          });
          if (serial === lookupSerial) set({ lookup: { status: 'done', dataset, id, result } });
          return result;
        } catch (error) {
          // A restarted service worker drops in-flight messages; the look-up is safe to re-send.
          const restarted = error instanceof AppError && error.code === 'background_unavailable';
          if (restarted && attempt < RESTART_RETRIES) {
            await new Promise((resolve) => setTimeout(resolve, 300));
            continue;
          }
          if (serial === lookupSerial) set({ lookup: { status: 'error', dataset, id, error: toErrorInfo(error) } });
          return undefined;
        }
      }
    },

    async cancelLookup(dataset, id) {
      try {
        await sendRequest('lookup.cancel', { callerId: get().callerId, dataset, id });
      } catch {
        // The background restarted meanwhile: the look-up it was waiting for is gone with it.
      }
    },

    clearShowRequest() {
      set({ showRequest: null });
    },

    dispose() {
      connection.close();
    },
  }));

  const apply = (event: BackgroundEvent) => {
    switch (event.type) {
      case 'state':
        store.setState({ app: event.state });
        break;
      case 'overlay-status':
        store.setState({ overlayStatus: event.status });
        break;
      case 'queue':
        store.setState({ queue: event.waiting, queueOthers: event.others });
        break;
      case 'show-record':
        store.setState({ showRequest: { dataset: event.dataset, id: event.id, at: Date.now() } });
        break;
    }
  };
  const connection: BackgroundConnection = connectToBackground(apply, () => void store.getState().refresh());
  store.setState({ callerId: connection.callerId });
  return store;
}
