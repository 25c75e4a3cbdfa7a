import { useEffect, useId, useRef, useState } from 'react';
import { AppError, describeError, toErrorInfo, type ErrorInfo } from '@/utils/errors';
import { describeSchema, diffRecords, mapServerErrorsToFields, type DatasetSchema, type MappedServerErrors, type RecordValues } from '@/utils/schema';
import type { LookupView, SchemaView } from '@/utils/messages/protocol';
import { sendRequest } from '@/utils/messages/send';
import { RecordForm, RecordView } from '../record';
import { ErrorMessage } from '../common/ErrorMessage';
import { notifyEditLogChanged } from './edit-log-events';
import { IdentifierNameForm, NO_IDENTIFIER_WARNING } from './SchemaTools';

type Mode = { kind: 'view' } | { kind: 'edit' } | { kind: 'create' };

/** What a look-up after an unanswered save found. */
type Check = 'idle' | 'checking' | 'not_applied' | 'not_found' | 'failed';

type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved'; recordId: string; confirmation: 'checking' | 'matches' | 'differs' | 'failed'; byCheck?: boolean }
  | { status: 'failed'; error: ErrorInfo }
  | { status: 'unknown'; recordId: string; row: RecordValues; check: Check };

/** Which record a look-up shows; a different one starts the workspace over. */
function keyOf(lookup: Pick<LookupView, 'schema' | 'id'> | null): string | null {
  return lookup ? `${lookup.schema}\u0000${lookup.id}` : null;
}

/**
 * A record and what can be done with it: read it, edit it, or create a new one in the same
 * dataset, then save and see whether Monetate returns the new values. Shared by the side
 * panel and the overlay.
 */
export function RecordWorkspace({
  schema,
  lookup,
  readOnly,
  confirmWrites,
  onLookUp,
  onSchemaChanged,
}: {
  schema: SchemaView;
  lookup: LookupView | null;
  readOnly: boolean;
  confirmWrites: boolean;
  /** Runs a look-up through the shared queue (used for the confirmation and "Check by look-up"). */
  onLookUp(schema: string, id: string, options: { refresh: boolean }): Promise<LookupView | undefined>;
  /** Takes a re-read or changed schema; without it the schema actions are not offered here. */
  onSchemaChanged?(next: SchemaView): void;
}) {
  const readOnlyId = `mdi-${useId().replace(/[^A-Za-z0-9_-]/g, '')}-read-only`;
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [save, setSave] = useState<SaveState>({ status: 'idle' });
  const [serverErrors, setServerErrors] = useState<MappedServerErrors | undefined>();
  const [formKey, setFormKey] = useState(0);
  const datasetSchema = schema as DatasetSchema;
  const described = describeSchema(datasetSchema);

  // The last record shown. While a look-up is under way `lookup` is null; an open form keeps
  // the record it started from instead of losing its "before".
  const [shown, setShown] = useState<LookupView | null>(lookup);
  const [shownSchema, setShownSchema] = useState(schema.name);
  // The record our own confirmation or check looks up: its answer must not reset the status it reports.
  const [ownKey, setOwnKey] = useState<string | null>(null);
  if (lookup && lookup !== shown) {
    setShown(lookup);
    if (keyOf(lookup) === ownKey) setOwnKey(null);
    else if (keyOf(lookup) !== keyOf(shown)) {
      // Another record was looked up: start in reading mode.
      setMode({ kind: 'view' });
      setSave({ status: 'idle' });
      setServerErrors(undefined);
    }
  }
  if (schema.name !== shownSchema) {
    setShownSchema(schema.name);
    setMode({ kind: 'view' });
    setSave({ status: 'idle' });
    setServerErrors(undefined);
  }
  const current = lookup ?? (mode.kind === 'view' ? null : shown);
  const record = (current?.schema === schema.name ? (current.record ?? null) : null) as RecordValues | null;

  /** One look-up through the shared queue whose answer belongs to this workspace's status. */
  const ownLookUp = async (id: string) => {
    setOwnKey(keyOf({ schema: schema.name, id }));
    const fresh = await onLookUp(schema.name, id, { refresh: true });
    // A failed look-up shows no record, so nothing will take the mark off.
    if (!fresh) setOwnKey(null);
    return fresh;
  };

  const submit = async (row: RecordValues) => {
    const creating = mode.kind === 'create';
    setSave({ status: 'saving' });
    setServerErrors(undefined);
    try {
      const result = await sendRequest('record.save', { schema: schema.name, mode: creating ? 'create' : 'edit', row, before: creating ? null : record });
      notifyEditLogChanged();
      setSave({ status: 'saved', recordId: result.recordId, confirmation: 'checking' });
      setMode({ kind: 'view' });
      setFormKey((key) => key + 1);
      // Monetate may take a moment to serve what it accepted; one look-up tells the user.
      const fresh = await ownLookUp(result.recordId);
      setSave({ status: 'saved', recordId: result.recordId, confirmation: !fresh ? 'failed' : returnsRow(datasetSchema, row, fresh) ? 'matches' : 'differs' });
    } catch (caught) {
      notifyEditLogChanged();
      const error = toErrorInfo(caught);
      if (error.code === 'outcome_unknown') {
        // Never re-sent by itself: Monetate has no idempotency key. The form keeps the input.
        setSave({ status: 'unknown', recordId: String(row[described.identifierField ?? ''] ?? ''), row, check: 'idle' });
        return;
      }
      if (error.fields?.length) setServerErrors(mapServerErrorsToFields(error.fields, datasetSchema));
      setSave({ status: 'failed', error });
    }
  };

  const check = async (recordId: string, row: RecordValues) => {
    setSave({ status: 'unknown', recordId, row, check: 'checking' });
    const fresh = await ownLookUp(recordId);
    if (!fresh) return setSave({ status: 'unknown', recordId, row, check: 'failed' });
    if (!fresh.record) return setSave({ status: 'unknown', recordId, row, check: 'not_found' });
    if (!returnsRow(datasetSchema, row, fresh)) return setSave({ status: 'unknown', recordId, row, check: 'not_applied' });
    // Monetate holds what was sent: the save went through after all.
    setSave({ status: 'saved', recordId, confirmation: 'matches', byCheck: true });
    setMode({ kind: 'view' });
    setFormKey((key) => key + 1);
  };

  const cannotUse = !described.hasNamedIdentifier;

  return (
    <section className="mdi-stack" aria-label="Record">
      {cannotUse && <MissingIdentifierName schema={schema} readOnly={readOnly} onSchemaChanged={onSchemaChanged} />}
      <div className="mdi-row">
        {record && mode.kind === 'view' && (
          <button type="button" onClick={() => setMode({ kind: 'edit' })} disabled={readOnly} aria-describedby={readOnly ? readOnlyId : undefined}>
            Edit
          </button>
        )}
        {mode.kind === 'view' && (
          <button type="button" onClick={() => setMode({ kind: 'create' })} disabled={readOnly} aria-describedby={readOnly ? readOnlyId : undefined}>
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
      <SaveStatus save={save} onCheck={(id, row) => void check(id, row)} />
      {mode.kind === 'view' && record && <RecordView schema={datasetSchema} record={record} />}
      {mode.kind !== 'view' && (
        <>
          <h3>{mode.kind === 'edit' ? `Edit “${current?.id ?? ''}”` : `New record in ${schema.name}`}</h3>
          {confirmWrites && <p className="mdi-hint">This profile confirms every write: review the changes, then save.</p>}
          {mode.kind === 'edit' && !describeSchema(datasetSchema).uniqueKeyField && (
            <p className="mdi-warn" role="note">
              {schema.name} has no unique key, so Monetate keeps every row it receives: saving adds a new row for this
              identifier rather than replacing this one.
            </p>
          )}
          <RecordForm
            key={`${mode.kind}-${formKey}`}
            schema={datasetSchema}
            initialRecord={mode.kind === 'edit' ? record : null}
            mode={mode.kind}
            busy={save.status === 'saving' || (save.status === 'unknown' && save.check === 'checking')}
            serverErrors={serverErrors}
            confirmRequired={confirmWrites}
            onReview={() => undefined}
            onSave={(row) => void submit(row)}
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

function MissingIdentifierName({ schema, readOnly, onSchemaChanged }: { schema: SchemaView; readOnly: boolean; onSchemaChanged?(next: SchemaView): void }) {
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
      {canSet && open && <IdentifierNameForm schema={schema} onChanged={onSchemaChanged} />}
    </div>
  );
}

function RefreshSchemaButton({ schema, onSchemaChanged }: { schema: SchemaView; onSchemaChanged(next: SchemaView): void }) {
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

function SaveStatus({ save, onCheck }: { save: SaveState; onCheck(id: string, row: RecordValues): void }) {
  switch (save.status) {
    case 'idle':
      return null;
    case 'saving':
      return <p role="status">Saving…</p>;
    case 'failed':
      return <ErrorMessage error={save.error} />;
    case 'unknown':
      return (
        <div role="alert" className="mdi-stack mdi-card">
          <p className="mdi-warn">
            <strong>Outcome unknown.</strong> {describeError(new AppError('outcome_unknown'))}
          </p>
          <p className="mdi-hint">Nothing is sent again by itself. Your input is still in the form.</p>
          <div>
            <button type="button" onClick={() => onCheck(save.recordId, save.row)} disabled={save.check === 'checking'}>
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

/** True when Monetate returns what was sent, field by field; fields left out count as null. */
function returnsRow(schema: DatasetSchema, sent: RecordValues, fresh: LookupView): boolean {
  return fresh.record !== null && diffRecords(schema, fresh.record as RecordValues, sent).length === 0;
}
