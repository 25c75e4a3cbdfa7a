import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  describeSchema,
  diffRecords,
  formStateToRow,
  recordToFormState,
  type DatasetSchema,
  type FieldChange,
  type FieldInput,
  type FormMode,
  type FormState,
  type MappedServerErrors,
  type RecordValues,
} from '../../utils/schema';
import { Button } from '../ui';
import { DiffView } from './DiffView';
import { RecordFieldInput } from './RecordFieldInput';
import './record.css';

export interface RecordFormProps {
  schema: DatasetSchema;
  /** The record as looked up; null when creating a new one. */
  initialRecord: RecordValues | null;
  mode: FormMode;
  /** A save is in flight: Save is disabled. */
  busy?: boolean;
  /** Monetate's refusal of the last save; shown beside the fields, the input stays as typed. */
  serverErrors?: MappedServerErrors;
  onReview: (row: RecordValues, diff: FieldChange[]) => void;
  onSave: (row: RecordValues) => void;
  onCancel?: () => void;
  /** Save only after the current changes were reviewed. */
  confirmRequired?: boolean;
  /** Zone DATETIME fields start in; defaults to the browser's. */
  timeZone?: string;
  /** Zones the DATETIME pickers offer; defaults to all. */
  timeZones?: readonly string[];
}

interface Review {
  key: string;
  diff: FieldChange[];
}

const EMPTY_SET: ReadonlySet<string> = new Set();

/**
 * Edits or creates one record with an input per schema field. The form keeps what the person
 * typed for its whole life (re-renders, failed saves); give it a `key` to start over with
 * another record.
 */
export function RecordForm({
  schema,
  initialRecord,
  mode,
  busy = false,
  serverErrors,
  onReview,
  onSave,
  onCancel,
  confirmRequired = false,
  timeZone,
  timeZones,
}: RecordFormProps) {
  const baseId = `mdi-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const formRef = useRef<HTMLFormElement>(null);
  const fields = useMemo(() => describeSchema(schema).fields, [schema]);
  const [state, setState] = useState<FormState>(() => recordToFormState(schema, initialRecord, { timeZone }));
  const [touched, setTouched] = useState<ReadonlySet<string>>(EMPTY_SET);
  const [showAllErrors, setShowAllErrors] = useState(false);
  const [review, setReview] = useState<Review | null>(null);
  // Server messages stay until the person edits that field or new server errors arrive.
  const [seenServerErrors, setSeenServerErrors] = useState(serverErrors);
  const [editedSinceServer, setEditedSinceServer] = useState<ReadonlySet<string>>(EMPTY_SET);
  if (seenServerErrors !== serverErrors) {
    setSeenServerErrors(serverErrors);
    setEditedSinceServer(EMPTY_SET);
  }

  const { row, errors } = useMemo(() => formStateToRow(schema, state, mode), [schema, state, mode]);
  const diff = useMemo(() => diffRecords(schema, initialRecord, row), [schema, initialRecord, row]);
  const rowKey = JSON.stringify(row);
  const invalidFields = fields.filter((f) => errors[f.name] !== undefined).map((f) => f.name);
  const reviewIsCurrent = review !== null && review.key === rowKey;

  const controlId = (index: number) => `${baseId}-f${index}`;
  const statusId = `${baseId}-save-status`;

  function update(name: string, value: FieldInput) {
    setState((s) => ({ ...s, [name]: value }));
    setTouched((t) => (t.has(name) ? t : new Set(t).add(name)));
    setEditedSinceServer((e) => (e.has(name) ? e : new Set(e).add(name)));
  }

  function handleReview(event?: FormEvent) {
    event?.preventDefault();
    setShowAllErrors(true);
    if (invalidFields.length > 0) {
      const index = fields.findIndex((f) => f.name === invalidFields[0]);
      // Look inside the form, not the document: in the overlay the form lives in a shadow root.
      formRef.current?.querySelector<HTMLElement>(`[id="${controlId(index)}"]`)?.focus();
      return;
    }
    setReview({ key: rowKey, diff });
    onReview(row, diff);
  }

  let saveBlocker: string | null = null;
  if (busy) saveBlocker = 'Saving…';
  else if (invalidFields.length > 0) saveBlocker = `Correct ${invalidFields.join(', ')} before saving.`;
  else if (diff.length === 0) saveBlocker = 'No changes to save.';
  else if (confirmRequired && !reviewIsCurrent) saveBlocker = 'Review the changes before saving.';

  return (
    <form ref={formRef} className="mdi-record-form" noValidate onSubmit={handleReview} aria-busy={busy || undefined}>
      {serverErrors && serverErrors.unmatched.length > 0 ? (
        <div role="alert" className="mdi-alert">
          <p>Monetate refused the save:</p>
          <ul>
            {serverErrors.unmatched.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {fields.map((field, index) => {
        const local = errors[field.name];
        const showLocal = local !== undefined && (mode === 'edit' || showAllErrors || touched.has(field.name));
        const server = editedSinceServer.has(field.name) ? [] : (serverErrors?.byField[field.name] ?? []);
        const messages = [...(showLocal ? [local] : []), ...server];
        const locked = mode === 'edit' && (field.isIdentifier || field.isUniqueKey);
        return (
          <RecordFieldInput
            key={field.name}
            id={controlId(index)}
            field={field}
            value={state[field.name] ?? ''}
            onChange={(v) => update(field.name, v)}
            error={messages}
            readOnly={locked}
            timeZones={timeZones}
          />
        );
      })}

      <div className="mdi-record-form__actions">
        <Button type="submit" disabled={busy}>
          Review changes
        </Button>
        <Button variant="primary" disabled={saveBlocker !== null} aria-describedby={statusId} onClick={() => onSave(row)}>
          Save
        </Button>
        {onCancel ? <Button onClick={onCancel}>Cancel</Button> : null}
        <p id={statusId} className="mdi-note" role="status">
          {saveBlocker ?? `${diff.length} field${diff.length === 1 ? '' : 's'} will change.`}
        </p>
      </div>

      {review ? (
        <section className="mdi-record-form__review" aria-labelledby={`${baseId}-review-title`}>
          <h3 id={`${baseId}-review-title`}>Review changes</h3>
          {reviewIsCurrent ? null : (
            <p className="mdi-note">The form changed after this review. Choose Review changes again to see the latest.</p>
          )}
          <DiffView diff={review.diff} caption={mode === 'create' ? 'New record' : 'Before → after'} />
          {review.diff.some((c) => c.becomesNull) ? (
            <p className="mdi-note">Monetate replaces the whole record: a field left empty is stored as null.</p>
          ) : null}
        </section>
      ) : null}
    </form>
  );
}
