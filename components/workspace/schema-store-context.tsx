import { createContext, useContext, useState, type ReactNode } from 'react';
import type { StoreApi } from 'zustand';
import { sendRequest } from '@/utils/messages/send';
import { createSchemaStore, type SchemaStore } from '@/utils/stores/schema-store';

const SchemaStoreContext = createContext<StoreApi<SchemaStore> | null>(null);

/** Gives the schema tools the surface's schema store, so their writes update what it shows. */
export function SchemaStoreProvider({ store, children }: { store: StoreApi<SchemaStore>; children: ReactNode }) {
  return <SchemaStoreContext.Provider value={store}>{children}</SchemaStoreContext.Provider>;
}

/** The surface's schema store; without a provider (a form used on its own) a store of the component's own. */
export function useSchemaStoreApi(): StoreApi<SchemaStore> {
  const provided = useContext(SchemaStoreContext);
  const [own] = useState(() => provided ?? createSchemaStore({ send: sendRequest }));
  return provided ?? own;
}
