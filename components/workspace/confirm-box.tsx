import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * Asks before something is lost: the question, why it matters, the action and a way back.
 * Focus starts on the way back, so Enter never loses anything by accident.
 */
export function ConfirmBox({
  question,
  detail,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  children,
}: {
  question: string;
  detail?: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm(): void;
  onCancel(): void;
  /** More choices (e.g. Export first), shown before the two buttons. */
  children?: ReactNode;
}) {
  const id = `mdi-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => back.current?.focus(), []);
  return (
    <div role="alertdialog" aria-labelledby={`${id}-q`} aria-describedby={detail ? `${id}-d` : undefined} className="mdi-card mdi-stack">
      <p id={`${id}-q`}>
        <strong>{question}</strong>
      </p>
      {detail && (
        <p id={`${id}-d`} className="mdi-hint">
          {detail}
        </p>
      )}
      {children}
      <div className="mdi-row">
        <button type="button" onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" ref={back} onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </div>
  );
}
