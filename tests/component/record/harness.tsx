import { useState, type ComponentType } from 'react';
import { validateFieldInput, type FieldInput, type FieldSpec } from '@/utils/schema';
import type { FieldInputProps } from '@/components/record';

/**
 * Holds one input's value and validates it the way RecordForm does, so tests drive an input
 * like a person would and see the message the form would show.
 */
export function Validated<V extends FieldInput>({
  Input,
  spec,
  initial,
  name = 'field',
  required,
  onValue,
}: {
  Input: ComponentType<FieldInputProps<V>>;
  spec: FieldSpec;
  initial: NoInfer<V>;
  name?: string;
  required?: boolean;
  onValue?: (v: V) => void;
}) {
  const [value, setValue] = useState<V>(initial);
  const result = validateFieldInput(spec, value, { mode: 'edit', isIdentifier: false, isRequired: required });
  return (
    <Input
      name={name}
      value={value}
      required={required}
      onChange={(v) => {
        setValue(v);
        onValue?.(v);
      }}
      error={result.ok ? null : result.message}
    />
  );
}
