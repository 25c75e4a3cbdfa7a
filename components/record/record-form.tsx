import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { changedInputs, draftInputs, withDraftInputs, type RecordDraft } from '@/utils/records/draft';
import {
  describeSchema,
  formChanges,
  keptFields,
  recordToFormState,
  type DatasetSchema,
  type FieldChange,
  type FieldInput,
  type FormMode,
  type FormState,
  type MappedServerErrors,
  type RecordValues,
} from '@/utils/schema';
import { Button } from '@/components/ui';
import { DiffView, describeChange } from '@/components/record/diff-view';
import { KeptValueInput } from '@/components/record/kept-value-input';
import { RecordFieldInput } from '@/components/record/record-field-input';
import '@/components/record/record.css';

export interface RecordFormProps {
  schema: DatasetSchema;
  /** The row as looked up (edit, add a row); null when creating a new record. */
  initialRecord: RecordValues | null;
  mode: FormMode;
  /** A save is in flight: Save is disabled. */
  busy?: boolean;
  /** Monetate's refusal of the last save; shown beside the fields, the input stays as typed. */
  serverErrors?: MappedServerErrors;
  onReview: (changes: RecordValues, diff: FieldChange[]) => void;
  /**
   * Only what changes (`null` empties a field): the background sends every other value back
   * as Monetate gave it. For a new record, every value filled in.
   */
  onSave: (changes: RecordValues) => void;
  onCancel?: () => void;
  /** Save only after the current changes were reviewed. */
  confirmRequired?: boolean;
  /** Zone DATETIME fields start in; defaults to the browser's. */
  timeZone?: string;
  /** Zones the DATETIME pickers offer; defaults to all. */
  timeZones?: readonly string[];
  /** Kept edits to start from instead of the record's values (a restored draft, or a revert's before-values). */
  draft?: Pick<RecordDraft, 'fields' | 'replaced' | 'values'>;
  /** Every change: the inputs that differ from the record's values, so the parent can keep them as a draft. */
  onInputChange?: (input: Pick<RecordDraft, 'fields' | 'replaced'>) => void;
  /** Opens with the review shown (a restored draft is compared with the record as read now). */
  reviewFirst?: boolean;
}

interface Review {
  key: string;
  diff: FieldChange[];
}

const EMPTY_SET: ReadonlySet<string> = new Set();

/**
 * Edits a record, adds a row built from one, or creates a new record, with an input per
 * schema field. A value its input cannot show exactly is kept as is unless the person
 * replaces it. The form keeps what the person typed for its whole life (re-renders, failed
 * saves); give it a `key` to start over with another record.
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
  draft,
  onInputChange,
  reviewFirst = false,
}: RecordFormProps) {
  const baseId = `mdi-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const formRef = useRef<HTMLFormElement>(null);
  const fields = useMemo(() => describeSchema(schema).fields, [schema]);
  const [initial] = useState<FormState>(() => recordToFormState(schema, initialRecord, { timeZone }));
  const [state, setState] = useState<FormState>(() => (draft ? withDraftInputs(initial, draftInputs(schema, initialRecord, draft, { timeZone }).fields) : initial));
  const kept = useMemo(() => keptFields(schema.fields, initialRecord), [schema, initialRecord]);
  const [replaced, setReplaced] = useState<ReadonlySet<string>>(() => (draft?.replaced.length ? new Set(draft.replaced) : EMPTY_SET));
  const [touched, setTouched] = useState<ReadonlySet<string>>(EMPTY_SET);
  const [showAllErrors, setShowAllErrors] = useState(false);
  const [review, setReview] = useState<Review | null>(null);
  const reviewHeading = useRef<HTMLHeadingElement>(null);
  // Set when the person asked for the review: focus goes to it once it is shown.
  const focusReview = useRef(false);
  // Set when the person closed the review: focus goes back to the form's first field they can change.
  const focusForm = useRef(false);
  // Server messages stay until the person edits that field or new server errors arrive.
  const [seenServerErrors, setSeenServerErrors] = useState(serverErrors);
  const [editedSinceServer, setEditedSinceServer] = useState<ReadonlySet<string>>(EMPTY_SET);
  if (seenServerErrors !== serverErrors) {
    setSeenServerErrors(serverErrors);
    setEditedSinceServer(EMPTY_SET);
  }

  const keptNames = useMemo(() => new Set(Object.keys(kept)), [kept]);
  const { changes, errors, diff } = useMemo(
    () => formChanges(schema, { mode, original: initialRecord, initial, state, kept: keptNames, replaced }),
    [schema, mode, initialRecord, initial, state, keptNames, replaced],
  );
  const changesKey = JSON.stringify(changes);
  const invalidFields = fields.filter((f) => errors[f.name] !== undefined).map((f) => f.name);
  const reviewIsCurrent = review !== null && review.key === changesKey;

  const controlId = (index: number) => `${baseId}-f${index}`;
  const statusId = `${baseId}-save-status`;

  // The parent keeps what changed (a draft); the first run is the form's start, not a change.
  const started = useRef(false);
  useEffect(() => {
    if (!started.current) {
      started.current = true;
      return;
    }
    onInputChange?.({ fields: changedInputs(initial, state), replaced: [...replaced] });
    // onInputChange is left out on purpose: a new callback is not a change of the form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initial, state, replaced]);

  useEffect(() => {
    if (review && focusReview.current) {
      focusReview.current = false;
      reviewHeading.current?.focus();
    }
    if (!review && focusForm.current) {
      focusForm.current = false;
      formRef.current?.querySelector<HTMLElement>('input:not([readonly]):not([type="hidden"]), select, textarea')?.focus();
    }
  }, [review]);

  // A restored draft opens on its review: its changes against the record as Monetate holds it now.
  const reviewedFirst = useRef(false);
  // Before paint: the form never shows without its review for a frame.
  useLayoutEffect(() => {
    if (!reviewFirst || reviewedFirst.current) return;
    reviewedFirst.current = true;
    if (invalidFields.length === 0) setReview({ key: changesKey, diff });
  }, [reviewFirst, invalidFields.length, changesKey, diff]);

  function update(name: string, value: FieldInput) {
    setState((s) => ({ ...s, [name]: value }));
    setTouched((t) => (t.has(name) ? t : new Set(t).add(name)));
    setEditedSinceServer((e) => (e.has(name) ? e : new Set(e).add(name)));
  }

  function setReplacing(name: string, on: boolean) {
    setReplaced((r) => {
      const next = new Set(r);
      if (on) next.add(name);
      else next.delete(name);
      return next;
    });
    if (!on) setState((s) => ({ ...s, [name]: initial[name] ?? '' }));
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
    focusReview.current = true;
    setReview({ key: changesKey, diff });
    onReview(changes, diff);
  }

  /** Closes the review; focus goes back to the form's first field the person can change. */
  function closeReview() {
    focusForm.current = true;
    setReview(null);
  }

  let saveBlocker: string | null = null;
  if (busy) saveBlocker = 'Saving…';
  else if (invalidFields.length > 0) saveBlocker = `Correct ${invalidFields.join(', ')} before saving.`;
  else if (diff.length === 0) saveBlocker = 'No changes to save.';
  else if (confirmRequired && !reviewIsCurrent) saveBlocker = 'Review the changes before saving.';

  /** Review, Save and Cancel with Save's status: below the fields, or in the review while it is open (Cancel then closes the review). */
  const actions = (cancel: (() => void) | undefined) => (
    <div className="mdi-record-form__actions">
      <Button type="submit" disabled={busy}>
        Review changes
      </Button>
      <Button variant="primary" disabled={saveBlocker !== null} aria-describedby={statusId} onClick={() => onSave(changes)}>
        Save
      </Button>
      {cancel ? <Button onClick={cancel}>Cancel</Button> : null}
      <p id={statusId} className="mdi-note" role="status">
        {saveBlocker ?? changeSummary(diff)}
      </p>
    </div>
  );

  return (
    <form ref={formRef} className="mdi-record-form" noValidate onSubmit={handleReview} aria-busy={busy || undefined}>
      {review ? (
        <section className="mdi-record-form__review" aria-labelledby={`${baseId}-review-title`}>
          <h3 id={`${baseId}-review-title`} ref={reviewHeading} tabIndex={-1}>
            Review changes
          </h3>
          {reviewIsCurrent ? null : (
            <p className="mdi-note">The form changed after this review. Choose Review changes again to see the latest.</p>
          )}
          <DiffView diff={review.diff} caption={mode === 'create' ? 'New record' : 'Before → after'} />
          {review.diff.some((c) => c.becomesNull) ? (
            <p className="mdi-note">Monetate replaces the whole record: a field left empty is stored as null.</p>
          ) : null}
          {mode !== 'create' ? <p className="mdi-note">Every other field is sent back exactly as Monetate gave it.</p> : null}
          {actions(closeReview)}
        </section>
      ) : null}
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
        const showLocal = local !== undefined && (mode !== 'create' || showAllErrors || touched.has(field.name));
        const server = editedSinceServer.has(field.name) ? [] : (serverErrors?.byField[field.name] ?? []);
        const messages = [...(showLocal ? [local] : []), ...server];
        // Editing or adding a row keeps the record's identity: the identifier (and the key it replaces by).
        const locked = mode !== 'create' && (field.isIdentifier || field.isUniqueKey);
        const markers = [field.isIdentifier && 'identifier', field.isUniqueKey && 'unique key', field.isEventTime && 'event time'].filter(
          (m): m is string => typeof m === 'string',
        );
        const reason = kept[field.name];
        if (reason && !replaced.has(field.name)) {
          const replaceable = reason !== 'unknown_type' && !locked;
          return (
            <KeptValueInput
              key={field.name}
              id={controlId(index)}
              field={field}
              value={initialRecord?.[field.name]}
              reason={reason}
              markers={markers}
              error={server}
              onReplace={replaceable ? () => setReplacing(field.name, true) : undefined}
            />
          );
        }
        return (
          <div key={field.name}>
            <RecordFieldInput
              id={controlId(index)}
              field={field}
              value={state[field.name] ?? ''}
              onChange={(v) => update(field.name, v)}
              error={messages}
              readOnly={locked}
              timeZones={timeZones}
            />
            {reason ? (
              <Button size="small" onClick={() => setReplacing(field.name, false)}>
                Keep the value as it was<span className="mdi-visually-hidden"> for {field.name}</span>
              </Button>
            ) : null}
          </div>
        );
      })}

      {review ? null : actions(onCancel)}
    </form>
  );
}

/** Every field a save changes, named, with its old and new value: a count alone could hide a null. */
function changeSummary(diff: readonly FieldChange[]): string {
  const count = `${diff.length} field${diff.length === 1 ? '' : 's'}`;
  return `${count} will change: ${diff.map(describeChange).join('; ')}.`;
}
