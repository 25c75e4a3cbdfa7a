import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { sendRequest } from '@/utils/messages/send';
import { createSchemaStore } from '@/utils/stores/schema-store';

/**
 * The schema of the dataset a surface is working in, loaded when the name changes. `store` is
 * handed to the schema tools (`SchemaStoreProvider`), whose writes update it; `setSchema` takes a
 * newer schema a re-read or a look-up brought.
 */
export function useDatasetSchema(ready: boolean, datasetName: string | undefined) {
  const [store] = useState(() => createSchemaStore({ send: sendRequest }));
  const state = useStore(store, (s) => s.schema);
  useEffect(() => {
    void store.getState().load(ready && datasetName ? datasetName : null);
  }, [ready, datasetName, store]);
  return {
    store,
    /** The loaded schema, or null while loading, failed or none chosen. */
    schema: state.status === 'loaded' ? state.value : null,
    state,
    setSchema: store.getState().changed,
    retry: () => void store.getState().retry(),
  };
}
