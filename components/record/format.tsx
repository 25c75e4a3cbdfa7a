import { recordValueText, type RecordValue } from '@/utils/schema';
import '@/components/record/record.css';

/** A record value as the text a person reads (and copies); null when it is empty. */
export function valueToText(value: RecordValue | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  return recordValueText(value);
}

/** An em dash that screen readers announce as "empty". */
export function EmptyValue() {
  return (
    <span className="mdi-empty">
      <span aria-hidden="true">—</span>
      <span className="mdi-visually-hidden">empty</span>
    </span>
  );
}

/** A value rendered strictly as text: React escapes it, so HTML in data stays inert. */
export function ValueText({ value }: { value: RecordValue | undefined }) {
  const text = valueToText(value);
  return text === null ? <EmptyValue /> : <span className="mdi-value">{text}</span>;
}
