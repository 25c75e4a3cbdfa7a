import { useId, useState, type FormEvent } from 'react';
import { toErrorInfo, type ErrorInfo } from '@/utils/errors';
import type { ProfileSummary } from '@/utils/messages/protocol';
import { sendRequest } from '@/utils/messages/send';
import { ErrorMessage } from '@/components/ui/error-message';
import { TextField } from '@/components/ui/text-field';
import { UnlockForm } from '@/components/vault/unlock-form';
import { useAction } from '@/components/ui/use-action';
import { describeEstimate, usePassphraseEstimate, weakPassphraseError } from '@/components/vault/use-passphrase-estimate';
import { checkApiBaseUrl } from '@/utils/profiles/api-base-url';
import { hostOf, requestHostPermission } from '@/utils/browser/host-permission';

/** Unlock, lock, change passphrase and encrypted backup of one profile's vault. */
export function VaultTools({ profile }: { profile: ProfileSummary }) {
  return (
    <section className="mdi-stack" aria-labelledby="vault-heading">
      <h2 id="vault-heading">Vault</h2>
      <p>
        The key is {profile.unlocked ? <strong className="mdi-ok">unlocked</strong> : <strong className="mdi-warn">locked</strong>}.
      </p>
      {profile.unlocked ? <LockButton profileId={profile.id} /> : <UnlockForm profileId={profile.id} />}
      <ChangePassphrase profileId={profile.id} context={[profile.name, profile.username, profile.retailer]} />
      <ExportBackup profile={profile} />
    </section>
  );
}

function LockButton({ profileId }: { profileId: string }) {
  const [error, setError] = useState<ErrorInfo | null>(null);
  return (
    <div>
      <button type="button" onClick={() => sendRequest('vault.lock', { profileId }).catch((caught) => setError(toErrorInfo(caught)))}>
        Lock
      </button>
      <ErrorMessage error={error} />
    </div>
  );
}

function ChangePassphrase({ profileId, context }: { profileId: string; context: string[] }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const { busy, error, setError, run } = useAction();
  const [done, setDone] = useState(false);
  const estimate = usePassphraseEstimate(next, context);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (next !== confirm) return setError({ code: 'passphrase_mismatch' });
    const weak = await weakPassphraseError(next, context);
    if (weak) return setError(weak);
    const result = await run(() => sendRequest('vault.changePassphrase', { profileId, current, next }));
    if (!result.ok) return;
    setCurrent('');
    setNext('');
    setConfirm('');
    setDone(true);
  };

  return (
    <details>
      <summary>Change passphrase</summary>
      <form className="mdi-stack" onSubmit={(event) => void submit(event)} aria-label="Change passphrase">
        <TextField label="Current passphrase" type="password" autoComplete="current-password" value={current} onChange={setCurrent} />
        <TextField label="New passphrase" type="password" autoComplete="new-password" value={next} onChange={setNext} hint={describeEstimate(estimate, 'Several unrelated words work well.')} />
        <TextField label="Confirm new passphrase" type="password" autoComplete="new-password" value={confirm} onChange={setConfirm} />
        <div>
          <button type="submit" disabled={busy}>
            Change passphrase
          </button>
        </div>
        <ErrorMessage error={error} />
        <p role="status" className="mdi-ok">
          {done ? 'Passphrase changed.' : ''}
        </p>
      </form>
    </details>
  );
}

function ExportBackup({ profile }: { profile: ProfileSummary }) {
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [done, setDone] = useState('');
  const exportNow = async () => {
    setError(null);
    try {
      const { fileName, text } = await sendRequest('vault.exportBackup', { profileId: profile.id });
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setDone(`Saved ${fileName}. The key inside stays encrypted under your passphrase.`);
    } catch (caught) {
      setError(toErrorInfo(caught));
    }
  };
  return (
    <div className="mdi-stack">
      <div>
        <button type="button" onClick={() => void exportNow()} disabled={!profile.hasKey}>
          Export encrypted backup
        </button>
      </div>
      <p role="status" className="mdi-hint">
        {done}
      </p>
      <ErrorMessage error={error} />
    </div>
  );
}

/**
 * Restores a profile and its encrypted key from a backup file. A backup for an API host other
 * than Monetate's asks the browser for that host first; the background checks the profile as the
 * form does, and refuses a host the user did not allow.
 */
export function ImportBackup({ localBuild, onImported }: { localBuild: boolean; onImported(profileId: string): void }) {
  const fileId = useId();
  const [text, setText] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, setError, run } = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text) return setError({ code: 'backup_not_chosen' });
    const otherHost = otherApiHostOf(text, localBuild);
    if (otherHost && !(await requestHostPermission(otherHost))) return setError({ code: 'host_not_permitted', detail: hostOf(otherHost) });
    const result = await run(() => sendRequest('vault.importBackup', { text, passphrase }));
    if (!result.ok) return;
    setText('');
    setPassphrase('');
    onImported(result.value.id);
  };

  return (
    <form className="mdi-stack" onSubmit={(event) => void submit(event)} aria-label="Import backup">
      <div className="mdi-field">
        <label htmlFor={fileId}>Backup file</label>
        <input
          id={fileId}
          type="file"
          accept=".json,application/json"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (!file) return;
            if (file.size > 256_000) return setError({ code: 'backup_too_large' });
            void file.text().then(setText);
          }}
        />
      </div>
      <TextField label="Backup passphrase" type="password" value={passphrase} onChange={setPassphrase} hint="The passphrase the key had when the backup was made." />
      <div>
        <button type="submit" disabled={busy}>
          Import backup
        </button>
      </div>
      <ErrorMessage error={error} />
    </form>
  );
}

/** The backup's API origin when it is an https host that needs the user's permission; else null (the background judges the rest). */
function otherApiHostOf(text: string, localBuild: boolean): string | null {
  let baseUrl: unknown;
  try {
    baseUrl = (JSON.parse(text) as { profile?: { baseUrl?: unknown } } | null)?.profile?.baseUrl;
  } catch {
    return null;
  }
  const checked = checkApiBaseUrl(typeof baseUrl === 'string' ? baseUrl : '', { localBuild });
  return checked.ok && checked.needsPermission ? checked.origin : null;
}
