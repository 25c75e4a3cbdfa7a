import { useEffect, useId, useRef, useState } from 'react';
import { AppError, describeError, toErrorInfo, type ErrorCode, type ErrorInfo } from '@/utils/errors';
import { rowHasChanges, rowsForDisplay } from '@/utils/records/rows';
import { describeSchema, mapServerErrorsToFields, recordValueText, type DatasetSchema, type MappedServerErrors, type RecordValues } from '@/utils/schema';
import type { LookupView } from '@/utils/messages/protocol';
import { sendRequest } from '@/utils/messages/send';
import { RecordForm, RecordView, RowsTable } from '@/components/record';
import { ErrorMessage } from '@/components/ui/error-message';
import { notifyEditLogChanged } from '@/components/workspace/edit-log-events';
import { IdentifierNameForm, NO_IDENTIFIER_WARNING } from '@/components/workspace/schema-tools';

/** Editing a read row (`edit` replaces it, `add_row` adds one built from it), or a new record. */
type Mode =
  | { kind: 'view' }
  | { kind: 'edit' | 'add_row'; id: string; row: number; readAt: number; values: RecordValues; position: number; of: number }
  | { kind: 'create' };

/** What a look-up after an unanswered save found. */
type Check = 'idle' | 'checking' | 'not_applied' | 'not_found' | 'failed';

type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved'; recordId: string; confirmation: 'checking' | 'matches' | 'differs' | 'failed'; byCheck?: boolean }
  | { status: 'failed'; error: ErrorInfo }
  /** `background`: this page lost its connection to the extension's background mid-save. */
  | { status: 'unknown'; recordId: string; expected: RecordValues; why: 'no_answer' | 'background'; check: Check };

/** Refusals the person resolves by looking the record up again. */
const LOOK_UP_AGAIN: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['record_not_read', 'read_superseded', 'read_older_than_schema']);

/** Which record a look-up shows; a different one starts the workspace over. */
function keyOf(lookup: Pick<LookupView, 'dataset' | 'id'> | null): string | null {
  return lookup ? `${lookup.dataset}\u0000${lookup.id}` : null;
}

/**
 * A record and what can be done with it: read every row Monetate returned, edit one (or add a
 * row built from one, in a dataset without a unique key), or create a new record in the same
 * dataset, then save and see whether Monetate returns the new values. Shared by the side
 * panel and the overlay.
 */
export function RecordWorkspace({
  schema: givenSchema,
  lookup,
  readOnly,
  confirmWrites,
  onLookUp,
  onSchemaChanged,
}: {
  schema: DatasetSchema;
  lookup: LookupView | null;
  readOnly: boolean;
  confirmWrites: boolean;
  /** Runs a look-up through the shared queue (used for the confirmation and "Check by look-up"). */
  onLookUp(dataset: string, id: string, options: { refresh: boolean }): Promise<LookupView | undefined>;
  /** Takes a re-read or changed schema; without it the schema actions are not offered here. */
  onSchemaChanged?(next: DatasetSchema): void;
}) {
  const readOnlyId = `mdi-${useId().replace(/[^A-Za-z0-9_-]/g, '')}-read-only`;
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [save, setSave] = useState<SaveState>({ status: 'idle' });
  const [serverErrors, setServerErrors] = useState<MappedServerErrors | undefined>();
  const [formKey, setFormKey] = useState(0);
  // A look-up that found fields the schema lacked brings the schema it re-read.
  const [freshSchema, setFreshSchema] = useState<{ given: DatasetSchema; schema: DatasetSchema } | null>(null);
  const schema = freshSchema && freshSchema.given === givenSchema ? freshSchema.schema : givenSchema;
  const datasetSchema = schema;
  const described = describeSchema(datasetSchema);

  // The last record shown. While a look-up is under way `lookup` is null; an open form keeps
  // the record it started from instead of losing its "before".
  const [shown, setShown] = useState<LookupView | null>(lookup);
  const [shownSchema, setShownSchema] = useState(givenSchema.name);
  // The record our own confirmation or check looks up: its answer must not reset the status it reports.
  const [ownKey, setOwnKey] = useState<string | null>(null);
  if (lookup && lookup !== shown) {
    setShown(lookup);
    if (lookup.freshSchema?.name === givenSchema.name) setFreshSchema({ given: givenSchema, schema: lookup.freshSchema });
    if (keyOf(lookup) === ownKey) setOwnKey(null);
    else if (keyOf(lookup) !== keyOf(shown)) {
      // Another record was looked up: start in reading mode.
      setMode({ kind: 'view' });
      setSave({ status: 'idle' });
      setServerErrors(undefined);
    }
  }
  if (givenSchema.name !== shownSchema) {
    setShownSchema(givenSchema.name);
    setMode({ kind: 'view' });
    setSave({ status: 'idle' });
    setServerErrors(undefined);
  }
  const reported = useRef<DatasetSchema | null>(null);
  useEffect(() => {
    // The side panel's schema tools show the re-read schema too.
    if (freshSchema && reported.current !== freshSchema.schema) {
      reported.current = freshSchema.schema;
      onSchemaChanged?.(freshSchema.schema);
    }
  }, [freshSchema, onSchemaChanged]);

  const current = lookup ?? (mode.kind === 'view' ? null : shown);
  const view = current?.dataset === schema.name ? current : null;
  const rows = view?.rows ?? [];

  /** One look-up through the shared queue whose answer belongs to this workspace's status. */
  const ownLookUp = async (id: string) => {
    setOwnKey(keyOf({ dataset: schema.name, id }));
    const fresh = await onLookUp(schema.name, id, { refresh: true });
    // A failed look-up shows no record, so nothing will take the mark off.
    if (!fresh) setOwnKey(null);
    return fresh;
  };

  const startEditing = (index: number) => {
    if (!view) return;
    const values = rows[index];
    if (!values) return;
    const order = rows.length > 1 ? displayPosition(datasetSchema, rows, index) : 1;
    setMode({ kind: described.uniqueKeyField ? 'edit' : 'add_row', id: view.id, row: index, readAt: view.fetchedAt, values, position: order, of: rows.length });
    setSave({ status: 'idle' });
    setServerErrors(undefined);
  };

  const submit = async (changes: RecordValues) => {
    const editing = mode.kind === 'edit' || mode.kind === 'add_row' ? mode : null;
    const expected = editing ? expectedAfter(datasetSchema, editing, changes) : changes;
    const recordId = editing ? editing.id : recordValueText(changes[described.identifierField ?? ''] ?? '');
    setSave({ status: 'saving' });
    setServerErrors(undefined);
    try {
      const result = editing
        ? await sendRequest('record.save', { dataset: schema.name, mode: editing.kind, base: baseFor(datasetSchema, editing, view), changes })
        : await sendRequest('record.save', { dataset: schema.name, mode: 'create', changes });
      notifyEditLogChanged();
      setSave({ status: 'saved', recordId: result.recordId, confirmation: 'checking' });
      setMode({ kind: 'view' });
      setFormKey((key) => key + 1);
      // Monetate may take a moment to serve what it accepted; one look-up tells the user.
      const fresh = await ownLookUp(result.recordId);
      const confirmation = !fresh ? 'failed' : returns(datasetSchema, result.savedRow, fresh) ? 'matches' : 'differs';
      setSave({ status: 'saved', recordId: result.recordId, confirmation });
    } catch (caught) {
      notifyEditLogChanged();
      const error = toErrorInfo(caught);
      if (error.code === 'outcome_unknown' || error.code === 'background_unavailable') {
        // Never re-sent by itself: Monetate has no idempotency key. The form keeps the input.
        setSave({ status: 'unknown', recordId, expected, why: error.code === 'outcome_unknown' ? 'no_answer' : 'background', check: 'idle' });
        return;
      }
      if (error.fields?.length) setServerErrors(mapServerErrorsToFields(error.fields, datasetSchema));
      setSave({ status: 'failed', error });
    }
  };

  const check = async (unknown: Extract<SaveState, { status: 'unknown' }>) => {
    setSave({ ...unknown, check: 'checking' });
    const fresh = await ownLookUp(unknown.recordId);
    if (!fresh) return setSave({ ...unknown, check: 'failed' });
    if (fresh.rows.length === 0) return setSave({ ...unknown, check: 'not_found' });
    if (!returns(datasetSchema, unknown.expected, fresh)) return setSave({ ...unknown, check: 'not_applied' });
    // Monetate holds what was sent: the save went through after all.
    setSave({ status: 'saved', recordId: unknown.recordId, confirmation: 'matches', byCheck: true });
    setMode({ kind: 'view' });
    setFormKey((key) => key + 1);
  };

  const lookUpAgain = async () => {
    if (!view) return;
    setMode({ kind: 'view' });
    setSave({ status: 'idle' });
    setServerErrors(undefined);
    await onLookUp(schema.name, view.id, { refresh: true });
  };

  const cannotUse = !described.hasNamedIdentifier;
  const single = rows.length === 1;
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
          <button type="button" onClick={() => setMode({ kind: 'create' })}>
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
      <SaveStatus save={save} onCheck={(unknown) => void check(unknown)} onLookUpAgain={view ? () => void lookUpAgain() : undefined} />
      {mode.kind === 'view' && view && rows.length > 0 && (
        <RowsSection schema={datasetSchema} view={view} rowAction={rowAction} />
      )}
      {mode.kind !== 'view' && (
        <>
          <h3>{formTitle(mode, schema.name)}</h3>
          {confirmWrites && <p className="mdi-hint">This profile confirms every write: review the changes, then save.</p>}
          {mode.kind === 'add_row' && (
            <p className="mdi-warn" role="note">
              {schema.name} has no unique key, so Monetate keeps every row it receives. Saving adds a new row for “{mode.id}”, prefilled
              from row {mode.position}; that row stays as it is.
            </p>
          )}
          <RecordForm
            key={`${mode.kind}-${formKey}`}
            schema={datasetSchema}
            initialRecord={mode.kind === 'create' ? null : mode.values}
            mode={mode.kind}
            busy={save.status === 'saving' || (save.status === 'unknown' && save.check === 'checking')}
            serverErrors={serverErrors}
            confirmRequired={confirmWrites}
            onReview={() => undefined}
            onSave={(changes) => void submit(changes)}
            onCancel={() => {
              setMode({ kind: 'view' });
              setServerErrors(undefined);
              setSave({ status: 'idle' });
            }}
          />
        </>
      )}
    </section>
  );
}

function formTitle(mode: Exclude<Mode, { kind: 'view' }>, datasetName: string): string {
  if (mode.kind === 'create') return `New record in ${datasetName}`;
  if (mode.kind === 'add_row') return `Add a row for “${mode.id}”`;
  return mode.of > 1 ? `Edit “${mode.id}”, row ${mode.position} of ${mode.of}` : `Edit “${mode.id}”`;
}

/** The count, a warning when a keyed dataset returns several rows, then the row (or rows). */
function RowsSection({ schema, view, rowAction }: { schema: DatasetSchema; view: LookupView; rowAction?: { verb: 'Edit' | 'Add a row from'; onChoose(index: number): void } }) {
  const described = describeSchema(schema);
  const count = view.rows.length;
  const first = view.rows[0];
  return (
    <div className="mdi-stack">
      <p className="mdi-hint">{`${count} row${count === 1 ? '' : 's'}`}</p>
      {count > 1 && described.uniqueKeyField && (
        <p className="mdi-warn" role="alert">
          {schema.name} has a unique key ({described.uniqueKeyField}), yet Monetate returned {count} rows for “{view.id}”. All are shown;
          editing one replaces only the row with its key.
        </p>
      )}
      {count === 1 && first ? (
        <RecordView schema={schema} record={first} />
      ) : (
        <RowsTable schema={schema} recordId={view.id} rows={view.rows} action={rowAction} />
      )}
    </div>
  );
}

function MissingIdentifierName({ schema, readOnly, needsReview, onSchemaChanged }: { schema: DatasetSchema; readOnly: boolean; needsReview: boolean; onSchemaChanged?(next: DatasetSchema): void }) {
  const [open, setOpen] = useState(false);
  const canSet = !readOnly && onSchemaChanged !== undefined;
  return (
    <div className="mdi-card mdi-stack">
      <p role="alert" className="mdi-warn">
        {NO_IDENTIFIER_WARNING}
        {readOnly ? ' This profile is read-only, so it cannot set it.' : ''}
      </p>
      {canSet && !open && (
        <div>
          <button type="button" onClick={() => setOpen(true)}>
            Set Identifier Name…
          </button>
        </div>
      )}
      {canSet && open && <IdentifierNameForm schema={schema} needsReview={needsReview} onChanged={onSchemaChanged} />}
    </div>
  );
}

function RefreshSchemaButton({ schema, onSchemaChanged }: { schema: DatasetSchema; onSchemaChanged(next: DatasetSchema): void }) {
  const [state, setState] = useState<{ busy: boolean; done: string; error: ErrorInfo | null }>({ busy: false, done: '', error: null });
  const live = useRef(true);
  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );
  const refresh = async () => {
    setState({ busy: true, done: '', error: null });
    try {
      const next = await sendRequest('schema.get', { name: schema.name, refresh: true });
      if (!live.current) return;
      onSchemaChanged(next);
      setState({ busy: false, done: `Schema re-read at ${new Date().toLocaleTimeString()}.`, error: null });
    } catch (caught) {
      if (live.current) setState({ busy: false, done: '', error: toErrorInfo(caught) });
    }
  };
  return (
    <>
      <button type="button" onClick={() => void refresh()} disabled={state.busy}>
        Refresh schema
      </button>
      <span role="status" className="mdi-hint">
        {state.busy ? 'Reading the schema…' : state.done}
      </span>
      <ErrorMessage error={state.error} />
    </>
  );
}

type UnknownSave = Extract<SaveState, { status: 'unknown' }>;

function SaveStatus({ save, onCheck, onLookUpAgain }: { save: SaveState; onCheck(unknown: UnknownSave): void; onLookUpAgain?: () => void }) {
  switch (save.status) {
    case 'idle':
      return null;
    case 'saving':
      return <p role="status">Saving…</p>;
    case 'failed':
      return (
        <div className="mdi-stack">
          <ErrorMessage error={save.error} />
          {onLookUpAgain && LOOK_UP_AGAIN.has(save.error.code) && (
            <div>
              <button type="button" onClick={onLookUpAgain}>
                Look up again
              </button>
            </div>
          )}
        </div>
      );
    case 'unknown':
      return (
        <div role="alert" className="mdi-stack mdi-card">
          <p className="mdi-warn">
            <strong>Outcome unknown.</strong>{' '}
            {save.why === 'background'
              ? 'The connection to the extension’s background dropped during the save, so we do not know whether Monetate stored it. Check by look-up before saving again.'
              : describeError(new AppError('outcome_unknown'))}
          </p>
          <p className="mdi-hint">Nothing is sent again by itself. Your input is still in the form.</p>
          <div>
            <button type="button" onClick={() => onCheck(save)} disabled={save.check === 'checking'}>
              Check by look-up
            </button>
          </div>
          <p role="status">
            {save.check === 'checking' && `Looking up “${save.recordId}”…`}
            {save.check === 'not_applied' &&
              `Monetate does not return the values you sent for “${save.recordId}”: the save did not arrive, or is not applied yet. Check again in a moment, or save again.`}
            {save.check === 'not_found' && `Monetate has no record “${save.recordId}”: the save did not arrive, or is not applied yet. Check again in a moment, or save again.`}
            {save.check === 'failed' && 'The look-up did not finish; see the message above the record and try again.'}
          </p>
        </div>
      );
    case 'saved':
      return (
        <p role="status" className="mdi-ok">
          {save.byCheck ? `The save of “${save.recordId}” went through.` : `Saved “${save.recordId}”.`}{' '}
          {save.confirmation === 'checking' && 'Checking what Monetate returns now…'}
          {save.confirmation === 'matches' && 'Monetate already returns the new values.'}
          {save.confirmation === 'differs' && 'Monetate does not return the new values yet; look again in a moment.'}
          {save.confirmation === 'failed' && 'The confirmation look-up did not finish; use Refresh to check.'}
        </p>
      );
  }
}

type Editing = Extract<Mode, { kind: 'edit' | 'add_row' }>;

/**
 * The read a save names: the one the form was opened on, or, when this surface looked the
 * record up again since (a "Check by look-up"), the same row in the newer read (by its unique
 * key; by position for an added row). The background composes from its own copy of that read.
 */
function baseFor(schema: DatasetSchema, editing: Editing, view: LookupView | null) {
  if (!view || view.id !== editing.id || view.fetchedAt === editing.readAt) return { id: editing.id, readAt: editing.readAt, row: editing.row };
  const key = describeSchema(schema).uniqueKeyField;
  const keyed = key ? view.rows.findIndex((row) => recordValueText(row[key]) === recordValueText(editing.values[key])) : -1;
  const row = editing.kind === 'edit' ? keyed : editing.row < view.rows.length ? editing.row : -1;
  return row < 0 ? { id: editing.id, readAt: editing.readAt, row: editing.row } : { id: editing.id, readAt: view.fetchedAt, row };
}

/** What a row Monetate returns must hold once the save is applied. */
function expectedAfter(schema: DatasetSchema, editing: Editing, changes: RecordValues): RecordValues {
  if (editing.kind === 'add_row') return { ...editing.values, ...changes };
  const { identifierField, uniqueKeyField } = describeSchema(schema);
  const identity: RecordValues = {};
  for (const name of [identifierField, uniqueKeyField]) if (name) identity[name] = editing.values[name] ?? null;
  return { ...identity, ...changes };
}

/** True when one of the rows Monetate returns holds every expected value. */
function returns(schema: DatasetSchema, expected: RecordValues, fresh: LookupView): boolean {
  return fresh.rows.some((row) => rowHasChanges(schema, row, expected));
}

/** A row's number as the table shows it (newest first when the dataset has an event time). */
function displayPosition(schema: DatasetSchema, rows: readonly RecordValues[], index: number): number {
  return rowsForDisplay(schema, rows).findIndex((placed) => placed.index === index) + 1;
}
