import { useRef, useState, type KeyboardEvent } from 'react';
import { joinMultiString } from '@/utils/schema';
import { Button, ErrorText, Field, describedBy, hasMessages } from '@/components/ui';
import { TypeHint, useControlId, type FieldInputProps } from '@/components/record/field-input-props';

/** Why a new item cannot be added, or null. */
function draftProblem(draft: string): string | null {
  if (draft.trim() === '') return 'Type a value first.';
  if (/^\s|\s$/.test(draft)) return 'Remove the spaces at the start or end of the value.';
  return null;
}

/**
 * A MULTI_STRING field edited as a list: each value is added or removed on its own, and the
 * joined, comma-escaped string that will be sent is shown.
 */
export function MultiStringInput({ name, value, onChange, error, readOnly, required, markers, typeLabel = 'MULTI_STRING', id, onBlur }: FieldInputProps<readonly string[]>) {
  const controlId = useControlId(id);
  const previewId = `${controlId}-preview`;
  const draftErrorId = `${controlId}-draft-error`;
  const [draft, setDraft] = useState('');
  const [draftError, setDraftError] = useState<string | null>(null);
  const draftRef = useRef<HTMLInputElement>(null);

  function add() {
    const problem = draftProblem(draft);
    if (problem) {
      setDraftError(problem);
      return;
    }
    onChange([...value, draft]);
    setDraft('');
    setDraftError(null);
  }

  function remove(index: number) {
    onChange(value.filter((_, i) => i !== index));
    // The pressed button disappears; keep keyboard focus in the field.
    draftRef.current?.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter') {
      // Enter adds the value instead of submitting the surrounding form.
      e.preventDefault();
      add();
    }
  }

  return (
    <Field id={controlId} label={name} hint={<TypeHint typeLabel={typeLabel} markers={markers} required={required} />} error={error}>
      <div className="mdi-multi">
        {value.length > 0 ? (
          <ul className="mdi-multi__list" aria-label={`${name} values`}>
            {value.map((item, i) => (
              <li key={`${i}:${item}`} className="mdi-multi__item">
                <span className="mdi-value">{item}</span>
                {readOnly ? null : (
                  <Button size="small" onClick={() => remove(i)}>
                    Remove<span className="mdi-visually-hidden"> {item}</span>
                  </Button>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mdi-note">No values.</p>
        )}
        {readOnly ? (
          <input
            id={controlId}
            className="mdi-input"
            type="text"
            value={joinMultiString(value)}
            readOnly
            aria-describedby={describedBy(controlId, { hint: true, error })}
          />
        ) : (
          <div className="mdi-multi__row">
            <input
              ref={draftRef}
              id={controlId}
              className="mdi-input"
              type="text"
              value={draft}
              onChange={(e) => {
                setDraft(e.target.value);
                setDraftError(null);
              }}
              onKeyDown={onKeyDown}
              onBlur={onBlur}
              aria-required={(required && value.length === 0) || undefined}
              aria-invalid={hasMessages(error) || draftError !== null || undefined}
              aria-describedby={describedBy(controlId, { hint: true, error, extra: [draftError ? draftErrorId : undefined, previewId] })}
              autoComplete="off"
              spellCheck={false}
            />
            <Button onClick={add}>Add value</Button>
          </div>
        )}
        <ErrorText id={draftErrorId} messages={draftError} />
        {draft !== '' ? <p className="mdi-note">Not added yet: press Enter or choose Add value.</p> : null}
      </div>
      <p id={previewId} className="mdi-preview">
        {value.length ? (
          <>
            Will send: <code>{joinMultiString(value)}</code>
          </>
        ) : (
          'Will send: nothing (stored as empty)'
        )}
      </p>
    </Field>
  );
}
