import { useId } from 'react';
import '@/components/record/record.css';

/** What every field input takes. Inputs are controlled: the parent validates and passes `error`. */
export interface FieldInputProps<V> {
  /** The field name; it is the label text. */
  name: string;
  value: V;
  onChange: (value: V) => void;
  /** Sentences to show beside the control; it is marked invalid when there is one. */
  error?: string | readonly string[] | null;
  readOnly?: boolean;
  required?: boolean;
  /** Extra words after the type hint, e.g. `['identifier']`. */
  markers?: readonly string[];
  /** The type shown as a hint; defaults to the input's own type. */
  typeLabel?: string;
  /** Id of the main control; generated when absent. */
  id?: string;
  onBlur?: () => void;
}

export function useControlId(id?: string): string {
  const generated = useId();
  return id ?? `mdi-${generated.replace(/[^A-Za-z0-9_-]/g, '')}`;
}

/** The type badge and markers shown under a field's label. */
export function TypeHint({ typeLabel, markers = [], required }: { typeLabel: string; markers?: readonly string[]; required?: boolean }) {
  const words = [...markers];
  if (required && !words.includes('required')) words.push('required');
  return (
    <>
      <span className="mdi-type-badge">{typeLabel}</span>
      {words.map((w) => (
        <span key={w} className="mdi-marker">
          {w}
        </span>
      ))}
    </>
  );
}
