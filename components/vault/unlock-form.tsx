import { useEffect, useRef, useState, type FormEvent } from 'react';
import { sendRequest } from '@/utils/messages/send';
import { ErrorMessage } from '@/components/ui/error-message';
import { TextField } from '@/components/ui/text-field';
import { useAction } from '@/components/ui/use-action';

/**
 * Passphrase field and Unlock button for a profile's key. When it appears (a surface opened
 * locked, or the key was just locked) with `takeFocus`, the passphrase field takes the focus,
 * unless the person is already in another control: unlocking is then the one thing to do.
 */
export function UnlockForm({ profileId, onUnlocked, takeFocus }: { profileId: string; onUnlocked?: () => void; takeFocus?: boolean }) {
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, setError, run } = useAction();
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!takeFocus) return;
    const active = document.activeElement;
    // After Lock, the focused button went away with the unlocked view: focus fell to <body>.
    if (active && active !== document.body && active !== document.documentElement) return;
    formRef.current?.querySelector<HTMLInputElement>('input[type="password"]')?.focus();
  }, [profileId, takeFocus]);

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
    <form ref={formRef} className="mdi-stack" onSubmit={(event) => void submit(event)}>
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
