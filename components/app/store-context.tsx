import { createContext, useContext, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { AppStore } from '@/utils/stores/app-store';

const StoreContext = createContext<StoreApi<AppStore> | null>(null);

/** Gives a surface's components its one store. */
export function AppStoreProvider({ store, children }: { store: StoreApi<AppStore>; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** Reads a slice of the surface's store. */
export function useAppStore<T>(selector: (state: AppStore) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore needs an AppStoreProvider above it.');
  return useStore(store, selector);
}

export function useAppStoreApi(): StoreApi<AppStore> {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStoreApi needs an AppStoreProvider above it.');
  return store;
}
