import { useState } from 'react';
import { writeClipboard } from '@/utils/clipboard';
import { describeError, toErrorInfo } from '@/utils/errors';

/**
 * Copies text (or what `getText` resolves to) and says so.
 * @example <CopyButton label="Copy token" getText={() => fetchToken()} />
 */
export function CopyButton({ label, getText, disabled }: { label: string; getText: () => string | Promise<string>; disabled?: boolean }) {
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const copy = async () => {
    try {
      const text = await getText();
      await writeClipboard(text);
      setStatus({ ok: true, text: 'Copied.' });
    } catch (error) {
      setStatus({ ok: false, text: `Could not copy: ${describeError(toErrorInfo(error))}` });
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
