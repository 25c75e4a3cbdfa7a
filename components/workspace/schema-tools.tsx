import { useId, useState, type FormEvent } from 'react';
import { useAction } from '@/components/ui/use-action';
import { DATA_TYPES, MAX_FIELDS, describeSchema, isDataType, validateNamedIdentifier, validateNewAttribute, type DatasetSchema, type DataType, type NewAttributeErrors } from '@/utils/schema';
import { sendRequest } from '@/utils/messages/send';
import { ErrorMessage } from '@/components/ui/error-message';
import { TextField } from '@/components/ui/text-field';
import { notifyEditLogChanged } from '@/components/workspace/edit-log-events';
import { ImportLink } from '@/components/import/import-link';
import { UploadHistory } from '@/components/import/upload-history';

/** What a dataset without an Identifier Name means for the person looking at it. */
export const NO_IDENTIFIER_WARNING = 'This dataset has no Identifier Name: it cannot be used until it has one.';

/**
 * A dataset's schema: its fields and flags, adding attributes, and the Identifier Name a
 * dataset needs before Monetate will use it.
 */
export function SchemaTools({ schema, readOnly, onChanged }: { schema: DatasetSchema; readOnly: boolean; onChanged(next: DatasetSchema): void }) {
  const described = describeSchema(schema);
  return (
    <section className="mdi-stack" aria-label={`Schema of ${schema.name}`}>
      {!described.hasNamedIdentifier && (
        <div role="alert" className="mdi-card mdi-warn">
          {NO_IDENTIFIER_WARNING} {readOnly ? 'This profile is read-only, so it cannot set it.' : 'Set it below.'}
        </div>
      )}
      <table className="mdi-table">
        <caption className="mdi-visually-hidden">Fields of {schema.name}</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Type</th>
            <th scope="col">Flags</th>
          </tr>
        </thead>
        <tbody>
          {described.fields.map((field) => (
            <tr key={field.name}>
              <td className="mdi-mono">{field.name}</td>
              <td>{field.spec.data_type}</td>
              <td>
                {[field.isIdentifier && 'identifier', field.isUniqueKey && 'unique key', field.spec.required && 'required', field.isEventTime && 'event time']
                  .filter(Boolean)
                  .join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mdi-hint">
        {described.fields.length} of {MAX_FIELDS} fields · Identifier Name: {schema.named_identifier || 'not set'}
      </p>
      {!readOnly && <AddAttributeForm schema={schema} onChanged={onChanged} />}
      {!readOnly && <IdentifierNameForm schema={schema} onChanged={onChanged} />}
      {!readOnly && <ImportLink />}
      <UploadHistory dataset={schema.name} />
    </section>
  );
}

function AddAttributeForm({ schema, onChanged }: { schema: DatasetSchema; onChanged(next: DatasetSchema): void }) {
  const typeId = useId();
  const [name, setName] = useState('');
  const [dataType, setDataType] = useState<DataType>('STRING');
  const [problems, setProblems] = useState<NewAttributeErrors>({});
  const [done, setDone] = useState('');
  const { busy, error, run } = useAction();
  const count = Object.keys(schema.fields).length;
  const full = count >= MAX_FIELDS;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    // Checked here, before anything is sent; the background checks again.
    const found = validateNewAttribute({ name, dataType }, schema);
    setProblems(found);
    if (Object.values(found).some(Boolean)) return;
    const result = await run(() => sendRequest('schema.addAttributes', { dataset: schema.name, fields: { [name]: { data_type: dataType } } }));
    notifyEditLogChanged();
    if (!result.ok) return;
    setDone(`Added ${name} (${dataType}).`);
    setName('');
    onChanged(result.value);
  };

  return (
    <form className="mdi-stack mdi-card" onSubmit={(event) => void submit(event)} aria-label="Add attribute" noValidate>
      <h3>Add attribute</h3>
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
            setProblems({});
          }}
          error={problems.name}
          hint="Starts with a letter; letters, digits and underscores"
          autoComplete="off"
          spellCheck={false}
        />
        <div className="mdi-field">
          <label htmlFor={typeId}>Data type</label>
          <select id={typeId} value={dataType} onChange={(event) => isDataType(event.target.value) && setDataType(event.target.value)} aria-invalid={problems.dataType ? true : undefined}>
            {DATA_TYPES.map((type) => (
              <option key={type}>{type}</option>
            ))}
          </select>
          {problems.dataType && <span className="mdi-error">{problems.dataType}</span>}
        </div>
        <button type="submit" disabled={busy || full}>
          Add attribute
        </button>
      </div>
      <p role="status" className="mdi-ok">
        {done}
      </p>
      <ErrorMessage error={error} />
    </form>
  );
}

/** Sets a dataset's Identifier Name (`PATCH …/schema/{name}/` with `named_identifier`). */
export function IdentifierNameForm({ schema, onChanged }: { schema: DatasetSchema; onChanged(next: DatasetSchema): void }) {
  const [value, setValue] = useState(schema.named_identifier ?? '');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [done, setDone] = useState('');
  const { busy, error, run } = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    const checked = validateNamedIdentifier(value);
    setFieldError(checked.ok ? undefined : checked.message);
    if (!checked.ok) return;
    const result = await run(() => sendRequest('schema.setIdentifier', { dataset: schema.name, value }));
    notifyEditLogChanged();
    if (!result.ok) return;
    setDone(`Identifier Name set to ${value}.`);
    onChanged(result.value);
  };

  return (
    <form className="mdi-stack mdi-card" onSubmit={(event) => void submit(event)} aria-label="Identifier Name" noValidate>
      <h3>Identifier Name</h3>
      <div className="mdi-row">
        <TextField label="Identifier Name" value={value} onChange={setValue} error={fieldError} hint="Letters, digits and underscores, for example customer_id" />
        <button type="submit" disabled={busy}>
          Set Identifier Name
        </button>
      </div>
      <p role="status" className="mdi-ok">
        {done}
      </p>
      <ErrorMessage error={error} />
    </form>
  );
}
