import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { DatasetSchema } from '@/utils/schema';
import type { LookupView } from '@/utils/messages/protocol';
import { createRecordStore, recordKey, sameRecord, type RecordContext } from '@/utils/stores/record-store';
import { notifyEditLogChanged, onRevert } from '@/components/workspace/edit-log-events';
import { WorkspaceBody } from '@/components/workspace/workspace-body';

export interface RecordWorkspaceProps {
  schema: DatasetSchema;
  lookup: LookupView | null;
  readOnly: boolean;
  confirmWrites: boolean;
  /** Runs a look-up through the shared queue (used for the confirmation and "Check by look-up"). */
  onLookUp(dataset: string, id: string, options: { refresh: boolean }): Promise<LookupView | undefined>;
  /** Takes a re-read or changed schema; without it the schema actions are not offered here. */
  onSchemaChanged?(next: DatasetSchema): void;
  /**
   * Keep unsaved edits as drafts (per profile, dataset and ID) and count typing as activity for
   * auto-lock. Extension pages only (the side panel): the background refuses both to the overlay.
   */
  keepDrafts?: boolean;
}

/**
 * A record and what can be done with it: read every row Monetate returned, edit one (or add a
 * row built from one, in a dataset without a unique key), or create a new record in the same
 * dataset, then save and see whether Monetate returns the new values. Shared by the side
 * panel and the overlay. Its state lives in a record store (`utils/stores/record-store`); the
 * body starts over, by `key`, whenever another profile, dataset or ID is shown.
 */
export function RecordWorkspace({ schema: givenSchema, lookup, readOnly, confirmWrites, onLookUp, onSchemaChanged, keepDrafts = false }: RecordWorkspaceProps) {
  const [store] = useState(() => createRecordStore({ onWrite: notifyEditLogChanged, drafts: keepDrafts }));
  useEffect(() => {
    // Closing or reloading the panel: the last keystrokes are kept too.
    const flush = () => store.getState().flushDraft();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', flush);
      flush();
    };
  }, [store]);
  useEffect(
    () =>
      onRevert(({ stage, dataset, id }) => {
        if (stage === 'asking') store.getState().flushDraft();
        else store.getState().yieldRecord(dataset, id);
      }),
    [store],
  );
  const schema = useFreshSchema(givenSchema, lookup, onSchemaChanged);
  // While a look-up is under way `lookup` is null; an open form keeps the record it started from.
  const shown = useLastPresent(lookup);
  const shownHere = shown?.dataset === schema.name ? shown : null;
  const key = recordKey(shownHere?.profileId ?? '', schema.name, shownHere?.id ?? '');
  useLayoutEffect(() => store.getState().show(key), [store, key]);

  const session = useStore(store, (state) => state.session);
  const follow = useStore(store, (state) => state.follow);
  // Until the store has taken the new key (the effect above), a session of another record is not shown.
  const current = sameRecord(session.key, key) || (follow !== null && sameRecord(follow, key)) ? session : null;
  const reading = !current || current.mode.kind === 'view';
  const candidate = lookup ?? (reading ? null : shown);
  const view = candidate?.dataset === schema.name ? candidate : null;
  const context: RecordContext = { key: current?.key ?? key, schema: schema as DatasetSchema, view, lookUp: onLookUp };

  return (
    <WorkspaceBody
      key={current ? `s${current.serial}` : 'pending'}
      store={store}
      session={current}
      context={context}
      schema={schema}
      readOnly={readOnly}
      confirmWrites={confirmWrites}
      onSchemaChanged={onSchemaChanged}
    />
  );
}

/** The last non-null value given: what was shown before a look-up got under way. */
function useLastPresent<T>(value: T | null): T | null {
  const [last, setLast] = useState(value);
  if (value !== null && value !== last) setLast(value);
  return value ?? last;
}

/**
 * The schema to use: the given one, unless a look-up found fields it lacked and brought the
 * schema it re-read; that one is reported, so the side panel's schema tools show it too.
 */
function useFreshSchema(given: DatasetSchema, lookup: LookupView | null, onSchemaChanged?: (next: DatasetSchema) => void): DatasetSchema {
  const [fresh, setFresh] = useState<{ given: DatasetSchema; schema: DatasetSchema } | null>(null);
  const [seen, setSeen] = useState(lookup);
  if (lookup && lookup !== seen) {
    setSeen(lookup);
    if (lookup.freshSchema?.name === given.name) setFresh({ given, schema: lookup.freshSchema });
  }
  const reported = useRef<DatasetSchema | null>(null);
  useEffect(() => {
    if (fresh && reported.current !== fresh.schema) {
      reported.current = fresh.schema;
      onSchemaChanged?.(fresh.schema);
    }
  }, [fresh, onSchemaChanged]);
  return fresh && fresh.given === given ? fresh.schema : given;
}
