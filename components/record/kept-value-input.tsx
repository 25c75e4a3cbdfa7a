import { describeKeptReason, recordValueText, type DescribedField, type KeptReason, type RecordValue } from '@/utils/schema';
import { Button, Field, describedBy } from '@/components/ui';
import { TypeHint, useControlId } from '@/components/record/field-input-props';

export interface KeptValueInputProps {
  field: DescribedField;
  /** The value as read from Monetate. */
  value: RecordValue | undefined;
  reason: KeptReason;
  markers: readonly string[];
  id?: string;
  /** Monetate's refusal of this very value (it may refuse a value it holds itself): replacing it is the way out. */
  error?: readonly string[];
  /** Absent when the value cannot be replaced here (a type the form does not know, a locked field). */
  onReplace?: () => void;
}

/**
 * A value the typed input cannot show exactly: shown as it is, in a read-only box, marked
 * "kept as is" and sent back untouched, unless the person chooses to replace it.
 */
export function KeptValueInput({ field, value, reason, markers, id, error, onReplace }: KeptValueInputProps) {
  const controlId = useControlId(id);
  const noteId = `${controlId}-kept`;
  const empty = value === null || value === undefined;
  return (
    <Field
      id={controlId}
      label={field.name}
      hint={<TypeHint typeLabel={String(field.spec.data_type)} markers={[...markers, 'kept as is']} required={field.isRequired} />}
      error={error}
    >
      <input
        id={controlId}
        className="mdi-input mdi-value"
        type="text"
        readOnly
        value={empty ? '' : recordValueText(value)}
        aria-invalid={error && error.length > 0 ? true : undefined}
        aria-describedby={describedBy(controlId, { hint: true, error, extra: [noteId] })}
      />
      <p id={noteId} className="mdi-note">
        {describeKeptReason(reason)} {empty ? 'It stays empty.' : 'Kept as is: it is sent back exactly as Monetate gave it.'}
      </p>
      {onReplace ? (
        <div>
          <Button size="small" onClick={onReplace}>
            Replace value<span className="mdi-visually-hidden"> of {field.name}</span>
          </Button>
        </div>
      ) : null}
    </Field>
  );
}
