import { Field, describedBy, hasMessages } from '@/components/ui';
import { TypeHint, useControlId, type FieldInputProps } from '@/components/record/field-input-props';

/** A STRING field (also GOOGLE_PRODUCT_CATEGORY): one line of text. NumberInput reuses it. */
export function StringInput({
  name,
  value,
  onChange,
  error,
  readOnly,
  required,
  markers,
  typeLabel = 'STRING',
  id,
  onBlur,
  inputMode,
}: FieldInputProps<string> & { inputMode?: 'text' | 'decimal' }) {
  const controlId = useControlId(id);
  return (
    <Field id={controlId} label={name} hint={<TypeHint typeLabel={typeLabel} markers={markers} required={required} />} error={error}>
      <input
        id={controlId}
        className="mdi-input"
        type="text"
        inputMode={inputMode}
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
