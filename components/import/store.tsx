import { createContext, useContext, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { ImportPageState } from '@/utils/import/page-store';

const Context = createContext<StoreApi<ImportPageState> | null>(null);

/** Gives the import page's components its one store. */
export function ImportStoreProvider({ store, children }: { store: StoreApi<ImportPageState>; children: ReactNode }) {
  return <Context.Provider value={store}>{children}</Context.Provider>;
}

/** Reads a slice of the import page's store. */
export function useImport<T>(selector: (state: ImportPageState) => T): T {
  const store = useContext(Context);
  if (!store) throw new Error('useImport needs an ImportStoreProvider above it.');
  return useStore(store, selector);
}
