import { useId, useState, type FormEvent } from 'react';
import { toErrorInfo, type ErrorInfo } from '@/utils/errors';
import { DATA_TYPES, describeSchema, validateNamedIdentifier, validateNewAttribute, type DatasetSchema, type DataType } from '@/utils/schema';
import type { SchemaView } from '@/utils/messages/protocol';
import { sendRequest } from '@/utils/messages/send';
import { ErrorMessage } from '../common/ErrorMessage';
import { TextField } from '../common/TextField';

/**
 * A dataset's schema: its fields and flags, adding attributes, and the Identifier Name a
 * dataset needs before Monetate will use it.
 */
export function SchemaTools({ schema, readOnly, onChanged }: { schema: SchemaView; readOnly: boolean; onChanged(next: SchemaView): void }) {
  const described = describeSchema(schema as DatasetSchema);
  return (
    <section className="mdi-stack" aria-label={`Schema of ${schema.name}`}>
      {!described.hasNamedIdentifier && (
        <div role="alert" className="mdi-card mdi-warn">
          This dataset has no Identifier Name, so Monetate cannot use it until it has one. Set it below.
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
        {described.fields.length} of 40 fields · Identifier Name: {schema.named_identifier ?? 'not set'}
      </p>
      {!readOnly && <AddAttributeForm schema={schema} onChanged={onChanged} />}
      {!readOnly && <IdentifierNameForm schema={schema} onChanged={onChanged} />}
    </section>
  );
}

function AddAttributeForm({ schema, onChanged }: { schema: SchemaView; onChanged(next: SchemaView): void }) {
  const typeId = useId();
  const [name, setName] = useState('');
  const [dataType, setDataType] = useState<DataType>('STRING');
  const [nameError, setNameError] = useState<string | undefined>();
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    const problems = validateNewAttribute({ name, dataType }, schema as DatasetSchema);
    const first = Object.values(problems).find(Boolean);
    setNameError(first);
    if (first) return;
    setBusy(true);
    setError(null);
    try {
      const next = await sendRequest('schema.addAttributes', { schema: schema.name, fields: { [name]: { data_type: dataType as 'STRING' } } });
      setDone(`Added ${name} (${dataType}).`);
      setName('');
      onChanged(next);
    } catch (caught) {
      setError(toErrorInfo(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="mdi-stack mdi-card" onSubmit={(event) => void submit(event)} aria-label="Add attribute" noValidate>
      <h3>Add attribute</h3>
      <div className="mdi-row">
        <TextField label="Attribute name" value={name} onChange={setName} error={nameError} />
        <div className="mdi-field">
          <label htmlFor={typeId}>Data type</label>
          <select id={typeId} value={dataType} onChange={(event) => setDataType(event.target.value as DataType)}>
            {DATA_TYPES.map((type) => (
              <option key={type}>{type}</option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={busy}>
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

function IdentifierNameForm({ schema, onChanged }: { schema: SchemaView; onChanged(next: SchemaView): void }) {
  const [value, setValue] = useState(schema.named_identifier ?? '');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    const checked = validateNamedIdentifier(value);
    setFieldError(checked.ok ? undefined : checked.message);
    if (!checked.ok) return;
    setBusy(true);
    setError(null);
    try {
      const next = await sendRequest('schema.setIdentifier', { schema: schema.name, value });
      setDone(`Identifier Name set to ${value}.`);
      onChanged(next);
    } catch (caught) {
      setError(toErrorInfo(caught));
    } finally {
      setBusy(false);
    }
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
