import { useEffect, useId, useState } from 'react';
import type { StoreApi } from 'zustand';
import { describeSchema, type DatasetSchema } from '@/utils/schema';
import type { Mode } from '@/utils/records/editing';
import { IDLE_SAVE, saveBusy } from '@/utils/records/save-state';
import { draftInputs } from '@/utils/records/draft';
import type { RecordContext, RecordSession, RecordStore } from '@/utils/stores/record-store';
import { RecordForm } from '@/components/record';
import { ConfirmBox } from '@/components/workspace/confirm-box';
import { DraftNote } from '@/components/workspace/draft-note';
import { MissingIdentifierName } from '@/components/workspace/missing-identifier-name';
import { RefreshSchemaButton } from '@/components/workspace/refresh-schema-button';
import { RowsSection } from '@/components/workspace/rows-section';
import { SaveStatus } from '@/components/workspace/save-status';

/** One session of the workspace: the record's rows with their actions, or the form, and the save status. */
export function WorkspaceBody({
  store,
  session,
  context,
  schema,
  readOnly,
  confirmWrites,
  onSchemaChanged,
}: {
  store: StoreApi<RecordStore>;
  /** Null until the store has started the session of the record shown. */
  session: RecordSession | null;
  context: RecordContext;
  schema: DatasetSchema;
  readOnly: boolean;
  confirmWrites: boolean;
  onSchemaChanged?(next: DatasetSchema): void;
}) {
  const readOnlyId = `mdi-${useId().replace(/[^A-Za-z0-9_-]/g, '')}-read-only`;
  const actions = store.getState();
  const mode: Mode = session?.mode ?? { kind: 'view' };
  const save = session?.save ?? IDLE_SAVE;
  const datasetSchema = schema as DatasetSchema;
  const described = describeSchema(datasetSchema);
  const { view } = context;
  const rows = view?.rows ?? [];

  const cannotUse = !described.hasNamedIdentifier;
  const single = rows.length === 1;
  const startEditing = (index: number) => void actions.startEditing(context, index);
  const [asking, setAsking] = useState(false);

  // A record shown that has a kept draft opens the form on it (once per session).
  const serial = session?.serial;
  const canRestore = session !== null && mode.kind === 'view' && view !== null && !readOnly;
  useEffect(() => {
    if (canRestore) void actions.loadDraft(context);
    // Only a new session (or a first read in it) restores: later renders must not reopen a closed form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [serial, canRestore && view?.fetchedAt]);

  const draft = session?.draft;
  const editedRecord = mode.kind === 'edit' || mode.kind === 'add_row' ? mode.values : null;
  const notPrefilled = draft ? draftInputs(datasetSchema, editedRecord, draft).notPrefilled : [];
  const closeOrAsk = () => (session?.dirty ? setAsking(true) : actions.cancel());
  const rowAction = readOnly ? undefined : { verb: described.uniqueKeyField ? ('Edit' as const) : ('Add a row from' as const), onChoose: startEditing };

  return (
    <section className="mdi-stack" aria-label="Record">
      {cannotUse && <MissingIdentifierName schema={schema} readOnly={readOnly} needsReview={confirmWrites} onSchemaChanged={onSchemaChanged} />}
      <div className="mdi-row">
        {!readOnly && single && mode.kind === 'view' && (
          <button type="button" onClick={() => startEditing(0)}>
            {described.uniqueKeyField ? 'Edit' : 'Add a row'}
          </button>
        )}
        {!readOnly && mode.kind === 'view' && (
          <button type="button" onClick={() => actions.startCreate(context)}>
            New record
          </button>
        )}
        {onSchemaChanged && <RefreshSchemaButton schema={schema} onSchemaChanged={onSchemaChanged} />}
      </div>
      {readOnly && (
        <p className="mdi-hint" id={readOnlyId}>
          This profile is read-only: records cannot be edited or created with it. Change it in the options page.
        </p>
      )}
      <SaveStatus save={save} onCheck={() => void actions.check(context)} onLookUpAgain={view ? () => void actions.lookUpAgain(context) : undefined} />
      {mode.kind === 'view' && view && rows.length > 0 && <RowsSection schema={datasetSchema} view={view} rowAction={rowAction} />}
      {mode.kind !== 'view' && (
        <>
          <h2>{formTitle(mode, schema.name)}</h2>
          {asking && (
            <ConfirmBox
              question={mode.kind === 'create' ? 'Discard changes to the new record?' : `Discard changes to ${mode.id}?`}
              detail="What you typed is not saved anywhere else."
              confirmLabel="Discard changes"
              cancelLabel="Keep editing"
              onConfirm={() => {
                setAsking(false);
                void actions.discard(context);
              }}
              onCancel={() => setAsking(false)}
            />
          )}
          {draft && !asking && <DraftNote draft={draft} readAt={view?.fetchedAt ?? null} notPrefilled={notPrefilled} onDiscard={() => setAsking(true)} />}
          {confirmWrites && <p className="mdi-hint">This profile confirms every write: review the changes, then save.</p>}
          {mode.kind === 'add_row' && (
            <p className="mdi-warn" role="note">
              {schema.name} has no unique key, so Monetate keeps every row it receives. Saving adds a new row for “{mode.id}”, prefilled
              from row {mode.position}; that row stays as it is.
            </p>
          )}
          <RecordForm
            key={mode.kind}
            schema={datasetSchema}
            initialRecord={mode.kind === 'create' ? null : mode.values}
            mode={mode.kind}
            busy={saveBusy(save)}
            serverErrors={session?.serverErrors}
            confirmRequired={confirmWrites || draft !== undefined}
            draft={draft}
            reviewFirst={draft !== undefined}
            onInputChange={(input) => actions.inputChanged(context, input)}
            onReview={() => undefined}
            onSave={(changes) => void actions.submit(context, changes)}
            onCancel={closeOrAsk}
          />
        </>
      )}
    </section>
  );
}

function formTitle(mode: Exclude<Mode, { kind: 'view' }>, schemaName: string): string {
  if (mode.kind === 'create') return `New record in ${schemaName}`;
  if (mode.kind === 'add_row') return `Add a row for “${mode.id}”`;
  return mode.of > 1 ? `Edit “${mode.id}”, row ${mode.position} of ${mode.of}` : `Edit “${mode.id}”`;
}
