import { useState } from 'react';

/**
 * Copies text (or what `getText` resolves to) and says so.
 * @example <CopyButton label="Copy token" getText={() => fetchToken()} />
 */
export function CopyButton({ label, getText, disabled }: { label: string; getText: () => string | Promise<string>; disabled?: boolean }) {
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const copy = async () => {
    try {
      const text = await getText();
      await navigator.clipboard.writeText(text);
      setStatus({ ok: true, text: 'Copied.' });
    } catch (error) {
      const reason = error instanceof Error && 'code' in error ? error.message : 'the browser refused the clipboard';
      setStatus({ ok: false, text: `Could not copy: ${reason}.` });
    }
  };
  return (
    <span>
      <button type="button" onClick={() => void copy()} disabled={disabled}>
        {label}
      </button>{' '}
      <span role="status" className={status?.ok === false ? 'mdi-error' : 'mdi-hint'}>
        {status?.text ?? ''}
      </span>
    </span>
  );
}
