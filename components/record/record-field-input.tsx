import { isDateTimeFormValue, type DescribedField, type FieldInput } from '@/utils/schema';
import { BooleanInput } from '@/components/record/boolean-input';
import { DateTimeInput } from '@/components/record/date-time-input';
import { MultiStringInput } from '@/components/record/multi-string-input';
import { NumberInput } from '@/components/record/number-input';
import { StringInput } from '@/components/record/string-input';

export interface RecordFieldInputProps {
  field: DescribedField;
  value: FieldInput;
  onChange: (value: FieldInput) => void;
  error?: string | readonly string[] | null;
  readOnly?: boolean;
  id?: string;
  onBlur?: () => void;
  timeZones?: readonly string[];
}

/** The input that suits a schema field's type. */
export function RecordFieldInput({ field, value, onChange, error, readOnly, id, onBlur, timeZones }: RecordFieldInputProps) {
  const markers = [field.isIdentifier && 'identifier', field.isUniqueKey && 'unique key', field.isEventTime && 'event time'].filter(
    (m): m is string => typeof m === 'string',
  );
  const common = { name: field.name, error, readOnly, required: field.isRequired, markers, id, onBlur, typeLabel: field.spec.data_type };
  switch (field.spec.data_type) {
    case 'MULTI_STRING':
      return <MultiStringInput {...common} value={Array.isArray(value) ? (value as readonly string[]) : []} onChange={onChange} />;
    case 'DATETIME':
      return (
        <DateTimeInput
          {...common}
          value={isDateTimeFormValue(value) ? value : { local: '', timeZone: 'UTC' }}
          onChange={onChange}
          timeZones={timeZones}
        />
      );
    case 'BOOLEAN':
      return <BooleanInput {...common} value={typeof value === 'string' ? value : ''} onChange={onChange} />;
    case 'NUMBER':
      return <NumberInput {...common} value={typeof value === 'string' ? value : ''} onChange={onChange} />;
    default:
      return <StringInput {...common} value={typeof value === 'string' ? value : ''} onChange={onChange} />;
  }
}
