import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ErrorInfo } from '@/utils/errors';
import {
  DATA_TYPES,
  MAX_FIELDS,
  describeSchema,
  isDataType,
  reviewIdentifierName,
  reviewNewAttribute,
  validateNamedIdentifier,
  validateNewAttribute,
  type DatasetSchema,
  type DataType,
  type NewAttributeErrors,
} from '@/utils/schema';
import type { Loadable, SchemaWriteResult } from '@/utils/stores/schema-store';
import { ErrorMessage } from '@/components/ui/error-message';
import { TextField } from '@/components/ui/text-field';
import { LoadStatus } from '@/components/lookup/load-status';
import { notifyEditLogChanged } from '@/components/workspace/edit-log-events';
import { useSchemaStoreApi } from '@/components/workspace/schema-store-context';
import { ImportLink } from '@/components/import/import-link';
import { UploadHistory } from '@/components/import/upload-history';
import { DataTable } from '@/components/ui/data-table';

/** What a dataset without an Identifier Name means for the person looking at it. */
export const NO_IDENTIFIER_WARNING = 'This dataset has no Identifier Name: it cannot be used until it has one.';

/** "Loading the schema of …", or why it could not be loaded with a Retry. */
export function SchemaLoadStatus({ dataset, state, onRetry }: { dataset: string; state: Loadable<DatasetSchema>; onRetry(): void }) {
  return <LoadStatus state={state} loading={`Loading the schema of ${dataset}…`} failed={`The schema of ${dataset} could not be loaded.`} onRetry={onRetry} />;
}

/**
 * A dataset's schema: its fields and flags, adding attributes, and the Identifier Name a
 * dataset needs before Monetate will use it. Every change is reviewed first when `needsReview`
 * (`writesNeedReview`: "Confirm every write", or a production profile). The forms are keyed by
 * the dataset, so another dataset never shows this one's inputs or messages.
 */
export function SchemaTools({
  schema,
  readOnly,
  needsReview,
  onChanged,
}: {
  schema: DatasetSchema;
  readOnly: boolean;
  needsReview: boolean;
  onChanged(next: DatasetSchema): void;
}) {
  const described = describeSchema(schema);
  return (
    <section className="mdi-stack" aria-label={`Schema of ${schema.name}`}>
      {!described.hasNamedIdentifier && (
        <div role="alert" className="mdi-card mdi-warn">
          {NO_IDENTIFIER_WARNING} {readOnly ? 'This profile is read-only, so it cannot set it.' : 'Set it below.'}
        </div>
      )}
      <DataTable
        caption={{ text: `Fields of ${schema.name}`, hidden: true }}
        columns={['Field', 'Type', 'Flags']}
        rows={described.fields}
        rowKey={(field) => field.name}
        cells={(field) => (
          <>
            <td className="mdi-mono">{field.name}</td>
            <td>{field.spec.data_type}</td>
            <td>
              {[field.isIdentifier && 'identifier', field.isUniqueKey && 'unique key', field.spec.required && 'required', field.isEventTime && 'event time']
                .filter(Boolean)
                .join(', ')}
            </td>
          </>
        )}
      />
      <p className="mdi-hint">
        {described.fields.length} of {MAX_FIELDS} fields · Identifier Name: {schema.named_identifier || 'not set'}
      </p>
      {!readOnly && <AddAttributeForm key={`add:${schema.name}`} schema={schema} needsReview={needsReview} onChanged={onChanged} />}
      {!readOnly && <IdentifierNameForm key={`identifier:${schema.name}`} schema={schema} needsReview={needsReview} onChanged={onChanged} />}
      {!readOnly && <ImportLink />}
      <UploadHistory dataset={schema.name} />
    </section>
  );
}

/** A schema write's busy flag, error and result sentence; the edit log is told after each send. */
function useSchemaWrite() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [done, setDone] = useState('');
  const write = async (run: () => Promise<SchemaWriteResult>): Promise<SchemaWriteResult> => {
    setBusy(true);
    setError(null);
    setDone('');
    const result = await run();
    setBusy(false);
    notifyEditLogChanged();
    if (!result.ok && result.error) setError(result.error);
    return result;
  };
  return { busy, error, done, setDone, reset: () => (setError(null), setDone('')), write };
}

/**
 * "Adds field … This cannot be undone in Monetate." with Confirm and Back. Takes focus, so the
 * person reads what is about to be written where they are looking.
 */
function ChangeReview({ label, text, busy, onConfirm, onBack }: { label: string; text: string; busy: boolean; onConfirm(): void; onBack(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} role="group" aria-label={label} className="mdi-card mdi-warn mdi-stack" tabIndex={-1}>
      <p>{text}</p>
      <div className="mdi-row">
        <button type="button" className="mdi-primary" onClick={onConfirm} disabled={busy}>
          Confirm
        </button>
        <button type="button" onClick={onBack} disabled={busy}>
          Back
        </button>
      </div>
    </div>
  );
}

function AddAttributeForm({ schema, needsReview, onChanged }: { schema: DatasetSchema; needsReview: boolean; onChanged(next: DatasetSchema): void }) {
  const store = useSchemaStoreApi();
  const typeId = useId();
  const [name, setName] = useState('');
  const [dataType, setDataType] = useState<DataType>('STRING');
  const [problems, setProblems] = useState<NewAttributeErrors>({});
  const [reviewing, setReviewing] = useState(false);
  const { busy, error, done, setDone, reset, write } = useSchemaWrite();
  const count = Object.keys(schema.fields).length;
  const full = count >= MAX_FIELDS;

  const add = async () => {
    const result = await write(() => store.getState().addAttribute(schema, name, dataType));
    setReviewing(false);
    if (!result.ok) return setProblems(result.problems ?? {});
    setDone(`Added ${name} (${dataType}).`);
    setName('');
    onChanged(result.schema);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    reset();
    // Checked here, before anything is shown or sent; the store and the background check again.
    const found = validateNewAttribute({ name, dataType }, schema);
    setProblems(found);
    if (Object.values(found).some(Boolean)) return;
    if (needsReview) setReviewing(true);
    else void add();
  };

  const edited = () => {
    setProblems({});
    setReviewing(false);
  };

  return (
    <form className="mdi-stack mdi-card" onSubmit={submit} aria-label="Add attribute" noValidate>
      <h2>Add attribute</h2>
      {full || problems.form ? (
        <p role="alert" className="mdi-error">
          {problems.form ?? `A dataset can have at most ${MAX_FIELDS} fields; this one has ${count}.`}
        </p>
      ) : null}
      <div className="mdi-row">
        <TextField
          label="Attribute name"
          value={name}
          onChange={(next) => {
            setName(next);
            edited();
          }}
          error={problems.name}
          hint="Starts with a letter; letters, digits and underscores"
          autoComplete="off"
          spellCheck={false}
        />
        <div className="mdi-field">
          <label htmlFor={typeId}>Data type</label>
          <select
            id={typeId}
            value={dataType}
            onChange={(event) => {
              if (isDataType(event.target.value)) setDataType(event.target.value);
              edited();
            }}
            aria-invalid={problems.dataType ? true : undefined}
          >
            {DATA_TYPES.map((type) => (
              <option key={type}>{type}</option>
            ))}
          </select>
          {problems.dataType && <span className="mdi-error">{problems.dataType}</span>}
        </div>
        <button type="submit" disabled={busy || full || reviewing}>
          Add attribute
        </button>
      </div>
      {reviewing && (
        <ChangeReview label="Review the new attribute" text={reviewNewAttribute(schema, name, dataType)} busy={busy} onConfirm={() => void add()} onBack={() => setReviewing(false)} />
      )}
      <p role="status" className="mdi-ok">
        {done}
      </p>
      <ErrorMessage error={error} />
    </form>
  );
}

/** Sets a dataset's Identifier Name (`PATCH …/schema/{name}/` with `named_identifier`), reviewed first when `needsReview`. */
export function IdentifierNameForm({ schema, needsReview, onChanged }: { schema: DatasetSchema; needsReview: boolean; onChanged(next: DatasetSchema): void }) {
  const store = useSchemaStoreApi();
  const [value, setValue] = useState(schema.named_identifier ?? '');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [reviewing, setReviewing] = useState(false);
  const { busy, error, done, setDone, reset, write } = useSchemaWrite();

  const set = async () => {
    const result = await write(() => store.getState().setIdentifier(schema, value));
    setReviewing(false);
    if (!result.ok) return;
    setDone(`Identifier Name set to ${value}.`);
    onChanged(result.schema);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    reset();
    const checked = validateNamedIdentifier(value);
    setFieldError(checked.ok ? undefined : checked.message);
    if (!checked.ok) return;
    if (needsReview) setReviewing(true);
    else void set();
  };

  return (
    <form className="mdi-stack mdi-card" onSubmit={submit} aria-label="Identifier Name" noValidate>
      <h2>Identifier Name</h2>
      <div className="mdi-row">
        <TextField
          label="Identifier Name"
          value={value}
          onChange={(next) => {
            setValue(next);
            setReviewing(false);
          }}
          error={fieldError}
          hint="Letters, digits and underscores, for example customer_id"
        />
        <button type="submit" disabled={busy || reviewing}>
          Set Identifier Name
        </button>
      </div>
      {reviewing && (
        <ChangeReview label="Review the Identifier Name" text={reviewIdentifierName(schema, value)} busy={busy} onConfirm={() => void set()} onBack={() => setReviewing(false)} />
      )}
      <p role="status" className="mdi-ok">
        {done}
      </p>
      <ErrorMessage error={error} />
    </form>
  );
}
