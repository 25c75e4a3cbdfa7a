import { useState, type FormEvent } from 'react';
import { sendRequest } from '@/utils/messages/send';
import { ErrorMessage } from '@/components/ui/error-message';
import { TextField } from '@/components/ui/text-field';
import { useAction } from '@/components/ui/use-action';

/** Passphrase field and Unlock button for a profile's key. */
export function UnlockForm({ profileId, onUnlocked }: { profileId: string; onUnlocked?: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, setError, run } = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!passphrase) {
      setError({ code: 'passphrase_missing' });
      return;
    }
    const result = await run(() => sendRequest('vault.unlock', { profileId, passphrase }));
    if (!result.ok) return;
    setPassphrase('');
    onUnlocked?.();
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
