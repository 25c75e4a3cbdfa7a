import { createStore, type StoreApi } from 'zustand/vanilla';
import { AppError, toErrorInfo, type ErrorInfo } from '@/utils/errors';
import type { Send } from '@/utils/messages/protocol';
import { validateNamedIdentifier, validateNewAttribute, type NewAttributeErrors } from '@/utils/schema/attributes';
import type { DataType, DatasetSchema } from '@/utils/schema/types';

/**
 * The dataset list and one dataset's schema as a surface sees them, with the schema writes
 * (Add attribute, Identifier Name). `send` (the typed protocol) is injected, so every state and
 * action is tested without a browser.
 */

/** One load's truthful state: what a surface shows (a spinner, the error with Retry, the data, or "none"). */
export type Loadable<T> = { status: 'idle' } | { status: 'loading' } | { status: 'failed'; error: ErrorInfo } | { status: 'loaded'; value: T };

export interface DatasetListStore {
  datasets: Loadable<DatasetSchema[]>;
  /** Loads the active profile's datasets; `refresh` skips the background's five-minute cache. */
  load(options?: { refresh?: boolean }): Promise<void>;
  /** Forgets the list (locked, no profile): nothing stale is shown for another profile. */
  clear(): void;
}

/** The profile's datasets (`GET …/schema/`). @example const store = createDatasetListStore({ send: sendRequest }); await store.getState().load(); */
export function createDatasetListStore(deps: { send: Send }): StoreApi<DatasetListStore> {
  let serial = 0;
  return createStore<DatasetListStore>()((set) => ({
    datasets: { status: 'idle' },
    async load({ refresh = false } = {}) {
      const mine = ++serial;
      set({ datasets: { status: 'loading' } });
      try {
        const value = await deps.send('schema.list', { refresh });
        if (mine === serial) set({ datasets: { status: 'loaded', value } });
      } catch (error) {
        if (mine === serial) set({ datasets: { status: 'failed', error: toErrorInfo(error) } });
      }
    },
    clear() {
      serial++;
      set({ datasets: { status: 'idle' } });
    },
  }));
}

/** What a schema write answers: the schema Monetate has now, or why nothing was written. */
export type SchemaWriteResult =
  | { ok: true; schema: DatasetSchema }
  /** `problems`: refused by our own checks before anything was sent; `error`: the background's or Monetate's answer. */
  | { ok: false; problems?: NewAttributeErrors; error?: ErrorInfo };

export interface SchemaStore {
  /** The dataset whose schema this is (null: none chosen). */
  dataset: string | null;
  schema: Loadable<DatasetSchema>;
  /** Loads a dataset's schema; a later choice wins over an earlier answer still on its way. */
  load(dataset: string | null, options?: { refresh?: boolean }): Promise<void>;
  /** Loads the current dataset's schema again, past the background's cache (the "Retry"). */
  retry(): Promise<void>;
  /** Takes a newer schema (a re-read, or a look-up that found new fields). */
  changed(next: DatasetSchema): void;
  /** Adds one attribute, after the same checks the background makes (including the 40-field cap). */
  addAttribute(schema: DatasetSchema, field: string, dataType: DataType): Promise<SchemaWriteResult>;
  /** Sets the dataset's Identifier Name (`named_identifier`). */
  setIdentifier(schema: DatasetSchema, value: string): Promise<SchemaWriteResult>;
}

/**
 * One dataset's schema and its writes.
 * @example const store = createSchemaStore({ send: sendRequest }); await store.getState().load('customers');
 */
export function createSchemaStore(deps: { send: Send }): StoreApi<SchemaStore> {
  let serial = 0;
  return createStore<SchemaStore>()((set, get) => {
    /** A write's answer replaces the schema shown, when it is still that dataset's. */
    const settle = async (run: () => Promise<DatasetSchema>): Promise<SchemaWriteResult> => {
      try {
        const schema = await run();
        get().changed(schema);
        return { ok: true, schema };
      } catch (error) {
        return { ok: false, error: toErrorInfo(error) };
      }
    };

    return {
      dataset: null,
      schema: { status: 'idle' },

      async load(dataset, { refresh = false } = {}) {
        const mine = ++serial;
        if (!dataset) return set({ dataset: null, schema: { status: 'idle' } });
        // The previous dataset's schema is never shown under this one's name.
        set({ dataset, schema: { status: 'loading' } });
        try {
          const value = await deps.send('schema.get', { name: dataset, refresh });
          if (mine === serial) set({ schema: { status: 'loaded', value } });
        } catch (error) {
          if (mine === serial) set({ schema: { status: 'failed', error: toErrorInfo(error) } });
        }
      },

      async retry() {
        await get().load(get().dataset, { refresh: true });
      },

      changed(next) {
        if (next.name === get().dataset) set({ schema: { status: 'loaded', value: next } });
      },

      async addAttribute(schema, field, dataType) {
        const problems = validateNewAttribute({ name: field, dataType }, schema);
        if (problems.form) return { ok: false, error: new AppError('schema_field_limit', schema.name).toInfo() };
        if (Object.values(problems).some(Boolean)) return { ok: false, problems };
        return settle(() => deps.send('schema.addAttributes', { dataset: schema.name, fields: { [field]: { data_type: dataType } } }));
      },

      async setIdentifier(schema, value) {
        const checked = validateNamedIdentifier(value);
        if (!checked.ok) return { ok: false, error: new AppError('identifier_name_invalid', checked.message).toInfo() };
        return settle(() => deps.send('schema.setIdentifier', { dataset: schema.name, value }));
      },
    };
  });
}
