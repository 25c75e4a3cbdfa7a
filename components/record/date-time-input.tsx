import { useMemo } from 'react';
import {
  fromIsoDateTime,
  listTimeZones,
  resolveLocalDateTime,
  validateFieldInput,
  type DateTimeFormValue,
} from '@/utils/schema';
import { Field, describedBy, fieldIds, hasMessages } from '@/components/ui';
import { TypeHint, useControlId, type FieldInputProps } from '@/components/record/field-input-props';

export interface DateTimeInputProps extends FieldInputProps<DateTimeFormValue> {
  /** Zones to offer; defaults to every zone Intl knows plus UTC. */
  timeZones?: readonly string[];
}

/** The ISO value this input will send, or null when it is empty or not valid yet. */
function isoToSend(value: DateTimeFormValue): string | null {
  const result = validateFieldInput({ data_type: 'DATETIME' }, value, { mode: 'edit', isIdentifier: false });
  return result.ok && typeof result.value === 'string' ? result.value : null;
}

/**
 * A DATETIME field: a local date and time plus the zone it is read in, and the ISO-8601
 * value that will be sent. Changing the zone keeps the instant (the clock time moves), so
 * looking at a stored time in another zone never changes it.
 */
export function DateTimeInput({ name, value, onChange, error, readOnly, required, markers, typeLabel = 'DATETIME', id, onBlur, timeZones }: DateTimeInputProps) {
  const controlId = useControlId(id);
  const zoneId = `${controlId}-zone`;
  const previewId = `${controlId}-preview`;
  const zones = useMemo(
    () => (timeZones ? [...new Set([...timeZones, value.timeZone])] : listTimeZones([value.timeZone])),
    [timeZones, value.timeZone],
  );
  const iso = isoToSend(value);
  const resolved = value.local ? resolveLocalDateTime(value.local, value.timeZone) : null;
  const unreadable = value.local === '' && value.original !== undefined;

  function changeZone(timeZone: string) {
    const local = iso ? (fromIsoDateTime(iso, timeZone) ?? value.local) : value.local;
    onChange({ ...value, local, timeZone });
  }

  return (
    <Field id={controlId} label={name} hint={<TypeHint typeLabel={typeLabel} markers={markers} required={required} />} error={error}>
      <div className="mdi-datetime__row">
        <input
          id={controlId}
          className="mdi-input"
          type="datetime-local"
          step={1}
          value={value.local}
          onChange={(e) => onChange({ ...value, local: e.target.value })}
          onBlur={onBlur}
          readOnly={readOnly}
          aria-required={required || undefined}
          aria-invalid={hasMessages(error) || undefined}
          aria-describedby={describedBy(controlId, { hint: true, error, extra: [previewId] })}
        />
        <label htmlFor={zoneId} className="mdi-note">{`${name} time zone`}</label>
        <select
          id={zoneId}
          className="mdi-input"
          value={value.timeZone}
          onChange={(e) => changeZone(e.target.value)}
          disabled={readOnly}
          aria-describedby={fieldIds(controlId).hint}
        >
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </div>
      <p id={previewId} className="mdi-preview">
        {iso ? (
          <>
            Will send: <code>{iso}</code>
          </>
        ) : value.local === '' ? (
          'Will send: nothing (stored as empty)'
        ) : (
          'Will send: nothing until the date and time are valid'
        )}
        {resolved?.kind === 'ambiguous' ? ` This time happens twice in ${value.timeZone} (clocks go back); the first one is used.` : ''}
        {unreadable ? ` The stored value "${value.original}" is not a date we can read.` : ''}
      </p>
    </Field>
  );
}
