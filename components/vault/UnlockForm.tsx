import { useState, type FormEvent } from 'react';
import { toErrorInfo, type ErrorInfo } from '@/utils/errors';
import { sendRequest } from '@/utils/messages/send';
import { ErrorMessage } from '../common/ErrorMessage';
import { TextField } from '../common/TextField';

/** Passphrase field and Unlock button for a profile's key. */
export function UnlockForm({ profileId, onUnlocked }: { profileId: string; onUnlocked?: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!passphrase) {
      setError({ code: 'invalid_input', detail: 'Enter the passphrase you chose when you set up the key.' });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await sendRequest('vault.unlock', { profileId, passphrase });
      setPassphrase('');
      onUnlocked?.();
    } catch (caught) {
      setError(toErrorInfo(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="mdi-stack" onSubmit={(event) => void submit(event)}>
      <div className="mdi-row">
        <TextField label="Passphrase" type="password" autoComplete="current-password" value={passphrase} onChange={setPassphrase} />
        <button type="submit" className="mdi-primary" disabled={busy}>
          {busy ? 'Unlocking…' : 'Unlock'}
        </button>
      </div>
      <ErrorMessage error={error} />
    </form>
  );
}
