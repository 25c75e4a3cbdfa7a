import { Field, describedBy, hasMessages } from '../ui';
import { TypeHint, useControlId, type FieldInputProps } from './fieldInputProps';

/**
 * A NUMBER field. A text input with a decimal keyboard rather than type="number", which
 * would blank out partial input such as "-" or "1." and hide why it is invalid.
 */
export function NumberInput({ name, value, onChange, error, readOnly, required, markers, typeLabel = 'NUMBER', id, onBlur }: FieldInputProps<string>) {
  const controlId = useControlId(id);
  return (
    <Field id={controlId} label={name} hint={<TypeHint typeLabel={typeLabel} markers={markers} required={required} />} error={error}>
      <input
        id={controlId}
        className="mdi-input"
        type="text"
        inputMode="decimal"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        readOnly={readOnly}
        aria-required={required || undefined}
        aria-invalid={hasMessages(error) || undefined}
        aria-describedby={describedBy(controlId, { hint: true, error })}
        autoComplete="off"
        spellCheck={false}
      />
    </Field>
  );
}
