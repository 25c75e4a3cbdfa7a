import { Field, describedBy, hasMessages } from '@/components/ui';
import { TypeHint, useControlId, type FieldInputProps } from '@/components/record/field-input-props';

/** A BOOLEAN field: true, false or (empty), the last stored as null. */
export function BooleanInput({ name, value, onChange, error, readOnly, required, markers, typeLabel = 'BOOLEAN', id, onBlur }: FieldInputProps<string>) {
  const controlId = useControlId(id);
  // A stored value outside true/false still shows, so the person sees what is wrong with it.
  const unknown = value !== '' && value !== 'true' && value !== 'false';
  return (
    <Field id={controlId} label={name} hint={<TypeHint typeLabel={typeLabel} markers={markers} required={required} />} error={error}>
      <select
        id={controlId}
        className="mdi-input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        // <select> has no readOnly; disabled is the closest, and aria-readonly says why.
        disabled={readOnly}
        aria-readonly={readOnly || undefined}
        aria-required={required || undefined}
        aria-invalid={hasMessages(error) || undefined}
        aria-describedby={describedBy(controlId, { hint: true, error })}
      >
        <option value="true">true</option>
        <option value="false">false</option>
        <option value="">(empty)</option>
        {unknown ? <option value={value}>{value} (not a boolean)</option> : null}
      </select>
    </Field>
  );
}
