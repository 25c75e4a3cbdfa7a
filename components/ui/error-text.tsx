import '@/components/ui/ui.css';

export interface ErrorTextProps {
  id: string;
  /** Nothing is rendered when there is no message. */
  messages?: string | readonly string[] | null;
}

/** Error sentences for one control; role="alert" so they are announced when they appear. */
export function ErrorText({ id, messages }: ErrorTextProps) {
  // Local and server checks can say the same thing; say it once.
  const list = messages == null ? [] : typeof messages === 'string' ? [messages] : [...new Set(messages)];
  if (list.length === 0) return null;
  return (
    <div id={id} className="mdi-error" role="alert">
      {list.map((m) => (
        <p key={m}>{m}</p>
      ))}
    </div>
  );
}

/** True when `messages` holds at least one sentence. */
export function hasMessages(messages?: string | readonly string[] | null): boolean {
  return messages != null && messages.length > 0;
}
