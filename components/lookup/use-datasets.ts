import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { sendRequest } from '@/utils/messages/send';
import { createDatasetListStore } from '@/utils/stores/schema-store';

/**
 * The active profile's datasets (`GET …/schema/`) as a truthful state (loading, failed, loaded),
 * reloaded when the profile or lock state changes; `retry` reads the list again past the cache.
 */
export function useDatasets(enabled: boolean, profileKey: string) {
  const [store] = useState(() => createDatasetListStore({ send: sendRequest }));
  const datasets = useStore(store, (state) => state.datasets);
  useEffect(() => {
    if (enabled) void store.getState().load();
    else store.getState().clear();
  }, [enabled, profileKey, store]);
  return { datasets, retry: () => void store.getState().load({ refresh: true }) };
}
