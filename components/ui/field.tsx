import type { ReactNode } from 'react';
import { ErrorText, hasMessages } from '@/components/ui/error-text';
import '@/components/ui/ui.css';

export interface FieldProps {
  /** The id of the control the label points at. */
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | readonly string[] | null;
  children: ReactNode;
  className?: string;
}

/** Ids of a field's hint and error, for `aria-describedby`. */
export function fieldIds(id: string) {
  return { label: `${id}-label`, hint: `${id}-hint`, error: `${id}-error` };
}

/**
 * The `aria-describedby` value for a control: its hint and, when present, its error.
 * @example describedBy('f1', { hint: true, error: 'Required' }) // 'f1-hint f1-error'
 */
export function describedBy(id: string, parts: { hint?: boolean; error?: string | readonly string[] | null; extra?: readonly (string | false | undefined)[] }): string | undefined {
  const ids = fieldIds(id);
  const list = [parts.hint ? ids.hint : null, hasMessages(parts.error) ? ids.error : null, ...(parts.extra ?? [])].filter(
    (x): x is string => typeof x === 'string' && x !== '',
  );
  return list.length ? list.join(' ') : undefined;
}

/** A visible label, an optional hint, the control, then its error. */
export function Field({ id, label, hint, error, children, className }: FieldProps) {
  const ids = fieldIds(id);
  return (
    <div className={['mdi-field', className].filter(Boolean).join(' ')}>
      <label id={ids.label} htmlFor={id} className="mdi-field__label">
        {label}
      </label>
      {hint ? (
        <span id={ids.hint} className="mdi-field__hint">
          {hint}
        </span>
      ) : null}
      {children}
      <ErrorText id={ids.error} messages={error} />
    </div>
  );
}
