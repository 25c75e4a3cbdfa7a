import { StringInput } from '@/components/record/string-input';
import type { FieldInputProps } from '@/components/record/field-input-props';

/**
 * A NUMBER field. A text input with a decimal keyboard rather than type="number", which
 * would blank out partial input such as "-" or "1." and hide why it is invalid.
 */
export function NumberInput({ typeLabel = 'NUMBER', ...props }: FieldInputProps<string>) {
  return <StringInput {...props} typeLabel={typeLabel} inputMode="decimal" />;
}
