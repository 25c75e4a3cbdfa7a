import { useEffect, useState } from 'react';
import { AppError, describeError, toErrorInfo, type ErrorInfo } from '@/utils/errors';
import { mapServerErrorsToFields, type DatasetSchema, type MappedServerErrors, type RecordValues } from '@/utils/schema';
import type { LookupView, SchemaView } from '@/utils/messages/protocol';
import { sendRequest } from '@/utils/messages/send';
import { RecordForm, RecordView } from '../record';
import { ErrorMessage } from '../common/ErrorMessage';

type Mode = { kind: 'view' } | { kind: 'edit' } | { kind: 'create' };

type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved'; recordId: string; confirmation: 'checking' | 'matches' | 'differs' | 'failed' | 'skipped'; detail?: string }
  | { status: 'failed'; error: ErrorInfo }
  | { status: 'unknown'; recordId: string };

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
}: {
  schema: SchemaView;
  lookup: LookupView | null;
  readOnly: boolean;
  confirmWrites: boolean;
  /** Runs a look-up through the shared queue (used for the confirmation and "Check by look-up"). */
  onLookUp(schema: string, id: string, options: { refresh: boolean }): Promise<LookupView | undefined>;
}) {
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [save, setSave] = useState<SaveState>({ status: 'idle' });
  const [serverErrors, setServerErrors] = useState<MappedServerErrors | undefined>();
  const [formKey, setFormKey] = useState(0);
  const datasetSchema = schema as DatasetSchema;
  const record = (lookup?.record ?? null) as RecordValues | null;

  useEffect(() => {
    // A new record or dataset starts in reading mode.
    setMode({ kind: 'view' });
    setSave({ status: 'idle' });
    setServerErrors(undefined);
  }, [lookup?.schema, lookup?.id, lookup?.fetchedAt, schema.name]);

  const submit = async (row: RecordValues) => {
    const creating = mode.kind === 'create';
    setSave({ status: 'saving' });
    setServerErrors(undefined);
    try {
      const result = await sendRequest('record.save', { schema: schema.name, mode: creating ? 'create' : 'edit', row, before: creating ? null : record });
      setSave({ status: 'saved', recordId: result.recordId, confirmation: 'checking' });
      setMode({ kind: 'view' });
      setFormKey((key) => key + 1);
      // Monetate may take a moment to serve what it accepted; one look-up tells the user.
      const fresh = await onLookUp(schema.name, result.recordId, { refresh: true });
      const matches = fresh?.record ? sameValues(row, fresh.record) : false;
      setSave({ status: 'saved', recordId: result.recordId, confirmation: fresh ? (matches ? 'matches' : 'differs') : 'failed' });
    } catch (caught) {
      const error = toErrorInfo(caught);
      if (error.code === 'outcome_unknown') {
        setSave({ status: 'unknown', recordId: String(row[describeIdentifier(datasetSchema)] ?? '') });
        return;
      }
      if (error.fields?.length) setServerErrors(mapServerErrorsToFields(error.fields, datasetSchema));
      setSave({ status: 'failed', error });
    }
  };

  return (
    <section className="mdi-stack" aria-label="Record">
      <div className="mdi-row">
        {record && mode.kind === 'view' && (
          <button type="button" onClick={() => setMode({ kind: 'edit' })} disabled={readOnly}>
            Edit
          </button>
        )}
        {mode.kind === 'view' && (
          <button type="button" onClick={() => setMode({ kind: 'create' })} disabled={readOnly}>
            New record
          </button>
        )}
        {readOnly && <span className="mdi-hint">This profile is read-only.</span>}
      </div>
      <SaveStatus save={save} onCheck={(id) => void onLookUp(schema.name, id, { refresh: true })} />
      {mode.kind === 'view' && record && <RecordView schema={datasetSchema} record={record} />}
      {mode.kind !== 'view' && (
        <>
          <h3>{mode.kind === 'edit' ? `Edit “${lookup?.id}”` : `New record in ${schema.name}`}</h3>
          {confirmWrites && <p className="mdi-hint">This profile confirms every write: review the changes, then save.</p>}
          <RecordForm
            key={`${mode.kind}-${formKey}`}
            schema={datasetSchema}
            initialRecord={mode.kind === 'edit' ? record : null}
            mode={mode.kind}
            busy={save.status === 'saving'}
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

function SaveStatus({ save, onCheck }: { save: SaveState; onCheck(id: string): void }) {
  switch (save.status) {
    case 'idle':
      return null;
    case 'saving':
      return <p role="status">Saving…</p>;
    case 'failed':
      return <ErrorMessage error={save.error} />;
    case 'unknown':
      return (
        <div role="alert" className="mdi-stack">
          <p className="mdi-warn">{describeError(new AppError('outcome_unknown'))}</p>
          <div>
            <button type="button" onClick={() => onCheck(save.recordId)}>
              Check by look-up
            </button>
          </div>
        </div>
      );
    case 'saved':
      return (
        <p role="status" className="mdi-ok">
          Saved “{save.recordId}”.{' '}
          {save.confirmation === 'checking' && 'Checking what Monetate returns now…'}
          {save.confirmation === 'matches' && 'Monetate already returns the new values.'}
          {save.confirmation === 'differs' && 'Monetate does not return the new values yet; look again in a moment.'}
          {save.confirmation === 'failed' && 'The confirmation look-up did not finish; use Refresh to check.'}
        </p>
      );
  }
}

function describeIdentifier(schema: DatasetSchema): string {
  return Object.entries(schema.fields).find(([, spec]) => spec.identifier)?.[0] ?? '';
}

/** Compares what was sent with what Monetate returns, field by field, as text. */
function sameValues(sent: RecordValues, stored: Record<string, unknown>): boolean {
  return Object.entries(sent).every(([field, value]) => {
    const other = stored[field];
    if (value === null || value === '') return other === null || other === undefined || other === '';
    if (typeof value === 'string' && typeof other === 'string' && !Number.isNaN(Date.parse(value)) && /T/.test(value)) {
      return Date.parse(value) === Date.parse(other);
    }
    return String(value) === String(other);
  });
}
